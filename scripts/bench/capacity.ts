import { randomUUID } from "node:crypto";
import { BatchGetCommand, type TransactWriteCommandInput } from "@puskesos/core/db";
import * as Actor from "@puskesos/core/actor";
import * as Auth from "@puskesos/core/auth";
import * as Case from "@puskesos/core/casework";
import * as Complaint from "@puskesos/core/complaint";
import { cancel } from "@puskesos/core/complaint/cancel";
import { configure, deriveKeys } from "@puskesos/core/config";
import { configureDb, ensureTable, type Db } from "@puskesos/core/db";
import * as Demo from "@puskesos/core/demo";
import * as Dpm from "@puskesos/core/dpm";
import { importCsv } from "@puskesos/core/dpm/import";
import * as Musdes from "@puskesos/core/musdes";
import * as Proposal from "@puskesos/core/proposal";
import * as ProposalExport from "@puskesos/core/proposal-export";
import * as Queue from "@puskesos/core/queue";
import * as Referral from "@puskesos/core/referral";
import * as Time from "@puskesos/core/time";
import * as Tracking from "@puskesos/core/tracking";
import { startDynamoLocal } from "../../packages/functions/src/local/dynamo.ts";
import { caseworkUnits } from "./casework.ts";
import { tableBytes, type TableBytes } from "./table-bytes.ts";
import { kindOf, writeUnits, type Change } from "./write-units.ts";

/**
 * Request units each operation consumes, on DynamoDB Local. Reads are the read request units it
 * reports with ReturnConsumedCapacity=INDEXES (strongly consistent GetItem of ≤ 4 KB = 1, a BatchGet's
 * eventually consistent item = 0.5). Writes are counted from each written item's images before and
 * after (write-units.ts, DynamoDB's published rules: ≤ 1 KB per item and index entry = 1, a
 * transaction doubles each item's), because DynamoDB Local reports a transaction far too low and
 * ignores what an index projects.
 */
export interface Units {
  operation: string;
  read: number;
  write: number;
  calls: number;
  /** Time the operation took here (core code over DynamoDB Local), milliseconds. */
  ms: number;
  /** Lasting bytes the operation added to the table and to its index copies (TTL items left out). */
  bytes: TableBytes;
  /** The write units by kind of item written (write-units.ts `kindOf`). */
  writeBy: Record<string, number>;
}

const READS = new Set(["GetItem", "Query", "BatchGetItem", "Scan", "TransactGetItems"]);

interface Consumed {
  CapacityUnits?: number;
}

type Key = { pk: string; sk: string };

/** The items a write command touches, and whether each only checks a condition. */
function writeKeys(command: string, input: Record<string, unknown>): { key: Key; check: boolean }[] {
  const keyOf = (item: Key) => ({ pk: item.pk, sk: item.sk });
  const one = (spec: { Item?: Key; Key?: Key }) => ({ key: keyOf((spec.Item ?? spec.Key)!), check: false });
  if (command === "PutItem" || command === "UpdateItem" || command === "DeleteItem")
    return [one(input as { Item?: Key; Key?: Key })];
  if (command === "BatchWriteItem")
    return Object.values(
      input.RequestItems as Record<string, { PutRequest?: { Item: Key }; DeleteRequest?: { Key: Key } }[]>,
    )
      .flat()
      .map((r) => one({ Item: r.PutRequest?.Item, Key: r.DeleteRequest?.Key } as { Item?: Key; Key?: Key }));
  if (command === "TransactWriteItems")
    return ((input as TransactWriteCommandInput).TransactItems ?? []).map((t) => {
      const check = t.ConditionCheck;
      return {
        ...one((t.Put ?? t.Update ?? t.Delete ?? check) as { Item?: Key; Key?: Key }),
        check: Boolean(check),
      };
    });
  return [];
}

