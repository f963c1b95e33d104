export * from "./report-data.ts";
