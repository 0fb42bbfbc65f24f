import { packKabupaten, type BuiltRegions } from "./built.ts";
import { nationalLists, nationalSource } from "./national.ts";
import { packKecamatan } from "./source.ts";

/**
 * The source text of a kabupaten's region module: its own kecamatan and desa, every kabupaten's name
 * and every kecamatan's code, as one JSON string (parsed faster than the same object as code).
 * Refuses a code idn-area-data does not have.
 */
export async function regionModuleSource(code: string): Promise<string> {
  const [kabupaten, lists] = await Promise.all([nationalSource.kabupaten(code), nationalLists()]);
  const data: BuiltRegions = {
    kabupaten: packKabupaten(kabupaten),
    names: lists.kabupaten,
    kecamatan: packKecamatan(lists.kecamatanCodes),
  };
  return [
    `// Made at build time from idn-area-data for ${code} ${kabupaten.name} (packages/core/src/region/module.ts).`,
    `import { builtSource } from "@puskesos/core/region/built";`,
    `export const source = builtSource(JSON.parse(${JSON.stringify(JSON.stringify(data))}));`,
    "",
  ].join("\n");
}
