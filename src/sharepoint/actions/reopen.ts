// "Reopen" a completed action: a coordinator's decision, recorded as an update ("Reopened: <reason>") with
// the status the action goes back to, and the action's completion date cleared, in one batch checked
// against the version read. Only an Owner can write actions, so SharePoint refuses it from anyone else;
// if either write fails, the other is undone, so an action is never reopened without its reason. Updates
// still waiting to be copied onto the action (an SRO's completion among them) are settled in the same batch:
// the reopening supersedes them, so no reader puts the old completion back on top of it.
import { z } from "../../lib/zod.ts";
import type { LatestUpdate, ProgressUpdate } from "../../domain/index.ts";
import type { DataContext } from "../core/context.ts";
import { sharePointDate } from "../core/dates.ts";
import { latestColumns } from "../import/columns.ts";
import { boundedDate, boundedText } from "../core/input-bounds.ts";
import { parsePending, pendingUpdatesQuery } from "../updates/pending-updates.ts";
import { itemId, type ActionRecord } from "../schema/records.ts";
import { actionConflict } from "../updates/updates.ts";
import { addItem, causeOf, updateItem, writeTogether } from "../core/writes.ts";

/** The statuses an action can be reopened to: any but Completed. */
export const REOPEN_STATUSES = ["Not started", "On target", "Delayed", "Overdue"] as const;
export type ReopenStatus = (typeof REOPEN_STATUSES)[number];

export const reopenSchema = z.object({
  date: boundedDate("The date reopened"),
  reason: boundedText("The reason", "Say why the action is reopened."),
  status: z.enum(REOPEN_STATUSES),
  periodId: z.nullable(z.string().check(z.regex(/^\d+$/))),
});
export type Reopening = z.input<typeof reopenSchema>;

/** The words the reopening update is written with, so the history reads as a decision. */
export function reopenedText(reason: string): string {
  return `Reopened: ${reason.trim()}`;
}

/** Reopen `record` (as read); resolves to the update written and the action as it now is. */
export async function reopenAction(
  ctx: DataContext,
  record: ActionRecord,
  input: Reopening,
): Promise<{ update: ProgressUpdate; record: ActionRecord }> {
  const reopening = reopenSchema.parse(input);
  const actionId = itemId(record.action.id, "action");
  const text = reopenedText(reopening.reason);
  const latest: LatestUpdate = {
    date: reopening.date,
    text,
    reportedStatus: reopening.status,
    percentComplete: record.latest?.percentComplete ?? null,
    periodId: reopening.periodId,
  };
  const period = reopening.periodId === null ? null : Number(reopening.periodId);
  const waiting = parsePending(ctx, await pendingUpdatesQuery(ctx.sp, { actionId })());
  try {
    const [etag, newId] = await writeTogether(ctx.sp, [
      updateItem(
        "actions",
        actionId,
        record.etag,
        { ...latestColumns(latest, period), CompletedOn: null },
        {},
      ),
      addItem("progressUpdates", {
        Title: `${record.action.ref} ${reopening.date}`.slice(0, 255),
        ActionId: actionId,
        PlanId: record.action.planId === "" ? null : itemId(record.action.planId, "plan"),
        PeriodId: period,
        UpdateDate: sharePointDate(reopening.date),
        UpdateText: text,
        ReportedStatus: reopening.status,
        PercentComplete: latest.percentComplete,
        EvidenceUrl: null,
        CompletedOn: null,
        Applied: true,
      }),
      ...waiting.map((p) =>
        updateItem("progressUpdates", Number(p.id), "*", { Applied: true }, { Applied: false }),
      ),
    ]);
    return {
      update: {
        id: String(newId),
        actionId: record.action.id,
        periodId: reopening.periodId,
        date: reopening.date,
        text,
        reportedStatus: reopening.status,
        percentComplete: latest.percentComplete,
        evidenceUrl: null,
      },
      record: { ...record, etag, latest, action: { ...record.action, completedOn: null } },
    };
  } catch (error) {
    return actionConflict(ctx, record.action.id, causeOf(error));
  }
}
