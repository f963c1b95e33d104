export * from "./periods.ts";
export * from "./snapshot.ts";
export * from "./reopen.ts";
