// Reading plans: the site's plans, and everything a plan's dashboard shows in one $batch. The dashboard
// never reads progress updates (a big plan has tens of thousands): each action carries its latest update.
import {
  comparePlanOrder,
  planFigures,
  type IsoDate,
  type PlanFigures,
  type PlanFiguresInput,
  type Recommendation,
  type SroPost,
} from "../../domain/index.ts";
import { allRows, firstPage, inOneBatch, settle, valueOf, type Page, type Settled } from "../core/batch.ts";
import { allSroPostsQuery, periodRecords, sroPostRecords } from "../schema/shared-reads.ts";
import { isThresholdError } from "../core/conflict.ts";
import { listOf, MAX_PAGE, type DataContext } from "../core/context.ts";
import { eq } from "../core/odata.ts";
import {
  coordinatorsQuery,
  entitlementOf,
  overlayPending,
  parsePending,
  pendingUpdatesQuery,
  trustedDecisions,
} from "../updates/pending-updates.ts";
import {
  itemId,
  toActionRecord,
  toDateChange,
  toPlan,
  toRecommendation,
  type ActionRecord,
  type DateChangeRecord,
  type PeriodRecord,
  type PlanRecord,
} from "../schema/records.ts";
import {
  ACTION_COLUMNS,
  DATE_CHANGE_EXPAND,
  DATE_CHANGE_SELECT,
  dateChangeItemSchema,
  PERIOD_SELECT,
  PLAN_ACTION_SELECT,
  PLAN_SELECT,
  planActionItemSchema,
  planItemSchema,
  type PlanActionItem,
  readRow,
  readRows,
  RECOMMENDATION_SELECT,
  recommendationItemSchema,
} from "../schema/rows.ts";

import type { SiteRole } from "../roles.ts";

import type { SPFI } from "@pnp/sp";

/**
 * An SRO post as read, with its holder's display name. `etag` is always there on a post read from
 * SharePoint; it is optional only so that fixtures built by hand need not invent one (a change refuses a
 * post without it).
 */
export type SroPostRecord = SroPost & { holderName: string | null; etag?: string };

/** Everything a plan's dashboard shows. */
export interface Dashboard {
  plan: PlanRecord;
  recommendations: Recommendation[];
  /** Actions and milestones, in plan order (by number). */
  actions: ActionRecord[];
  sroPosts: SroPostRecord[];
  periods: PeriodRecord[];
  /** The open period updates are being collected for (the latest-starting open one); null between periods. */
  currentPeriod: PeriodRecord | null;
  dateChanges: DateChangeRecord[];
  /** Updates shown on their actions but not yet copied onto them (an Owner's applyPendingUpdates does). */
  pendingUpdates: number;
}

/**
 * The site's plans, by title; a Plans item that does not parse is left out (in ctx.warnings). Archived plans
 * are left out unless asked for (reports and `plans --all` ask), and so are plans whose import has not
 * finished (asked for where a coordinator may see them: see `plansSeenBy`). One request.
 */
