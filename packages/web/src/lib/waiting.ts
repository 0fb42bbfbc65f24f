import { COMPLAINT_WORKFLOW, type ComplaintView } from "@puskesos/core/complaint/schema";
import { api, call } from "./api.ts";

/**
 * The complaints waiting for the desa's back office: those in the states its actions start from
 * (as the complaint workflow declares them), newest first within each state.
 */
export async function waitingComplaints(): Promise<ComplaintView[]> {
  const pages = await Promise.all(
    COMPLAINT_WORKFLOW.actions.handle.from.map((state) =>
      call(api.complaints.search.$post({ json: { state } })),
    ),
  );
  return pages.flatMap((p) => p.items);
}
