export * from "./provision-plan.ts";
export * from "./provision-read.ts";
export * from "./provision-security.ts";
export * from "./provision.ts";
