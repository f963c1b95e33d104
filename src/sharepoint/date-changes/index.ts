export * from "./date-changes.ts";
