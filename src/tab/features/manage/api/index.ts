// The manage feature's way to SharePoint (periods/, posts/, plan-settings/ share it): its components import
// runtime values from here, never from src/sharepoint (eslint holds it; `import type` of records may still
// come from src/sharepoint).
export * from "./periods.ts";
export * from "./plans.ts";
export * from "./posts.ts";
export * from "./warnings.ts";
