// One action and its history: its progress updates and target-date changes, in one $batch. Both lists are
// read by the indexed Action lookup, so an action's history is quick however many updates the site holds.
import type { ProgressUpdate } from "../domain/index.ts";
import { allRows, firstPage, inOneBatch, settle, valueOf } from "./batch.ts";
import type { SPFI } from "@pnp/sp";
import { listOf, MAX_PAGE, type DataContext } from "./context.ts";
import { eq } from "./odata.ts";
import {
  itemId,
  toActionRecord,
  toDateChange,
  toProgressUpdate,
  type ActionRecord,
  type DateChangeRecord,
} from "./records.ts";
import {
  ACTION_EXPAND,
  ACTION_SELECT,
  actionRow,
  DATE_CHANGE_EXPAND,
  DATE_CHANGE_SELECT,
  dateChangeRow,
  parseRow,
  parseRows,
  UPDATE_EXPAND,
  UPDATE_SELECT,
  updateRow,
} from "./rows.ts";

export interface ActionHistory {
  record: ActionRecord;
  /** Newest first. */
  updates: ProgressUpdate[];
  /** Newest request first. */
  dateChanges: DateChangeRecord[];
}

// One Actions item with what `actionRow` reads (on a batched root or not).
function actionById(sp: SPFI, id: number): Promise<unknown> {
  return listOf(sp, "actions")
    .items.getById(id)
    .select(...ACTION_SELECT)
    .expand(...ACTION_EXPAND)();
}

/** One action as it is now, with its ETag. One request. */
export async function loadAction(ctx: DataContext, actionId: string): Promise<ActionRecord> {
  const row = await actionById(ctx.sp, itemId(actionId, "action"));
  return toActionRecord(parseRow(actionRow, row, "Actions"));
}

/** An action with its updates and target-date changes. One request. */
export async function loadActionHistory(ctx: DataContext, actionId: string): Promise<ActionHistory> {
  const id = itemId(actionId, "action");
  const byAction = eq("ActionId", id);
  const parts = await inOneBatch(ctx.sp, (sp) => ({
    action: settle(actionById(sp, id)),
    updates: settle(
      firstPage(
        listOf(sp, "progressUpdates")
          .items.select(...UPDATE_SELECT)
          .expand(...UPDATE_EXPAND)
          .filter(byAction)
          .top(MAX_PAGE),
      ),
    ),
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
  const record = toActionRecord(parseRow(actionRow, valueOf(await parts.action), "Actions"));
  const updates = parseRows(
    updateRow,
    await allRows(ctx.sp, valueOf(await parts.updates)),
    "Progress Updates",
  )
    .map(toProgressUpdate)
    .sort((a, b) => (a.date === b.date ? Number(b.id) - Number(a.id) : a.date < b.date ? 1 : -1));
  const dateChanges = parseRows(
    dateChangeRow,
    await allRows(ctx.sp, valueOf(await parts.changes)),
    "Target Date Changes",
  )
    .map((row) => toDateChange(row, record.planReferenceDate))
    .sort((a, b) =>
      a.requestedOn === b.requestedOn ? Number(b.id) - Number(a.id) : a.requestedOn < b.requestedOn ? 1 : -1,
    );
  return { record, updates, dateChanges };
}
