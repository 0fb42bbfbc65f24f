import { assertCan, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { can } from "../actor/permissions.ts";
import { useConfig } from "../config/index.ts";
import { getItem, putNew, queryAll, transact, update, type Write } from "../db/index.ts";
import { NotFoundError, FieldError } from "../error/index.ts";
import { daysBetween, nowIso, today } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { reaches } from "../workflow/index.ts";
import { CASE_WORKFLOW, type CaseSubject } from "../casework/workflow.ts";
import { AddFacilitySchema, UpdateFacilitySchema, type CurrentStay, type Facility } from "./schema.ts";

export * from "./schema.ts";

/**
 * The kabupaten's facilities and who stays in them. Occupancy is a count on the facility item, raised
 * only while it is below the capacity for the client's sex, in the same transaction as the stay: two
 * admissions racing for the last bed cannot both succeed.
 */
const partition = () => `FACILITY#${useConfig().kabupatenCode}`;
const facilityKey = (code: string) => ({ pk: partition(), sk: code });
export const stayKey = (id: string) => ({ pk: `STAY#${id}`, sk: "STAY" });

const view = (item: Facility & Record<string, unknown>): Facility => ({
  code: item.code,
  name: item.name,
  kind: item.kind,
  capacityL: item.capacityL,
  capacityP: item.capacityP,
  occupiedL: item.occupiedL,
  occupiedP: item.occupiedP,
  longStayDays: item.longStayDays,
  ...(item.address ? { address: item.address } : {}),
  active: item.active,
  version: item.version,
});

export async function list(): Promise<Facility[]> {
  const caller = useUser();
  if (!can(caller.role, "facility.read")) assertCan("facility.manage");
  return listAll();
}

/** Every facility, for a caller already checked (the dashboard's bed counts). */
export async function listAll(): Promise<Facility[]> {
  const items = await queryAll<Facility & Record<string, unknown>>({
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": partition() },
  });
  return items.map(view).sort((a, b) => a.name.localeCompare(b.name));
}

export const load = async (code: string) =>
  /^[a-z0-9-]{2,48}$/.test(code) ? getItem<Facility>(facilityKey(code)) : undefined;

export async function add(input: unknown): Promise<Facility> {
  assertCan("facility.manage");
  const data = parse(AddFacilitySchema, input);
  const facility: Facility = { ...data, occupiedL: 0, occupiedP: 0, active: true, version: 1 };
  await transact([
    putNew(
      "facility",
      { ...facilityKey(data.code), type: "facility", ...facility },
      `Kode fasilitas ${data.code} sudah dipakai.`,
    ),
    Audit.entry({ action: "facility.add", target: { type: "facility", id: data.code }, summary: data.name }),
  ]);
  return facility;
}

export async function change(code: string, input: unknown): Promise<Facility> {
  const caller = assertCan("facility.manage");
  const data = parse(UpdateFacilitySchema, input);
  const current = await load(code);
  if (!current) throw NotFoundError("Fasilitas");
  for (const sex of ["L", "P"] as const)
    if (data[`capacity${sex}`] < current[`occupied${sex}`]) {
      const message = `Kapasitas ${sex === "L" ? "laki-laki" : "perempuan"} tidak boleh kurang dari penghuni saat ini (${current[`occupied${sex}`]}).`;
      throw FieldError(`capacity${sex}`, message);
    }
  const { version, ...fields } = data;
  await transact([
    update("facility", {
      key: facilityKey(code),
      set: { ...fields, updatedAt: nowIso(), updatedBy: caller.username },
      add: { version: 1 },
      // Occupancy must not have grown past the new capacity since the form was read.
      expect: { version, occupiedL: current.occupiedL, occupiedP: current.occupiedP },
      conflict: `Fasilitas ini sudah berubah sejak dibuka (versi ${version}). Muat ulang lalu coba lagi.`,
    }),
    Audit.entry({ action: "facility.change", target: { type: "facility", id: code }, summary: data.name }),
  ]);
  return { ...current, ...fields, version: version + 1 };
}

export interface StayRecord {
  id: string;
  facility: string;
  facilityName: string;
  caseId: string;
  /** Who may see the client's name on the occupancy screen: the case's worker and supervisor area. */
  worker: string;
  supervisionCode: string;
  clientName: string;
  sex: "L" | "P";
  admittedOn: string;
  dischargedOn?: string;
  admittedBy: string;
}

const SEX_WORD = { L: "laki-laki", P: "perempuan" } as const;

/** The writes of an admission: a bed taken (only while one is free for the sex) and the stay recorded. */
export function admissionWrites(facility: Facility, stay: StayRecord): Write[] {
  const occupied = `occupied${stay.sex}`;
  return [
    update("facility-bed", {
      key: facilityKey(facility.code),
      add: { [occupied]: 1 },
      expect: { active: true },
      below: { [occupied]: `capacity${stay.sex}` },
      conflict: `Tempat untuk ${SEX_WORD[stay.sex]} di ${facility.name} sudah penuh (${facility[`capacity${stay.sex}`]} tempat). Pilih fasilitas lain.`,
    }),
    putNew("stay", {
      ...stayKey(stay.id),
      type: "stay",
      gsi1pk: `STAYS#${useConfig().kabupatenCode}`,
      gsi1sk: `${stay.facility}#${stay.admittedOn}#${stay.id}`,
      ...stay,
    }),
  ];
}

/** The writes of a discharge: the bed freed and the stay closed (out of the current stays' index). */
export function dischargeWrites(
  stay: Pick<StayRecord, "id" | "facility" | "sex">,
  dischargedOn: string,
  by: string,
): Write[] {
  return [
    update("facility-bed", { key: facilityKey(stay.facility), add: { [`occupied${stay.sex}`]: -1 } }),
    update("stay", {
      key: stayKey(stay.id),
      set: { dischargedOn, dischargedBy: by },
      remove: ["gsi1pk", "gsi1sk"],
      expect: { dischargedOn: undefined },
      conflict: "Klien ini sudah tercatat keluar dari fasilitas.",
    }),
  ];
}

/** Who stays now, by facility and day of admission, with the stays longer than the facility's limit marked. */
export async function currentStays(): Promise<CurrentStay[]> {
  const caller = assertCan("facility.read");
  const [facilities, stays] = await Promise.all([
    list(),
    queryAll<StayRecord>({
      IndexName: "gsi1",
      KeyConditionExpression: "gsi1pk = :pk",
      ExpressionAttributeValues: { ":pk": `STAYS#${useConfig().kabupatenCode}` },
    }),
  ]);
  const limit = new Map(facilities.map((f) => [f.code, f.longStayDays]));
  const day = today();
  return stays.map((s) => {
    const days = daysBetween(s.admittedOn, day);
    // Another worker's client is a bed taken, not a name: case data stays with those who reach the case.
    // Reach depends only on the worker and the supervising area; state and version play no part.
    const subject: CaseSubject = {
      worker: s.worker,
      supervisionCode: s.supervisionCode,
      state: "intervensi",
      version: 1,
      stays: [],
    };
    const named = reaches(CASE_WORKFLOW, subject, caller);
    return {
      id: s.id,
      facility: s.facility,
      ...(named ? { caseId: s.caseId } : {}),
      clientName: named ? s.clientName : "Klien pekerja sosial lain",
      sex: s.sex,
      admittedOn: s.admittedOn,
      days,
      long: days > (limit.get(s.facility) ?? Infinity),
    };
  });
}

export const loadStay = (id: string) => getItem<StayRecord>(stayKey(id));
