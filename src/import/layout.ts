// What a file holds before any row is read: which sheets share the plan table's layout (a workbook kept as
// a sheet per area is one plan, an area per sheet), and whether a column names the plan each row is of (a
// file holding several plans). Each plan found is a draft: its sheets, mapping and suggested title.
import { choosePlanSheet, detectMapping, locateColumns, type ImportMapping } from "./detect.ts";
import { parseHeading } from "./groups.ts";
import type { PlanSheet } from "./map.ts";
import { baseName } from "./text.ts";
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
  /** Which sheets to read: "all" (every sheet of the plan table's layout) or names; default as saved, else all. */
  sheets?: "all" | readonly string[] | undefined;
  /** A mapping given or saved with the plan: its columns, and the sheets it read. */
  mapping?: ImportMapping | null | undefined;
  /** The column naming plans, by its header; null for none; undefined for the one the mapping finds. */
  planColumn?: string | null | undefined;
}

/** A file asked for a sheet it does not have. */
export class LayoutError extends Error {
  override name = "ImportFileError";
}

function firstText(sheet: Sheet, below: number): string | null {
  for (const row of sheet.rows.slice(0, below - 1)) {
    const text = row.find((cell) => cell.trim() !== "")?.trim();
    if (text !== undefined) return text.replace(/\s+/g, " ");
  }
  return null;
}

/** Areas by sheet: each named by its title row when the sheets' titles differ, else by the sheet's name. */
function areasOf(sheets: readonly Sheet[], mapping: ImportMapping): { ref: string; title: string }[] {
  const titles = sheets.map((sheet) => firstText(sheet, locateColumns(sheet, mapping).headerRow));
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
  const titles = new Set(sheets.map((sheet) => firstText(sheet, locateColumns(sheet, mapping).headerRow)));
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

/** Splits the chosen sheets by the plan column's value (filled down), in the order plans first appear. */
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
    let current: string | null = null;
    const planless: number[] = [];
    for (let row = located.headerRow + 1; row <= sheet.rows.length; row++) {
      const cells = sheet.rows[row - 1] ?? [];
      const value = cells[column.index]?.trim() ?? "";
      if (value !== "") current = value;
      if (cells.every((c) => c.trim() === "")) continue;
      if (current === null) {
        planless.push(row);
        continue;
      }
      const bySheet = rowsOf.get(current) ?? new Map<Sheet, Set<number>>();
      rowsOf.set(current, bySheet);
      const rows = bySheet.get(sheet) ?? new Set<number>();
      bySheet.set(sheet, rows);
      rows.add(row);
    }
    if (planless.length > 0)
      notes.push(
        `Sheet "${sheet.name}": ${planless.length === 1 ? `row ${String(planless[0])} comes` : `rows ${String(planless[0])}–${String(planless.at(-1))} come`} before any "${column.header}" is named, so ${planless.length === 1 ? "it belongs" : "they belong"} to no plan and ${planless.length === 1 ? "is" : "are"} not imported.`,
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
  const sameLayout = (sheet: Sheet) =>
    sheet === base ||
    (Object.keys(mapping.columns).length > 0 && locateColumns(sheet, mapping).missing.length === 0);
  const alike = file.sheets.filter(sameLayout);
  const wanted = options.sheets ?? given?.sheets ?? "all";
  const unknown = wanted === "all" ? [] : wanted.filter((name) => !file.sheets.some((s) => s.name === name));
  if (unknown.length > 0)
    throw new LayoutError(
      `"${file.fileName}" has no sheet ${unknown.map((n) => `"${n}"`).join(", ")}; its sheets are ${file.sheets.map((s) => `"${s.name}"`).join(", ")}.`,
    );
  const chosen =
    wanted === "all"
      ? options.sheets === "all" || given?.sheets !== undefined
        ? alike
        : alike.length > 1
          ? alike
          : [base]
      : file.sheets.filter((s) => wanted.includes(s.name));
  // Sheets of one layout with no recommendation column are areas, numbered in the file's order, so that a
  // sheet imported alone keeps the number it has when the whole workbook is imported.
  const areas = alike.length > 1 && mapping.columns.recommendation === undefined;
  const areaOf = new Map(areasOf(alike, mapping).map((area, i) => [alike[i]?.name ?? "", area]));
  const forPlan = (planValue: string | null): ImportMapping => ({
    ...mapping,
    sheet: chosen[0]?.name ?? base.name,
    ...(chosen.length > 1 ? { sheets: chosen.map((s) => s.name) } : { sheets: undefined }),
    ...(planValue === null ? {} : { plan: planValue }),
  });
  const planSheets = (sheets: readonly Sheet[], planValue: string | null): PlanSheet[] =>
    sheets.map((sheet) => ({
      sheet,
      mapping: forPlan(planValue),
      area: areas ? (areaOf.get(sheet.name) ?? null) : null,
    }));
  const notes: string[] = [];
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
      : [...splitByPlan(chosen, mapping, notes)].map(([value, parts]) => ({
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
  return firstText(sheet, locateColumns(sheet, mapping).headerRow) ?? baseName(file.fileName);
}
