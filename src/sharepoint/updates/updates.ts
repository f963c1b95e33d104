// An SRO's progress update, and marking an action complete. SROs cannot write actions (SharePoint holds
// that: provision-security.ts), so an update is added on its own, not yet applied; readers show it as the
// action's latest at once and an Owner or the app copies it onto the action later (pending-updates.ts).
import { z } from "../../lib/zod.ts";
import { STATUSES, type IsoDate, type LatestUpdate, type ProgressUpdate } from "../../domain/index.ts";
import { ConflictError, isStaleETag, orNullIfGone } from "../core/conflict.ts";
import type { DataContext } from "../core/context.ts";
import { sharePointDate, sharePointDateOrNull } from "../core/dates.ts";
import { loadAction } from "../actions/history.ts";
import { boundedDate, boundedText, safeLink } from "../core/input-bounds.ts";
import { itemId, type ActionRecord } from "../schema/records.ts";
import { addItem, causeOf, updateItem, writeTogether } from "../core/writes.ts";
import { refuseIfPeriodClosed } from "./closed-period.ts";

/**
 * What an SRO gives for an update; checked before anything is sent (input-bounds.ts): a date within
 * 1900–2100, text within 60,000 characters (UpdateText is multi-line, which SharePoint does not limit), an
 * https evidence link.
 */
export const newUpdateSchema = z.object({
  date: boundedDate("The update date"),
  text: boundedText("The update", "An update needs some text."),
  reportedStatus: z.nullable(z.enum(STATUSES)),
  percentComplete: z.nullable(z.int().check(z.minimum(0), z.maximum(100))),
  periodId: z.nullable(z.string().check(z.regex(/^\d+$/))),
  evidenceUrl: z.nullable(safeLink("The evidence link")),
});
export type NewUpdate = z.input<typeof newUpdateSchema>;

/** Re-read the action after a refused write, for the conflict the caller shows. */
export async function actionConflict(ctx: DataContext, actionId: string, error: unknown): Promise<never> {
  if (!isStaleETag(error)) throw error;
  throw new ConflictError<ActionRecord>("action", await orNullIfGone(loadAction(ctx, actionId)), error);
}

/**
 * Add a progress update to an action as read (`record`). Refused in words when its period has closed since
 * it was read (closed-period.ts: the period is read again first). Then one request, which only adds the update: the
 * action itself is not written (SROs may not), so two people posting at once never refuse each other. The
 * record returned shows the update as the action's latest when it is the newest, and with `completeOn`
 * ("Mark complete"'s closing note) the action as complete on that day, as every reader will show it.
 */
export async function addProgressUpdate(
  ctx: DataContext,
  record: ActionRecord,
  input: NewUpdate,
  options: { completeOn?: IsoDate } = {},
): Promise<{ update: ProgressUpdate; record: ActionRecord }> {
  const update = newUpdateSchema.parse(input);
  const actionId = itemId(record.action.id, "action");
  const latest: LatestUpdate = {
    date: update.date,
    text: update.text,
    reportedStatus: update.reportedStatus,
    percentComplete: update.percentComplete,
    periodId: update.periodId,
  };
  const isLatest = record.latest === null || record.latest.date <= update.date;
  const completeOn = options.completeOn ?? null;
  if (update.periodId !== null) await refuseIfPeriodClosed(ctx, update.periodId, update.date);
  const newId = await addItem("progressUpdates", {
    Title: `${record.action.ref} ${update.date}`.slice(0, 255),
    ActionId: actionId,
    PlanId: record.action.planId === "" ? null : itemId(record.action.planId, "plan"),
    PeriodId: update.periodId === null ? null : Number(update.periodId),
    UpdateDate: sharePointDate(update.date),
    UpdateText: update.text,
    ReportedStatus: update.reportedStatus,
    PercentComplete: update.percentComplete,
    EvidenceUrl:
      update.evidenceUrl === null ? null : { Url: update.evidenceUrl, Description: update.evidenceUrl },
    CompletedOn: sharePointDateOrNull(completeOn),
    Applied: false,
  }).apply(ctx.sp);
  const completedOn = record.action.completedOn ?? completeOn;
  return {
    update: {
      id: String(newId),
      actionId: record.action.id,
      periodId: update.periodId,
      date: update.date,
      text: update.text,
      reportedStatus: update.reportedStatus,
      percentComplete: update.percentComplete,
      evidenceUrl: update.evidenceUrl,
    },
    record: {
      ...record,
      latest: isLatest ? latest : record.latest,
      action: completedOn === record.action.completedOn ? record.action : { ...record.action, completedOn },
    },
  };
}

/**
 * Record an action (as read) as complete on `on`; `null` re-opens it. One request; a 412 becomes
 * ConflictError with the action as it is now.
 */
export async function markComplete(
  ctx: DataContext,
  record: ActionRecord,
  on: IsoDate | null,
): Promise<ActionRecord> {
  const id = itemId(record.action.id, "action");
  try {
    const [etag] = await writeTogether(ctx.sp, [
      updateItem(
        "actions",
        id,
        record.etag,
        { CompletedOn: sharePointDateOrNull(on) },
        { CompletedOn: sharePointDateOrNull(record.action.completedOn) },
      ),
    ]);
    return { ...record, etag, action: { ...record.action, completedOn: on } };
  } catch (error) {
    return actionConflict(ctx, record.action.id, causeOf(error));
  }
}
