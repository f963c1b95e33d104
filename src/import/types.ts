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
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

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
  /** Spreadsheet rows (1-based) the coordinator chose to skip. */
  skipRows?: number[];
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
  /** False while any error remains: the caller writes nothing until it is true. */
  canWrite: boolean;
}
