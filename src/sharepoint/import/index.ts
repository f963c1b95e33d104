export * from "./changes.ts";
export * from "./columns.ts";
export * from "./existing.ts";
export * from "./plan.ts";
export * from "./sync.ts";
export * from "./write.ts";
