// The import's steps as plain functions, so the page only holds state: the core loads on first use (ExcelJS
// and Papa Parse with it, never on the first screen), a file is read in the browser, and a sheet is mapped
// with the coordinator's answers. Nothing here writes; `applyImport` does, once the preview is confirmed.
import type { IsoDate } from "../../../domain/iso-date.ts";
import type {
  ImportMapping,
  ImportProblem,
  MapContext,
  MappedPlan,
  PlanFile,
  Sheet,
  SroChoice,
} from "../../../import/index.ts";

type Core = typeof import("../../../import/index.ts");
let core: Promise<Core> | null = null;

/** The import core, loaded once. */
export function importCore(): Promise<Core> {
  core ??= import("../../../import/index.ts");
  return core;
}

/** A file the coordinator chose, read into sheets of cell text (in the browser: nothing is uploaded). */
export async function readChosenFile(file: File): Promise<PlanFile> {
  const { readPlanFile } = await importCore();
  return readPlanFile(new Uint8Array(await file.arrayBuffer()), file.name);
}

/** The mapping to start from: the one saved with the plan when its sheet is in the file, else detected. */
export function startingMapping(
  c: Core,
  file: PlanFile,
  saved: string | null,
): { sheet: Sheet; mapping: ImportMapping; fromSaved: boolean } | null {
  const mapping = saved === null ? null : c.parseSavedMapping(saved);
  const savedSheet = mapping === null ? undefined : file.sheets.find((s) => s.name === mapping.sheet);
  if (mapping !== null && savedSheet !== undefined) return { sheet: savedSheet, mapping, fromSaved: true };
  const sheet = c.choosePlanSheet(file) ?? file.sheets[0];
  if (sheet === undefined) return null;
  return { sheet, mapping: c.detectMapping(sheet), fromSaved: false };
}

export interface MapInputs {
  sheet: Sheet;
  mapping: ImportMapping;
  title: string;
  today: IsoDate;
  overdueAfterMonths: number;
  posts: MapContext["posts"];
  people: MapContext["people"];
  sroChoices: Record<string, SroChoice>;
  skipErrorRows: boolean;
}

/** Rows that hold an error: what "skip the rows named" leaves out. */
export function errorRows(problems: readonly ImportProblem[]): number[] {
  return [...new Set(problems.flatMap((p) => (p.severity === "error" && p.row !== null ? [p.row] : [])))];
}

/** Map the sheet; with `skipErrorRows`, a second pass leaves out the rows the first found errors in. */
export function mapWithChoices(c: Core, inputs: MapInputs): MappedPlan {
  const context: MapContext = {
    planTitle: inputs.title,
    referenceDate: inputs.today,
    today: inputs.today,
    overdueAfterMonths: inputs.overdueAfterMonths,
    posts: inputs.posts,
    people: inputs.people,
    sroChoices: inputs.sroChoices,
  };
  const first = c.mapSheet(inputs.sheet, inputs.mapping, context);
  if (!inputs.skipErrorRows || first.canWrite) return first;
  return c.mapSheet(inputs.sheet, inputs.mapping, { ...context, skipRows: errorRows(first.problems) });
}

/** The header row's cells, as the choices of the mapping's column selects. */
export function headerCells(sheet: Sheet, headerRow: number): string[] {
  return (sheet.rows[headerRow - 1] ?? []).map((cell) => cell.trim()).filter((cell) => cell !== "");
}
