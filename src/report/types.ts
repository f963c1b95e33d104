// The committee report's words: what the report core reads (ReportInput, mapped from SharePoint by
// src/sharepoint/reports/report-data.ts) and what every format is written from (ReportModel). Pure data.
import type {
  Action,
  IsoDate,
  LatestUpdate,
  Plan,
  PlanFigures,
  ProgressUpdate,
  Recommendation,
  ReportingPeriod,
  SroPost,
  Status,
  TargetDateChange,
} from "../domain/types.ts";

export const REPORT_FORMATS = ["docx", "xlsx", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Everything a report is built from, as read in one batch. */
export interface ReportInput {
  plan: Plan;
  /** In plan order. */
  recommendations: readonly Recommendation[];
  /** Actions and milestones together (milestones have a `parentId`), in plan order. */
  actions: readonly Action[];
  /** Each action's latest update as kept on the action (by action id); absent when it has none. */
  latest: Readonly<Record<string, LatestUpdate>>;
  /** Every update given for the reported period and for the period before it (both complete). */
  updates: readonly ProgressUpdate[];
  sroPosts: readonly (SroPost & { holderName: string | null })[];
  /** All the plan's periods. */
  periods: readonly ReportingPeriod[];
  /** The period reported on (one of `periods`). */
  period: ReportingPeriod;
  /** The last closed period with a snapshot before `period` (by report date), or null for the first report. */
  previous: ReportingPeriod | null;
  targetDateChanges: readonly TargetDateChange[];
  /** Display names by UPN, where SharePoint gave them (holders, deciders, authors). */
  names: Readonly<Record<string, string>>;
  /** Today in Europe/London: the figures' day for a period still open, and the report's "produced on". */
  today: IsoDate;
}

/** One headline figure, now and at the previous report (null when there is none). */
export interface HeadlineFigure {
  label: string;
  now: string;
  before: string | null;
}

/** An action as a list in "since the last report" names it. */
export interface ActionMention {
  ref: string;
  text: string;
  sroPost: string | null;
}

export interface DateMove extends ActionMention {
  /** As written, e.g. "Sept-24". */
  from: string;
  to: string;
  reason: string;
  /** The approver's name, else UPN. */
  approvedBy: string;
  approvedOn: IsoDate;
}

export interface MissingUpdates {
  sroPost: string;
  /** The holder's name, else UPN, else null for a vacant post. */
  holder: string | null;
  actions: ActionMention[];
}

/** One row of the flat Actions sheet (and the CSV): an action or a milestone. */
export interface ReportActionLine {
  recommendationRef: string;
  recommendationTitle: string;
  ref: string;
  /** The parent action's ref for a milestone; null for an action. */
  milestoneOf: string | null;
  text: string;
  sroPost: string | null;
  /** Holder's name, else UPN, else null. */
  sro: string | null;
  /** Exactly as written. */
  targetDateText: string;
  /** The day it means; null for "TBC", "Ongoing", none. */
  targetDate: IsoDate | null;
  /** "Withdrawn" for a withdrawn action. */
  status: Status | "Withdrawn";
  percentComplete: number | null;
  /** The latest update on or before the report's day, text exactly. */
  progressUpdate: string | null;
  updateDate: IsoDate | null;
  completedOn: IsoDate | null;
  withdrawnOn: IsoDate | null;
  withdrawnReason: string | null;
}

/** Appendix A, grouped by recommendation, in plan order. */
export interface AppendixGroup {
  ref: string;
  title: string;
  rows: ReportActionLine[];
}

/** One row of the Updates sheet: an update given for the reported period. */
export interface ReportUpdateLine {
  actionRef: string;
  actionText: string;
  date: IsoDate;
  status: Status | null;
  percentComplete: number | null;
  text: string;
  evidenceUrl: string | null;
  /** Name, else UPN, else null. */
  author: string | null;
}

/** The report as every format writes it. */
export interface ReportModel {
  planTitle: string;
  periodTitle: string;
  /** The committee date (the period's report date). */
  reportDate: IsoDate;
  /** The day the figures are for: a closed period's snapshot day, else today. */
  asOf: IsoDate;
  producedOn: IsoDate;
  /** The figures (a closed period's frozen snapshot; an open one's as of today). */
  figures: PlanFigures;
  previous: { title: string; asOf: IsoDate; figures: PlanFigures } | null;
  /** Actions complete, recommendations fully complete, % complete, overdue, …: now and before. */
  headline: HeadlineFigure[];
  /** The status chart's figures: top-level actions by status, now and before. */
  byStatus: { status: Status; now: number; before: number | null }[];
  /** The chart's alt text, which says the same figures in words. */
  chartAltText: string;
  since: {
    completed: (ActionMention & { on: IsoDate | null })[];
    newlyOverdue: ActionMention[];
    datesMoved: DateMove[];
    noUpdate: MissingUpdates[];
  };
  appendix: AppendixGroup[];
  /** Actions and milestones in plan order: the Actions sheet and the CSV. */
  rows: ReportActionLine[];
  /** The period's updates, by action then date. */
  updates: ReportUpdateLine[];
}

/** A step of building a file, for a progress line ("Writing the Appendix A table"). */
export type ReportProgress = (step: string) => void;
