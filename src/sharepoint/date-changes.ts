// Moving a target date: an SRO asks (with a reason), a coordinator approves or declines. Approval records
// the decision and moves the action's date in one $batch, each only if still at the version read; if
// either was changed meanwhile, neither change is kept and the caller gets the other person's version.
import { z } from "../lib/zod.ts";
import { isWithinDateRange, parseTargetDate, SHORT_TEXT_LIMIT, type IsoDate } from "../domain/index.ts";
import { ConflictError, isStaleETag, orNullIfGone } from "./conflict.ts";
import { listOf, type DataContext } from "./context.ts";
import { sharePointDate, sharePointDateOrNull } from "./dates.ts";
import { loadAction } from "./history.ts";
import { boundedDate, boundedText, checkDateRange, inputRefused } from "./input-bounds.ts";
import { itemId, toDateChange, type ActionRecord, type DateChangeRecord } from "./records.ts";
import { DATE_CHANGE_EXPAND, DATE_CHANGE_SELECT, dateChangeRow, readRow } from "./rows.ts";
import { addItem, causeOf, updateItem, writeTogether, WriteFailed } from "./writes.ts";

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
    : readRow(dateChangeRow, row, "targetDateChanges", (r) => toDateChange(r, referenceDate));
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
  status: "Approved" | "Declined",
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
    throw new Error(`This target date change has already been ${change.status}.`);
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
  const userId = await ctx.currentUserId();
  const actionId = itemId(record.action.id, "action");
  const current = record.action.targetDate;
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

/** Decline a requested change (as read). One request; a 412 becomes ConflictError with its current version. */
export async function declineDateChange(
  ctx: DataContext,
  change: DateChangeRecord,
  decision: Decision,
  referenceDate: IsoDate | null = null,
): Promise<DateChangeRecord> {
  assertRequested(change);
  decisionSchema.parse(decision);
  const userId = await ctx.currentUserId();
  try {
    const [etag] = await writeTogether(ctx.sp, [decide(change, "Declined", decision, userId)]);
    return { ...change, etag, status: "declined", decidedOn: decision.decidedOn };
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
