import { GetCommand } from "../db/commands.ts";
import { describe, use } from "../actor/index.ts";
import { Throttle } from "../auth/index.ts";
import { categoryName, opdName } from "../catalog/schema.ts";
import * as Complaint from "../complaint/index.ts";
import { COMPLAINT_PUBLIC_LABELS } from "../complaint/schema.ts";
import { useDb } from "../db/index.ts";
import { AppError } from "../error/index.ts";
import * as Region from "../region/index.ts";
import { desaLabel } from "../region/schema.ts";
import { parse } from "../validation/index.ts";
import { StatusQuerySchema, type PublicStatus } from "./schema.ts";
import { PROPOSAL_STATE_LABELS } from "../proposal/workflow.ts";
import { load as loadReferral } from "../referral/record.ts";
import { REFERRAL_PUBLIC_LABELS } from "../referral/workflow.ts";
import { kabupatenZone } from "../time/index.ts";

export * from "./schema.ts";

/**
 * The resident's public status page: the receipt's tracking code and the last four digits of the NIK
 * give the complaint's state and nothing personal. Lookups are counted per address (30 per 15 min).
 */
const MISMATCH = "Kode pelacakan atau 4 angka terakhir NIK tidak cocok.";

const SERVED_BY_OPD = new Set(["disetujui", "diterima-opd", "selesai"]);

export async function status(input: unknown): Promise<PublicStatus> {
  const ip = describe(use()).ip;
  const q = parse(StatusQuerySchema, input);
  const keys: Throttle.ThrottleKey[] = [{ kind: "status", value: ip }];
  await Throttle.check(keys);
  await Throttle.record(keys);
  const db = useDb();
  const track = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: { pk: `TRACK#${q.code}`, sk: "TRACK" } }),
  );
  // One answer for an unknown code and a wrong NIK: the page must not confirm that a code exists.
  if (!track.Item || track.Item.nikLast4 !== q.nikLast4) throw new AppError("not_found", MISMATCH);
  const record = await Complaint.load(String(track.Item.complaintId));
  if (!record) throw new AppError("not_found", MISMATCH);
  // A referral moves on (approved, taken by the OPD) while the complaint stays "dirujuk": one more read,
  // only for a referred complaint, so the resident sees those steps too.
  const [desa, referral] = await Promise.all([
    Region.find(record.desaCode),
    record.referralId ? loadReferral(record.referralId) : undefined,
  ]);
  const latest = referral && referral.updatedAt > record.updatedAt ? referral.updatedAt : record.updatedAt;
  return {
    code: q.code,
    state: record.state,
    stateLabel: COMPLAINT_PUBLIC_LABELS[record.state],
    category: categoryName(record.category) ?? record.category,
    desa: desa && desa.level === "desa" ? desaLabel(desa) : record.desaCode,
    registeredOn: record.queueDay,
    updatedAt: latest,
    timeZone: kabupatenZone(),
    ...(record.proposalState
      ? {
          proposal: {
            stateLabel: PROPOSAL_STATE_LABELS[record.proposalState],
            ...(record.proposalInDpmOn ? { inDpmOn: record.proposalInDpmOn } : {}),
          },
        }
      : {}),
    ...(referral
      ? {
          referral: {
            stateLabel: REFERRAL_PUBLIC_LABELS[referral.state],
            // Named only while that agency serves it: one that declined is the office's matter.
            ...(referral.opd && SERVED_BY_OPD.has(referral.state)
              ? { opd: opdName(referral.opd) ?? referral.opd }
              : {}),
          },
        }
      : {}),
  };
}
