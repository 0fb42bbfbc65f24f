import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { assertRole, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { transact, useDb } from "../db/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { DEFAULT_SETTINGS, UpdateSettingsSchema, type Settings } from "./schema.ts";

export * from "./schema.ts";

const KEY = { pk: "CONFIG", sk: "KABUPATEN" };

/** The kabupaten's settings; defaults until the manager saves some. */
export async function load(): Promise<Settings> {
  const db = useDb();
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: KEY }));
  const stored = out.Item as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...stored, dueDays: { ...DEFAULT_SETTINGS.dueDays, ...stored?.dueDays } };
}

export async function get(): Promise<Settings> {
  useUser();
  return load();
}

/** Manager or admin: due days per step and the letterhead. */
export async function update(input: unknown): Promise<Settings> {
  const caller = assertRole("manajer", "admin");
  const data = parse(UpdateSettingsSchema, input);
  const next: Settings = { ...data, updatedAt: nowIso(), updatedBy: caller.username };
  const db = useDb();
  await transact(
    [
      { Put: { TableName: db.table, Item: { ...KEY, type: "settings", ...next } } },
      Audit.entry({
        action: "settings.update",
        target: { type: "settings", id: "kabupaten" },
        summary: `Batas hari: supervisor ${data.dueDays.supervisor}, manajer ${data.dueDays.manajer}, OPD ${data.dueDays.opd}`,
      }),
    ],
    () => "Pengaturan tidak dapat disimpan. Coba lagi.",
  );
  return next;
}
