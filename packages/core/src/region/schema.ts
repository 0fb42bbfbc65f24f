/** Region shapes as the API sends them; shared with the browser. */
export interface Desa {
  code: string;
  name: string;
  /** Kelurahan codes have serial 1xxx, desa 2xxx (Permendagri 72/2019). */
  kind: "desa" | "kelurahan";
  kecamatanCode: string;
}

export interface Kecamatan {
  code: string;
  name: string;
  desa: Desa[];
}

export interface Kabupaten {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  timeZone: TimeZone;
  kecamatan: Kecamatan[];
}

export type TimeZone = "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";
