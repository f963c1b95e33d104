// The action feature's way to SharePoint: its components import runtime values from here, never from
// src/sharepoint (eslint holds it; `import type` of records may still come from src/sharepoint).
export * from "./change-history.ts";
export * from "./conflicts.ts";
export * from "./date-changes.ts";
export * from "./progress-updates.ts";
export * from "./reopen.ts";