export function meter(db: Db) {
  const totals = { read: 0, write: 0, calls: 0, by: {} as Record<string, number> };
  // Each change is billed on its own (writeUnits adds them up), so the kinds sum to the total.
  const bill = (changes: (Change & { key: Key })[], transaction: boolean) => {
    for (const { key, ...change } of changes) {
      const units = writeUnits([change], transaction);
      const kind = kindOf(key);
      totals.write += units;
      totals.by[kind] = (totals.by[kind] ?? 0) + units;
    }
  };
  // The meter's own reads (the images) are not the operation's. Known by their input, not by a flag
  // raised while they run: an operation's calls may run side by side (a DPM import sends 8 batches at
  // once), and a flag let the others' calls go uncounted while one batch's images were read.
  const own = new WeakSet<object>();
  const images = async (keys: Key[]) => {
    const found: Record<string, unknown>[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      const chunk = [...new Map(keys.slice(i, i + 100).map((k) => [`${k.pk}\n${k.sk}`, k])).values()];
      const read = new BatchGetCommand({
        RequestItems: { [db.table]: { Keys: chunk, ConsistentRead: true } },
      });
      own.add(read.input);
      const out = await db.doc.send(read);
      found.push(...(out.Responses?.[db.table] ?? []));
    }
    return keys.map((k) => found.find((i) => i.pk === k.pk && i.sk === k.sk));
  };
  db.doc.use(async ({ operation: command, input }, next) => {
    if (own.has(input)) return next();
    input.ReturnConsumedCapacity = "INDEXES";
    const writes = writeKeys(command, input);
    const transaction = command === "TransactWriteItems";
    const before = writes.length ? await images(writes.map((w) => w.key)) : [];
    totals.calls += 1;
    let out;
    try {
      out = await next();
    } catch (error) {
      // A refused condition is billed too: the item was read for it, nothing changed.
      bill(
        writes.map((w, i) => ({ key: w.key, before: before[i], after: before[i], check: true })),
        transaction,
      );
      throw error;
    }
    if (writes.length) {
      const after = await images(writes.map((w) => w.key));
      bill(
        writes.map((w, i) => ({ key: w.key, before: before[i], after: after[i], check: w.check })),
        transaction,
      );
      return out;
    }
    const consumed = ([] as Consumed[]).concat(
      (out as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity ?? [],
    );
    // CapacityUnits covers the table and its indexes.
    const units = consumed.reduce((n, c) => n + (c.CapacityUnits ?? 0), 0);
    if (READS.has(command)) totals.read += units;
    else totals.write += units;
    return out;
  });
  return totals;
}

export async function measureCapacity(): Promise<Units[]> {
  const dynamo = await startDynamoLocal();
  try {
    configure({ secureCookies: false, ...deriveKeys(randomUUID()) });
    const db = configureDb({ tableName: "bench", endpoint: dynamo.endpoint, region: "local" });
    await ensureTable(db);
    await Actor.provide({ type: "system", name: "bench" }, () => Demo.seed());
    const totals = meter(db);
    const rows: Units[] = [];
    const measure = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
      const bytesBefore = await tableBytes(db);
      const before = { ...totals, by: { ...totals.by } };
      const started = performance.now();
      const result = await fn();
      const ms = performance.now() - started;
      const after = { ...totals, by: { ...totals.by } };
      // The scans around the operation are the benchmark's own: `before` and `after` leave them out.
      const bytesAfter = await tableBytes(db);
      rows.push({
        operation,
        read: round(after.read - before.read),
        write: round(after.write - before.write),
        calls: after.calls - before.calls,
        ms: round(ms),
        writeBy: Object.fromEntries(
          Object.entries(after.by)
            .map(([kind, n]) => [kind, round(n - (before.by[kind] ?? 0))] as const)
            .filter(([, n]) => n > 0),
        ),
        bytes: {
          table: bytesAfter.table - bytesBefore.table,
          indexes: bytesAfter.indexes - bytesBefore.indexes,
        },
      });
      return result;
    };
    const ip = "127.0.0.1";
    const signIn = (username: string) =>
      Actor.provide({ type: "public", ip }, () => Auth.login({ username, password: Demo.DEMO_PASSWORD }));
    const as = async <T>(token: string, fn: () => Promise<T>) => {
      const actor = await Auth.Session.resolve(token, ip);
      if (!actor) throw new Error("no session");
      return Actor.provide(actor, fn);
    };

    const admin = await measure("sign in (session + audit)", () => signIn("admin"));
    const fo = await signIn("fo.kalisapu");
    await measure("resolve session (every signed-in request)", () => Auth.Session.resolve(fo.token, ip));
    const residents = Array.from({ length: 1000 }, (_, i) => ({
      nik: `33281001019${String(i + 1).padStart(5, "0")}`,
      name: `Warga ${i}`,
    }));
    const csv = ["NIK,NAMA,DESIL", ...residents.map((r, i) => `${r.nik},${r.name},${(i % 10) + 1}`)].join(
      "\n",
    );
    await measure("import DPM, 1,000 rows (admin)", () =>
      as(admin.token, () => importCsv("33.28.10.2001", csv)),
    );
    await measure("queue: take a number", () => as(fo.token, () => Queue.take()));
    await measure("queue: today's list (1 ticket)", () => as(fo.token, () => Queue.todayQueue()));
    await measure("DPM check by NIK", () =>
      as(fo.token, () => Dpm.lookupByNik("33.28.10.2001", { nik: residents[5]!.nik })),
    );
    const base = {
      category: "kesehatan",
      description: "Butuh bantuan biaya berobat.",
      ppks: ["fakir-miskin"],
      legalBasis: "persetujuan",
      consent: true,
    };
    const found = await measure("register complaint, resident in DPM", () =>
      as(fo.token, () =>
        Complaint.register({
          ...base,
          id: randomUUID(),
          reporter: { nik: residents[5]!.nik, name: "Warga 5", rt: "1", rw: "2" },
        }),
      ),
    );
    const notFound = await measure("register complaint, not in DPM", () =>
      as(fo.token, () =>
        Complaint.register({
          ...base,
          id: randomUUID(),
          reporter: { nik: "3328105806920003", name: "Wati", rt: "1", rw: "2" },
        }),
      ),
    );
    await measure("register complaint, resend of the same", () =>
      as(fo.token, () =>
        Complaint.register({
          ...base,
          id: found.complaint.id,
          reporter: { nik: residents[5]!.nik, name: "Warga 5", rt: "1", rw: "2" },
        }),
      ),
    );
    const proposed = await measure("propose household (2 members)", () =>
      as(fo.token, () =>
        Proposal.create({
          id: randomUUID(),
          complaintId: notFound.complaint.id,
          members: [
            { nik: "3328105806920003", name: "Wati", relationship: "kepala-keluarga" },
            { nik: "3328101001150005", name: "Ahmad", relationship: "anak" },
          ],
          houseCondition: "tidak-layak",
          incomeSource: "buruh-harian",
        }),
      ),
    );
    await exportUnits(measure, as, signIn, proposed.proposal);
    await caseworkUnits(measure, as, signIn);
    // What the complaint's page asks: the complaint with its timeline, one access-log entry.
    await measure("open a complaint (read + audit)", () =>
      as(fo.token, () => Complaint.getWithTimeline(found.complaint.id)),
    );
    await measure("search complaints by day (2 results)", () =>
      as(fo.token, () => Complaint.list({ day: found.complaint.queueDay })),
    );
    const bo = await signIn("bo.kalisapu");
    // The back office may open cases, so its page asks for the complaint's open case: none was ever
    // opened (no `case.open` in the timeline just read), so no read more. Then one opened from it.
    await measure("open a complaint (back office, no case)", () =>
      as(bo.token, () => Complaint.getWithTimeline(found.complaint.id)),
    );
    await as(bo.token, () =>
      Case.open({
        id: randomUUID(),
        source: "pengaduan",
        complaintId: found.complaint.id,
        worker: "peksos.slawi",
        client: { name: found.complaint.reporter.name, ppks: "fakir-miskin" },
      }),
    );
    await measure("open a complaint (back office, its case named)", () =>
      as(bo.token, () => Complaint.getWithTimeline(found.complaint.id)),
    );
    const spv = await signIn("spv.slawi");
    const manajer = await signIn("manajer");
    const opd = await signIn("opd.dinkes");
    const referral = await measure("refer a complaint (back office)", () =>
      as(bo.token, () =>
        Referral.create({
          id: randomUUID(),
          complaintId: found.complaint.id,
          reason: "Biaya operasi di luar kemampuan desa.",
          urgency: "segera",
          needs: "Jaminan kesehatan.",
          opds: ["dinas-kesehatan"],
          programs: ["kis-pbi"],
        }),
      ),
    );
    await measure("inbox (supervisor)", () => as(spv.token, () => Referral.inbox()));
    await measure("referral: supervisor forwards", () =>
      as(spv.token, () => Referral.forward(referral.id, { version: 1 })),
    );
    await measure("referral: manager approves (+ letter number)", () =>
      as(manajer.token, () =>
        Referral.approve(referral.id, {
          version: 2,
          opd: "dinas-kesehatan",
          program: "kis-pbi",
        }),
      ),
    );
    await measure("referral: OPD accepts", () =>
      as(opd.token, () => Referral.accept(referral.id, { version: 3 })),
    );
    await measure("referral: OPD records the outcome (+ complaint closes)", () =>
      as(opd.token, () =>
        Referral.complete(referral.id, {
          version: 4,
          service: "Didaftarkan PBI-JK.",
          servedOn: Time.today(),
          reference: "PBI/1",
        }),
      ),
    );
    await measure("public status page", () =>
      Actor.provide({ type: "public", ip: "10.0.0.9" }, () =>
        Tracking.status({ code: found.complaint.trackingCode, nikLast4: residents[5]!.nik.slice(12) }),
      ),
    );
    const local = await as(fo.token, () =>
      Complaint.register({
        ...base,
        id: randomUUID(),
        reporter: { nik: residents[7]!.nik, name: "Warga 7", rt: "1", rw: "2" },
      }),
    );
    await measure("desa back office resolves a complaint", () =>
      as(bo.token, () =>
        Complaint.resolve(local.complaint.id, {
          version: local.complaint.version,
          answer: "Dijelaskan syarat dan diurus desa.",
        }),
      ),
    );
    const twice = await as(fo.token, () =>
      Complaint.register({
        ...base,
        id: randomUUID(),
        reporter: { nik: residents[8]!.nik, name: "Warga 8", rt: "1", rw: "2" },
      }),
    );
    await measure("cancel a complaint (registered twice)", () =>
      as(fo.token, () =>
        cancel(twice.complaint.id, {
          version: twice.complaint.version,
          reason: "Terdaftar dua kali.",
        }),
      ),
    );
    return rows;
  } finally {
    await dynamo.stop();
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The household above through its life: the visit scheduled and its result recorded by the survey
 * team, the musdes deciding on it, then the manajer's export of one desa and its XLSX download.
 */
async function exportUnits(
  measure: <T>(operation: string, fn: () => Promise<T>) => Promise<T>,
  as: <T>(token: string, fn: () => Promise<T>) => Promise<T>,
  signIn: (username: string) => Promise<{ token: string }>,
  proposal: Proposal.ProposalView,
) {
  const [survei, koord, manajer] = await Promise.all(["survei", "koord.kalisapu", "manajer"].map(signIn));
  const day = Time.today();
  await measure("proposal: survey team schedules the visit", () =>
    as(survei!.token, () =>
      Proposal.schedule(proposal.id, { version: 1, visitDate: day, officers: ["Teguh Prasetyo"] }),
    ),
  );
  const verified = await measure("proposal: survey team records the result (F1)", () =>
    as(survei!.token, () =>
      Proposal.verify(proposal.id, {
        version: 2,
        resultId: randomUUID(),
        result: "layak",
        reason: "Rumah tidak layak huni.",
        visitDate: day,
        members: proposal.members.map((m, existing) => ({
          existing,
          name: m.name,
          relationship: m.relationship,
        })),
        houseCondition: "tidak-layak",
        incomeSource: "buruh-harian",
        assets: ["ternak"],
        indicators: {},
      }),
    ),
  );
  await measure("musdes: recorded with one decision", () =>
    as(koord!.token, () =>
      Musdes.record({
        id: randomUUID(),
        date: day,
        place: "Balai desa",
        present: 30,
        minutesRef: "BA/1",
        decisions: [{ proposalId: proposal.id, version: verified.version, confirmed: true }],
      }),
    ),
  );
  const { batch } = await measure("export proposals, one desa (1 household, 2 members)", () =>
    as(manajer!.token, () => ProposalExport.createExport({ id: randomUUID(), desaCode: proposal.desaCode })),
  );
  await measure("download an export batch as XLSX (1 household)", () =>
    as(manajer!.token, () => ProposalExport.exportFile(batch.id, { format: "xlsx" })),
  );
}
