import { ppksName } from "../catalog/reference.ts";

/**
 * The ages a PPKS type is defined for (Permensos 08/2012 on PMKS; a child is under 18, UU 35/2014; an
 * older person 60 or more, UU 13/1998). Only the types whose name holds an age: the others fit anyone.
 * Anak terlantar and anak jalanan reach 18 inclusive, as the regulation says "sampai dengan 18"; the other
 * child types stop below 18.
 */
const AGES: Record<string, { min?: number; max?: number; words: string }> = {
  "anak-balita-terlantar": { max: 5, words: "5 tahun ke bawah" },
  "anak-terlantar": { min: 6, max: 18, words: "6 sampai 18 tahun" },
  "anak-jalanan": { min: 5, max: 18, words: "5 sampai 18 tahun" },
  "anak-disabilitas": { max: 17, words: "anak, di bawah 18 tahun" },
  "anak-berhadapan-hukum": { max: 17, words: "anak, di bawah 18 tahun" },
  "anak-korban-kekerasan": { max: 17, words: "anak, di bawah 18 tahun" },
  "anak-perlindungan-khusus": { max: 17, words: "anak, di bawah 18 tahun" },
  "lansia-terlantar": { min: 60, words: "60 tahun ke atas" },
};

/** Where a client's age was read from, as the message says it. */
export type AgeSource = "tanggal lahir" | "NIK" | "perkiraan umur";

/**
 * Why a PPKS type does not fit a client's age, or undefined when it does (or no age is known). Asked
 * to be confirmed rather than refused: the worker may know better (a wrong birth date on a card).
 */
export function ppksAgeProblem(ppks: string, age: number | undefined, source: AgeSource): string | undefined {
  const range = AGES[ppks];
  if (!range || age === undefined) return undefined;
  if ((range.min === undefined || age >= range.min) && (range.max === undefined || age <= range.max))
    return undefined;
  return `Umur klien ${age} tahun (dari ${source}) di luar ${ppksName(ppks) ?? ppks} (${range.words}). Pilih jenis PPKS yang sesuai; bila sudah benar, centang konfirmasi lalu simpan lagi.`;
}

/** The PPKS types checked against an age (for the test that each is in the catalog). */
export const AGED_PPKS = Object.keys(AGES);
