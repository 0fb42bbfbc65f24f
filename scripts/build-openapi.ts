import { writeFileSync } from "node:fs";
import { app } from "@puskesos/functions/app";
import { OPENAPI_FILE } from "../infra/bundling.ts";

/**
 * Writes the OpenAPI document the Lambda serves (it ships without the generator; see
 * infra/lambda-openapi.ts). Run by the Api stack at synthesis and by the benchmark.
 */
const res = await app.request("/api/openapi.json");
if (res.status !== 200) throw new Error(`OpenAPI document: HTTP ${res.status}`);
writeFileSync(OPENAPI_FILE, JSON.stringify(await res.json()));
