// Finding the plan table in a sheet: the header row wherever it is (title rows above it), the columns by
// the names councils use, and the mapping saved with the plan so the next import reads the file the same way.
import { z } from "../lib/zod.ts";
import { headerKey, RIGHTMOST_WINS, roleOfHeader, roleOfPhrase } from "./headers.ts";
import { baseName } from "./text.ts";
import { COLUMN_ROLES, HEADING_READINGS, type ColumnRole, type PlanFile, type Sheet } from "./types.ts";

/** How far down a header row is looked for: a title block is a few rows, never a page. */
const HEADER_SEARCH_ROWS = 50;

/** The mapping as saved with the plan (JSON) and parsed back at the next import. */
export const importMappingSchema = z.object({
  sheet: z.string(),
  /** 1-based. */
  headerRow: z.int().check(z.minimum(1)),
  /** Each role's header text as written; matched case-, space- and punctuation-insensitively. */
  columns: z.partialRecord(z.enum(COLUMN_ROLES), z.string()),
  /**
   * "auto": a row with one value only (a heading such as "Priority area 1: Financial sustainability") opens
   * a recommendation, or a group within one; "none": such rows are read as ordinary rows.
   */
  headingRows: z.optional(z.enum(["auto", "none"])),
  /** Roles whose blank cells mean "as the row above" (text written once and left blank below). */
  fillDown: z.optional(z.array(z.enum(COLUMN_ROLES))),
  /** The sheets read into the plan, each an area (a recommendation), when the workbook has a sheet per area. */
  sheets: z.optional(z.array(z.string()).check(z.minLength(1))),
  /** For a file holding several plans: the plan column's value whose rows are this plan. */
  plan: z.optional(z.string()),
  /** A named workstream as an action holding its activities (the default), or as a label on each activity. */
  workstreams: z.optional(z.enum(["action", "label"])),
  /** The coordinator's reading of heading rows, by "Sheet!row". */
  headingReadings: z.optional(z.record(z.string(), z.enum(HEADING_READINGS))),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;

/** A mapping saved with a plan (JSON), or null when it no longer parses: the file is then mapped afresh. */
export function parseSavedMapping(json: string): ImportMapping | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = importMappingSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Roles filled down when a mapping does not say: a recommendation written once above its actions. */
export const DEFAULT_FILL_DOWN: readonly ColumnRole[] = ["recommendation", "recommendationTitle"];

/** The action text is the one column a plan cannot do without. */
const ACTION_ROLES: readonly ColumnRole[] = ["action", "milestone"];

/** A column the mapping uses: its 0-based index and header as written. */
export interface Column {
  index: number;
  header: string;
}

/**
 * The columns a header row names: phrases first ("Lead Officer" is the SRO even when "Lead Member" comes
 * before it), then words for the roles no phrase named.
 */
function columnsOf(row: readonly string[]): Map<ColumnRole, Column> {
  const found = new Map<ColumnRole, Column>();
  for (const read of [roleOfPhrase, roleOfHeader]) {
    const taken = new Set(found.keys());
    row.forEach((header, index) => {
      const role = read(header);
      if (role === null || taken.has(role) || [...found.values()].some((c) => c.index === index)) return;
      if (!found.has(role) || RIGHTMOST_WINS.has(role)) found.set(role, { index, header: header.trim() });
    });
  }
  return found;
}

/** The best header row: most roles named, an action column among them; first such row wins. */
function findHeaderRow(sheet: Sheet): { row: number; columns: Map<ColumnRole, Column> } | null {
  let best: { row: number; columns: Map<ColumnRole, Column> } | null = null;
  sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, index) => {
    const columns = columnsOf(cells);
    if (columns.size < 2 || !ACTION_ROLES.some((r) => columns.has(r))) return;
    if (best === null || columns.size > best.columns.size) best = { row: index + 1, columns };
  });
  return best;
}

/**
 * The mapping a sheet suggests: its header row (found below any title rows) and a column for each role
 * whose header councils use. With no header row it maps no columns, which `mapSheet` reports as an error.
 */
export function detectMapping(sheet: Sheet): ImportMapping {
  const found = findHeaderRow(sheet);
  const columns: ImportMapping["columns"] = {};
  for (const [role, column] of found?.columns ?? []) columns[role] = column.header;
  return {
    sheet: sheet.name,
    headerRow: found?.row ?? 1,
    columns,
    headingRows: "auto",
    fillDown: [...DEFAULT_FILL_DOWN],
  };
}

/** The sheet most likely to hold the plan: the one whose header row names the most columns. */
export function choosePlanSheet(file: PlanFile): Sheet | undefined {
  let best: { sheet: Sheet; size: number } | undefined;
  for (const sheet of file.sheets) {
    const size = findHeaderRow(sheet)?.columns.size ?? 0;
    if (best === undefined || size > best.size) best = { sheet, size };
  }
  return best?.sheet;
}

/**
 * A saved mapping's columns in this sheet: at its header row if the headers are still there, else at the
 * row (of the first 50) holding the most of them, since a council may add a title row before the next
 * import; `missing` names those not found.
 */
export function locateColumns(
  sheet: Sheet,
  mapping: ImportMapping,
): { headerRow: number; columns: Map<ColumnRole, Column>; missing: string[] } {
  // Object.entries widens keys to string; the schema allows only column roles as keys.
  const wanted = Object.entries(mapping.columns) as [ColumnRole, string][];
  const at = (rowIndex: number) => {
    const keys = (sheet.rows[rowIndex] ?? []).map(headerKey);
    const columns = new Map<ColumnRole, Column>();
    const missing: string[] = [];
    for (const [role, header] of wanted) {
      const key = headerKey(header);
      const index = RIGHTMOST_WINS.has(role) ? keys.lastIndexOf(key) : keys.indexOf(key);
      if (index === -1) missing.push(header);
      else columns.set(role, { index, header: sheet.rows[rowIndex]?.[index]?.trim() ?? header });
    }
    return { headerRow: rowIndex + 1, columns, missing };
  };
  const saved = at(mapping.headerRow - 1);
  if (saved.missing.length === 0) return saved;
  // Else the row holding the most of them, with the action column among them (another sheet of the same
  // workbook may lack a column, or carry its header a row lower).
  let best = saved;
  for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); i++) {
    const candidate = at(i);
    const hasText = ACTION_ROLES.some((r) => candidate.columns.has(r));
    if (hasText && candidate.columns.size > best.columns.size) best = candidate;
  }
  return best;
}

/** A title for the plan: the first text above the header row (its title rows), else the file's name. */
export function suggestTitle(file: PlanFile, sheet: Sheet): string {
  return titleAbove(sheet, findHeaderRow(sheet)?.row ?? 1) ?? baseName(file.fileName);
}

/** The first text in the rows above `headerRow` (a sheet's title rows), single-spaced; null when none. */
export function titleAbove(sheet: Sheet, headerRow: number): string | null {
  for (const row of sheet.rows.slice(0, headerRow - 1)) {
    const text = row.find((cell) => cell.trim() !== "")?.trim();
    if (text !== undefined) return text.replace(/\s+/g, " ");
  }
  return null;
}
