import { key as complaintKey } from "../complaint/record.ts";
import { useConfig } from "../config/index.ts";
import { queryAll, transact, update } from "../db/index.ts";
import * as Timeline from "../timeline/index.ts";
import { key, type ProposalRecord } from "./record.ts";

/**
 * Closing the loop (DESIGN §3.9): a new DPM import of a desa that holds a member of one of its
 * proposed households marks that proposal "masuk DPM" with the import, and its complaint and the
 * resident's status page say so. One Query of the desa's proposals, at import time, never on a read.
 */
export async function markIncluded(
  desaCode: string,
  imported: ReadonlySet<string>,
  importId: string,
  importedAt: string,
): Promise<number> {
  const proposals = await queryAll<ProposalRecord>({
    IndexName: "gsi2",
    KeyConditionExpression: "gsi2pk = :pk AND begins_with(gsi2sk, :desa)",
    ExpressionAttributeValues: { ":pk": `PROPOSALS#${useConfig().kabupatenCode}`, ":desa": `${desaCode}#` },
  });
  let marked = 0;
  for (const p of proposals) {
    if (p.inDpm || p.state === "dibatalkan" || !p.members.some((m) => imported.has(m.nikh))) continue;
    await transact([
      update("proposal", { key: key(p.id), set: { inDpm: { importedAt, importId } } }),
      update("complaint-proposal", {
        key: complaintKey(p.complaintId),
        set: { proposalInDpmOn: importedAt },
        expect: { proposalId: p.id },
      }),
      Timeline.event(p.complaintId, { entity: "proposal", action: "proposal.in-dpm" }),
    ]);
    marked += 1;
  }
  return marked;
}
