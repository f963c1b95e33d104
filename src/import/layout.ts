// What a file holds before any row is read: which sheets share the plan table's layout (a workbook kept as
// a sheet per area is one plan, an area per sheet), and whether a column names the plan each row is of (a
// file holding several plans). Each plan found is a draft: its sheets, mapping and suggested title.
import { choosePlanSheet, detectMapping, locateColumns, titleAbove, type ImportMapping } from "./detect.ts";
import { parseHeading } from "./groups.ts";
import type { PlanSheet } from "./map.ts";
import { rowRanges } from "./problems.ts";
import { baseName, stripControls } from "./text.ts";
import type { PlanFile, Sheet } from "./types.ts";

/** A sheet of the file as the preview lists it. */
export interface SheetSummary {
  name: string;
  /** Whether it shares the plan table's header layout (and so can be read into the plan). */
  sameLayout: boolean;
  /** Whether it is read into the plan. */
  chosen: boolean;
}

/** One plan the file holds, ready to map: its sheets (each an area when `areas`), mapping and title. */
export interface PlanDraft {
  title: string;
  /** The plan column's value naming it; null when the file holds one plan. */
  planValue: string | null;
  sheets: PlanSheet[];
  /** What to save with the plan, so that the next import of the file reads it the same way. */
  mapping: ImportMapping;
}

export interface FileLayout {
  sheets: SheetSummary[];
  /** Each chosen sheet is one area (recommendation) of the plan. */
  areas: boolean;
  /** The header of the column naming each row's plan; null when the file holds one plan. */
  planColumn: string | null;
  plans: PlanDraft[];
  /** Rows no plan can have (data above the first plan name), as sentences for the preview. */
  notes: string[];
}

export interface LayoutOptions {
  /**
   * Which sheets to read: "all" (every sheet of the plan table's layout) or names. By default the sheets a
   * mapping given or saved read (`sheets`, else its one `sheet`: a plan saved before sheets were joined
   * reads as it did), and with no mapping every sheet of the layout.
   */
  sheets?: "all" | readonly string[] | undefined;
  /**
   * Whether each sheet read is an area. By default: when several are read, when the mapping read its sheets
   * as areas, or when sheets are named from a workbook of several alike (one imported alone keeps its area).
   */
  areas?: boolean | undefined;
  /** A mapping given or saved with the plan: its columns, and the sheets it read. */
  mapping?: ImportMapping | null | undefined;
  /** The column naming plans, by its header; null for none; undefined for the one the mapping finds. */
  planColumn?: string | null | undefined;
}

/** A file asked for a sheet it does not have. */
export class LayoutError extends Error {
  override name = "LayoutError";
}

/** Areas by sheet: each named by its title row when the sheets' titles differ, else by the sheet's name. */
function areasOf(sheets: readonly Sheet[], mapping: ImportMapping): { ref: string; title: string }[] {
  const titles = sheets.map((sheet) => titleAbove(sheet, locateColumns(sheet, mapping).headerRow));
  const distinct = new Set(titles).size === titles.length && titles.every((t) => t !== null);
  const names = sheets.map((sheet, i) => (distinct ? (titles[i] ?? sheet.name) : sheet.name));
  const parsed = names.map((name) => parseHeading(name));
  const refs = parsed.map((p) => p.ref);
  const numbered = refs.every((r) => r !== null) && new Set(refs).size === refs.length;
  return parsed.map((p, i) => ({
    ref: numbered ? (refs[i] ?? String(i + 1)) : String(i + 1),
    title: numbered ? p.title : (names[i] ?? ""),
  }));
}

/** The plan's title for sheets read as areas: the title row they share, else the file's name. */
function sharedTitle(file: PlanFile, sheets: readonly Sheet[], mapping: ImportMapping): string {
  const titles = new Set(sheets.map((sheet) => titleAbove(sheet, locateColumns(sheet, mapping).headerRow)));
  const [only] = titles;
  return titles.size === 1 && only !== null && only !== undefined ? only : baseName(file.fileName);
}

/** The sheet with only `keep`'s rows below its header (others blank), so row numbers stay as in the file. */
function onlyRows(sheet: Sheet, headerRow: number, keep: ReadonlySet<number>): Sheet {
  return {
    name: sheet.name,
    rows: sheet.rows.map((row, i) => (i < headerRow || keep.has(i + 1) ? row : [])),
  };
}

