// Reporting periods: a coordinator opens one (one open period per plan at a time) and closes it, which
// freezes the plan's figures on that day as a JSON snapshot so the next report can say what changed.
import { z } from "../../lib/zod.ts";
import {
  formatUkDate,
  planFigures,
  SHORT_TEXT_LIMIT,
  type IsoDate,
  type PlanFigures,
} from "../../domain/index.ts";
import { allRows, firstPage } from "../core/batch.ts";
import { periodRecords, readableSnapshot } from "../schema/shared-reads.ts";
import { ConflictError, isStaleETag, orNullIfGone } from "../core/conflict.ts";
import { listOf, MAX_PAGE, type DataContext } from "../core/context.ts";
import { sharePointDate } from "../core/dates.ts";
import { eq } from "../core/odata.ts";
import { boundedDate, boundedText, inputRefused } from "../core/input-bounds.ts";
import { figuresInput, loadDashboard } from "../plans/plans.ts";
import { itemId, toPeriod, type PeriodRecord } from "../schema/records.ts";
import { PERIOD_SELECT, periodItemSchema, readRow } from "../schema/rows.ts";
import { snapshotJson } from "./snapshot.ts";
import { causeOf, updateItem, writeTogether } from "../core/writes.ts";

const newPeriodSchema = z
  .object({
    title: boundedText("The period's title", "A period needs a title, e.g. 'Q2 2024/25'.", SHORT_TEXT_LIMIT),
    startsOn: boundedDate("The period's start"),
    updateDeadline: boundedDate("The update deadline"),
    reportDate: boundedDate("The report date"),
  })
  .check(
    z.refine(
      (p) => p.startsOn <= p.updateDeadline,
      "The update deadline cannot be before the period starts.",
    ),
    z.refine(
      (p) => p.updateDeadline <= p.reportDate,
      "The report date cannot be before the update deadline.",
    ),
  );
export type NewPeriod = z.input<typeof newPeriodSchema>;

/** A plan's reporting periods, oldest first. One request. */
export async function loadPeriods(ctx: DataContext, planId: string): Promise<PeriodRecord[]> {
  const page = await firstPage(
    listOf(ctx.sp, "reportingPeriods")
      .items.select(...PERIOD_SELECT)
      .filter(eq("PlanId", itemId(planId, "plan")))
      .top(MAX_PAGE),
  );
  return periodRecords(await allRows(ctx.sp, page), ctx.warnings);
}

/** Open a new reporting period for a plan; refused while another is open. Two requests. */
export async function createPeriod(
  ctx: DataContext,
  planId: string,
  input: NewPeriod,
): Promise<PeriodRecord> {
  const period = newPeriodSchema.parse(input);
  const open = (await loadPeriods(ctx, planId)).find((p) => p.state === "open");
  if (open !== undefined)
    throw new Error(`'${open.title}' is still open; close it before opening another period.`);
  const row: unknown = await listOf(ctx.sp, "reportingPeriods").items.add({
    Title: period.title,
    PlanId: itemId(planId, "plan"),
    StartsOn: sharePointDate(period.startsOn),
    UpdateDeadline: sharePointDate(period.updateDeadline),
    ReportDate: sharePointDate(period.reportDate),
    PeriodState: "Open",
  });
  return readRow(periodItemSchema, row, "reportingPeriods", (r) => toPeriod(r, readableSnapshot));
}

/** Closing was refused: target-date change requests of the plan still wait for a decision. */
export class RequestsWaitingError extends Error {
  constructor(
    readonly period: PeriodRecord,
    /** The refs of the actions whose requests wait, in plan order (one per request). */
    readonly actionRefs: string[],
  ) {
    const n = actionRefs.length;
    super(
      `'${period.title}' cannot close while ${String(n)} target date change ${n === 1 ? "request waits" : "requests wait"} for a decision (${n === 1 ? "action" : "actions"} ${actionRefs.join(", ")}); decide ${n === 1 ? "it" : "them"} first, or close it with ${n === 1 ? "it" : "them"} waiting.`,
    );
    this.name = "RequestsWaitingError";
  }
}

/**
 * Close a period (as read) on `asOf`, storing the plan's figures for that day. Refused (RequestsWaitingError)
 * while target-date change requests wait, unless `evenWithRequestsWaiting`. Two requests: the dashboard
 * data the figures come from, then the period written with its ETag (a 412 becomes ConflictError).
 */
