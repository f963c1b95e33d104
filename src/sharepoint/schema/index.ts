export * from "./list-titles.ts";
export * from "./records.ts";
export * from "./rows.ts";
export * from "./schema.ts";
export * from "./shared-reads.ts";
