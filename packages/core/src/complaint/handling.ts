import * as v from "valibot";
import { assertInScope, assertRole } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { PSKS_CODES } from "../catalog/schema.ts";
import { transact } from "../db/index.ts";
import { ConflictError, NotFoundError } from "../error/index.ts";
import * as Timeline from "../timeline/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { load, toView } from "./index.ts";
import { moveItem } from "./move.ts";
import { COMPLAINT_STATE_LABELS, type ComplaintState, type ComplaintView } from "./schema.ts";

/** What the desa's back office gave and did (DESIGN §3 step 4). */
export const HandlingSchema = v.strictObject(
  {
    version: v.pipe(
      v.number("Versi harus berupa angka."),
      v.title("Versi"),
      v.integer("Versi harus bilangan bulat."),
    ),
    answer: v.pipe(
      v.string("Jawaban harus berupa teks."),
      v.title("Jawaban/informasi"),
      v.trim(),
      v.minLength(5, "Jawaban/informasi minimal 5 karakter."),
      v.maxLength(2000, "Jawaban/informasi maksimal 2000 karakter."),
    ),
    handling: v.optional(
      v.pipe(
        v.string("Penanganan harus berupa teks."),
        v.trim(),
        v.maxLength(2000, "Penanganan maksimal 2000 karakter."),
      ),
    ),
    villageProgram: v.optional(
      v.pipe(
        v.string("Program desa harus berupa teks."),
        v.trim(),
        v.maxLength(200, "Program desa maksimal 200 karakter."),
      ),
    ),
    psks: v.optional(
      v.array(v.picklist(PSKS_CODES, "Jenis PSKS tidak dikenal."), "PSKS harus berupa daftar."),
    ),
  },
  "Data penanganan harus berupa objek JSON.",
);

const STEPS = {
  handle: {
    from: ["diteruskan", "ditangani"] as ComplaintState[],
    to: "ditangani" as ComplaintState,
    label: "Penanganan dicatat",
  },
  resolve: {
    from: ["diteruskan", "ditangani"] as ComplaintState[],
    to: "selesai" as ComplaintState,
    label: "Selesai ditangani desa",
  },
};

/** Back office: records the answer and handling (`ditangani`) or resolves the complaint in the desa (`selesai`). */
export async function handle(id: string, action: keyof typeof STEPS, input: unknown): Promise<ComplaintView> {
  const caller = assertRole("back-office", "koordinator");
  const data = parse(HandlingSchema, input);
  const step = STEPS[action];
  const record = await load(id);
  if (!record) throw NotFoundError("Pengaduan");
  assertInScope(record.desaCode, "Pengaduan");
  if (record.version !== data.version || !step.from.includes(record.state))
    throw ConflictError(
      `Pengaduan ini sudah berubah: sekarang "${COMPLAINT_STATE_LABELS[record.state]}". Muat ulang untuk melihatnya.`,
    );
  const now = nowIso();
  const handling = {
    answer: data.answer,
    handling: data.handling,
    villageProgram: data.villageProgram,
    psks: data.psks ?? [],
    by: caller.username,
    at: now,
  };
  await transact(
    [
      // JSON round trip: optional fields left empty are dropped, not stored as undefined.
      moveItem(record, step.to, { handling: JSON.parse(JSON.stringify(handling)) }),
      Timeline.event(id, {
        action: `complaint.${action}`,
        from: record.state,
        to: step.to,
        note: data.answer,
      }),
      Audit.entry({ action: `complaint.${action}`, target: { type: "complaint", id }, summary: step.label }),
    ],
    () => "Pengaduan ini baru saja diubah orang lain. Muat ulang lalu coba lagi.",
  );
  return toView({ ...record, state: step.to, updatedAt: now, version: record.version + 1 });
}

/** The complaint's timeline, for anyone who may open it. */
export async function timeline(id: string): Promise<Timeline.TimelineEvent[]> {
  assertRole("front-office", "back-office", "koordinator", "supervisor", "manajer");
  const record = await load(id);
  if (!record) throw NotFoundError("Pengaduan");
  assertInScope(record.desaCode, "Pengaduan");
  return Timeline.list(id);
}
