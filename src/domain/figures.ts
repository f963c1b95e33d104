// The dashboard's figures for one day: the numbers a CMT or board report quotes ("39% of actions complete",
// "3 of 18 recommendations fully complete", overdue, the forecast). Only top-level actions count in the
// headline figures, as in the plans' own reports (the Best Value plan reported on its 26 actions, not on
// its 115 milestones); milestones get their own counts so nothing is hidden.
import type {
  Action,
  ForecastPoint,
  PlanFigures,
  ProgressUpdate,
  Recommendation,
  ReportingPeriod,
  Status,
  TargetDateChange,
} from "./types.ts";
import { STATUSES } from "./types.ts";
import type { IsoDate } from "./iso-date.ts";
import { addDays, daysBetween, monthEndsThrough } from "./iso-date.ts";
import { deriveStatus, latestReportedStatus } from "./status.ts";
import { groupBy } from "./group-by.ts";

export interface PlanFiguresInput {
  recommendations: readonly Recommendation[];
  /** Actions and milestones together; milestones are those with a `parentId`. */
  actions: readonly Action[];
  updates: readonly ProgressUpdate[];
  targetDateChanges: readonly TargetDateChange[];
  /** The period updates are being collected for; null between periods. */
  currentPeriod: ReportingPeriod | null;
  /** The plan's Delayed-to-Overdue rule in months; default 1. */
  overdueAfterMonths?: number;
}

/** Whether an action is a top-level action rather than a milestone. */
export function isTopLevel(action: Pick<Action, "parentId">): boolean {
  return action.parentId === undefined;
}

/**
 * Whether an action counts as withdrawn on `day`: withdrawn on or before it, or a milestone of an action
 * that is. A withdrawn action stays in the plan and its history but leaves the figures and the reminders.
 */
export function isWithdrawn(
  action: Pick<Action, "withdrawn" | "parentId">,
  day: IsoDate,
  parentOf: (id: string) => Pick<Action, "withdrawn"> | undefined = () => undefined,
): boolean {
  if (action.withdrawn !== undefined && action.withdrawn.on <= day) return true;
  const parent = action.parentId === undefined ? undefined : parentOf(action.parentId);
  return parent?.withdrawn !== undefined && parent.withdrawn.on <= day;
}

/** Whole per cent, 0 when there is nothing to divide by. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}

/**
 * The plan's figures as of `asOf`, counting top-level actions only (milestones separately), and leaving
 * out actions withdrawn by then (counted as `withdrawn` only). Statuses come
 * from `deriveStatus` with each action's latest reported status on or before `asOf`. "Due in the next 30
 * days" is open actions due in (asOf, asOf + 30]; "no target date" counts open actions only. A
 * recommendation is fully complete when it has at least one action and all are Completed.
 */
export function planFigures(input: PlanFiguresInput, asOf: IsoDate): PlanFigures {
  const statusOn = statusFinder(input);
  const byId = new Map(input.actions.map((a) => [a.id, a]));
  const withdrawn = (a: Action) => isWithdrawn(a, asOf, (id) => byId.get(id));
  const counted = input.actions.filter((a) => !withdrawn(a));
  const topLevel = counted.filter(isTopLevel);
  const milestones = counted.filter((a) => !isTopLevel(a));
  const status = new Map(counted.map((a) => [a.id, statusOn(a, asOf)]));
  const isDone = (a: Action): boolean => status.get(a.id) === "Completed";
  const open = topLevel.filter((a) => !isDone(a));

  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const a of topLevel) byStatus[status.get(a.id) ?? "Not started"] += 1;
  const completed = byStatus.Completed;
  const horizon = addDays(asOf, 30);
  const countMilestones = (s: Status): number => milestones.filter((m) => status.get(m.id) === s).length;

  return {
    asOf,
    actionsTotal: topLevel.length,
    actionsCompleted: completed,
    percentComplete: percent(completed, topLevel.length),
    byStatus,
    recommendationsComplete: recommendationsComplete(input.recommendations, topLevel, isDone),
    overdue: byStatus.Overdue,
    delayed: byStatus.Delayed,
    dueNext30Days: open.filter(
      (a) => a.targetDate.due !== null && a.targetDate.due > asOf && a.targetDate.due <= horizon,
    ).length,
    noTargetDate: open.filter((a) => a.targetDate.due === null).length,
    milestones: {
      total: milestones.length,
      completed: countMilestones("Completed"),
      overdue: countMilestones("Overdue"),
      delayed: countMilestones("Delayed"),
    },
    withdrawn: input.actions.filter((a) => isTopLevel(a) && withdrawn(a)).length,
    updates: input.currentPeriod
      ? updatesReceived(input, topLevel, input.currentPeriod, asOf, statusOn)
      : null,
    forecast: forecast(open, completed, topLevel.length, asOf),
    slippage: slippage(input.targetDateChanges, new Set(topLevel.map((a) => a.id)), asOf),
  };
}

