import { assertCan, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { getItem, put, transact } from "../db/index.ts";
import * as Region from "../region/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { DEFAULT_SETTINGS, UpdateSettingsSchema, type Settings } from "./schema.ts";

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
    ...(stored?.updatedAt ? { updatedAt: stored.updatedAt, updatedBy: stored.updatedBy ?? "" } : {}),
  };
}

export async function get(): Promise<Settings> {
  useUser();
  return load();
}

/** Manager or admin: due days per step and the letterhead. */
export async function update(input: unknown): Promise<Settings> {
  const caller = assertCan("settings.update");
  const data = parse(UpdateSettingsSchema, input);
  const next: Settings = { ...data, updatedAt: nowIso(), updatedBy: caller.username };
  await transact([
    put("settings", { ...KEY, type: "settings", ...next }),
    Audit.entry({
      action: "settings.update",
      target: { type: "settings", id: "kabupaten" },
      summary: `Batas hari: supervisor ${data.dueDays.supervisor}, manajer ${data.dueDays.manajer}, OPD ${data.dueDays.opd}`,
    }),
  ]);
  return next;
}
