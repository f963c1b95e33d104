// "My actions": every action across all plans whose SRO post the person holds or covers as delegate, less
// those of archived plans and of plans whose import has not finished. Two requests: the SRO posts (a small
// list, read whole, holder and delegate expanded) with the open reporting periods and which plans are
// archived or unfinished, then the actions of the person's posts by the indexed SroPost lookup.
import { isDelegateCovering, type IsoDate } from "../../domain/index.ts";
import { z } from "../../lib/zod.ts";
import { allRows, firstPage, inOneBatch, settle, valueOf } from "../core/batch.ts";
import { actionItems, allSroPostsQuery, periodRecords, sroPostRecords } from "../schema/shared-reads.ts";
import { listOf, MAX_PAGE, type DataContext } from "../core/context.ts";
import { anyOf, eq } from "../core/odata.ts";
import {
  coordinatorsQuery,
  entitlementOf,
  overlayPending,
  parsePending,
  pendingUpdatesQuery,
} from "../updates/pending-updates.ts";
import type { SroPostRecord } from "../plans/plans.ts";
import { compareRefs } from "../../domain/index.ts";
import { itemId, toActionRecord, type ActionRecord, type PeriodRecord } from "../schema/records.ts";
import { ACTION_COLUMNS, actionItemSchema, parseRows, PERIOD_SELECT, readRows } from "../schema/rows.ts";

const planRuleRow = z.object({
  Id: z.int(),
  Archived: z.nullish(z.boolean()),
  ImportUnfinished: z.nullish(z.boolean()),
  OverdueAfterMonths: z.nullish(z.number()),
});

/** One of my actions, with the post it comes through and whether I hold the post or cover it. */
export interface MyAction {
  record: ActionRecord;
  post: SroPostRecord;
  /** "delegate" only when the person is the post's delegate and not its holder. */
  as: "holder" | "delegate";
  /** For a delegate: whether their cover includes `today`. */
  covering: boolean;
  /** The plan's rule: months past the target date before Delayed becomes Overdue. */
  overdueAfterMonths: number;
}

// Queries stay well under SharePoint's URL length limit (2,048 characters of filter are safe).
const POSTS_PER_QUERY = 40;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The actions of every post `upn` holds or covers, across plans, open ones first by due date. Two requests
 * (one per 40 posts after the first 40, for someone holding more).
 */
export async function loadMyActions(ctx: DataContext, upn: string, today: IsoDate): Promise<MyAction[]> {
  return (await loadMyWork(ctx, upn, today)).actions;
}

/** My actions with the open reporting period of each of their plans. */
export interface MyWork {
  actions: MyAction[];
  /** The open period updates are being collected for, by plan id (the latest-starting open one). */
  openPeriods: Map<string, PeriodRecord>;
}

/**
 * My actions and their plans' open periods, in the same two requests: the first is a batch of the SRO
 * posts and every open period (a few per plan, by the indexed PeriodState), the second the actions.
 */
export async function loadMyWork(ctx: DataContext, upn: string, today: IsoDate): Promise<MyWork> {
  const who = upn.toLowerCase();
  const first = await inOneBatch(ctx.sp, (sp) => ({
    posts: settle(firstPage(allSroPostsQuery(sp, ctx.pageSize))),
    // Updates not yet copied onto their actions, and who may move actions (pending-updates.ts).
    pending: settle(firstPage(pendingUpdatesQuery(sp))),
    owners: settle(coordinatorsQuery(sp)),
    // Archived plans are kept for reports but gone from My actions, and a plan still being imported is not
    // a plan yet (not even to a coordinator who holds one of its posts): which they are (a small list),
    // and each plan's own Delayed-to-Overdue rule, so My actions says what the plan and the dashboard say.
    plans: settle(
      firstPage(
        listOf(sp, "plans")
          .items.select("Id", "Archived", "ImportUnfinished", "OverdueAfterMonths")
          .top(ctx.pageSize),
      ),
    ),
    periods: settle(
      firstPage(
        listOf(sp, "reportingPeriods")
          .items.select(...PERIOD_SELECT)
          .filter(eq("PeriodState", "Open"))
          .top(MAX_PAGE),
      ),
    ),
  }));
  const planRules = parseRows(
    planRuleRow,
    await allRows(ctx.sp, valueOf(await first.plans)),
    "plans",
    ctx.warnings,
  );
  const hidden = new Set(
    planRules.filter((p) => p.Archived === true || p.ImportUnfinished === true).map((p) => String(p.Id)),
  );
  const monthsOf = new Map(planRules.map((p) => [String(p.Id), p.OverdueAfterMonths ?? 1]));
  const openPeriods = new Map<string, PeriodRecord>();
  const periods = periodRecords(await allRows(ctx.sp, valueOf(await first.periods)), ctx.warnings);
  for (const period of periods) if (!hidden.has(period.planId)) openPeriods.set(period.planId, period);
  const allPosts = sroPostRecords(await allRows(ctx.sp, valueOf(await first.posts)), ctx.warnings);
  const posts = allPosts.filter((p) => p.holderUpn === who || p.delegateUpn === who);
  if (posts.length === 0) return { actions: [], openPeriods };
  const byId = new Map(posts.map((p) => [p.id, p]));

  const rows: unknown[] = [];
  for (const group of chunks(posts, POSTS_PER_QUERY)) {
    const filter = anyOf(
      ACTION_COLUMNS.SroPostId,
      group.map((p) => itemId(p.id, "SRO post")),
    );
    const page = await firstPage(actionItems(ctx.sp).filter(filter).top(MAX_PAGE));
    rows.push(...(await allRows(ctx.sp, page)));
  }
  const pending = parsePending(ctx, await allRows(ctx.sp, valueOf(await first.pending)));
  const owners = await first.owners;
  const mine = overlayPending(
    readRows(actionItemSchema, rows, "actions", ctx.warnings, toActionRecord),
    pending,
    entitlementOf(allPosts, owners.ok ? owners.value : []),
  );
  const actions = mine
    .flatMap((record): MyAction[] => {
      // Archived and unfinished plans and withdrawn actions owe nothing: My actions shows what an SRO still
      // has to do.
      if (hidden.has(record.action.planId) || record.action.withdrawn !== undefined) return [];
      const post = record.sroPostId === null ? undefined : byId.get(record.sroPostId);
      if (post === undefined) return [];
      const as = post.holderUpn === who ? "holder" : "delegate";
      return [
        {
          record,
          post,
          as,
          covering: as === "delegate" && isDelegateCovering(post, today),
          overdueAfterMonths: monthsOf.get(record.action.planId) ?? 1,
        },
      ];
    })
    .sort(byOpenThenDue);
  return { actions, openPeriods };
}

function byOpenThenDue(a: MyAction, b: MyAction): number {
  const doneA = a.record.action.completedOn !== null ? 1 : 0;
  const doneB = b.record.action.completedOn !== null ? 1 : 0;
  if (doneA !== doneB) return doneA - doneB;
  const dueA = a.record.action.targetDate.due ?? "9999-12-31";
  const dueB = b.record.action.targetDate.due ?? "9999-12-31";
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return compareRefs(a.record.action.ref, b.record.action.ref);
}
