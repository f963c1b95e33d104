export * from "./periods.ts";
export * from "./snapshot.ts";
