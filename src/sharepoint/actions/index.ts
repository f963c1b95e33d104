export * from "./change-history.ts";
export * from "./history.ts";
export * from "./my-actions.ts";
export * from "./reopen.ts";
