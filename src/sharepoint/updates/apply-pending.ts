// Copying the SROs' pending updates onto their actions (see pending-updates.ts for why they wait): what an
// Owner or the app does when a coordinator opens a plan and in the daily run.
import type { SPFI } from "@pnp/sp";
import { RemoteError } from "../../lib/remote-error.ts";
import { allRows, firstPage, inOneBatch, settle, valueOf } from "../core/batch.ts";
import { listOf, MAX_PAGE, type DataContext } from "../core/context.ts";
import { sharePointDateOrNull } from "../core/dates.ts";
import { latestColumns } from "../import/columns.ts";
import { anyOf } from "../core/odata.ts";
import {
  coordinatorsQuery,
  entitlementOf,
  mayMove,
  parsePending,
  pendingUpdatesQuery,
  withPending,
} from "./pending-updates.ts";
import { toActionRecord, toSroPost, type ActionRecord } from "../schema/records.ts";
import {
  ACTION_EXPAND,
  ACTION_SELECT,
  actionItemSchema,
  parseRows,
  SRO_POST_EXPAND,
  SRO_POST_SELECT,
  sroPostItemSchema,
} from "../schema/rows.ts";
import { updateItem } from "../core/writes.ts";

export interface AppliedReport {
  /** Actions whose latest update or completion changed. */
  actions: number;
  /** Updates marked applied. */
  updates: number;
  /** Updates whose author neither holds nor covers the action's post nor coordinates: kept, never shown as its status. */
  ignored: number;
}

const ACTIONS_PER_QUERY = 40;

/**
 * Copy the pending updates onto their actions and mark them applied. Needs an Owner's or the app's rights
 * (SharePoint refuses anyone else). Three requests when there is anything to apply (the pending updates
 * with posts and owners; their actions; the writes), one when there is not. An action changed meanwhile
 * (412) keeps its updates pending for the next time.
 */
export async function applyPendingUpdates(ctx: DataContext): Promise<AppliedReport> {
  const first = await inOneBatch(ctx.sp, (sp) => ({
    pending: settle(firstPage(pendingUpdatesQuery(sp))),
    posts: settle(
      firstPage(
        listOf(sp, "sroPosts")
          .items.select(...SRO_POST_SELECT)
          .expand(...SRO_POST_EXPAND)
          .top(MAX_PAGE),
      ),
    ),
    owners: settle(coordinatorsQuery(sp)),
  }));
  const pending = parsePending(ctx, await allRows(ctx.sp, valueOf(await first.pending)));
  if (pending.length === 0) return { actions: 0, updates: 0, ignored: 0 };
  const posts = parseRows(
    sroPostItemSchema,
    await allRows(ctx.sp, valueOf(await first.posts)),
    "sroPosts",
    ctx.warnings,
  ).map(toSroPost);
  const ownersPart = await first.owners;
  const who = entitlementOf(posts, ownersPart.ok ? ownersPart.value : []);

  const ids = [
    ...new Set(pending.map((p) => Number(p.actionId)).filter((n) => Number.isSafeInteger(n) && n > 0)),
  ];
  const groups: number[][] = [];
  for (let i = 0; i < ids.length; i += ACTIONS_PER_QUERY) groups.push(ids.slice(i, i + ACTIONS_PER_QUERY));
  const pages = await inOneBatch(ctx.sp, (sp) =>
    groups.map((g) =>
      settle(
        firstPage(
          listOf(sp, "actions")
            .items.select(...ACTION_SELECT)
            .expand(...ACTION_EXPAND)
            .filter(anyOf("Id", g))
            .top(MAX_PAGE),
        ),
      ),
    ),
  );
  const rows: unknown[] = [];
  for (const page of await Promise.all(pages)) rows.push(...(await allRows(ctx.sp, valueOf(page))));
  const records = parseRows(actionItemSchema, rows, "actions", ctx.warnings).map(toActionRecord);

  // The actions first, each only if still as read; then the updates of the actions that took them.
  const changes: { record: ActionRecord; next: ActionRecord; ids: string[] }[] = [];
  const settled: string[] = [];
  let ignored = 0;
  for (const record of records) {
    const mine = pending.filter((p) => p.actionId === record.action.id);
    ignored += mine.filter((p) => !mayMove(record, p, who)).length;
    const next = withPending(record, mine, who);
    if (next === record) settled.push(...mine.map((p) => p.id));
    else changes.push({ record, next, ids: mine.map((p) => p.id) });
  }
  // Updates naming an action that is gone are marked too: there is nothing to apply them to.
  const known = new Set(records.map((r) => r.action.id));
  settled.push(...pending.filter((p) => !known.has(p.actionId)).map((p) => p.id));
  const written = await inOneBatchUnlessEmpty(ctx.sp, changes, (sp, { record, next }) =>
    settle(
      updateItem(
        "actions",
        Number(record.action.id),
        record.etag,
        {
          ...latestColumns(next.latest, next.latest?.periodId == null ? null : Number(next.latest.periodId)),
          CompletedOn: sharePointDateOrNull(next.action.completedOn),
        },
        {},
      ).apply(sp),
    ),
  );
  const outcomes = await Promise.all(written);
  // Someone without the right to write actions (an SRO): SharePoint's refusal, with nothing marked.
  const refused = outcomes.find((o) => !o.ok && isRefusal(o.error));
  if (refused !== undefined && !refused.ok) throw refused.error;
  let actions = 0;
  for (const [i, outcome] of outcomes.entries()) {
    const change = changes[i];
    if (change === undefined || !outcome.ok) continue;
    actions++;
    settled.push(...change.ids);
  }
  const marked = await inOneBatchUnlessEmpty(ctx.sp, settled, (sp, id) =>
    settle(updateItem("progressUpdates", Number(id), "*", { Applied: true }, {}).apply(sp)),
  );
  const updates = (await Promise.all(marked)).filter((o) => o.ok).length;
  return { actions, updates, ignored };
}

function isRefusal(error: unknown): boolean {
  return error instanceof RemoteError && (error.status === 401 || error.status === 403);
}

// One $batch of a part per item; no request at all for no items.
async function inOneBatchUnlessEmpty<I, T>(
  sp: SPFI,
  items: readonly I[],
  part: (batched: SPFI, item: I) => T,
): Promise<T[]> {
  if (items.length === 0) return [];
  return inOneBatch(sp, (b) => items.map((item) => part(b, item)));
}
