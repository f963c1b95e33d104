// What the dashboard shows, as plain functions of the plan's data and "today": the same figures as
// `actionplan summary` (dashboardFigures), the forecast against the actual from closed periods' snapshots,
// what changed since the last closed period, and the actions withdrawn. No I/O, so it is unit-tested in Node.
import { dateParts, formatUkDate, monthName, type IsoDate } from "../../../domain/iso-date.ts";
import type { PlanFigures } from "../../../domain/types.ts";
import { dashboardFigures, type Dashboard } from "../../../sharepoint/plans/index.ts";
import type { PeriodRecord } from "../../../sharepoint/schema/index.ts";
import { compareRefs } from "../../../domain/index.ts";

/** One point of the % complete chart: forecast (month ends ahead) or actual (a closed period, or today). */
export interface ProgressPoint {
  date: IsoDate;
  label: string;
  percentComplete: number;
  kind: "actual" | "forecast";
}

/** One figure compared with the last closed period. */
export interface FigureChange {
  label: string;
  before: number;
  now: number;
  /** Whether a rise is good news (% complete) or bad (overdue); for the words, not only colour. */
  higherIsBetter: boolean;
}

/** An action a coordinator withdrew: listed as such, never counted as due or overdue. */
export interface WithdrawnAction {
  id: string;
  ref: string;
  text: string;
  milestone: boolean;
  on: IsoDate;
  reason: string;
}

/** Everything the dashboard view renders. */
export interface DashboardView {
  title: string;
  figures: PlanFigures;
  progress: ProgressPoint[];
  lastClosed: { title: string; asOf: IsoDate } | null;
  changes: FigureChange[];
  /** By number. */
  withdrawn: WithdrawnAction[];
}

/** The plan's withdrawn actions and milestones, by number. */
export function withdrawnActions(dashboard: Dashboard): WithdrawnAction[] {
  return dashboard.actions
    .flatMap(({ action }) =>
      action.withdrawn === undefined
        ? []
        : [
            {
              id: action.id,
              ref: action.ref,
              text: action.text,
              milestone: action.parentId !== undefined,
              on: action.withdrawn.on,
              reason: action.withdrawn.reason,
            },
          ],
    )
    .sort((a, b) => compareRefs(a.ref, b.ref));
}

function monthEndLabel(date: IsoDate): string {
  const { year, month } = dateParts(date);
  return `End of ${monthName(month)} ${String(year)}`;
}

/** The last closed period that kept a snapshot of its figures (by report date), or null. */
export function lastClosedPeriod(periods: readonly PeriodRecord[]): PeriodRecord | null {
  const closed = periods
    .filter((p) => p.state === "closed" && p.snapshot !== null)
    .sort((a, b) => (a.reportDate < b.reportDate ? -1 : a.reportDate > b.reportDate ? 1 : 0));
  return closed.at(-1) ?? null;
}

/** Actual % complete from each closed period's snapshot and today, then the forecast by month end. */
export function progressSeries(periods: readonly PeriodRecord[], figures: PlanFigures): ProgressPoint[] {
  const actual: ProgressPoint[] = periods.flatMap((p) =>
    p.state === "closed" && p.snapshot !== null && p.snapshot.asOf < figures.asOf
      ? [
          {
            date: p.snapshot.asOf,
            label: `${p.title} (${formatUkDate(p.snapshot.asOf)})`,
            percentComplete: p.snapshot.percentComplete,
            kind: "actual" as const,
          },
        ]
      : [],
  );
  actual.sort((a, b) => (a.date < b.date ? -1 : 1));
  actual.push({
    date: figures.asOf,
    label: `Today (${formatUkDate(figures.asOf)})`,
    percentComplete: figures.percentComplete,
    kind: "actual",
  });
  const forecast = figures.forecast
    .filter((f) => f.monthEnd > figures.asOf)
    .map((f) => ({
      date: f.monthEnd,
      label: monthEndLabel(f.monthEnd),
      percentComplete: f.percentComplete,
      kind: "forecast" as const,
    }));
  return [...actual, ...forecast];
}

/** The headline figures now against the snapshot of the last closed period. */
export function changesSince(before: PlanFigures, now: PlanFigures): FigureChange[] {
  return [
    { label: "% complete", before: before.percentComplete, now: now.percentComplete, higherIsBetter: true },
    {
      label: "Actions complete",
      before: before.actionsCompleted,
      now: now.actionsCompleted,
      higherIsBetter: true,
    },
    {
      label: "Recommendations fully complete",
      before: before.recommendationsComplete.complete,
      now: now.recommendationsComplete.complete,
      higherIsBetter: true,
    },
    { label: "Overdue", before: before.overdue, now: now.overdue, higherIsBetter: false },
    { label: "Delayed", before: before.delayed, now: now.delayed, higherIsBetter: false },
    { label: "No target date", before: before.noTargetDate, now: now.noTargetDate, higherIsBetter: false },
  ];
}

/** Words for a change: "up 3 (from 36)", "down 2 (from 9)", "no change". */
export function changeText(change: FigureChange): string {
  const delta = change.now - change.before;
  if (delta === 0) return "no change";
  const unit = change.label.startsWith("%") ? " points" : "";
  return `${delta > 0 ? "up" : "down"} ${Math.abs(delta)}${unit} (from ${change.before})`;
}

/** The dashboard view of a plan as of `asOf`. */
export function dashboardView(dashboard: Dashboard, asOf: IsoDate): DashboardView {
  const figures = dashboardFigures(dashboard, asOf);
  const last = lastClosedPeriod(dashboard.periods);
  return {
    title: dashboard.plan.title,
    figures,
    progress: progressSeries(dashboard.periods, figures),
    lastClosed: last?.snapshot ? { title: last.title, asOf: last.snapshot.asOf } : null,
    changes: last?.snapshot ? changesSince(last.snapshot, figures) : [],
    withdrawn: withdrawnActions(dashboard),
  };
}