export async function listPlans(
  ctx: DataContext,
  options: { includeArchived?: boolean; includeUnfinished?: boolean } = {},
): Promise<PlanRecord[]> {
  const page = await firstPage(
    listOf(ctx.sp, "plans")
      .items.select(...PLAN_SELECT)
      .top(ctx.pageSize),
  );
  // Filtered here, not in the query: the list is small, and an item that never had Archived set holds null,
  // which `Archived eq 0` would leave out.
  const plans = readRows(planItemSchema, await allRows(ctx.sp, page), "plans", ctx.warnings, toPlan).filter(
    (plan) =>
      (options.includeArchived === true || !plan.archived) &&
      (options.includeUnfinished === true || !plan.importUnfinished),
  );
  return plans.sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * `plans` as the person whose role `roleOf` reads may see them: a plan whose import has not finished is
 * its coordinators' alone (to run the import again), hidden from SROs and viewers. The role is read only
 * when some plan is unfinished, so the usual case costs nothing.
 */
export async function plansSeenBy(
  plans: readonly PlanRecord[],
  roleOf: () => Promise<SiteRole>,
): Promise<PlanRecord[]> {
  if (!plans.some((p) => p.importUnfinished)) return [...plans];
  return (await roleOf()) === "coordinator" ? [...plans] : plans.filter((p) => !p.importUnfinished);
}

/** The plans titled exactly `title` (apostrophes and all), by the indexed Title. One request. */
export async function findPlansByTitle(ctx: DataContext, title: string): Promise<PlanRecord[]> {
  const page = await firstPage(
    listOf(ctx.sp, "plans")
      .items.select(...PLAN_SELECT)
      .filter(eq("Title", title))
      .top(MAX_PAGE),
  );
  return readRows(planItemSchema, await allRows(ctx.sp, page), "plans", ctx.warnings, toPlan);
}

/** A plan's actions as its dashboard reads them (planActionItemSchema: no lookups expanded). */
function planActionItems(sp: SPFI) {
  return listOf(sp, "actions").items.select(...PLAN_ACTION_SELECT);
}

/** A plan's Actions row as a record, its plan and SRO post's title filled in from what the dashboard read. */
function planActionRecord(
  plan: { title: string; referenceDate: string },
  postTitles: ReadonlyMap<string, string>,
): (row: PlanActionItem) => ActionRecord {
  const planValue = { Title: plan.title, ReferenceDate: plan.referenceDate };
  return (row) =>
    toActionRecord({
      ...row,
      Plan: planValue,
      SroPost: row.SroPostId === null ? null : { Title: postTitles.get(String(row.SroPostId)) ?? null },
    });
}

// The queries of one plan, each filtered first on an indexed lookup so they work on lists of any size.
function planQueries(sp: SPFI, ctx: DataContext, planId: number) {
  const byPlan = eq("PlanId", planId);
  return {
    plan: settle(
      listOf(sp, "plans")
        .items.getById(planId)
        .select(...PLAN_SELECT)(),
    ),
    recommendations: settle(
      firstPage(
        listOf(sp, "recommendations")
          .items.select(...RECOMMENDATION_SELECT)
          .filter(byPlan)
          .top(MAX_PAGE),
      ),
    ),
    actions: settle(firstPage(planActionItems(sp).filter(byPlan).top(MAX_PAGE))),
    posts: settle(firstPage(allSroPostsQuery(sp, ctx.pageSize))),
    // Updates not yet copied onto their actions, and who may move actions (pending-updates.ts).
    pending: settle(firstPage(pendingUpdatesQuery(sp, { planId }))),
    owners: settle(coordinatorsQuery(sp)),
    periods: settle(
      firstPage(
        listOf(sp, "reportingPeriods")
          .items.select(...PERIOD_SELECT)
          .filter(byPlan)
          .top(MAX_PAGE),
      ),
    ),
    dateChanges: settle(
      firstPage(
        listOf(sp, "targetDateChanges")
          .items.select(...DATE_CHANGE_SELECT)
          .expand(...DATE_CHANGE_EXPAND)
          .filter(byPlan)
          .top(MAX_PAGE),
      ),
    ),
  };
}

/**
 * A plan with more actions than the threshold cannot be read by Plan alone; read it recommendation by
 * recommendation instead (each well under the threshold), all in one more batch.
 */
async function actionsByRecommendation(
  ctx: DataContext,
  recommendations: Recommendation[],
): Promise<unknown[]> {
  const pages = await inOneBatch(ctx.sp, (sp) =>
    recommendations.map((r) =>
      settle(
        firstPage(
          planActionItems(sp)
            .filter(eq(ACTION_COLUMNS.RecommendationId, Number(r.id)))
            .top(MAX_PAGE),
        ),
      ),
    ),
  );
  const rows: unknown[] = [];
  for (const page of await Promise.all(pages)) rows.push(...(await allRows(ctx.sp, valueOf(page))));
  return rows;
}

async function rowsOf(ctx: DataContext, part: Promise<Settled<Page>>): Promise<unknown[]> {
  return allRows(ctx.sp, valueOf(await part));
}

/**
 * A plan's dashboard data: the plan, its recommendations, actions (with SRO post and latest update), SRO
 * posts and holders, reporting periods and target-date changes. One request (a $batch) for any plan of
 * up to 5,000 actions; one more for a plan past that; one more per extra page of SRO posts. Items that do not
 * parse are left out (in ctx.warnings); a Plans item that does not is UnreadableItemError.
 */
export async function loadDashboard(ctx: DataContext, planId: string): Promise<Dashboard> {
  return (await loadDashboardWith(ctx, planId, () => null)).dashboard;
}

/**
 * `loadDashboard`, with more queries (`extra`, built on the batched root) carried in the same $batch: the
 * committee report reads the period's updates this way (report-data.ts). What `extra` returns comes back
 * as sent, its parts settled or awaited by the caller.
 */
export async function loadDashboardWith<E>(
  ctx: DataContext,
  planId: string,
  extra: (sp: SPFI) => E,
): Promise<{ dashboard: Dashboard; extra: E }> {
  const id = itemId(planId, "plan");
  const { parts, more } = await inOneBatch(ctx.sp, (sp) => ({
    parts: planQueries(sp, ctx, id),
    more: extra(sp),
  }));
  return { dashboard: await dashboardOf(ctx, parts), extra: more };
}

async function dashboardOf(ctx: DataContext, parts: ReturnType<typeof planQueries>): Promise<Dashboard> {
  const { plan, referenceDate } = readRow(planItemSchema, valueOf(await parts.plan), "plans", (row) => ({
    plan: toPlan(row),
    referenceDate: row.ReferenceDate,
  }));
  const recommendations = readRows(
    recommendationItemSchema,
    await rowsOf(ctx, parts.recommendations),
    "recommendations",
    ctx.warnings,
    toRecommendation,
  ).sort(comparePlanOrder);
  const actionsPart = await parts.actions;
  const actionRows =
    !actionsPart.ok && isThresholdError(actionsPart.error)
      ? await actionsByRecommendation(ctx, recommendations)
      : await allRows(ctx.sp, valueOf(actionsPart));
  const sroPosts = sroPostRecords(await rowsOf(ctx, parts.posts), ctx.warnings);
  const owners = await parts.owners;
  const pending = parsePending(ctx, await rowsOf(ctx, parts.pending));
  const who = entitlementOf(sroPosts, owners.ok ? owners.value : []);
  const actions = overlayPending(
    readRows(
      planActionItemSchema,
      actionRows,
      "actions",
      ctx.warnings,
      planActionRecord({ title: plan.title, referenceDate }, new Map(sroPosts.map((p) => [p.id, p.title]))),
    ),
    pending,
    who,
  ).sort((a, b) => comparePlanOrder(a.action, b.action));
  const periods = periodRecords(await rowsOf(ctx, parts.periods), ctx.warnings);
  const dateChanges = trustedDecisions(
    readRows(
      dateChangeItemSchema,
      await rowsOf(ctx, parts.dateChanges),
      "targetDateChanges",
      ctx.warnings,
      (row) => toDateChange(row, plan.referenceDate),
    ),
    who,
  );
  const open = periods.filter((p) => p.state === "open");
  return {
    plan,
    recommendations,
    actions,
    sroPosts,
    periods,
    currentPeriod: open.at(-1) ?? null,
    dateChanges,
    pendingUpdates: pending.length,
  };
}

/**
 * The input `planFigures` needs, from the dashboard alone: each action's latest update stands in for its
 * history, which gives the same figures for any day on or after the latest update.
 */
export function figuresInput(dashboard: Dashboard): PlanFiguresInput {
  return {
    recommendations: dashboard.recommendations,
    actions: dashboard.actions.map((r) => r.action),
    updates: dashboard.actions.flatMap((r) =>
      r.latest === null
        ? []
        : [
            {
              id: `latest-${r.action.id}`,
              actionId: r.action.id,
              periodId: r.latest.periodId,
              date: r.latest.date,
              text: r.latest.text,
              reportedStatus: r.latest.reportedStatus,
              percentComplete: r.latest.percentComplete,
              evidenceUrl: null,
            },
          ],
    ),
    targetDateChanges: dashboard.dateChanges,
    currentPeriod: dashboard.currentPeriod,
    overdueAfterMonths: dashboard.plan.overdueAfterMonths,
  };
}

/**
 * A plan's figures on a day, as the dashboard, the committee report and `actionplan summary` all give
 * them: updates are counted for the reporting period that day falls in, else the open one.
 */
export function dashboardFigures(dashboard: Dashboard, asOf: IsoDate): PlanFigures {
  const period =
    dashboard.periods.find((p) => p.startsOn <= asOf && asOf <= p.reportDate) ?? dashboard.currentPeriod;
  return planFigures({ ...figuresInput(dashboard), currentPeriod: period }, asOf);
}
