export * from "./schema.ts";
export { createExport } from "./create.ts";
export { exportFile, listExports, type ExportFile } from "./read.ts";
