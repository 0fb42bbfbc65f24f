export * from "./client.ts";
export * from "./bootstrap.ts";
export * from "./schema.ts";
export * from "./health.ts";
export * from "./paging.ts";
export * from "./query.ts";
export * from "./transaction.ts";
export * from "./update.ts";
