// Writing a whole plan into the lists (the demo seed, an imported Word table, test fixtures): people resolved
// to site users, SRO posts reused by title, then the plan, recommendations, actions, milestones and their
// first updates, each stage in $batches of up to 100 writes. Each action is written with its latest-update
// columns already filled in, so the plan is consistent the moment the import ends.
import { z } from "../lib/zod.ts";
import { parseTargetDate, type IsoDate } from "../domain/index.ts";
import type { ImportAction, ImportPost, ImportUpdate, PlanImport } from "../import/plan-shape.ts";

export type {
  ImportAction,
  ImportPeriod,
  ImportPost,
  ImportUpdate,
  PlanImport,
} from "../import/plan-shape.ts";
import { allRows, firstPage, inOneBatch, settle, valueOf } from "./batch.ts";
import { allSroPostsQuery, sroPostRecords } from "./shared-reads.ts";
import type { DataContext } from "./context.ts";
import { sharePointDate, sharePointDateOrNull } from "./dates.ts";
import type { ListKey } from "./schema.ts";
import { addItem } from "./writes.ts";

export interface ImportResult {
  planId: string;
  recommendationIds: Map<string, string>;
  actionIds: Map<string, string>;
  postIds: Map<string, string>;
}

const withId = z.looseObject({ Id: z.int() });

async function addAll(ctx: DataContext, key: ListKey, rows: Record<string, unknown>[]) {
  const added = await inOneBatch(ctx.sp, (sp) => rows.map((row) => settle(addItem(key, row).apply(sp))));
  return (await Promise.all(added)).map(valueOf);
}

async function siteUserIds(ctx: DataContext, upns: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(upns.map((u) => u.toLowerCase()))];
  const ensured = await inOneBatch(ctx.sp, (sp) =>
    unique.map((upn) => settle(sp.web.ensureUser(`i:0#.f|membership|${upn}`))),
  );
  const ids = new Map<string, number>();
  for (const [i, outcome] of (await Promise.all(ensured)).entries())
    ids.set(unique[i] ?? "", withId.parse(valueOf(outcome)).Id);
  return ids;
}

/** SRO posts by title: existing ones reused (titles are unique), missing ones added with their holders. */
async function ensurePosts(ctx: DataContext, posts: readonly ImportPost[]): Promise<Map<string, string>> {
  const page = await firstPage(allSroPostsQuery(ctx.sp, ctx.pageSize));
  const existing = sroPostRecords(await allRows(ctx.sp, page));
  const ids = new Map(existing.map((p) => [p.title, p.id]));
  const missing = posts.filter((p) => !ids.has(p.title));
  const people = missing.flatMap((p) => [p.holderUpn, p.delegateUpn ?? null].filter((u) => u !== null));
  const userIds = await siteUserIds(ctx, people);
  const personId = (upn: string | null | undefined) =>
    upn == null ? null : (userIds.get(upn.toLowerCase()) ?? null);
  const added = await addAll(
    ctx,
    "sroPosts",
    missing.map((p) => ({
      Title: p.title,
      HolderId: personId(p.holderUpn),
      DelegateId: personId(p.delegateUpn),
      DelegateFrom: sharePointDateOrNull(p.delegateFrom ?? null),
      DelegateTo: sharePointDateOrNull(p.delegateTo ?? null),
    })),
  );
  missing.forEach((p, i) => ids.set(p.title, String(added[i])));
  return ids;
}

