// The import core's words: a plan file as read (sheets of cell text), and what mapping one sheet gives back.
import type { IsoDate } from "../domain/index.ts";
import type { PlanImport } from "./plan-shape.ts";

/**
 * A cell's text: formulas give their cached value (never evaluated), XLSX date cells give "yyyy-mm-dd",
 * numbers read as written (percent-formatted ones with their "%"), a merged range repeats its top-left value.
 */
export type Cell = string;

export interface Sheet {
  name: string;
  /** Row-major; index 0 is spreadsheet row 1. Rows may be ragged (trailing empty cells left off). */
  rows: Cell[][];
}

export interface PlanFile {
  fileName: string;
  kind: "xlsx" | "csv";
  sheets: Sheet[];
}

/** The columns a plan table can have; each header a council writes maps to at most one of these. */
export const COLUMN_ROLES = [
  "recommendation",
  "recommendationTitle",
  "ref",
  "action",
  "milestone",
  "sro",
  "targetDate",
  "status",
  "percentComplete",
  "progressUpdate",
  "completedOn",
  "plan",
  "workstream",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/**
 * How a heading row (one value across the row) is read: "area" opens a recommendation (or a group within
 * one); "activity" is an action whose milestones are the rows under it; "milestones" ("Key Milestones")
 * says the rows under it are milestones of the action above and is not imported; "ignore" leaves it out.
 */
export const HEADING_READINGS = ["area", "activity", "milestones", "ignore"] as const;
export type HeadingReading = (typeof HEADING_READINGS)[number];

/** A heading row and the reading the mapping chose for it (`chosen`: the coordinator's, not the default). */
export interface HeadingRow {
  sheet: string;
  row: number;
  text: string;
  reading: HeadingReading;
  chosen: boolean;
}

/** An SRO answer from the coordinator: an existing post, a person to hold a new post, or a vacant new post. */
export type SroChoice = { post: string } | { upn: string } | { create: true };

export interface MapContext {
  planTitle: string;
  referenceDate: IsoDate;
  today: IsoDate;
  overdueAfterMonths: number;
  /** The SRO posts already on the site. */
  posts: { title: string; holderUpn: string | null }[];
  /** The directory, for SROs that name a post nobody has created yet. */
  people: { upn: string; displayName: string; jobTitle: string | null }[];
  /** The coordinator's answers, keyed by the SRO text as written (trimmed). */
  sroChoices?: Record<string, SroChoice>;
  /** Spreadsheet rows (1-based) the coordinator chose to skip, on a plan read from one sheet. */
  skipRows?: number[];
  /** Rows to skip by sheet name, for a plan read from several sheets. */
  skipSheetRows?: Record<string, number[]>;
  /** The coordinator confirmed importing a plan none of whose actions has a target date (or an SRO). */
  confirmed?: boolean;
}

export interface ImportProblem {
  severity: "error" | "warning";
  sheet: string;
  /** 1-based spreadsheet row; null for the sheet as a whole. */
  row: number | null;
  /** Column letter ("D"); null when the problem is not about one cell. */
  column: string | null;
  /** The column's header text as written. */
  field: string | null;
  /** One plain-English sentence. */
  message: string;
  /** For a warning that stands for many rows (one per kind, not one per row): every row it applies to. */
  rows?: number[];
}

export interface SroSuggestion {
  post?: string;
  upn?: string;
  label: string;
}

export interface UnmatchedSro {
  text: string;
  rows: number[];
  suggestions: SroSuggestion[];
}

export interface MappedPlan {
  /** Ready to write; posts to create are in plan.posts. */
  plan: PlanImport;
  /** Every problem, in row order (sheet-wide ones first). */
  problems: ImportProblem[];
  counts: {
    recommendations: number;
    actions: number;
    milestones: number;
    updates: number;
    postsToCreate: number;
    /** Rows left out because the coordinator chose to skip them. */
    rowsSkipped: number;
  };
  /** SRO texts matching no post or person, which the coordinator has not answered in sroChoices. */
  unmatchedSros: UnmatchedSro[];
  /** Every heading row, with how it was read. */
  headings: HeadingRow[];
  /** The sheets the plan was read from, in order. */
  sheets: string[];
  /**
   * What the coordinator must confirm before the plan is written ("None of the 64 actions has a target
   * date…"); each one sentence. Confirmed with `MapContext.confirmed`.
   */
  confirmations: string[];
  /** False while any error remains or a confirmation is not given: the caller writes nothing until true. */
  canWrite: boolean;
}
