import * as v from "valibot";
// No import attribute: SST bundles with esbuild 0.18, which cannot parse `with { type: "json" }`.
import rest from "./catalogs.json";
import { code, text } from "../validation/fields.ts";
import { complaintCategories, ppks, rumpun } from "./intake.json";
import { CATEGORY_CODES, PPKS_CODES } from "./reference.ts";

export * from "./reference.ts";

/**
 * The national reference catalogs (shared/reference/catalogs.json, copied here without its prose, which
 * every Lambda cold start would load, so the package is self-contained): the intake form's lists in
 * intake.json, the rest in catalogs.json. These are the defaults; the kabupaten's own programs and OPDs,
 * its routes and its programmes' fields of service are stored in the table (index.ts).
 */
export const CATALOGS = { rumpun, ppks, complaintCategories, ...rest };
const catalogs = CATALOGS;

export const OpdSchema = v.object({ code: v.string(), name: v.string() });
export type Opd = v.InferOutput<typeof OpdSchema>;
export const OpdListSchema = v.array(OpdSchema);

/**
 * The code of a catalog name: its letters and digits in lower case joined by dashes, at most 48
 * characters (the length a route's OPD code may have). A name of no Latin letter or digit has none.
 */
export const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 48)
    .replace(/-$/, "");

/**
 * OPDs named by the referral routes, plus Dinas Sosial, which hosts the SLRT secretariat and receives
 * the social rehabilitation referrals even though the routes name it only implicitly.
 */
export const OPDS: Opd[] = [
  ...new Set(["Dinas Sosial", ...catalogs.opdRoutes.flatMap((route) => route.opd.map((o) => o.name))]),
].map((name) => ({ code: slug(name), name }));

export function opdName(code: string): string | undefined {
  return OPDS.find((opd) => opd.code === code)?.name;
}

export const PSKS_CODES = catalogs.psks.map((p) => p.code);
/** The four fields of social welfare services (UU 11/2009; seed 004), each programme in one of them. */
export const SERVICE_FIELDS = catalogs.serviceFields;
export const SERVICE_FIELD_CODES = ["rehabilitasi", "perlindungan", "jaminan", "pemberdayaan"] as const;
export type ServiceField = (typeof SERVICE_FIELD_CODES)[number];
export const serviceFieldName = (code: string) => SERVICE_FIELDS.find((f) => f.code === code)?.name;

export const programName = (code: string) => catalogs.programs.find((p) => p.code === code)?.name;

/** The programme fields (`field`) each back-office field of a category offers. */
export const FIELDS_OF: Record<string, string[]> = {
  kesehatan: ["kesehatan"],
  pendidikan: ["pendidikan"],
  "sosial-ekonomi": ["sosial", "ekonomi"],
  "survei-data": ["sosial"],
};

export const ProgramSchema = v.object({
  code: v.string(),
  name: v.string(),
  field: v.string(),
  level: v.string(),
  /** One of the four fields of social welfare services; the kabupaten may change it in the catalog. */
  serviceField: v.optional(v.picklist(SERVICE_FIELD_CODES)),
});
export type Program = v.InferOutput<typeof ProgramSchema>;

/** A referral route: for these PPKS types, these OPDs (by code). */
export const RouteSchema = v.object({
  case: v.string(),
  ppks: v.array(v.string()),
  opds: v.array(v.string()),
});
export type Route = v.InferOutput<typeof RouteSchema>;
export const RouteListSchema = v.array(RouteSchema);

/** A category route: the OPDs (by code) that answer complaints of one category. */
export const CategoryRouteSchema = v.object({ category: v.string(), opds: v.array(v.string()) });
export type CategoryRoute = v.InferOutput<typeof CategoryRouteSchema>;
export const CategoryRouteListSchema = v.array(CategoryRouteSchema);

/** The national defaults and the kabupaten's own additions, as the forms use them. */
export const CatalogSchema = v.object({
  opds: v.array(OpdSchema),
  programs: v.array(ProgramSchema),
  routes: v.array(RouteSchema),
  categoryRoutes: v.array(CategoryRouteSchema),
});
export type Catalog = v.InferOutput<typeof CatalogSchema>;

export const DEFAULT_ROUTES: Route[] = catalogs.opdRoutes.map((route) => ({
  case: route.case,
  ppks: route.ppks,
  opds: [...new Set(route.opd.map((o) => slug(o.name)))],
}));

/**
 * The OPDs that answer each complaint category, by name as the routes name them. The seeds route by PPKS
 * type only; this is the project's default for the category, from the roles the routes give each OPD
 * ("jaminan dan fasilitas pelayanan kesehatan"; Dinas Sosial for social assistance and the DTKS). The
 * kabupaten changes them in its catalog.
 */