type StatusOn = (action: Action, day: IsoDate) => Status;

// Updates indexed once by action, so figures for a large plan stay linear in its updates.
function statusFinder(input: PlanFiguresInput): StatusOn {
  const byAction = groupBy(input.updates, (u) => u.actionId);
  return (action, day) =>
    deriveStatus(action, {
      today: day,
      reported: latestReportedStatus(byAction.get(action.id) ?? [], action.id, day),
      overdueAfterMonths: input.overdueAfterMonths ?? 1,
    }).derived;
}

function recommendationsComplete(
  recommendations: readonly Recommendation[],
  topLevel: readonly Action[],
  isDone: (a: Action) => boolean,
): PlanFigures["recommendationsComplete"] {
  const complete = recommendations.filter((r) => {
    const actions = topLevel.filter((a) => a.recommendationId === r.id);
    return actions.length > 0 && actions.every(isDone);
  }).length;
  const total = recommendations.length;
  return { complete, total, text: `${complete} of ${total}` };
}

// An update is owed by each action still open the day before the period starts; it is received when the
// action has any update given for this period (dated on or before asOf).
function updatesReceived(
  input: PlanFiguresInput,
  topLevel: readonly Action[],
  period: ReportingPeriod,
  asOf: IsoDate,
  statusOn: StatusOn,
): NonNullable<PlanFigures["updates"]> {
  const dayBefore = addDays(period.startsOn, -1);
  const owing = new Set(topLevel.filter((a) => statusOn(a, dayBefore) !== "Completed").map((a) => a.id));
  const received = new Set(
    input.updates
      .filter((u) => u.periodId === period.id && u.date <= asOf && owing.has(u.actionId))
      .map((u) => u.actionId),
  );
  return { periodId: period.id, periodTitle: period.title, received: received.size, due: owing.size };
}

/**
 * Per cent complete at each month end from asOf's month through the latest target date of an open action,
 * if every open action finishes on its target date. An action already past its date counts from the first
 * month end (it is assumed to catch up); one with no date never finishes.
 */
function forecast(open: readonly Action[], completed: number, total: number, asOf: IsoDate): ForecastPoint[] {
  const dues = open.map((a) => a.targetDate.due).filter((d): d is IsoDate => d !== null);
  const last = dues.reduce((a, b) => (b > a ? b : a), asOf);
  return monthEndsThrough(asOf, last).map((monthEnd) => ({
    monthEnd,
    percentComplete: percent(completed + dues.filter((d) => d <= monthEnd).length, total),
  }));
}

// Net days each top-level action's target date has moved through approved changes decided by asOf (the first
// change's `from` to the last change's `to`); moves to or from an undated target ("TBC") count as moved but
// add no days.
function slippage(
  changes: readonly TargetDateChange[],
  topLevelIds: ReadonlySet<string>,
  asOf: IsoDate,
): PlanFigures["slippage"] {
  const decidedBy = (c: TargetDateChange): boolean => (c.decidedOn ?? c.requestedOn) <= asOf;
  const approved = changes
    .filter((c) => c.status === "approved" && topLevelIds.has(c.actionId) && decidedBy(c))
    .sort((a, b) => compareDates(a.decidedOn ?? a.requestedOn, b.decidedOn ?? b.requestedOn));
  const byAction = groupBy(approved, (c) => c.actionId);

  let actionsMoved = 0;
  let totalDaysMoved = 0;
  for (const list of byAction.values()) {
    const from = list[0]?.from;
    const to = list[list.length - 1]?.to;
    if (!from || !to || list.every((c) => c.from.text === c.to.text && c.from.due === c.to.due)) continue;
    actionsMoved += 1;
    if (from.due !== null && to.due !== null) totalDaysMoved += daysBetween(from.due, to.due);
  }
  const awaitingDecision = changes.filter(
    (c) => c.status === "requested" && topLevelIds.has(c.actionId) && c.requestedOn <= asOf,
  ).length;
  return { actionsMoved, totalDaysMoved, awaitingDecision };
}

function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
