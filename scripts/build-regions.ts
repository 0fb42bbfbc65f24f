import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { regionModuleSource } from "@puskesos/core/region/module";

/**
 * `tsx scripts/build-regions.ts <kabupaten code> <file>`: writes the region module a kabupaten's
 * Lambda bundle carries instead of the national list (infra/bundling.ts, run at synthesis and by
 * the benchmark).
 */
const [code, file] = process.argv.slice(2);
if (!code || !file) throw new Error("Usage: build-regions.ts <kabupaten code> <output file>");
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, await regionModuleSource(code));
