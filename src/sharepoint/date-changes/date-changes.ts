// Moving a target date: an SRO asks (with a reason), a coordinator approves or declines. Approval records
// the decision and moves the action's date in one $batch, each only if still at the version read; if
// either was changed meanwhile, neither change is kept and the caller gets the other person's version.
// The rules are kept here, where every writer passes: a new date after today and unlike the current one,
// one waiting request per action, approval only against the date the request moves from, a reason for a
// decline. The SRO may withdraw a request still waiting.
import { z } from "../../lib/zod.ts";
import {
  formatUkDate,
  isWithinDateRange,
  parseTargetDate,
  SHORT_TEXT_LIMIT,
  type IsoDate,
  type TargetDate,
} from "../../domain/index.ts";
import { ConflictError, isStaleETag, orNullIfGone } from "../core/conflict.ts";
import { listOf, type DataContext } from "../core/context.ts";
import { and, eq } from "../core/odata.ts";
import { sharePointDate, sharePointDateOrNull } from "../core/dates.ts";
import { loadAction } from "../actions/history.ts";
import { coordinatorsQuery, entitlementOf } from "../updates/pending-updates.ts";
import { boundedDate, boundedText, checkDateRange, inputRefused } from "../core/input-bounds.ts";
import { itemId, toDateChange, type ActionRecord, type DateChangeRecord } from "../schema/records.ts";
import {
  DATE_CHANGE_EXPAND,
  DATE_CHANGE_SELECT,
  dateChangeItemSchema,
  readRow,
  readRows,
} from "../schema/rows.ts";
import { addItem, causeOf, updateItem, writeTogether, WriteFailed } from "../core/writes.ts";

// Checked before anything is sent (input-bounds.ts): the new date's text fits its single-line column, the
// reason (multi-line, which SharePoint does not limit) 60,000 characters, dates within 1900–2100.
const requestSchema = z.object({
  toText: boundedText("The new target date", "Say what the new target date is.", SHORT_TEXT_LIMIT),
  reason: boundedText("The reason", "Give a reason for moving the date."),
  requestedOn: boundedDate("The request date"),
});
export type DateChangeRequest = z.input<typeof requestSchema>;

const decisionSchema = z.object({
  decidedOn: boundedDate("The decision date"),
  note: z.optional(boundedText("The decision note", null)),
});

const declineSchema = z.object({
  decidedOn: boundedDate("The decision date"),
  note: boundedText("The reason for declining", "Give the reason for declining the request."),
});

/** A target date as an officer reads it: "31 May 2024", or the plan's words when it names no day. */
function dateWords(target: TargetDate): string {
  if (target.due !== null) return formatUkDate(target.due);
  return target.text.trim() === "" ? "no target date" : `'${target.text.trim()}'`;
}

/** Whether two target dates are the same day (or, undated, the same words). */
function sameTarget(a: TargetDate, b: TargetDate): boolean {
  return a.due === b.due && (a.due !== null || a.text.trim() === b.text.trim());
}

/** The requests of an action still waiting for a decision, newest first. One request. */
export async function waitingDateChanges(
  ctx: DataContext,
  record: ActionRecord,
): Promise<DateChangeRecord[]> {
  const rows: unknown = await listOf(ctx.sp, "targetDateChanges")
    .items.select(...DATE_CHANGE_SELECT)
    .expand(...DATE_CHANGE_EXPAND)
    .filter(and(eq("ActionId", itemId(record.action.id, "action")), eq("ChangeStatus", "Requested")))
    .top(20)();
  return readRows(
    dateChangeItemSchema,
    Array.isArray(rows) ? rows : [],
    "targetDateChanges",
    ctx.warnings,
    (r) => toDateChange(r, record.planReferenceDate),
  ).sort((a, b) => Number(b.id) - Number(a.id));
}

/** Words refusing a second request while `waiting` is undecided. */
export function alreadyWaitingMessage(waiting: DateChangeRecord): string {
  return `A request to move this date to ${dateWords(waiting.to)} (asked ${formatUkDate(waiting.requestedOn)}) is already waiting for a coordinator's decision. Withdraw it before asking again.`;
}

/** A target-date change as it is now; null when it has been deleted. */
async function loadDateChange(
  ctx: DataContext,
  id: string,
  referenceDate: IsoDate | null,
): Promise<DateChangeRecord | null> {
  const row: unknown = await orNullIfGone(
    listOf(ctx.sp, "targetDateChanges")
      .items.getById(itemId(id, "target date change"))
      .select(...DATE_CHANGE_SELECT)
      .expand(...DATE_CHANGE_EXPAND)(),
  );
  return row === null
    ? null
    : readRow(dateChangeItemSchema, row, "targetDateChanges", (r) => toDateChange(r, referenceDate));
}

/**
 * Ask to move an action's target date. The new date is read from the text as the plan would write it
 * ("Sept-24", "End of March 2025") with the plan's reference date. One request.
 */
