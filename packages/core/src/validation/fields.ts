import * as v from "valibot";

/**
 * Field schemas every module shares, each defined once: the server validates with them, the OpenAPI
 * document describes them, and the Solid forms check with them, all with the same Indonesian message.
 */

/** Control characters break printed letters and receipts; a multi-line field keeps its line breaks. */
const NO_CONTROL = /^[^\p{Cc}]*$/u;
const NO_CONTROL_BUT_LINES = /^(?:[^\p{Cc}]|[\n\r\t])*$/u;

/** Free text with a label, a length range and no control characters (line breaks only when `multiline`). */
export const text = (label: string, min: number, max: number, options: { multiline?: boolean } = {}) =>
  v.pipe(
    v.string(`${label} harus berupa teks.`),
    v.title(label),
    v.trim(),
    // Nothing typed (or only spaces) is a missing field, not a short one.
    v.minLength(min, (issue) =>
      min <= 1 || issue.input === "" ? `${label} wajib diisi.` : `${label} minimal ${min} karakter.`,
    ),
    v.maxLength(max, `${label} maksimal ${max} karakter.`),
    v.regex(
      options.multiline ? NO_CONTROL_BUT_LINES : NO_CONTROL,
      `${label} berisi karakter yang tidak diizinkan.`,
    ),
  );

/**
 * One of a list of codes, picked from a select: an empty pick says the field must be chosen, any
 * other unknown value says it is not known, both naming the field by its label.
 */
export const choice = <const T extends readonly string[]>(
  options: T,
  label: string,
  unknown = `${label} tidak dikenal.`,
) =>
  v.pipe(
    v.picklist(options, (issue) => (issue.input === "" ? `${label} wajib dipilih.` : unknown)),
    v.title(label),
  );

/** A person's name: letters and marks as people write them, no control characters. */
export const fullName = (label: string) => text(label, 2, 100);

/** Longer free text typed in a text area (reasons, notes, descriptions). */
export const note = (label: string, min: number, max: number) => text(label, min, max, { multiline: true });

/** The version of a record the officer decided on; a decision on an older one is refused (409). */
export const VersionSchema = v.pipe(
  v.number("Versi harus berupa angka."),
  v.title("Versi"),
  v.integer("Versi harus bilangan bulat."),
  v.minValue(1, "Versi minimal 1."),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from a path could name a record at all (a longer one would be refused by the table as a 500). */
export const isUuid = (id: string) => UUID.test(id);

/** An id made on the device (UUID), so a resend of the same record is recognised. */
export const uuid = (label: string) =>
  v.pipe(
    v.string(`${label} harus berupa teks.`),
    v.title(label),
    v.maxLength(64, `${label} terlalu panjang.`),
    v.uuid(`${label} harus UUID.`),
  );

/** Text of a fixed form, refused with `message` (which names the field) when it does not match. */
export const pattern = (label: string, form: RegExp, message: string) =>
  v.pipe(v.string(`${label} harus berupa teks.`), v.title(label), v.regex(form, message));

/** A catalog code (OPD, program): lower-case letters, digits and dashes, at most 48. */
export const code = (label: string, message = `${label} tidak dikenal.`) =>
  pattern(label, /^[a-z0-9-]{2,48}$/, message);

/** A calendar date typed as `YYYY-MM-DD` (a day in the kabupaten, not an instant). */
export const isoDate = (label: string) =>
  v.pipe(
    v.string(`${label} harus berupa teks.`),
    v.title(label),
    v.isoDate((issue) =>
      issue.input === "" ? `${label} wajib diisi.` : `${label} harus berformat TTTT-BB-HH.`,
    ),
  );

/** A list page's opaque cursor. */
export const CursorSchema = v.pipe(
  v.string(),
  v.title("Penanda halaman"),
  v.maxLength(2048, "Penanda halaman terlalu panjang."),
);

/** One page of a list as the API answers it: the items and, when there are more, the cursor of the next. */
export const pageOf = <S extends v.GenericSchema>(item: S) =>
  v.object({ items: v.array(item), cursor: v.optional(v.string()) });

/** The body of an action that carries nothing but the version the officer saw. */
export const VersionOnlySchema = v.strictObject({ version: VersionSchema }, "Data harus berupa objek JSON.");

/** A region code at any level: PP.KK, PP.KK.CC or PP.KK.CC.DDDD. */
export const RegionCodeSchema = v.pipe(
  v.string("Kode wilayah harus berupa teks."),
  v.title("Kode wilayah"),
  v.trim(),
  v.regex(
    /^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/,
    "Kode wilayah harus berformat PP.KK, PP.KK.CC, atau PP.KK.CC.DDDD.",
  ),
);

/**
 * Another kabupaten or kota, sent as its code (PP.KK). Officers type its name, which the form turns into
 * the code; a name the form could not resolve (unknown, or shared: "Tangerang") is refused in those
 * words, not in words about codes.
 */
export const kabupatenCode = (label: string) =>
  v.pipe(
    v.string(`${label} harus berupa teks.`),
    v.title(label),
    v.trim(),
    v.regex(/^\d{2}\.\d{2}$/, (issue) =>
      issue.input === ""
        ? `${label} wajib diisi.`
        : `${label} "${String(issue.input).slice(0, 60)}" belum menunjuk satu kabupaten/kota: pilih dari daftar (nama lengkap atau kode seperti 33.29).`,
    ),
  );
