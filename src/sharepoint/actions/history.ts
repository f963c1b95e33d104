// One action and its history: the newest page of its progress updates (update-pages.ts reads the next ones
// on request) and its target-date changes, in one $batch. Both lists are read by the indexed Action lookup,
// so an action's history is quick however many updates the site or the action holds.
import type { ProgressUpdate } from "../../domain/index.ts";
import { allRows, firstPage, inOneBatch, settle, valueOf } from "../core/batch.ts";
import type { SPFI } from "@pnp/sp";
import { listOf, MAX_PAGE, type DataContext } from "../core/context.ts";
import { eq } from "../core/odata.ts";
import {
  coordinatorsQuery,
  entitlementOf,
  parsePending,
  pendingUpdatesQuery,
  trustedDecisions,
  withPending,
} from "../updates/pending-updates.ts";
import { allSroPostsQuery, sroPostRecords } from "../schema/shared-reads.ts";
import {
  itemId,
  toActionRecord,
  toDateChange,
  type ActionRecord,
  type DateChangeRecord,
} from "../schema/records.ts";
import {
  ACTION_EXPAND,
  ACTION_SELECT,
  actionItemSchema,
  DATE_CHANGE_EXPAND,
  DATE_CHANGE_SELECT,
  dateChangeItemSchema,
  readRow,
  readRows,
} from "../schema/rows.ts";
import { firstUpdatesPage, firstUpdatesQuery, type UpdatesCursor } from "../updates/update-pages.ts";

export interface ActionHistory {
  record: ActionRecord;
  /** The newest page of its updates (UPDATES_PAGE_SIZE), newest first. */
  updates: ProgressUpdate[];
  /** Where the next, older page starts (`loadMoreUpdates`); null when these are all. */
  moreUpdates: UpdatesCursor | null;
  /** Newest request first. */
  dateChanges: DateChangeRecord[];
}

// One Actions item with what `actionItemSchema` reads (on a batched root or not).
function actionById(sp: SPFI, id: number): Promise<unknown> {
  return listOf(sp, "actions")
    .items.getById(id)
    .select(...ACTION_SELECT)
    .expand(...ACTION_EXPAND)();
}

/** One action as it is now, with its ETag (UnreadableItemError if it does not parse). One request. */
export async function loadAction(ctx: DataContext, actionId: string): Promise<ActionRecord> {
  const row = await actionById(ctx.sp, itemId(actionId, "action"));
  return readRow(actionItemSchema, row, "actions", toActionRecord);
}

/** An action with the newest page of its updates and its target-date changes. One request. */
export async function loadActionHistory(ctx: DataContext, actionId: string): Promise<ActionHistory> {
  const id = itemId(actionId, "action");
  const byAction = eq("ActionId", id);
  const parts = await inOneBatch(ctx.sp, (sp) => ({
    action: settle(actionById(sp, id)),
    updates: settle(firstPage(firstUpdatesQuery(sp, id))),
    // Its updates not yet copied onto it, and who may move it (pending-updates.ts).
    pending: settle(firstPage(pendingUpdatesQuery(sp, { actionId: id }))),
    posts: settle(firstPage(allSroPostsQuery(sp, ctx.pageSize))),
    owners: settle(coordinatorsQuery(sp)),
    changes: settle(
      firstPage(
        listOf(sp, "targetDateChanges")
          .items.select(...DATE_CHANGE_SELECT)
          .expand(...DATE_CHANGE_EXPAND)
          .filter(byAction)
          .top(MAX_PAGE),
      ),
    ),
  }));
  const owners = await parts.owners;
  const who = entitlementOf(
    sroPostRecords(await allRows(ctx.sp, valueOf(await parts.posts)), ctx.warnings),
    owners.ok ? owners.value : [],
  );
  const record = withPending(
    readRow(actionItemSchema, valueOf(await parts.action), "actions", toActionRecord),
    parsePending(ctx, await allRows(ctx.sp, valueOf(await parts.pending))),
    who,
  );
  const changes = readRows(
    dateChangeItemSchema,
    await allRows(ctx.sp, valueOf(await parts.changes)),
    "targetDateChanges",
    ctx.warnings,
    (row) => toDateChange(row, record.planReferenceDate),
  ).sort((a, b) =>
    a.requestedOn === b.requestedOn ? Number(b.id) - Number(a.id) : a.requestedOn < b.requestedOn ? 1 : -1,
  );
  const dateChanges = trustedDecisions(changes, who);
  // Only an action with more updates than the list view threshold costs more requests here.
  const updates = await firstUpdatesPage(ctx, id, await parts.updates);
  return { record, updates: updates.updates, moreUpdates: updates.next, dateChanges };
}