export async function closePeriod(
  ctx: DataContext,
  period: PeriodRecord,
  asOf: IsoDate,
  options: { evenWithRequestsWaiting?: boolean } = {},
): Promise<{ period: PeriodRecord; figures: PlanFigures }> {
  if (period.state === "closed") throw new Error(`'${period.title}' is already closed.`);
  const dashboard = await loadDashboard(ctx, period.planId);
  const waiting = dashboard.dateChanges.filter((c) => c.status === "requested");
  if (waiting.length > 0 && options.evenWithRequestsWaiting !== true) {
    const refs = new Map(dashboard.actions.map((r) => [r.action.id, r.action.ref]));
    const order = new Map(dashboard.actions.map((r, i) => [r.action.id, i]));
    const sorted = [...waiting].sort((a, b) => (order.get(a.actionId) ?? 0) - (order.get(b.actionId) ?? 0));
    throw new RequestsWaitingError(
      period,
      sorted.map((c) => refs.get(c.actionId) ?? `(action ${c.actionId})`),
    );
  }
  const figures = planFigures({ ...figuresInput(dashboard), currentPeriod: period }, asOf);
  const id = itemId(period.id, "reporting period");
  const closedAt = new Date().toISOString();
  try {
    const [etag] = await writeTogether(ctx.sp, [
      updateItem(
        "reportingPeriods",
        id,
        period.etag,
        {
          PeriodState: "Closed",
          ClosedOn: sharePointDate(asOf),
          ClosedAt: closedAt,
          Snapshot: snapshotJson(figures),
        },
        { PeriodState: "Open", ClosedOn: null, ClosedAt: null, Snapshot: null },
      ),
    ]);
    return { period: { ...period, etag, state: "closed", snapshot: figures, closedAt }, figures };
  } catch (error) {
    const reason = causeOf(error);
    if (!isStaleETag(reason)) throw reason;
    throw new ConflictError("reporting period", await loadPeriod(ctx, period.id), reason);
  }
}

/** What closing a period (as read) on `asOf` would leave behind, for the coordinator to confirm. */
export interface ClosingCheck {
  /** Updates owed for the period and those received (null when the plan owes none). */
  updates: { due: number; received: number } | null;
  /** Whether the update deadline has passed on `asOf` (updates are due by the end of its day). */
  deadlinePassed: boolean;
  /** Refs of the actions whose target-date change requests wait for a decision, in plan order. */
  waitingRefs: string[];
}

/** What is still owed before closing a period on `asOf`. One request (the dashboard's data). */
export async function checkClosing(
  ctx: DataContext,
  period: PeriodRecord,
  asOf: IsoDate,
): Promise<ClosingCheck> {
  const dashboard = await loadDashboard(ctx, period.planId);
  const figures = planFigures({ ...figuresInput(dashboard), currentPeriod: period }, asOf);
  const refs = new Map(dashboard.actions.map((r, i) => [r.action.id, { ref: r.action.ref, i }]));
  const waitingRefs = dashboard.dateChanges
    .filter((c) => c.status === "requested")
    .map((c) => refs.get(c.actionId) ?? { ref: `(action ${c.actionId})`, i: 0 })
    .sort((a, b) => a.i - b.i)
    .map((r) => r.ref);
  return {
    updates:
      figures.updates === null ? null : { due: figures.updates.due, received: figures.updates.received },
    deadlinePassed: asOf > period.updateDeadline,
    waitingRefs,
  };
}

/** A reporting period by id as it is now; null when it has been deleted. One request. */
export async function loadPeriod(ctx: DataContext, periodId: string): Promise<PeriodRecord | null> {
  const row: unknown = await orNullIfGone(
    listOf(ctx.sp, "reportingPeriods")
      .items.getById(itemId(periodId, "reporting period"))
      .select(...PERIOD_SELECT)(),
  );
  return row === null
    ? null
    : readRow(periodItemSchema, row, "reportingPeriods", (r) => toPeriod(r, readableSnapshot));
}

/**
 * Give an open period (as read) a new update deadline, and a new report date when the deadline would pass
 * the old one. One request with the period's ETag; a 412 becomes ConflictError with its current version.
 */
export async function extendPeriod(
  ctx: DataContext,
  period: PeriodRecord,
  updateDeadline: IsoDate,
  reportDate?: IsoDate,
): Promise<PeriodRecord> {
  if (period.state === "closed")
    throw inputRefused(`'${period.title}' is closed; its deadline can no longer change.`);
  const deadline = boundedDate("The update deadline").parse(updateDeadline);
  const report =
    reportDate === undefined ? period.reportDate : boundedDate("The report date").parse(reportDate);
  if (deadline < period.startsOn)
    throw inputRefused(
      `The update deadline ${formatUkDate(deadline)} cannot be before '${period.title}' starts (${formatUkDate(period.startsOn)}).`,
    );
  if (report < deadline)
    throw inputRefused(
      reportDate === undefined
        ? `The update deadline ${formatUkDate(deadline)} would be after the report date (${formatUkDate(report)}); give a later report date too.`
        : "The report date cannot be before the update deadline.",
    );
  const values = { UpdateDeadline: sharePointDate(deadline), ReportDate: sharePointDate(report) };
  const previous = {
    UpdateDeadline: sharePointDate(period.updateDeadline),
    ReportDate: sharePointDate(period.reportDate),
  };
  try {
    const [etag] = await writeTogether(ctx.sp, [
      updateItem("reportingPeriods", itemId(period.id, "reporting period"), period.etag, values, previous),
    ]);
    return { ...period, etag, updateDeadline: deadline, reportDate: report };
  } catch (error) {
    const reason = causeOf(error);
    if (!isStaleETag(reason)) throw reason;
    throw new ConflictError("reporting period", await loadPeriod(ctx, period.id), reason);
  }
}
