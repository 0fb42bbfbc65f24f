import { randomUUID } from "node:crypto";
import { NotFoundError, refuse } from "../error/index.ts";
import {
  admissionWrites,
  dischargeWrites,
  load as loadFacility,
  type StayRecord,
} from "../facility/index.ts";
import { local, today } from "../time/index.ts";
import { step } from "./step.ts";

/** A client placed in a facility from the case, and discharged; the facility's beds follow in the same transaction. */

export const admit = step("admit", async (input, { record, caller }) => {
  const facility = await loadFacility(input.facility);
  if (!facility || !facility.active) throw NotFoundError("Fasilitas");
  if (input.admittedOn > today()) refuse("admittedOn", "Tanggal masuk tidak boleh setelah hari ini.");
  if (input.admittedOn < local(record.openedAt).day)
    refuse("admittedOn", "Tanggal masuk tidak boleh sebelum kasus dibuka.");
  const lastOut = record.stays
    .map((s) => s.dischargedOn ?? "")
    .sort()
    .at(-1);
  if (lastOut && input.admittedOn < lastOut)
    refuse("admittedOn", "Tanggal masuk tidak boleh sebelum tanggal keluar dari penempatan sebelumnya.");
  const sex = record.client.sex as StayRecord["sex"];
  const stay: StayRecord = {
    id: randomUUID(),
    facility: facility.code,
    facilityName: facility.name,
    caseId: record.id,
    worker: record.worker,
    supervisionCode: record.supervisionCode,
    clientName: record.client.name,
    sex,
    admittedOn: input.admittedOn,
    admittedBy: caller.username,
  };
  const { id, facility: code, facilityName, admittedOn } = stay;
  return {
    set: { stays: [...record.stays, { id, facility: code, facilityName, admittedOn }] },
    data: { facility: facility.name, admittedOn, ...(input.note ? { note: input.note } : {}) },
    writes: admissionWrites(facility, stay),
  };
});

export const discharge = step("discharge", async (input, { record, caller }) => {
  const current = record.stays.find((s) => s.id === input.stayId && !s.dischargedOn);
  if (!current) refuse("stayId", "Penempatan itu tidak ada atau sudah tercatat keluar.");
  const stay = current!;
  if (input.dischargedOn < stay.admittedOn)
    refuse("dischargedOn", "Tanggal keluar tidak boleh sebelum tanggal masuk.");
  if (input.dischargedOn > today()) refuse("dischargedOn", "Tanggal keluar tidak boleh setelah hari ini.");
  return {
    set: {
      stays: record.stays.map((s) => (s.id === stay.id ? { ...s, dischargedOn: input.dischargedOn } : s)),
    },
    data: {
      facility: stay.facilityName,
      admittedOn: stay.admittedOn,
      dischargedOn: input.dischargedOn,
      ...(input.note ? { note: input.note } : {}),
    },
    writes: dischargeWrites(
      { id: stay.id, facility: stay.facility, sex: record.client.sex as "L" | "P" },
      input.dischargedOn,
      caller.username,
    ),
  };
});