/**
 * Each data row's plan, by sheet: the plan column's value, filled down over blank cells. A heading row (one
 * value across the row, perhaps merged into the plan column too) names no plan: it belongs to the plan of
 * the data row after it. Rows before any plan is named belong to none.
 */
function plansOfRows(
  sheet: Sheet,
  headerRow: number,
  column: number,
): { plans: Map<number, string>; planless: number[] } {
  const plans = new Map<number, string>();
  const planless: number[] = [];
  const headings: number[] = [];
  let current: string | null = null;
  for (let row = headerRow + 1; row <= sheet.rows.length; row++) {
    const filled = (sheet.rows[row - 1] ?? []).map((c) => c.trim()).filter((c) => c !== "");
    if (filled.length === 0) continue;
    if (
      new Set(filled).size === 1 &&
      filled.length > 0 &&
      (filled.length > 1 || sheet.rows[row - 1]?.[column]?.trim() !== filled[0])
    ) {
      headings.push(row);
      continue;
    }
    const value = stripControls(sheet.rows[row - 1]?.[column] ?? "")
      .text.trim()
      .replace(/\s+/g, " ");
    if (value !== "") current = value;
    if (current === null) planless.push(row);
    else {
      plans.set(row, current);
      for (const heading of headings.splice(0)) plans.set(heading, current);
    }
  }
  // Headings after the last data row go with it.
  for (const heading of headings) if (current !== null) plans.set(heading, current);
  return { plans, planless };
}

/** Splits the chosen sheets by the plan column, in the order plans first appear. */
function splitByPlan(
  sheets: readonly Sheet[],
  mapping: ImportMapping,
  notes: string[],
): Map<string, Map<string, Sheet>> {
  const rowsOf = new Map<string, Map<Sheet, Set<number>>>();
  for (const sheet of sheets) {
    const located = locateColumns(sheet, mapping);
    const column = located.columns.get("plan");
    if (column === undefined) continue;
    const { plans, planless } = plansOfRows(sheet, located.headerRow, column.index);
    for (const [row, value] of [...plans].sort((a, b) => a[0] - b[0])) {
      const bySheet = rowsOf.get(value) ?? new Map<Sheet, Set<number>>();
      rowsOf.set(value, bySheet);
      const rows = bySheet.get(sheet) ?? new Set<number>();
      bySheet.set(sheet, rows);
      rows.add(row);
    }
    if (planless.length > 0)
      notes.push(
        `Sheet "${sheet.name}": ${planless.length === 1 ? `row ${String(planless[0])} comes` : `rows ${rowRanges(planless)} come`} before any "${column.header}" is named, so ${planless.length === 1 ? "it belongs" : "they belong"} to no plan and ${planless.length === 1 ? "is" : "are"} not imported.`,
      );
  }
  const plans = new Map<string, Map<string, Sheet>>();
  for (const [value, bySheet] of rowsOf) {
    const parts = new Map<string, Sheet>();
    for (const [sheet, rows] of bySheet)
      parts.set(sheet.name, onlyRows(sheet, locateColumns(sheet, mapping).headerRow, rows));
    plans.set(value, parts);
  }
  return plans;
}

/** Most plans a column found by its header may name before it is taken for something else (projects). */
const MOST_PLANS = 12;

