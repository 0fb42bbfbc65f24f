import * as v from "valibot";

export const StatusQuerySchema = v.strictObject(
  {
    code: v.pipe(
      v.string("Kode pelacakan harus berupa teks."),
      v.title("Kode pelacakan"),
      v.trim(),
      v.toUpperCase(),
      v.transform((s) => s.replace(/[^A-Z0-9]/g, "")),
      v.regex(/^[A-Z0-9]{8}$/, "Kode pelacakan terdiri dari 8 huruf/angka, mis. K7MP-2QXD."),
      v.transform((s) => `${s.slice(0, 4)}-${s.slice(4)}`),
    ),
    nikLast4: v.pipe(
      v.string("4 angka terakhir NIK harus berupa teks."),
      v.title("4 angka terakhir NIK"),
      v.regex(/^\d{4}$/, "Isi 4 angka terakhir NIK pelapor."),
    ),
  },
  "Data harus berupa objek JSON.",
);

export interface PublicStatus {
  code: string;
  state: string;
  stateLabel: string;
  category: string;
  desa: string;
  registeredOn: string;
  updatedAt: string;
}
