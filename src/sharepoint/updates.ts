// An SRO's progress update, and marking an action complete. Adding an update also moves the action's copy
// of its latest update, in the same $batch and only if the action is still at the version the SRO saw.
import { z } from "../lib/zod.ts";
import { STATUSES, toIsoDate, type IsoDate, type ProgressUpdate } from "../domain/index.ts";
import { ConflictError, isStaleETag, orNullIfGone } from "./conflict.ts";
import type { DataContext } from "./context.ts";
import { sharePointDate, sharePointDateOrNull } from "./dates.ts";
import { loadAction } from "./history.ts";
import { itemId, type ActionRecord, type LatestUpdate } from "./records.ts";
import { addItem, causeOf, updateItem, writeTogether, WriteFailed, type ItemWrite } from "./writes.ts";

const isoDate = z.pipe(
  z.string(),
  z.transform((text: string, ctx): IsoDate => {
    const date = toIsoDate(text);
    if (date === null) {
      ctx.issues.push({ code: "custom", message: `'${text}' is not a date (YYYY-MM-DD)`, input: text });
      return z.NEVER;
    }
    return date;
  }),
);

/** What an SRO gives for an update; checked before anything is sent. */
export const newUpdateSchema = z.object({
  date: isoDate,
  text: z.string().check(z.trim(), z.minLength(1, "An update needs some text."), z.maxLength(60000)),
  reportedStatus: z.nullable(z.enum(STATUSES)),
  percentComplete: z.nullable(z.int().check(z.minimum(0), z.maximum(100))),
  periodId: z.nullable(z.string().check(z.regex(/^\d+$/))),
  evidenceUrl: z.nullable(z.url({ protocol: /^https?$/ })),
});
export type NewUpdate = z.input<typeof newUpdateSchema>;

function latestColumns(latest: LatestUpdate | null): Record<string, unknown> {
  return {
    LatestUpdateDate: sharePointDateOrNull(latest?.date ?? null),
    LatestUpdateText: latest?.text ?? null,
    LatestUpdatePercent: latest?.percentComplete ?? null,
    ReportedStatus: latest?.reportedStatus ?? null,
    LatestUpdatePeriodId: latest === null || latest.periodId === null ? null : Number(latest.periodId),
  };
}

/** Re-read the action after a refused write, for the conflict the caller shows. */
async function actionConflict(ctx: DataContext, actionId: string, error: unknown): Promise<never> {
  if (!isStaleETag(error)) throw error;
  throw new ConflictError<ActionRecord>("action", await orNullIfGone(loadAction(ctx, actionId)), error);
}

/**
 * Add a progress update to an action as read (`record`, with its ETag) and make it the action's latest
 * update. One request; a 412 becomes ConflictError with the action as it is now, and the update is not kept.
 * An update dated before the action's latest is added to the history without touching the action.
 * With `completeOn`, the same change also records the action as complete on that date ("Mark complete"'s
 * closing note): both or neither are kept.
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
  const add = addItem("progressUpdates", {
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
  });
  const completeOn = options.completeOn ?? null;
  const touchesAction = isLatest || completeOn !== null;
  const actionValues = {
    ...(isLatest ? latestColumns(latest) : {}),
    ...(completeOn === null ? {} : { CompletedOn: sharePointDate(completeOn) }),
  };
  const actionPrevious = {
    ...(isLatest ? latestColumns(record.latest) : {}),
    ...(completeOn === null ? {} : { CompletedOn: sharePointDateOrNull(record.action.completedOn) }),
  };
  // The action first: when it is refused, the update added after it in the batch is taken back.
  const writes: ItemWrite<unknown>[] = touchesAction
    ? [updateItem("actions", actionId, record.etag, actionValues, actionPrevious), add]
    : [add];
  let results: unknown[];
  try {
    results = await writeTogether(ctx.sp, writes);
  } catch (error) {
    if (error instanceof WriteFailed && touchesAction && error.index === 0)
      return actionConflict(ctx, record.action.id, error.reason);
    throw causeOf(error);
  }
  const newId = results[results.length - 1];
  const etag = touchesAction && typeof results[0] === "string" ? results[0] : record.etag;
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
      etag,
      latest: isLatest ? latest : record.latest,
      action: completeOn === null ? record.action : { ...record.action, completedOn: completeOn },
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
