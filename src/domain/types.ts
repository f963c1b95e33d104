// The words of the domain (see ARCHITECTURE.md, "Words"). Every entity has a stable `id` and links to others
// by id; the numbered `ref` ("2.3") is what people read and can be renumbered without breaking links.
import type { IsoDate } from "./iso-date.ts";

export type { IsoDate } from "./iso-date.ts";

/** The five statuses, in the order a report lists them. */
export const STATUSES = ["Not started", "On target", "Delayed", "Overdue", "Completed"] as const;
export type Status = (typeof STATUSES)[number];

/** One improvement plan, e.g. "LGA Corporate Peer Challenge 2023 action plan". */
export interface Plan {
  id: string;
  title: string;
  /**
   * The date the plan's wording is read against: a target date of "April" with no year means the first
   * April ending on or after this date (see `parseTargetDate`). For a progress report, its "as of" date.
   */
  referenceDate: IsoDate;
  /** Months past its target date after which a Delayed action counts as Overdue (the Best Value plan: 1). */
  overdueAfterMonths: number;
  /** Whose bank holidays its reminders skip; absent means England and Wales. */
  nation?: Nation;
  /** Hidden from My actions and reminders, kept for reports. */
  archived?: boolean;
  /** Its import has not finished yet: hidden from everyone but its coordinators, and never chased. */
  importUnfinished?: boolean;
}

/** The UK nations with their own bank holidays, as a plan names them. */
export const NATIONS = ["England and Wales", "Scotland", "Northern Ireland"] as const;
export type Nation = (typeof NATIONS)[number];

/** A numbered heading of a plan (also called a theme or priority area). */
export interface Recommendation {
  id: string;
  planId: string;
  /** As the plan numbers it: "1", "13", "3a". */
  ref: string;
  title: string;
  description: string;
  /** The coordinator's order; absent sorts by ref after the ordered ones. */
  sortOrder?: number;
}

/** How a target date was written; see `parseTargetDate`. */
export type TargetDateKind = "date" | "month" | "range" | "season" | "ongoing" | "tbc" | "none";

/** Why a parsed target date deserves a second look; "no target date" is there exactly when `due` is null. */
export type TargetDateFlag =
  | "no target date"
  | "unrecognised"
  | "ongoing"
  | "to be confirmed"
  | "year assumed"
  | "year unknown"
  | "several dates"
  | "extra words"
  | "calendar quarter assumed";

/** A target date as the plan writes it, with the day it means. */
export interface TargetDate {
  /** Exactly as written, never tidied: it is what the committee saw. */
  text: string;
  /** The last day of the named day, month, season or range; null when the text gives no date. */
  due: IsoDate | null;
  kind: TargetDateKind;
  flags: TargetDateFlag[];
}

/** A numbered commitment ("2.3") owned by an SRO post; a milestone is an action whose parent is an action. */
export interface Action {
  id: string;
  planId: string;
  recommendationId: string;
  /** As the plan numbers it: "2.3", or "2.3.1" for a milestone. */
  ref: string;
  /** Set only on milestones: the id of the action they belong to. */
  parentId?: string;
  text: string;
  /** The SRO post's title ("Corporate Director Resources"); null when the plan names none. */
  sroPost: string | null;
  /** The current target date: the baseline, or the `to` of the latest approved TargetDateChange. */
  targetDate: TargetDate;
  /** The day the action was recorded as complete; null while open. */
  completedOn: IsoDate | null;
  /** The coordinator's order among its siblings; absent sorts by ref after the ordered ones. */
  sortOrder?: number;
  /** Set when a coordinator retired it: never deleted, it stays in history and reports as withdrawn. */
  withdrawn?: { on: IsoDate; reason: string };
}

/** An SRO post and who holds or covers it: reminders go to the person, accountability stays with the post. */
export interface SroPost {
  id: string;
  /** "Acting Director SIT", "Corporate Director Resources". */
  title: string;
  /** The person holding the post now; null while vacant. */
  holderUpn: string | null;
  /** Someone covering the post (leave, vacancy); reminders go to them during the cover dates. */
  delegateUpn: string | null;
  delegateFrom: IsoDate | null;
  /** Last day of cover, inclusive; null when open-ended. */
  delegateTo: IsoDate | null;
}

/** The latest progress update of an action, as kept on the action itself. */
export interface LatestUpdate {
  date: IsoDate;
  text: string;
  reportedStatus: Status | null;
  percentComplete: number | null;
  periodId: string | null;
}

/** Dated text from an SRO about one action in one reporting period, with the status and % they report. */
export interface ProgressUpdate {
  id: string;
  actionId: string;
  /** The reporting period it was given for; null for an update outside any period (e.g. imported history). */
  periodId: string | null;
  date: IsoDate;
  text: string;
  /** The status the SRO reports; null when they gave none (old imports). */
  reportedStatus: Status | null;
  /** 0-100; null when not given. */
  percentComplete: number | null;
  evidenceUrl: string | null;
  authorUpn?: string;
  /** The author's display name, as SharePoint has it. */
  authorName?: string;
  /** When it was written (SharePoint's Created, an ISO date-time in UTC). */
  createdAt?: string;
}

/** "withdrawn": the SRO took the request back before a coordinator decided it. */
export type TargetDateChangeStatus = "requested" | "approved" | "declined" | "withdrawn";

/** A request to move an action's target date, with its reason and the coordinator's decision. */
export interface TargetDateChange {
  id: string;
  actionId: string;
  from: TargetDate;
  to: TargetDate;
  reason: string;
  requestedBy: string;
  requestedOn: IsoDate;
  status: TargetDateChangeStatus;
  decidedBy?: string;
  decidedOn?: IsoDate;
}

/** A quarter's round of updates, e.g. "Q1 2024/25"; closing it freezes its figures in `snapshot`. */
export interface ReportingPeriod {
  id: string;
  planId: string;
  title: string;
  /** First day of the period: actions still open on this day owe an update for it. */
  startsOn: IsoDate;
  updateDeadline: IsoDate;
  reportDate: IsoDate;
  state: "open" | "closed";
  /** The figures as they stood when the period closed; null while open. */
  snapshot: PlanFigures | null;
}

/** Percentage complete at one month end in the forecast. */
export interface ForecastPoint {
  monthEnd: IsoDate;
  percentComplete: number;
}

/** The dashboard's figures for a plan on one day (see `planFigures` for what each counts). */
export interface PlanFigures {
  asOf: IsoDate;
  actionsTotal: number;
  actionsCompleted: number;
  /** Whole per cent of top-level actions complete. */
  percentComplete: number;
  byStatus: Record<Status, number>;
  recommendationsComplete: { complete: number; total: number; text: string };
  overdue: number;
  delayed: number;
  dueNext30Days: number;
  noTargetDate: number;
  milestones: { total: number; completed: number; overdue: number; delayed: number };
  /**
   * Top-level actions withdrawn by asOf: outside every other figure (the totals, statuses, % complete,
   * forecast), never overdue. Absent in snapshots frozen before withdrawals existed (read it as 0).
   */
  withdrawn?: number;
  /** Null when no reporting period is current. */
  updates: { periodId: string; periodTitle: string; received: number; due: number } | null;
  forecast: ForecastPoint[];
  slippage: { actionsMoved: number; totalDaysMoved: number; awaitingDecision: number };
}
