export * from "./schema.ts";
export { report } from "./access.ts";
export { answer, create, decline, get, list } from "./requests.ts";
