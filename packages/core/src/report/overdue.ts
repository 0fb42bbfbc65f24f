import * as Catalog from "../catalog/index.ts";
import { queryAll } from "../db/index.ts";
import type { ReferralRecord } from "../referral/record.ts";
import { stateIndex } from "../referral/record.ts";
import { nowIso } from "../time/index.ts";
import { SERVICE_STEPS, type Dashboard } from "./schema.ts";

/** The open states of a referral by the step that holds it. */
const WAITING = [
  { state: "diajukan", step: "supervisor" },
  { state: "diteruskan", step: "manajer" },
  { state: "ditolak-opd", step: "manajer" },
  { state: "disetujui", step: "opd" },
  { state: "diterima-opd", step: "opd" },
] as const;

/**
 * Referrals of an area overdue now, per step and per OPD: a Query per waiting state on the
 * kabupaten's state index up to now (sorted by due date), so only overdue referrals are read; the area
 * is picked from those.
 */
export async function overdueNow(area: string): Promise<Dashboard["overdueNow"]> {
  const now = nowIso();
  const [found, catalog] = await Promise.all([
    Promise.all(
      WAITING.map(async ({ state, step }) =>
        (
          await queryAll<ReferralRecord>({
            IndexName: "gsi2",
            KeyConditionExpression: "gsi2pk = :pk AND gsi2sk < :now",
            ExpressionAttributeValues: { ":pk": stateIndex(state), ":now": now },
          })
        )
          .filter((r) => r.desaCode.startsWith(`${area}.`) || r.desaCode === area)
          .map((r) => ({ step, opd: r.opd })),
      ),
    ),
    Catalog.load(),
  ]);
  const all = found.flat();
  const opds = new Map<string, number>();
  for (const r of all) if (r.step === "opd" && r.opd) opds.set(r.opd, (opds.get(r.opd) ?? 0) + 1);
  return {
    total: all.length,
    byStep: SERVICE_STEPS.map(({ step, label }) => ({
      step,
      label,
      count: all.filter((r) => r.step === step).length,
    })),
    byOpd: [...opds].map(([code, count]) => ({
      code,
      name: catalog.opds.find((o) => o.code === code)?.name ?? code,
      count,
    })),
  };
}
