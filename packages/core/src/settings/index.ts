import { assertCan, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { getItem, put, transact, update as updateItem } from "../db/index.ts";
import * as Region from "../region/index.ts";
import {
  RETENTION_KINDS,
  RETENTION_NOUNS,
  retentionPeriods,
  type RetentionPeriods,
} from "../retention/schema.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import {
  DEFAULT_SETTINGS,
  UpdateRetentionOnlySchema,
  UpdateSettingsSchema,
  type Settings,
} from "./schema.ts";

export * from "./schema.ts";

const KEY = { pk: "CONFIG", sk: "KABUPATEN" };

/** The default letterhead names the kabupaten or kota itself: PEMERINTAH KOTA MAKASSAR. */
async function defaultLetterhead(): Promise<string[]> {
  const kabupaten = await Region.current();
  return [`PEMERINTAH ${kabupaten.name.toUpperCase()}`, ...DEFAULT_SETTINGS.letterhead.slice(1)];
}

/** The kabupaten's settings; defaults until the manager saves some. */
export async function load(): Promise<Settings> {
  const stored = await getItem<Partial<Settings>>(KEY);
  return {
    dueDays: { ...DEFAULT_SETTINGS.dueDays, ...stored?.dueDays },
    letterhead: stored?.letterhead ?? (await defaultLetterhead()),
    retention: retentionPeriods(stored?.retention),
    ...(stored?.updatedAt ? { updatedAt: stored.updatedAt, updatedBy: stored.updatedBy ?? "" } : {}),
  };
}

/** The retention periods alone, for the daily sweep (no letterhead, so no region lists to load). */
export async function retention(): Promise<RetentionPeriods> {
  return retentionPeriods((await getItem<Partial<Settings>>(KEY))?.retention);
}

export async function get(): Promise<Settings> {
  useUser();
  return load();
}

/** Manager or admin: due days per step, the letterhead, and the retention periods. */
export async function update(input: unknown): Promise<Settings> {
  const caller = assertCan("settings.update");
  const data = parse(UpdateSettingsSchema, input);
  const periods = data.retention ?? (await retention());
  const next: Settings = { ...data, retention: periods, updatedAt: nowIso(), updatedBy: caller.username };
  const kept = RETENTION_KINDS.map((k) => `${RETENTION_NOUNS[k]} ${periods[k]}`).join(", ");
  await transact([
    put("settings", { ...KEY, type: "settings", ...next }),
    Audit.entry({
      action: "settings.update",
      target: { type: "settings", id: "kabupaten" },
      summary: `Batas hari: supervisor ${data.dueDays.supervisor}, manajer ${data.dueDays.manajer}, OPD ${data.dueDays.opd}; masa simpan (bulan): ${kept}`,
    }),
  ]);
  return next;
}

/** The data protection officer (or manager, admin): the retention periods alone, the rest kept as it is. */
export async function updateRetention(input: unknown): Promise<Settings> {
  const caller = assertCan("retention.update");
  const { retention: periods } = parse(UpdateRetentionOnlySchema, input);
  const now = nowIso();
  await transact([
    updateItem("settings", {
      key: KEY,
      set: { type: "settings", retention: periods, updatedAt: now, updatedBy: caller.username },
      upsert: true,
    }),
    Audit.entry({
      action: "settings.retention",
      target: { type: "settings", id: "kabupaten" },
      summary: `Masa simpan (bulan): ${RETENTION_KINDS.map((k) => `${RETENTION_NOUNS[k]} ${periods[k]}`).join(", ")}`,
    }),
  ]);
  return load();
}
