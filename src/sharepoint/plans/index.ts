export * from "./milestones.ts";
export * from "./plan-admin.ts";
export * from "./plans.ts";
export * from "./structure-common.ts";
export * from "./structure-moves.ts";
export * from "./structure.ts";
