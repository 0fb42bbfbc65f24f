import * as Catalog from "../catalog/index.ts";
import { queryAll } from "../db/index.ts";
import type { ReferralRecord } from "../referral/record.ts";
import { stateIndex } from "../referral/record.ts";
import { STEP_OF } from "../referral/workflow.ts";
import type { ReferralState } from "../referral/workflow.ts";
import { nowIso } from "../time/index.ts";
import { SERVICE_STEPS, type Dashboard } from "./schema.ts";

/** Referrals of an area waiting past their due date now, with the step holding each (oldest due first). */
export async function overdueReferrals(area: string) {
  const now = nowIso();
  const found = await Promise.all(
    Object.entries(STEP_OF).map(async ([state, step]) =>
      (
        await queryAll<ReferralRecord>({
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :pk AND gsi2sk < :now",
          ExpressionAttributeValues: { ":pk": stateIndex(state as ReferralState), ":now": now },
        })
      )
        .filter((r) => r.desaCode === area || r.desaCode.startsWith(`${area}.`))
        .map((r) => ({ ...r, step })),
    ),
  );
  return found.flat().sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/**
 * Referrals of an area overdue now, per step and per OPD: a Query per waiting state on the
 * kabupaten's state index up to now (sorted by due date), so only overdue referrals are read; the area
 * is picked from those.
 */
export async function overdueNow(area: string): Promise<Dashboard["overdueNow"]> {
  const [all, catalog] = await Promise.all([overdueReferrals(area), Catalog.load()]);
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