function actionColumns(
  action: ImportAction,
  ids: {
    plan: number;
    recommendation: number;
    parent: number | null;
    post: string | undefined;
    period: number | null;
  },
  referenceDate: IsoDate,
): Record<string, unknown> {
  const target = parseTargetDate(action.targetDateText, { referenceDate });
  const update = action.update ?? null;
  return {
    Title: action.text.slice(0, 255),
    Ref: action.ref,
    ActionText: action.text,
    PlanId: ids.plan,
    RecommendationId: ids.recommendation,
    ParentActionId: ids.parent,
    SroPostId: ids.post === undefined ? null : Number(ids.post),
    TargetDateText: action.targetDateText,
    DueDate: sharePointDateOrNull(target.due),
    BaselineTargetText: action.targetDateText,
    BaselineDueDate: sharePointDateOrNull(target.due),
    CompletedOn: sharePointDateOrNull(action.completedOn ?? null),
    ReportedStatus: update?.reportedStatus ?? null,
    LatestUpdateDate: update === null ? null : sharePointDate(update.date),
    LatestUpdateText: update?.text ?? null,
    LatestUpdatePercent: update?.percentComplete ?? null,
    LatestUpdatePeriodId: update === null ? null : ids.period,
  };
}

/** Write a whole plan; returns the ids given to it, by ref and title. About one request per 100 items. */
export async function importPlan(ctx: DataContext, input: PlanImport): Promise<ImportResult> {
  const postIds = await ensurePosts(ctx, input.posts);
  const [planId] = await addAll(ctx, "plans", [
    {
      Title: input.plan.title,
      ReferenceDate: sharePointDate(input.plan.referenceDate),
      OverdueAfterMonths: input.plan.overdueAfterMonths ?? 1,
    },
  ]);
  if (planId === undefined) throw new Error("The plan was not added.");
  const periods = input.periods ?? [];
  const periodIds = await addAll(
    ctx,
    "reportingPeriods",
    periods.map((p) => ({
      Title: p.title,
      PlanId: planId,
      StartsOn: sharePointDate(p.startsOn),
      UpdateDeadline: sharePointDate(p.updateDeadline),
      ReportDate: sharePointDate(p.reportDate),
      PeriodState: "Open",
    })),
  );
  const periodOf = (update: ImportUpdate | null | undefined): number | null => {
    if (update == null) return null;
    const index = periods.findIndex((p) => p.startsOn <= update.date && update.date <= p.reportDate);
    return periodIds[index] ?? null;
  };
  const recIds = await addAll(
    ctx,
    "recommendations",
    input.recommendations.map((r) => ({
      Title: r.title.slice(0, 255),
      Ref: r.ref,
      Details: r.description,
      PlanId: planId,
    })),
  );
  const all = input.recommendations.flatMap((r, i) => r.actions.map((a) => ({ a, rec: recIds[i] ?? 0 })));
  const actionIds = new Map<string, string>();
  // Top-level actions first, so that milestones can point at them.
  for (const stage of [
    all.filter((x) => x.a.parentRef === undefined),
    all.filter((x) => x.a.parentRef !== undefined),
  ]) {
    const ids = await addAll(
      ctx,
      "actions",
      stage.map(({ a, rec }) =>
        actionColumns(
          a,
          {
            plan: planId,
            recommendation: rec,
            parent: a.parentRef === undefined ? null : Number(actionIds.get(a.parentRef)),
            post: a.sroPost === null ? undefined : postIds.get(a.sroPost),
            period: periodOf(a.update),
          },
          input.plan.referenceDate,
        ),
      ),
    );
    stage.forEach(({ a }, i) => actionIds.set(a.ref, String(ids[i])));
  }
  await addAll(
    ctx,
    "progressUpdates",
    all.flatMap(({ a }) =>
      a.update == null
        ? []
        : [
            {
              Title: `${a.ref} ${a.update.date}`,
              ActionId: Number(actionIds.get(a.ref)),
              PlanId: planId,
              PeriodId: periodOf(a.update),
              UpdateDate: sharePointDate(a.update.date),
              UpdateText: a.update.text,
              ReportedStatus: a.update.reportedStatus,
              PercentComplete: a.update.percentComplete ?? null,
            },
          ],
    ),
  );
  return {
    planId: String(planId),
    recommendationIds: new Map(input.recommendations.map((r, i) => [r.ref, String(recIds[i])])),
    actionIds,
    postIds,
  };
}
