/**
 * The national F1 variables of a household proposal (usulan) as the forms offer them: relationships
 * to the head of the family, house condition, main income, and assets owned. Codes are what is
 * stored and exported; labels are what people read.
 */
export const RELATIONSHIPS = {
  "kepala-keluarga": "Kepala keluarga",
  "suami-istri": "Suami/istri",
  anak: "Anak",
  menantu: "Menantu",
  cucu: "Cucu",
  "orang-tua": "Orang tua/mertua",
  "famili-lain": "Famili lain",
  lainnya: "Lainnya",
} as const;

export const HOUSE_CONDITIONS = {
  layak: "Layak huni",
  "kurang-layak": "Kurang layak (perlu perbaikan)",
  "tidak-layak": "Tidak layak huni",
  "tidak-punya": "Tidak punya rumah (menumpang)",
} as const;

export const INCOME_SOURCES = {
  "tidak-ada": "Tidak ada penghasilan tetap",
  "buruh-harian": "Buruh harian lepas",
  "petani-nelayan": "Petani / nelayan / peternak",
  "usaha-kecil": "Pedagang / usaha kecil",
  karyawan: "Karyawan / pegawai",
  "kiriman-keluarga": "Kiriman keluarga",
  lainnya: "Lainnya",
} as const;

export const ASSETS = {
  "sepeda-motor": "Sepeda motor",
  mobil: "Mobil",
  "lahan-sendiri": "Lahan/sawah milik sendiri",
  ternak: "Ternak (sapi, kerbau, kambing)",
  "emas-tabungan": "Emas/perhiasan atau tabungan di atas Rp500.000",
  kulkas: "Lemari es",
  "televisi-besar": "Televisi layar datar 30 inci ke atas",
  "perahu-motor": "Perahu motor",
} as const;

/** The codes of a vocabulary, as the tuple `choice` and `picklist` take. */
export const codesOf = <T extends object>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
