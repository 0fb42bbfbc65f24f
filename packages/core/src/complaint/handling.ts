import { useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { transact } from "../db/index.ts";
import { ConflictError, NotFoundError } from "../error/index.ts";
import * as Timeline from "../timeline/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { assertMayTake, authorize } from "../workflow/index.ts";
import { involved } from "../psks/index.ts";
import { load, moveItem, toView } from "./record.ts";
import type { ComplaintView } from "./schema.ts";
import { COMPLAINT_STATE_LABELS, COMPLAINT_WORKFLOW, HandlingSchema } from "./workflow.ts";

/** The back office records the answer and handling (`handle`) or resolves the complaint in the desa (`resolve`). */
function step(action: "handle" | "resolve") {
  const spec = COMPLAINT_WORKFLOW.actions[action];
  return async (id: string, input: unknown): Promise<ComplaintView> => {
    const caller = useUser();
    assertMayTake(COMPLAINT_WORKFLOW, action, caller);
    const data = parse(HandlingSchema, input);
    const record = await load(id);
    if (!record) throw NotFoundError("Pengaduan");
    authorize(COMPLAINT_WORKFLOW, action, record, caller, {
      version: data.version,
      stale: () =>
        ConflictError(
          `Pengaduan ini sudah berubah: sekarang "${COMPLAINT_STATE_LABELS[record.state]}". Muat ulang untuk melihatnya.`,
        ),
    });
    const psksUsed = data.psksIds?.length ? await involved(record.desaCode, data.psksIds) : undefined;
    const now = nowIso();
    const handling = {
      answer: data.answer,
      ...(data.handling ? { handling: data.handling } : {}),
      ...(data.villageProgram ? { villageProgram: data.villageProgram } : {}),
      ...(data.serviceField ? { serviceField: data.serviceField } : {}),
      psks: data.psks ?? [],
      ...(psksUsed ? { psksUsed } : {}),
      by: caller.username,
      at: now,
    };
    await transact([
      ...moveItem(record, spec.to, { handling }),
      Timeline.event(id, {
        entity: "complaint",
        action: `complaint.${action}`,
        from: record.state,
        to: spec.to,
        note: data.answer,
      }),
      Audit.entry({
        action: `complaint.${action}`,
        target: { type: "complaint", id },
        summary: spec.done,
        person: record.reporter.nikh,
      }),
    ]);
    return toView(
      {
        ...record,
        state: spec.to,
        handling,
        ...(spec.to === "selesai" ? { closedAt: now } : {}),
        updatedAt: now,
        version: record.version + 1,
      },
      caller,
    );
  };
}

export const handle = step("handle");
export const resolve = step("resolve");
