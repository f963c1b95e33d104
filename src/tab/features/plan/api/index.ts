// The plan feature's way to SharePoint: its components import runtime values from here, never from
// src/sharepoint (eslint holds it; `import type` of records may still come from src/sharepoint).
export * from "./conflicts.ts";
export * from "./date-changes.ts";
export * from "./structure.ts";
