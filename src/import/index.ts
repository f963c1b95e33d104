// The import core's public surface: read a plan file (XLSX or CSV) into cell text, find its table, map it to
// a PlanImport with a preview of every problem. Pure: bytes in, data out; the parsers load on first use.
export { readPlanFile, ImportFileError, MAX_FILE_BYTES } from "./read-file.ts";
export {
  detectMapping,
  importMappingSchema,
  choosePlanSheet,
  parseSavedMapping,
  suggestTitle,
} from "./detect.ts";
export type { ImportMapping } from "./detect.ts";
export { mapPlan, mapSheet } from "./map.ts";
export type { PlanSheet } from "./map.ts";
export { LayoutError, readLayout } from "./layout.ts";
export type { FileLayout, LayoutOptions, PlanDraft, SheetSummary } from "./layout.ts";
export { formatProblem, rowRanges } from "./problems.ts";
export { COLUMN_ROLES, HEADING_READINGS } from "./types.ts";
export type {
  Cell,
  ColumnRole,
  HeadingReading,
  HeadingRow,
  ImportProblem,
  MapContext,
  MappedPlan,
  PlanFile,
  Sheet,
  SroChoice,
  SroSuggestion,
  UnmatchedSro,
} from "./types.ts";
export type * from "./plan-shape.ts";
