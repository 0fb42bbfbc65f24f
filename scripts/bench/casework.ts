import { randomUUID } from "node:crypto";
import * as Case from "@puskesos/core/casework";
import * as Facility from "@puskesos/core/facility";
import * as Psks from "@puskesos/core/psks";
import * as Time from "@puskesos/core/time";

type Measure = <T>(operation: string, fn: () => Promise<T>) => Promise<T>;
type As = <T>(token: string, fn: () => Promise<T>) => Promise<T>;
type SignIn = (username: string) => Promise<{ token: string }>;

/**
 * Casework's operations (issue 13): a PSKS entry, a facility, one case through its five stages with
 * the supervisor's approvals and a shelter stay, the lists that show it, and a handover.
 */
export async function caseworkUnits(measure: Measure, as: As, signIn: SignIn) {
  const [worker, spv, manajer, koord] = await Promise.all(
    ["peksos.slawi", "spv.slawi", "manajer", "koord.kalisapu"].map(signIn),
  );
  const day = Time.today();
  await measure("PSKS: add an entry (koordinator)", () =>
    as(koord!.token, () =>
      Psks.add({ kind: "karang-taruna", name: "Karang Taruna Tunas Muda", contactName: "Rudi Hartono" }),
    ),
  );
  await measure("facility: add (manajer)", () =>
    as(manajer!.token, () =>
      Facility.add({
        code: "rps-slawi",
        name: "RPS Slawi",
        kind: "rumah-singgah",
        capacityL: 10,
        capacityP: 10,
        longStayDays: 14,
      }),
    ),
  );
  const w = <T>(fn: () => Promise<T>) => as(worker!.token, fn);
  const opened = await measure("case: open for a person brought in (no NIK)", () =>
    w(() =>
      Case.open({
        id: randomUUID(),
        source: "satpol-pp",
        client: { name: "Pak Darto", sex: "L", estimatedAge: 58, ppks: "gelandangan" },
      }),
    ),
  );
  const id = opened.id;
  let version = opened.version;
  const next = (view: { version: number }) => (version = view.version);
  next(
    await measure("case: assessment", () =>
      w(() =>
        Case.assess(id, {
          version,
          problems: "Tidak punya tempat tinggal dan identitas.",
          needs: "Tempat tinggal sementara, pelacakan keluarga.",
          conditions: ["tanpa-tempat-tinggal", "tanpa-identitas"],
        }),
      ),
    ),
  );
  next(
    await measure("case: plan submitted (2 goals, 3 steps)", () =>
      w(() =>
        Case.submitPlan(id, {
          version,
          goals: [
            {
              goal: "Tempat tinggal sementara yang aman",
              strategy: "Penempatan di rumah singgah",
              steps: [{ step: "Antar ke RPS", targetDate: day }],
            },
            {
              goal: "Keluarga ditemukan",
              strategy: "Pelacakan",
              steps: [
                { step: "Hubungi Dinas Sosial asal", targetDate: Time.addDays(day, 7) },
                { step: "Kunjungan keluarga", targetDate: Time.addDays(day, 14) },
              ],
            },
          ],
        }),
      ),
    ),
  );
  next(
    await measure("case: plan approved (supervisor)", () =>
      as(spv!.token, () => Case.approvePlan(id, { version })),
    ),
  );
  next(
    await measure("case: admitted to a shelter (bed counted)", () =>
      w(() => Case.admit(id, { version, facility: "rps-slawi", admittedOn: day })),
    ),
  );
  next(
    await measure("case: intervention completing a step", () =>
      w(() =>
        Case.intervene(id, {
          version,
          date: day,
          kind: "penempatan",
          goalId: "t1",
          completesStep: "t1.1",
          description: "Diantar ke RPS Slawi.",
        }),
      ),
    ),
  );
  await measure("case: worker's 'Perlu tindakan' (1 open case)", () =>
    w(() => Case.list({ status: "perlu-tindakan" })),
  );
  await measure("facilities: occupancy and current stays", () => w(() => Facility.currentStays()));
  const file = await measure("case: open the file (case + 6 entries, audited)", () => w(() => Case.get(id)));
  const stay = file.case.stays[0]!;
  next(
    await measure("case: discharge (bed freed)", () =>
      w(() => Case.discharge(id, { version, stayId: stay.id, dischargedOn: day })),
    ),
  );
  next(
    await measure("case: evaluation adjusting a target", () =>
      w(() =>
        Case.evaluate(id, {
          version,
          date: day,
          goals: [
            { goalId: "t1", progress: "tercapai" },
            { goalId: "t2", progress: "sebagian" },
          ],
          targetChanges: [{ stepId: "t2.1", targetDate: Time.addDays(day, 10) }],
        }),
      ),
    ),
  );
  next(
    await measure("case: termination submitted", () =>
      w(() =>
        Case.submitTermination(id, {
          version,
          date: day,
          reason: "kembali-ke-keluarga",
          destination: "Rumah anaknya di Brebes",
        }),
      ),
    ),
  );
  await measure("case: termination approved (supervisor)", () =>
    as(spv!.token, () => Case.approveTermination(id, { version })),
  );
  const other = await w(() =>
    Case.open({
      id: randomUUID(),
      source: "penjangkauan",
      client: { name: "Pak Karto", sex: "L", ppks: "gelandangan" },
    }),
  );
  await measure("case: handed over to another kabupaten (signed file)", () =>
    w(() =>
      Case.handOver(other.id, {
        version: other.version,
        toKabupatenCode: "33.29",
        receiver: "Dinas Sosial Kabupaten Brebes",
        reason: "Keluarga klien di Brebes.",
      }),
    ),
  );
}
