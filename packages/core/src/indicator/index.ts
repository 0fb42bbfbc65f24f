import { assertCan, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { slug } from "../catalog/schema.ts";
import { putNew, queryAll, transact, update } from "../db/index.ts";
import { NotFoundError, ValidationError, type FieldIssue } from "../error/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import { AddIndicatorSchema, type Indicator } from "./schema.ts";

export * from "./schema.ts";

const PARTITION = "INDICATORS";
const key = (code: string) => ({ pk: PARTITION, sk: `INDICATOR#${code}` });

/** All the kabupaten's indicators, active and retired, in the order they were added (one Query). */
export async function load(): Promise<Indicator[]> {
  const items = await queryAll<Indicator & Record<string, unknown>>({
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": PARTITION },
  });
  return items
    .map(({ code, label, kind, options, active, createdAt, createdBy, retiredAt, retiredBy }) => ({
      code,
      label,
      kind,
      ...(options ? { options } : {}),
      active,
      createdAt,
      createdBy,
      ...(retiredAt ? { retiredAt, retiredBy } : {}),
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Any signed-in user: the indicators the verification form asks. */
export async function list(): Promise<Indicator[]> {
  useUser();
  return load();
}

/** Manajer: a new indicator of the kabupaten. */
export async function add(input: unknown): Promise<Indicator> {
  const caller = assertCan("indicator.manage");
  const data = parse(AddIndicatorSchema, input);
  const code = slug(data.label).slice(0, 48);
  if (code.length < 2)
    throw ValidationError("Nama indikator harus memuat huruf atau angka.", [
      { field: "label", message: "Nama indikator harus memuat huruf atau angka." },
    ]);
  const indicator: Indicator = {
    code,
    label: data.label,
    kind: data.kind,
    ...(data.kind === "pilihan" && data.options ? { options: data.options } : {}),
    active: true,
    createdAt: nowIso(),
    createdBy: caller.username,
  };
  await transact([
    putNew(
      "indicator",
      { ...key(code), type: "indicator", ...indicator },
      `Indikator "${data.label}" sudah ada.`,
    ),
    Audit.entry({
      action: "indicator.add",
      target: { type: "indicator", id: code },
      summary: `Menambah indikator ${data.label}`,
    }),
  ]);
  return indicator;
}

/** Manajer: an indicator no longer asked; results that used it keep it. */
export async function retire(code: string): Promise<Indicator> {
  const caller = assertCan("indicator.manage");
  const found = (await load()).find((i) => i.code === code);
  if (!found) throw NotFoundError("Indikator");
  const retiredAt = nowIso();
  await transact([
    update("indicator", {
      key: key(code),
      set: { active: false, retiredAt, retiredBy: caller.username },
      expect: { active: true },
      conflict: `Indikator "${found.label}" sudah tidak dipakai.`,
    }),
    Audit.entry({
      action: "indicator.retire",
      target: { type: "indicator", id: code },
      summary: `Menghentikan indikator ${found.label}`,
    }),
  ]);
  return { ...found, active: false, retiredAt, retiredBy: caller.username };
}

/**
 * The values recorded for a result, checked against the kabupaten's indicators: a code it never had
 * or has retired, or a value of the wrong kind, is a 422 on that indicator.
 */
export async function check(values: Record<string, unknown>, field = "indicators"): Promise<void> {
  const indicators = new Map((await load()).map((i) => [i.code, i]));
  const issues: FieldIssue[] = [];
  for (const [code, value] of Object.entries(values)) {
    const indicator = indicators.get(code);
    const at = `${field}.${code}`;
    if (!indicator) issues.push({ field: at, message: `Indikator "${code}" tidak dikenal.` });
    else if (!indicator.active)
      issues.push({ field: at, message: `Indikator "${indicator.label}" sudah tidak dipakai kabupaten.` });
    else if (indicator.kind === "ya-tidak" && typeof value !== "boolean")
      issues.push({ field: at, message: `${indicator.label}: isi ya atau tidak.` });
    else if (
      indicator.kind === "angka" &&
      (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    )
      issues.push({ field: at, message: `${indicator.label}: isi angka 0 atau lebih.` });
    else if (indicator.kind === "pilihan" && !indicator.options?.includes(String(value)))
      issues.push({ field: at, message: `${indicator.label}: pilih salah satu pilihan yang ada.` });
  }
  if (issues.length) throw ValidationError(issues[0]!.message, issues);
}
