export * from "./apply-pending.ts";
export * from "./pending-updates.ts";
export * from "./update-pages.ts";
export * from "./updates.ts";
export * from "./keep-applied.ts";
