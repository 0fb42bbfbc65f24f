import * as v from "valibot";
import { text } from "../validation/fields.ts";

/**
 * The kabupaten's own indicators of a household's welfare (seed 003 §3.2.5 (4)), recorded by the
 * survey team beside the national F1 variables. The manajer adds or retires them without a redeploy;
 * a retired one stays on the results that used it and is refused on new ones.
 */
export const INDICATOR_KINDS = {
  "ya-tidak": "Ya / tidak",
  angka: "Angka",
  pilihan: "Pilihan",
} as const;
export type IndicatorKind = keyof typeof INDICATOR_KINDS;

export const IndicatorSchema = v.object({
  code: v.string(),
  label: v.string(),
  kind: v.picklist(Object.keys(INDICATOR_KINDS) as [IndicatorKind, ...IndicatorKind[]]),
  /** For `pilihan`: the choices. */
  options: v.optional(v.array(v.string())),
  active: v.boolean(),
  createdAt: v.string(),
  createdBy: v.string(),
  retiredAt: v.optional(v.string()),
  retiredBy: v.optional(v.string()),
});
export type Indicator = v.InferOutput<typeof IndicatorSchema>;
export const IndicatorListSchema = v.array(IndicatorSchema);

export const AddIndicatorSchema = v.pipe(
  v.strictObject(
    {
      label: text("Nama indikator", 3, 120),
      kind: v.pipe(
        v.picklist(Object.keys(INDICATOR_KINDS) as [IndicatorKind, ...IndicatorKind[]], (issue) =>
          issue.input === "" ? "Jenis isian wajib dipilih." : "Jenis isian tidak dikenal.",
        ),
        v.title("Jenis isian"),
      ),
      options: v.optional(
        v.pipe(
          v.array(text("Pilihan", 1, 60), "Pilihan harus berupa daftar."),
          v.title("Pilihan"),
          v.maxLength(12, "Pilihan maksimal 12."),
        ),
      ),
    },
    "Data indikator harus berupa objek JSON.",
  ),
  v.forward(
    v.check(
      (input) => input.kind !== "pilihan" || (input.options?.length ?? 0) >= 2,
      "Indikator pilihan memerlukan minimal 2 pilihan.",
    ),
    ["options"],
  ),
);

/** A value recorded for an indicator: yes/no, a number, or one of its choices. */
export const IndicatorValueSchema = v.union(
  [v.boolean(), v.number(), v.pipe(v.string(), v.maxLength(60))],
  "Nilai indikator harus ya/tidak, angka, atau salah satu pilihan.",
);