export async function requestDateChange(
  ctx: DataContext,
  record: ActionRecord,
  input: DateChangeRequest,
): Promise<DateChangeRecord> {
  const request = requestSchema.parse(input);
  const context = record.planReferenceDate === null ? {} : { referenceDate: record.planReferenceDate };
  const to = parseTargetDate(request.toText, context);
  checkDateRange(`The new target date "${request.toText}"`, to.due);
  const from = record.action.targetDate;
  if (to.due === null)
    throw inputRefused(
      `"${request.toText}" does not name a day; give the new target date, for example 30 September 2025.`,
    );
  if (to.due <= request.requestedOn)
    throw inputRefused(
      `The new target date must be after today: ${formatUkDate(to.due)} is not. Choose a later date.`,
    );
  if (sameTarget(from, to))
    throw inputRefused(`The target date is already ${dateWords(from)}; choose a different date to ask for.`);
  const [waiting] = await waitingDateChanges(ctx, record);
  if (waiting !== undefined) throw inputRefused(alreadyWaitingMessage(waiting));
  const id = await addItem("targetDateChanges", {
    Title: `${record.action.ref}: ${from.text} to ${to.text}`.slice(0, 255),
    ActionId: itemId(record.action.id, "action"),
    PlanId: record.action.planId === "" ? null : itemId(record.action.planId, "plan"),
    FromText: from.text,
    FromDue: sharePointDateOrNull(from.due),
    ToText: to.text,
    ToDue: sharePointDateOrNull(to.due),
    Reason: request.reason,
    RequestedOn: sharePointDate(request.requestedOn),
    ChangeStatus: "Requested",
  }).apply(ctx.sp);
  const created = await loadDateChange(ctx, String(id), record.planReferenceDate);
  if (created === null) throw new Error("The target date change was saved but could not be read back.");
  return created;
}

export interface Decision {
  decidedOn: IsoDate;
  note?: string;
}

// Recording a decision on a change (as read); undone by setting it back to undecided.
function decide(
  change: DateChangeRecord,
  status: "Approved" | "Declined" | "Withdrawn",
  decision: Decision,
  userId: number,
) {
  return updateItem(
    "targetDateChanges",
    itemId(change.id, "target date change"),
    change.etag,
    {
      ChangeStatus: status,
      DecidedOn: sharePointDate(decision.decidedOn),
      DecidedById: userId,
      DecisionNote: decision.note ?? null,
    },
    { ChangeStatus: "Requested", DecidedOn: null, DecidedById: null, DecisionNote: null },
  );
}

function assertRequested(change: DateChangeRecord): void {
  if (change.status !== "requested")
    throw inputRefused(`This request to move the target date has already been ${change.status}.`);
}

/**
 * Approve a requested change (as read) and move the action (as read) to its new date: one request. A 412 on
 * either becomes ConflictError carrying the one that changed, and neither write is kept.
 */
export async function approveDateChange(
  ctx: DataContext,
  change: DateChangeRecord,
  record: ActionRecord,
  decision: Decision,
): Promise<{ change: DateChangeRecord; record: ActionRecord }> {
  assertRequested(change);
  if (change.actionId !== record.action.id) throw new Error("This change belongs to a different action.");
  // A request written around the app (over REST) was not checked when it was made: it is when approved.
  if (change.to.due !== null && !isWithinDateRange(change.to.due))
    throw inputRefused(
      `This request would move the target date to ${change.to.due}, outside 1900–2100; decline it and ask for a date within the plan's life.`,
    );
  decisionSchema.parse(decision);
  const current = record.action.targetDate;
  // Asked against a date that has moved since (another approval, a coordinator's own change): approving it
  // would record a move from a date the action no longer has.
  if (!sameTarget(change.from, current))
    throw inputRefused(
      `This request was made to move the date from ${dateWords(change.from)}, but the target date is now ${dateWords(current)}. Decline it and ask the SRO to ask again from the current date.`,
    );
  const userId = await ctx.currentUserId();
  const actionId = itemId(record.action.id, "action");
  try {
    const [, etag] = await writeTogether(ctx.sp, [
      decide(change, "Approved", decision, userId),
      updateItem(
        "actions",
        actionId,
        record.etag,
        { TargetDateText: change.to.text, DueDate: sharePointDateOrNull(change.to.due) },
        { TargetDateText: current.text, DueDate: sharePointDateOrNull(current.due) },
      ),
    ]);
    const decided = await loadDateChange(ctx, change.id, record.planReferenceDate);
    return {
      change: decided ?? { ...change, status: "approved", decidedOn: decision.decidedOn },
      record: { ...record, etag, action: { ...record.action, targetDate: change.to } },
    };
  } catch (error) {
    if (!(error instanceof WriteFailed) || !isStaleETag(error.reason)) throw causeOf(error);
    if (error.index === 0) {
      const now = await loadDateChange(ctx, change.id, record.planReferenceDate);
      throw new ConflictError("target date change", now, error.reason);
    }
    throw new ConflictError("action", await orNullIfGone(loadAction(ctx, record.action.id)), error.reason);
  }
}

