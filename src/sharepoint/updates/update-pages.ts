// An action's progress updates a page at a time, newest first, so an action with 10,000 updates opens as
// quickly as one with three. Two ways to read a page, both within SharePoint's list view threshold (a list
// past 5,000 items answers only queries it can serve from an index: the first indexed condition of the
// filter must narrow the list to no more than 5,000 items, and every order-by column must be indexed;
// "Query Throttling and Indexing", Microsoft patterns & practices, and src/sandbox/sharepoint/items.ts):
// - by the indexed Action lookup, ordered by the indexed UpdateDate then Id, paged with SharePoint's own
//   next-page link: every action with up to 5,000 updates, which is every action a council has;
// - past that, the Action condition itself matches more than the threshold and SharePoint refuses it, so
//   the list is read in windows of item ids (`Id gt a and Id lt b` narrows to b - a items, however many
//   the action has), newest item first. In this mode the updates come in the order they were posted.
import type { SPFI } from "@pnp/sp";
import type { IItems } from "@pnp/sp/items/index.js";
import type { ProgressUpdate } from "../../domain/index.ts";
import { z } from "../../lib/zod.ts";
import { firstPage, inOneBatch, nextPage, settle, valueOf, type Page, type Settled } from "../core/batch.ts";
import { isThresholdError } from "../core/conflict.ts";
import { listOf, type DataContext } from "../core/context.ts";
import { and, eq, greaterThan, lessThan } from "../core/odata.ts";
import { toProgressUpdate } from "../schema/records.ts";
import {
  UPDATE_COLUMNS,
  readRows,
  UPDATE_EXPAND,
  UPDATE_SELECT,
  progressUpdateItemSchema,
} from "../schema/rows.ts";

/** How many updates the action page shows at first, and adds with each "Show more updates". */
export const UPDATES_PAGE_SIZE = 50;

/** Id windows read in one $batch when paging past the threshold (each part is one indexed range). */
const WINDOWS_PER_REQUEST = 10;

/** Where the next page of an action's updates starts. Plain data, so a view can keep it. */
export type UpdatesCursor =
  /** SharePoint's own link to the next page of the indexed query. */
  | { kind: "next-link"; url: string }
  /** Past the threshold: the action's updates with an item id below `beforeId`. */
  | { kind: "before-id"; actionId: number; beforeId: number };

export interface UpdatesPage {
  /** Newest first. */
  updates: ProgressUpdate[];
  /** Null when these are the oldest. */
  next: UpdatesCursor | null;
}

/**
 * The first page of an action's updates by the indexed Action lookup, newest first (on a batched root or
 * not). Read it with `firstPage`, then `firstUpdatesPage`.
 */
export function firstUpdatesQuery(sp: SPFI, actionId: number, size = UPDATES_PAGE_SIZE): IItems {
  return listOf(sp, "progressUpdates")
    .items.select(...UPDATE_SELECT)
    .expand(...UPDATE_EXPAND)
    .filter(eq(UPDATE_COLUMNS.ActionId, actionId))
    .orderBy(UPDATE_COLUMNS.UpdateDate, false)
    .orderBy("Id", false)
    .top(size);
}

function toUpdates(ctx: DataContext, rows: readonly unknown[]): ProgressUpdate[] {
  return readRows(progressUpdateItemSchema, rows, "progressUpdates", ctx.warnings, toProgressUpdate);
}

function fromPage(ctx: DataContext, page: Page): UpdatesPage {
  return {
    updates: toUpdates(ctx, page.rows),
    next: page.nextLink === null ? null : { kind: "next-link", url: page.nextLink },
  };
}

/**
 * The first page from `firstUpdatesQuery`'s outcome: as read, or, when SharePoint refused it because the
 * action has more updates than the list view threshold, read by id windows instead.
 */
export async function firstUpdatesPage(
  ctx: DataContext,
  actionId: number,
  outcome: Settled<Page>,
  size = UPDATES_PAGE_SIZE,
): Promise<UpdatesPage> {
  if (outcome.ok) return fromPage(ctx, outcome.value);
  if (!isThresholdError(outcome.error)) throw outcome.error;
  return pageByIdWindows(ctx, actionId, null, size);
}

/** The page an earlier page's `next` points at. One request (a few, for an action past the threshold). */
export async function loadMoreUpdates(
  ctx: DataContext,
  cursor: UpdatesCursor,
  size = UPDATES_PAGE_SIZE,
): Promise<UpdatesPage> {
  if (cursor.kind === "before-id") return pageByIdWindows(ctx, cursor.actionId, cursor.beforeId, size);
  return fromPage(ctx, await nextPage(ctx.sp, cursor.url));
}

const withId = z.looseObject({ Id: z.int() });

/** The highest item id on the list (no filter, ordered by Id, one item: an indexed read). */
async function newestItemId(ctx: DataContext): Promise<number> {
  const rows = z
    .array(withId)
    .parse(await listOf(ctx.sp, "progressUpdates").items.select("Id").orderBy("Id", false).top(1)());
  return rows[0]?.Id ?? 0;
}

/**
 * Up to `size` of the action's updates with ids below `beforeId` (null: all), newest item first, read in
 * id windows no wider than the page size the context allows (the threshold), several to a $batch, until a
 * page and one more are found or the list's first item is passed.
 */
async function pageByIdWindows(
  ctx: DataContext,
  actionId: number,
  beforeId: number | null,
  size: number,
): Promise<UpdatesPage> {
  const width = ctx.pageSize;
  let high = beforeId ?? (await newestItemId(ctx)) + 1;
  const rows: unknown[] = [];
  while (high > 1 && rows.length <= size) {
    const windows: { low: number; high: number }[] = [];
    for (let i = 0; i < WINDOWS_PER_REQUEST && high > 1; i++) {
      const low = Math.max(0, high - width - 1);
      windows.push({ low, high });
      high = low + 1;
    }
    const parts = await inOneBatch(ctx.sp, (sp) =>
      windows.map((w) =>
        settle(
          firstPage(
            listOf(sp, "progressUpdates")
              .items.select(...UPDATE_SELECT)
              .expand(...UPDATE_EXPAND)
              // The id range first: it is the condition SharePoint answers from its index.
              .filter(
                and(greaterThan("Id", w.low), lessThan("Id", w.high), eq(UPDATE_COLUMNS.ActionId, actionId)),
              )
              .orderBy("Id", false)
              .top(size + 1),
          ),
        ),
      ),
    );
    for (const part of await Promise.all(parts)) {
      if (rows.length > size) break;
      rows.push(...valueOf(part).rows);
    }
  }
  const shown = rows.slice(0, size);
  const last = withId.safeParse(shown.at(-1));
  return {
    updates: toUpdates(ctx, shown),
    next: rows.length > size && last.success ? { kind: "before-id", actionId, beforeId: last.data.Id } : null,
  };
}