export const CATEGORY_OPDS: Record<string, string[]> = {
  kesehatan: ["Dinas Kesehatan", "RSUD", "BPJS"],
  pendidikan: ["Dinas Pendidikan"],
  bansos: ["Dinas Sosial"],
  ekonomi: ["Dinas Perinaker", "Dinas Perdagangan, UKM dan Koperasi", "Dinas Pertanian"],
  perumahan: ["Dinas Sosial"],
  "data-dtks": ["Dinas Sosial"],
  rehabilitasi: ["Dinas Sosial", "Dinas PP2PA dan KB"],
};

/** Every category of the intake form, with its default OPDs (none for a category the defaults leave out). */
export const DEFAULT_CATEGORY_ROUTES: CategoryRoute[] = complaintCategories.map((c) => ({
  category: c.code,
  opds: (CATEGORY_OPDS[c.code] ?? []).map(slug),
}));

export const DEFAULT_CATALOG: Catalog = {
  opds: OPDS,
  // Parsed once, so a default field outside the four fails loudly at start rather than in a report.
  programs: v.parse(v.array(ProgramSchema), catalogs.programs),
  routes: DEFAULT_ROUTES,
  categoryRoutes: DEFAULT_CATEGORY_ROUTES,
};

const name = (label: string) => text(label, 3, 120);

/** A name a code is made from (`slug`): without two letters or digits it would be stored under no code. */
const catalogName = (label: string) =>
  v.pipe(
    name(label),
    v.check((value) => slug(value) !== "", "Nama harus memuat huruf atau angka."),
    v.check((value) => slug(value).length !== 1, "Nama harus memuat minimal 2 huruf atau angka."),
  );

export const AddOpdSchema = v.strictObject(
  { name: catalogName("Nama OPD") },
  "Data OPD harus berupa objek JSON.",
);

/** One of the four fields of social welfare services, where a programme is added or its field changed. */
const serviceField = v.pipe(
  v.picklist(
    SERVICE_FIELD_CODES,
    "Bidang layanan harus rehabilitasi, perlindungan, jaminan, atau pemberdayaan sosial.",
  ),
  v.title("Bidang layanan"),
);

export const AddProgramSchema = v.strictObject(
  {
    name: catalogName("Nama program"),
    field: v.pipe(
      v.picklist(
        ["kesehatan", "pendidikan", "sosial", "ekonomi"],
        "Bidang program harus kesehatan, pendidikan, sosial, atau ekonomi.",
      ),
      v.title("Bidang program"),
    ),
    serviceField,
  },
  "Data program harus berupa objek JSON.",
);

/** A programme's field of social welfare services, changed by the kabupaten (national or its own). */
export const SetServiceFieldSchema = v.strictObject(
  { serviceField },
  "Data bidang layanan harus berupa objek JSON.",
);

export const SaveRoutesSchema = v.strictObject(
  {
    routes: v.pipe(
      v.array(
        v.strictObject(
          {
            case: name("Nama kasus"),
            ppks: v.pipe(
              v.array(v.picklist(PPKS_CODES, "Jenis PPKS tidak dikenal."), "PPKS harus berupa daftar."),
              v.minLength(1, "Pilih minimal satu jenis PPKS."),
            ),
            opds: v.pipe(
              v.array(code("OPD", "Kode OPD tidak valid."), "OPD harus berupa daftar."),
              v.minLength(1, "Pilih minimal satu OPD."),
            ),
          },
          "Rute harus berupa objek.",
        ),
        "Rute harus berupa daftar.",
      ),
      v.title("Rute rujukan"),
      v.maxLength(100, "Rute rujukan maksimal 100."),
    ),
  },
  "Data rute harus berupa objek JSON.",
);

export const SaveCategoryRoutesSchema = v.strictObject(
  {
    routes: v.pipe(
      v.array(
        v.strictObject(
          {
            category: v.picklist(CATEGORY_CODES, "Kategori pengaduan tidak dikenal."),
            // Empty: the category suggests no OPD (the PPKS routes still do).
            opds: v.array(code("OPD", "Kode OPD tidak valid."), "OPD harus berupa daftar."),
          },
          "Rute kategori harus berupa objek.",
        ),
        "Rute kategori harus berupa daftar.",
      ),
      v.title("OPD per kategori"),
      v.check(
        (routes) => new Set(routes.map((r) => r.category)).size === routes.length,
        "Setiap kategori hanya boleh muncul sekali.",
      ),
    ),
  },
  "Data rute kategori harus berupa objek JSON.",
);