/**
 * Decline a requested change (as read), with the coordinator's reason (required) as its note. One request; a
 * 412 becomes ConflictError with its current version.
 */
export async function declineDateChange(
  ctx: DataContext,
  change: DateChangeRecord,
  decision: Decision,
  referenceDate: IsoDate | null = null,
): Promise<DateChangeRecord> {
  assertRequested(change);
  const { note } = declineSchema.parse({ ...decision, note: decision.note ?? "" });
  return await close(ctx, change, "Declined", { decidedOn: decision.decidedOn, note }, referenceDate);
}

/** The SRO takes back a request still waiting (as read), on `on`; recorded, not deleted. One request. */
export async function withdrawDateChange(
  ctx: DataContext,
  change: DateChangeRecord,
  on: IsoDate,
  referenceDate: IsoDate | null = null,
): Promise<DateChangeRecord> {
  assertRequested(change);
  decisionSchema.parse({ decidedOn: on });
  return await close(ctx, change, "Withdrawn", { decidedOn: on }, referenceDate);
}

// A decline or a withdrawal: the change alone, checked against the version read.
async function close(
  ctx: DataContext,
  change: DateChangeRecord,
  status: "Declined" | "Withdrawn",
  decision: Decision,
  referenceDate: IsoDate | null,
): Promise<DateChangeRecord> {
  const userId = await ctx.currentUserId();
  try {
    const [etag] = await writeTogether(ctx.sp, [decide(change, status, decision, userId)]);
    const closed: DateChangeRecord = {
      ...change,
      etag,
      status: status === "Declined" ? "declined" : "withdrawn",
      decidedOn: decision.decidedOn,
    };
    if (decision.note !== undefined) closed.decisionNote = decision.note;
    return closed;
  } catch (error) {
    const reason = causeOf(error);
    if (!isStaleETag(reason)) throw reason;
    throw new ConflictError(
      "target date change",
      await loadDateChange(ctx, change.id, referenceDate),
      reason,
    );
  }
}

const revisionSchema = z.object({
  toText: boundedText("The new target date", "Say what the new target date is.", SHORT_TEXT_LIMIT),
  reason: boundedText("The reason", "Give a reason for changing the target date."),
  on: boundedDate("The date of the change"),
});

/**
 * A coordinator's own change of an action's (as read) target date: an approved Target Date Changes item
 * decided by them, with the reason, and the action's date columns, written together in one $batch (as an
 * approved request is), so the target date history shows it beside the requests. A 412 on the action
 * becomes ConflictError("action") with its current version, and neither write is kept.
 */
export async function reviseTargetDate(
  ctx: DataContext,
  record: ActionRecord,
  toText: string,
  reason: string,
  on: IsoDate,
): Promise<ActionRecord> {
  const revision = revisionSchema.parse({ toText, reason, on });
  const context = record.planReferenceDate === null ? {} : { referenceDate: record.planReferenceDate };
  const to = parseTargetDate(revision.toText, context);
  checkDateRange(`The new target date "${revision.toText}"`, to.due);
  const from = record.action.targetDate;
  if (from.text === to.text && from.due === to.due)
    throw inputRefused(`The target date is already '${from.text}'; nothing to change.`);
  const userId = await ctx.currentUserId();
  const actionId = itemId(record.action.id, "action");
  try {
    const [, etag] = await writeTogether(ctx.sp, [
      addItem("targetDateChanges", {
        Title: `${record.action.ref}: ${from.text} to ${to.text}`.slice(0, 255),
        ActionId: actionId,
        PlanId: record.action.planId === "" ? null : itemId(record.action.planId, "plan"),
        FromText: from.text,
        FromDue: sharePointDateOrNull(from.due),
        ToText: to.text,
        ToDue: sharePointDateOrNull(to.due),
        Reason: revision.reason,
        RequestedOn: sharePointDate(revision.on),
        ChangeStatus: "Approved",
        DecidedById: userId,
        DecidedOn: sharePointDate(revision.on),
      }),
      updateItem(
        "actions",
        actionId,
        record.etag,
        { TargetDateText: to.text, DueDate: sharePointDateOrNull(to.due) },
        { TargetDateText: from.text, DueDate: sharePointDateOrNull(from.due) },
      ),
    ]);
    return { ...record, etag, action: { ...record.action, targetDate: to } };
  } catch (error) {
    if (error instanceof WriteFailed && error.index === 1 && isStaleETag(error.reason))
      throw new ConflictError("action", await orNullIfGone(loadAction(ctx, record.action.id)), error.reason);
    throw causeOf(error);
  }
}

/** The plan's coordinators (the site's Owners) by UPN, to tell of a new request; none when unreadable. */
export async function loadCoordinatorUpns(ctx: DataContext): Promise<string[]> {
  try {
    return [...entitlementOf([], await coordinatorsQuery(ctx.sp)).coordinators].sort();
  } catch {
    // A Member may be refused the Owners group's users: the request stands; nobody is told in Teams.
    return [];
  }
}
