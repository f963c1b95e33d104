// The report model: a period's figures (frozen when it closed, else as of today), the previous report's
// beside them, what changed in between, and every row. Built once; every format writes the same model.
import { planFigures, isTopLevel } from "../domain/figures.ts";
import { addDays, formatUkDate } from "../domain/iso-date.ts";
import type { Action, IsoDate, PlanFigures } from "../domain/types.ts";
import { STATUSES } from "../domain/types.ts";
import { actionRows, appendixGroups, planReader, updateRows, type PlanReader } from "./build-rows.ts";
import type { HeadlineFigure, MissingUpdates, ReportInput, ReportModel } from "./types.ts";

/** The posts line for actions whose SRO column is empty. */
export const NO_SRO_POST = "No SRO post named";

function headline(now: PlanFigures, before: PlanFigures | null): HeadlineFigure[] {
  const row = (label: string, of: (f: PlanFigures) => string): HeadlineFigure => ({
    label,
    now: of(now),
    before: before === null ? null : of(before),
  });
  const rows = [
    row("Actions complete", (f) => `${String(f.actionsCompleted)} of ${String(f.actionsTotal)}`),
    row("% of actions complete", (f) => `${String(f.percentComplete)}%`),
    row("Recommendations fully complete", (f) => f.recommendationsComplete.text),
    row("Overdue", (f) => String(f.overdue)),
    row("Delayed", (f) => String(f.delayed)),
  ];
  if (now.updates !== null) {
    const received = (f: PlanFigures): string | null =>
      f.updates === null ? null : `${String(f.updates.received)} of ${String(f.updates.due)}`;
    rows.push({
      label: "Updates received",
      now: received(now) ?? "",
      before: before === null ? null : (received(before) ?? "Not collected"),
    });
  }
  rows.push(
    row("Target dates moved", (f) => String(f.slippage.actionsMoved)),
    row("Withdrawn", (f) => String(f.withdrawn ?? 0)),
  );
  return rows;
}

function chartAltText(figures: PlanFigures): string {
  const parts = STATUSES.map((s) => `${String(figures.byStatus[s])} ${s}`);
  return `Bar chart of the ${String(figures.actionsTotal)} actions by status on ${formatUkDate(figures.asOf)}: ${parts.join(", ")}.`;
}

/** The actions that owe an update for the period and have none by `asOf`, by SRO post in plan order. */
function missingUpdates(input: ReportInput, reader: PlanReader, asOf: IsoDate): MissingUpdates[] {
  const { period } = input;
  const dayBefore = addDays(period.startsOn, -1);
  const received = new Set(
    reader.updates.filter((u) => u.periodId === period.id && u.date <= asOf).map((u) => u.actionId),
  );
  const groups = new Map<string, MissingUpdates>();
  for (const action of reader.ordered) {
    if (!isTopLevel(action) || reader.withdrawnOn(action, asOf)) continue;
    if (reader.statusOn(action, dayBefore) === "Completed" || received.has(action.id)) continue;
    const post = action.sroPost ?? NO_SRO_POST;
    let group = groups.get(post);
    if (group === undefined) {
      group = { sroPost: post, holder: reader.holderOf(action.sroPost), actions: [] };
      groups.set(post, group);
    }
    group.actions.push(reader.mention(action));
  }
  return [...groups.values()];
}

/** What happened between the previous report's day (exclusive) and this one's (inclusive). */
function since(
  input: ReportInput,
  reader: PlanReader,
  asOf: IsoDate,
  from: IsoDate | null,
): ReportModel["since"] {
  const noUpdate = missingUpdates(input, reader, asOf);
  if (from === null) return { completed: [], newlyOverdue: [], datesMoved: [], noUpdate };
  const counted = reader.ordered.filter((a) => isTopLevel(a) && !reader.withdrawnOn(a, asOf));
  const became = (status: string) => (a: Action) =>
    reader.statusOn(a, asOf) === status && reader.statusOn(a, from) !== status;
  const completedOn = (a: Action): IsoDate | null => {
    if (a.completedOn !== null && a.completedOn <= asOf) return a.completedOn;
    const said = reader.updates
      .filter(
        (u) => u.actionId === a.id && u.reportedStatus === "Completed" && u.date > from && u.date <= asOf,
      )
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    return said[0]?.date ?? null;
  };
  const datesMoved = input.targetDateChanges
    .filter((c) => {
      const on = c.decidedOn ?? c.requestedOn;
      return c.status === "approved" && on > from && on <= asOf && reader.byId.has(c.actionId);
    })
    .sort((a, b) => {
      const x = a.decidedOn ?? a.requestedOn;
      const y = b.decidedOn ?? b.requestedOn;
      return x < y ? -1 : x > y ? 1 : 0;
    })
    .flatMap((c) => {
      const action = reader.byId.get(c.actionId);
      if (action === undefined) return [];
      const decider = c.decidedBy ?? "";
      return [
        {
          ...reader.mention(action),
          from: c.from.text,
          to: c.to.text,
          reason: c.reason,
          approvedBy: input.names[decider] ?? decider,
          approvedOn: c.decidedOn ?? c.requestedOn,
        },
      ];
    });
  return {
    completed: counted.filter(became("Completed")).map((a) => ({ ...reader.mention(a), on: completedOn(a) })),
    newlyOverdue: counted.filter(became("Overdue")).map(reader.mention),
    datesMoved,
    noUpdate,
  };
}

/** The report on `input.period`, compared with `input.previous`. */
export function buildReport(input: ReportInput): ReportModel {
  const { period, previous, plan } = input;
  const reader = planReader(input);
  const frozen = period.state === "closed" ? period.snapshot : null;
  const asOf = frozen?.asOf ?? input.today;
  const figures =
    frozen ??
    planFigures(
      {
        recommendations: input.recommendations,
        actions: input.actions,
        updates: reader.updates,
        targetDateChanges: input.targetDateChanges,
        currentPeriod: period,
        overdueAfterMonths: plan.overdueAfterMonths,
      },
      asOf,
    );
  const before = previous?.snapshot ?? null;
  const rows = actionRows(input, reader, asOf);
  return {
    planTitle: plan.title,
    periodTitle: period.title,
    reportDate: period.reportDate,
    asOf,
    producedOn: input.today,
    figures,
    previous:
      previous === null || before === null
        ? null
        : { title: previous.title, asOf: before.asOf, figures: before },
    headline: headline(figures, before),
    byStatus: STATUSES.map((status) => ({
      status,
      now: figures.byStatus[status],
      before: before === null ? null : before.byStatus[status],
    })),
    chartAltText: chartAltText(figures),
    since: since(input, reader, asOf, before?.asOf ?? null),
    appendix: appendixGroups(input, rows),
    rows,
    updates: updateRows(input, reader, asOf),
  };
}
