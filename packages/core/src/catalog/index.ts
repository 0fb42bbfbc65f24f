import { assertCan, useUser } from "../actor/index.ts";
import * as Audit from "../audit/index.ts";
import { put, putNew, queryAll, transact } from "../db/index.ts";
import { ConflictError, NotFoundError, refuse, ValidationError } from "../error/index.ts";
import { nowIso } from "../time/index.ts";
import { parse } from "../validation/index.ts";
import {
  AddOpdSchema,
  AddProgramSchema,
  DEFAULT_CATALOG,
  SaveCategoryRoutesSchema,
  SaveRoutesSchema,
  serviceFieldName,
  SetServiceFieldSchema,
  slug,
  type Catalog,
  type CategoryRoute,
  type Opd,
  type Program,
  type Route,
  type ServiceField,
} from "./schema.ts";

export * from "./schema.ts";

/**
 * The national catalogs plus the kabupaten's own programs (e.g. JAMKESDA), OPDs and referral routes,
 * kept in one partition (`CATALOG`) so one Query reads them all and no redeploy is needed to change them.
 * A programme's field of service changed by the kabupaten (`PROGRAMFIELD#<code>`, national or own
 * programme alike) takes the place of the field it came with.
 */
export async function load(): Promise<Catalog> {
  const items = await queryAll<Record<string, unknown>>({
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": "CATALOG" },
  });
  const own = (kind: string) => items.filter((i) => String(i.sk).startsWith(`${kind}#`));
  const routes = items.find((i) => i.sk === "ROUTES")?.routes as Route[] | undefined;
  const categoryRoutes = items.find((i) => i.sk === "CATEGORYROUTES")?.routes as CategoryRoute[] | undefined;
  const changed = new Map(own("PROGRAMFIELD").map((i) => [i.code as string, i.serviceField as ServiceField]));
  const added = own("PROGRAM").map(
    ({ code, name, field, level, serviceField }) =>
      ({ code, name, field, level, ...(serviceField ? { serviceField } : {}) }) as Program,
  );
  return {
    opds: [...DEFAULT_CATALOG.opds, ...own("OPD").map(({ code, name }) => ({ code, name }) as Opd)],
    programs: [...DEFAULT_CATALOG.programs, ...added].map((p) =>
      changed.has(p.code) ? { ...p, serviceField: changed.get(p.code) } : p,
    ),
    routes: routes ?? DEFAULT_CATALOG.routes,
    // A category the kabupaten's list leaves out (added to the intake form later) keeps its default.
    categoryRoutes: DEFAULT_CATALOG.categoryRoutes.map(
      (d) => categoryRoutes?.find((r) => r.category === d.category) ?? d,
    ),
  };
}

/** Any signed-in user: the catalogs the forms offer. */
export async function get(): Promise<Catalog> {
  useUser();
  return load();
}

/** The OPD list, for any signed-in user (forms that pick an OPD). */
export async function listOpds(): Promise<Opd[]> {
  return (await get()).opds;
}

export async function opdName(code: string): Promise<string | undefined> {
  return (await load()).opds.find((o) => o.code === code)?.name;
}

async function add(
  kind: "OPD" | "PROGRAM",
  item: Record<string, unknown> & { code: string; name: string },
  existing: { code: string }[],
) {
  const caller = assertCan("catalog.update");
  if (existing.some((e) => e.code === item.code))
    throw ConflictError(`${kind === "OPD" ? "OPD" : "Program"} "${item.name}" sudah ada di katalog.`, "name");
  await transact([
    putNew(
      "catalog-item",
      {
        pk: "CATALOG",
        sk: `${kind}#${item.code}`,
        type: "catalog",
        ...item,
        createdBy: caller.username,
        createdAt: nowIso(),
      },
      `${item.name} sudah ada di katalog.`,
    ),
    Audit.entry({
      action: `catalog.add-${kind.toLowerCase()}`,
      target: { type: "catalog", id: item.code },
      summary: `Menambah ${kind === "OPD" ? "OPD" : "program"} ${item.name}`,
    }),
  ]);
}

