import { DescribeTableCommand } from "./commands.ts";
import { log } from "../log/index.ts";
import { useDb } from "./client.ts";
import type { StorageStatus } from "./schema.ts";

/** A cheap control-plane call that proves the table is reachable (no read units consumed). */
export async function storageStatus(): Promise<StorageStatus> {
  const db = useDb();
  const started = performance.now();
  try {
    const out = await db.doc.send(new DescribeTableCommand({ TableName: db.table }));
    const status = out.Table?.TableStatus ?? "UNKNOWN";
    return {
      ok: status === "ACTIVE",
      table: db.table,
      status,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    log("error", "storage health check failed", {
      error: (error as Error).name,
      message: (error as Error).message,
    });
    return {
      ok: false,
      table: db.table,
      status: "UNREACHABLE",
      latencyMs: Math.round(performance.now() - started),
    };
  }
}
