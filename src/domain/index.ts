// The domain core's public surface: pure types and rules, no I/O. Tab, CLI, SharePoint and notify code
// import from here.
export * from "./types.ts";
export * from "./iso-date.ts";
export * from "./limits.ts";
export { parseTargetDate } from "./target-date.ts";
export type { TargetDateContext } from "./target-date.ts";
export * from "./status.ts";
export * from "./figures.ts";
export * from "./sro.ts";
export * from "./plan-order.ts";
// The reminder rules' values are imported from "./reminders/index.ts" itself: re-exported here, they would
// bring date-holidays (~280 KB gzip) onto the tab's first screen once "Chase now" loads them lazily.
export type * from "./reminders/index.ts";
