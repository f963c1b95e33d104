// The domain core's public surface: pure types and rules, no I/O. Tab, CLI, SharePoint and notify code
// import from here.
export * from "./types.ts";
export * from "./iso-date.ts";
export { parseTargetDate } from "./target-date.ts";
export type { TargetDateContext } from "./target-date.ts";
export * from "./status.ts";
export * from "./figures.ts";
export * from "./sro.ts";
export * from "./reminders/index.ts";