/** Manager: an OPD of the kabupaten not in the national list. */
export async function addOpd(input: unknown): Promise<Opd> {
  assertCan("catalog.update");
  const data = parse(AddOpdSchema, input);
  const opd = { code: slug(data.name), name: data.name };
  await add("OPD", opd, (await load()).opds);
  return opd;
}

/** Manager: a program of the kabupaten (a local innovation such as JAMKESDA). */
export async function addProgram(input: unknown): Promise<Program> {
  assertCan("catalog.update");
  const data = parse(AddProgramSchema, input);
  const program = {
    code: slug(data.name),
    name: data.name,
    field: data.field,
    level: "kabupaten",
    serviceField: data.serviceField,
  };
  await add("PROGRAM", program, (await load()).programs);
  return program;
}

/**
 * Manager: the field of social welfare services of a programme, national or the kabupaten's own,
 * without a redeploy. Referrals approved afterwards carry the new field; those approved before keep
 * theirs, as the reports counted them.
 */
export async function setServiceField(code: string, input: unknown): Promise<Program> {
  const caller = assertCan("catalog.update");
  const { serviceField } = parse(SetServiceFieldSchema, input);
  const program = (await load()).programs.find((p) => p.code === code);
  if (!program) throw NotFoundError("Program");
  const before = program.serviceField ? serviceFieldName(program.serviceField) : "belum ditentukan";
  // Nothing to save: said so, not "saved", and no audit entry for a change that did not happen.
  if (program.serviceField === serviceField)
    refuse(
      "serviceField",
      `Bidang layanan ${program.name} sudah ${before}; pilih bidang lain untuk mengubahnya.`,
    );
  await transact([
    put("catalog-program-field", {
      pk: "CATALOG",
      sk: `PROGRAMFIELD#${code}`,
      type: "catalog",
      code,
      serviceField,
      updatedBy: caller.username,
      updatedAt: nowIso(),
    }),
    Audit.entry({
      action: "catalog.program-field",
      target: { type: "catalog", id: code },
      summary: `Mengubah bidang layanan ${program.name}: ${before} → ${serviceFieldName(serviceField)}`,
    }),
  ]);
  return { ...program, serviceField };
}

/** Refuses a route naming an OPD the kabupaten's catalog does not have, on the field that names it. */
async function assertKnownOpds(routes: { opds: string[] }[]) {
  const known = new Set((await load()).opds.map((o) => o.code));
  routes.forEach((route, i) =>
    route.opds.forEach((code, j) => {
      if (!known.has(code))
        throw ValidationError(`OPD "${code}" tidak ada di katalog.`, [
          { field: `routes.${i}.opds.${j}`, message: `OPD "${code}" tidak ada di katalog.` },
        ]);
    }),
  );
}

/** One catalog item replaced with its audit entry. */
async function replace(sk: string, routes: unknown[], action: string, summary: string) {
  const caller = assertCan("catalog.update");
  await transact([
    put(`catalog-${sk.toLowerCase()}`, {
      pk: "CATALOG",
      sk,
      type: "catalog",
      routes,
      updatedBy: caller.username,
      updatedAt: nowIso(),
    }),
    Audit.entry({ action, target: { type: "catalog", id: sk.toLowerCase() }, summary }),
  ]);
}

/** Manager: replaces the referral routes (which OPDs serve which PPKS types). */
export async function saveRoutes(input: unknown): Promise<Route[]> {
  assertCan("catalog.update");
  const { routes } = parse(SaveRoutesSchema, input);
  await assertKnownOpds(routes);
  await replace("ROUTES", routes, "catalog.routes", `Menyimpan ${routes.length} rute rujukan`);
  return routes;
}

/**
 * Manager: which OPDs answer each complaint category, as the referral form suggests them (with the
 * PPKS routes'). Categories left out of the list keep their default.
 */
export async function saveCategoryRoutes(input: unknown): Promise<CategoryRoute[]> {
  assertCan("catalog.update");
  const { routes } = parse(SaveCategoryRoutesSchema, input);
  await assertKnownOpds(routes);
  await replace(
    "CATEGORYROUTES",
    routes,
    "catalog.category-routes",
    `Menyimpan OPD ${routes.length} kategori pengaduan`,
  );
  return (await load()).categoryRoutes;
}
