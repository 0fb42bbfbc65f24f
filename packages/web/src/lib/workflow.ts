import { assertMayTake } from "@puskesos/core/workflow";
import { me } from "./session.ts";

/**
 * Whether the signed-in user's role may take `action` of a workflow core declares, for a control
 * that comes before any record (a list's "full NIK" download: the complaint workflow's `reveal-nik`).
 * Core decides, with the check the server makes before a 403; the web only asks. On one record, ask
 * its view's `actions` instead.
 */
export function mayTake(workflow: Parameters<typeof assertMayTake>[0], action: string): boolean {
  const user = me();
  if (!user) return false;
  try {
    assertMayTake(workflow, action, user);
    return true;
  } catch {
    return false;
  }
}
