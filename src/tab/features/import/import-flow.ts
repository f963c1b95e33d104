// The import's steps as plain functions, so the page only holds state: the core loads on first use (ExcelJS
// and Papa Parse with it, never on the first screen), a file is read in the browser, its layout found (the
// sheets read as areas, the plans a plan column names), and each plan mapped with the coordinator's answers.
// Nothing here writes; `applyImport` does, once the preview is confirmed.
import type { IsoDate } from "../../../domain/iso-date.ts";
import type {
  FileLayout,
  ImportMapping,
  ImportProblem,
  MapContext,
  MappedPlan,
  PlanDraft,
  PlanFile,
  SroChoice,
  UnmatchedSro,
} from "../../../import/index.ts";

import { describeError } from "../../lib/describe-error.ts";

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

/** How the coordinator has the file read: the mapping, the sheets and the column naming plans. */
export interface Reading {
  mapping: ImportMapping;
  /** The sheets chosen; undefined for the saved ones, else every sheet of the plan table's layout. */
  sheets: string[] | undefined;
  /** The plan column's header; null for none; undefined for the one the mapping finds. */
  planColumn: string | null | undefined;
  fromSaved: boolean;
}

/** The reading to start from: the mapping saved with the plan when its sheet is in the file, else found. */
export function startingReading(c: Core, file: PlanFile, saved: string | null): Reading | null {
  const mapping = saved === null ? null : c.parseSavedMapping(saved);
  if (mapping !== null && file.sheets.some((s) => s.name === mapping.sheet))
    return { mapping, sheets: undefined, planColumn: undefined, fromSaved: true };
  const sheet = c.choosePlanSheet(file) ?? file.sheets[0];
  if (sheet === undefined) return null;
  return { mapping: c.detectMapping(sheet), sheets: undefined, planColumn: undefined, fromSaved: false };
}

/** The file's layout as read; a saved mapping's sheets no longer all in the file are read afresh. */
export function layoutOf(c: Core, file: PlanFile, reading: Reading): FileLayout {
  // A mapping found afresh reads every sheet of its layout; a saved one, the sheets it read.
  const sheets = reading.sheets ?? (reading.fromSaved ? undefined : ("all" as const));
  const options = { sheets, mapping: reading.mapping, planColumn: reading.planColumn };
  try {
    return c.readLayout(file, options);
  } catch {
    return c.readLayout(file, {
      ...options,
      sheets: undefined,
      mapping: { ...reading.mapping, sheets: undefined },
    });
  }
}

export interface MapInputs {
  draft: PlanDraft;
  /** The coordinator's mapping changes (columns, heading readings, workstreams) over the draft's. */
  mapping: ImportMapping;
  title: string;
  today: IsoDate;
  overdueAfterMonths: number;
  posts: MapContext["posts"];
  people: MapContext["people"];
  sroChoices: Record<string, SroChoice>;
  skipErrorRows: boolean;
  confirmed: boolean;
}

/** Rows that hold an error, by sheet: what "skip the rows named" leaves out. */
export function errorRows(problems: readonly ImportProblem[]): Record<string, number[]> {
  const rows: Record<string, number[]> = {};
  for (const p of problems)
    if (p.severity === "error" && p.row !== null && !(rows[p.sheet] ?? []).includes(p.row))
      (rows[p.sheet] ??= []).push(p.row);
  return rows;
}

/** The draft with the coordinator's mapping on every sheet it reads (the plan's own rows and sheets kept). */
export function withMapping(draft: PlanDraft, mapping: ImportMapping): PlanDraft {
  // The plan column is the layout's (the coordinator's choice, or none), not the mapping's as first found.
  const { plan: _found, ...columns } = mapping.columns;
  const plan = draft.mapping.columns.plan;
  const merged: ImportMapping = {
    ...mapping,
    columns: plan === undefined ? columns : { ...columns, plan },
    sheet: draft.mapping.sheet,
    sheets: draft.mapping.sheets,
    ...(draft.mapping.plan === undefined ? {} : { plan: draft.mapping.plan }),
  };
  return { ...draft, mapping: merged, sheets: draft.sheets.map((s) => ({ ...s, mapping: merged })) };
}

/** Map a plan; with `skipErrorRows`, a second pass leaves out the rows the first found errors in. */
export function mapWithChoices(c: Core, inputs: MapInputs): MappedPlan {
  const context: MapContext = {
    planTitle: inputs.title,
    referenceDate: inputs.today,
    today: inputs.today,
    overdueAfterMonths: inputs.overdueAfterMonths,
    posts: inputs.posts,
    people: inputs.people,
    sroChoices: inputs.sroChoices,
    confirmed: inputs.confirmed,
  };
  const draft = withMapping(inputs.draft, inputs.mapping);
  const first = c.mapPlan(draft.sheets, context);
  if (!inputs.skipErrorRows || first.problems.every((p) => p.severity !== "error")) return first;
  return c.mapPlan(draft.sheets, { ...context, skipSheetRows: errorRows(first.problems) });
}

/** The header row's cells, as the choices of the mapping's column selects. */
export function headerCells(sheet: { rows: string[][] }, headerRow: number): string[] {
  return (sheet.rows[headerRow - 1] ?? []).map((cell) => cell.trim()).filter((cell) => cell !== "");
}

/** The SROs no plan of the file could match, each once, with the rows of every plan naming it. */
export function unmatchedAcross(
  plans: readonly { mapped: { unmatchedSros: UnmatchedSro[] } }[],
): UnmatchedSro[] {
  const byText = new Map<string, UnmatchedSro>();
  for (const sro of plans.flatMap((p) => p.mapped.unmatchedSros)) {
    const known = byText.get(sro.text);
    byText.set(sro.text, known === undefined ? sro : { ...known, rows: [...known.rows, ...sro.rows] });
  }
  return [...byText.values()];
}

/** A workbook with no sheets at all: told as the core tells a file it cannot read. */
export class NoSheetsError extends Error {
  override name = "ImportFileError";
}

/**
 * Why a chosen file could not be read: the import core's own sentence (an ImportFileError names the file and
 * what is wrong with it), matched by name because the core is loaded on demand; anything else as usual.
 */
export function fileErrorText(error: unknown): string {
  return error instanceof Error && error.name === "ImportFileError" ? error.message : describeError(error);
}