/** The file's sheets, the plans it holds and how each would be read; nothing is mapped yet. */
export function readLayout(file: PlanFile, options: LayoutOptions = {}): FileLayout {
  const given = options.mapping ?? null;
  const base = file.sheets.find((s) => s.name === given?.sheet) ?? choosePlanSheet(file) ?? file.sheets[0];
  if (base === undefined) throw new LayoutError(`"${file.fileName}" has no sheets.`);
  let mapping: ImportMapping = given ?? detectMapping(base);
  if (options.planColumn === null) {
    const { plan: _dropped, ...columns } = mapping.columns;
    mapping = { ...mapping, columns };
  } else if (options.planColumn !== undefined)
    mapping = { ...mapping, columns: { ...mapping.columns, plan: options.planColumn } };
  // Alike: the plan table's columns, most of them (a sheet may lack one or add one), text column included.
  const wantedColumns = Object.keys(mapping.columns).length;
  const sameLayout = (sheet: Sheet) => {
    if (sheet === base) return true;
    const located = locateColumns(sheet, mapping);
    const text = located.columns.has("action") || located.columns.has("milestone");
    return wantedColumns > 0 && text && located.columns.size >= Math.ceil(wantedColumns * 0.6);
  };
  const alike = file.sheets.filter(sameLayout);
  const wanted = options.sheets ?? given?.sheets ?? (given === null ? "all" : [base.name]);
  const unknown = wanted === "all" ? [] : wanted.filter((name) => !file.sheets.some((s) => s.name === name));
  if (unknown.length > 0)
    throw new LayoutError(
      `"${file.fileName}" has no sheet ${unknown.map((n) => `"${n}"`).join(", ")}; its sheets are ${file.sheets.map((s) => `"${s.name}"`).join(", ")}.`,
    );
  const chosen = wanted === "all" ? alike : file.sheets.filter((s) => wanted.includes(s.name));
  // Sheets of one layout with no recommendation column are areas, numbered in the file's order, so that a
  // sheet imported alone keeps the number it has when the whole workbook is imported.
  const areas =
    mapping.columns.recommendation === undefined &&
    (options.areas ??
      (chosen.length > 1 ||
        given?.sheets !== undefined ||
        (Array.isArray(options.sheets) && alike.length > 1)));
  const numbered = file.sheets.filter((s) => alike.includes(s) || chosen.includes(s));
  const areaOf = new Map(areasOf(numbered, mapping).map((area, i) => [numbered[i]?.name ?? "", area]));
  const forPlan = (planValue: string | null): ImportMapping => ({
    ...mapping,
    // The sheet the columns were found on: another sheet lacking one of them reads without it.
    sheet: chosen.includes(base) ? base.name : (chosen[0]?.name ?? base.name),
    ...(areas ? { sheets: chosen.map((s) => s.name) } : { sheets: undefined }),
    ...(planValue === null ? {} : { plan: planValue }),
  });
  const planSheets = (sheets: readonly Sheet[], planValue: string | null): PlanSheet[] =>
    sheets.map((sheet) => ({
      sheet,
      mapping: forPlan(planValue),
      area: areas ? (areaOf.get(sheet.name) ?? null) : null,
    }));
  const notes: string[] = [];
  let split = mapping.columns.plan === undefined ? null : splitByPlan(chosen, mapping, notes);
  // A column found by its header ("Programme", "Project") that names one plan, or dozens, is no plan column:
  // the file is one plan, and the column is left unmapped (so the preview names it as not imported).
  if (split !== null && options.planColumn === undefined && (split.size < 2 || split.size > MOST_PLANS)) {
    const header = mapping.columns.plan ?? "";
    notes.push(
      split.size < 2
        ? `The "${header}" column names one plan only${split.size === 1 ? ` ("${[...split.keys()][0] ?? ""}")` : ""}, so the file is read as one plan.`
        : `The "${header}" column names ${String(split.size)} different values, too many to be plans, so the file is read as one plan; if each is a plan, choose it as the plan column.`,
    );
    const { plan: _notPlans, ...columns } = mapping.columns;
    mapping = { ...mapping, columns };
    split = null;
  }
  const planColumn = mapping.columns.plan ?? null;
  const plans: PlanDraft[] =
    planColumn === null
      ? [
          {
            title: areas
              ? sharedTitle(file, chosen, mapping)
              : suggestedTitle(file, chosen[0] ?? base, mapping),
            planValue: null,
            sheets: planSheets(chosen, null),
            mapping: forPlan(null),
          },
        ]
      : [...(split ?? new Map<string, Map<string, Sheet>>())].map(([value, parts]) => ({
          title: value,
          planValue: value,
          sheets: planSheets(
            chosen.flatMap((s) => parts.get(s.name) ?? []),
            value,
          ),
          mapping: forPlan(value),
        }));
  return {
    sheets: file.sheets.map((s) => ({
      name: s.name,
      sameLayout: alike.includes(s),
      chosen: chosen.includes(s),
    })),
    areas,
    planColumn,
    plans,
    notes,
  };
}

/** A title for a one-sheet plan: the first text above the header row, else the file's name. */
function suggestedTitle(file: PlanFile, sheet: Sheet, mapping: ImportMapping): string {
  return titleAbove(sheet, locateColumns(sheet, mapping).headerRow) ?? baseName(file.fileName);
}
