// What a site already holds of a plan being imported, read fresh before every preview and every write, so
// that an import stopped half-way and run again adds only what is missing. A new plan costs one request (the
// plan looked up by title and the SRO posts, in one $batch); an existing one two more, sent together.
import type { ProgressUpdate } from "../../domain/index.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import { allRows, firstPage, inOneBatch, settle, valueOf, type Page, type Settled } from "../core/batch.ts";
import { isThresholdError } from "../core/conflict.ts";
import { listOf, MAX_PAGE, withOwnWarnings, type DataContext } from "../core/context.ts";
import { anyOf, eq } from "../core/odata.ts";
import { loadDashboard, type Dashboard, type SroPostRecord } from "../plans/plans.ts";
import { itemId, toPlan, toProgressUpdate } from "../schema/records.ts";
import {
  UPDATE_COLUMNS,
  PLAN_SELECT,
  planItemSchema,
  readRows,
  UPDATE_EXPAND,
  UPDATE_SELECT,
  progressUpdateItemSchema,
} from "../schema/rows.ts";
import { allSroPostsQuery, sroPostRecords } from "../schema/shared-reads.ts";
import { describeUnreadable } from "../core/skipped-text.ts";

/** A plan as the site holds it: the dashboard's reads, plus every progress update and the saved mapping. */
export interface ExistingPlan extends Dashboard {
  updates: ProgressUpdate[];
  mappingJson: string | null;
}

/** What an import compares its input with. */
export interface SiteState {
  posts: SroPostRecord[];
  /** Null when the plan is not on the site yet. */
  existing: ExistingPlan | null;
}

/** The plan to import into could not be chosen (several share the title, or the id names none). */
export class ImportTargetError extends Error {
  override name = "ImportTargetError";
}

const MAPPING_COLUMN = "ImportMapping";
// The Plans columns an import writes that sites provisioned before them lack (schema 2 and schema 6).
const IMPORT_COLUMNS = [MAPPING_COLUMN, "ImportUnfinished"];
// Ids per `ActionId eq … or …` filter when a plan's updates are past the threshold: short enough URLs.
const IDS_PER_QUERY = 25;

/** A site provisioned before a column existed answers a $select of it with 400. */
function missingMappingColumn(error: unknown): boolean {
  return (
    error instanceof RemoteError &&
    error.status === 400 &&
    IMPORT_COLUMNS.some((column) => error.message.includes(column))
  );
}

function needsProvisioning(): ImportTargetError {
  return new ImportTargetError(
    `The site's Plans list lacks a column imports need (${IMPORT_COLUMNS.join(", ")}): run \`actionplan provision\` on the site to upgrade it, then import again.`,
  );
}

function mappingOf(part: Settled<unknown>): string | null {
  if (!part.ok) throw missingMappingColumn(part.error) ? needsProvisioning() : part.error;
  const value = (part.value as Record<string, unknown>)[MAPPING_COLUMN];
  return typeof value === "string" && value !== "" ? value : null;
}

/** The mapping JSON saved with a plan by its last import; null when it has none. One request. */
export async function loadImportMapping(ctx: DataContext, planId: string): Promise<string | null> {
  const read = listOf(ctx.sp, "plans")
    .items.getById(itemId(planId, "plan"))
    .select(MAPPING_COLUMN)<unknown>();
  return mappingOf(await settle(read));
}

/**
 * A plan's updates past the list view threshold cannot be read by Plan alone: read them by the indexed
 * Action lookup instead, a few actions a query, all in one more $batch.
 */
async function updatesByAction(ctx: DataContext, actionIds: readonly number[]): Promise<unknown[]> {
  const groups: number[][] = [];
  for (let i = 0; i < actionIds.length; i += IDS_PER_QUERY)
    groups.push(actionIds.slice(i, i + IDS_PER_QUERY));
  const pages = await inOneBatch(ctx.sp, (sp) =>
    groups.map((ids) =>
      settle(
        firstPage(
          listOf(sp, "progressUpdates")
            .items.select(...UPDATE_SELECT)
            .expand(...UPDATE_EXPAND)
            .filter(anyOf(UPDATE_COLUMNS.ActionId, ids))
            .top(MAX_PAGE),
        ),
      ),
    ),
  );
  const rows: unknown[] = [];
  for (const page of await Promise.all(pages)) rows.push(...(await allRows(ctx.sp, valueOf(page))));
  return rows;
}

/** A plan's dashboard, every progress update of it and its saved mapping: two requests sent together. */
async function loadExistingPlan(ctx: DataContext, planId: string): Promise<ExistingPlan> {
  const id = itemId(planId, "plan");
  const extras = inOneBatch(ctx.sp, (sp) => ({
    updates: settle(
      firstPage(
        listOf(sp, "progressUpdates")
          .items.select(...UPDATE_SELECT)
          .expand(...UPDATE_EXPAND)
          .filter(eq(UPDATE_COLUMNS.PlanId, id))
          .top(MAX_PAGE),
      ),
    ),
    mapping: settle(listOf(sp, "plans").items.getById(id).select(MAPPING_COLUMN)<unknown>()),
  }));
  const [dashboard, parts] = await Promise.all([loadDashboard(ctx, planId), extras]);
  const mappingJson = mappingOf(await parts.mapping);
  const updatesPart: Settled<Page> = await parts.updates;
  const rows =
    !updatesPart.ok && isThresholdError(updatesPart.error)
      ? await updatesByAction(
          ctx,
          dashboard.actions.map((r) => Number(r.action.id)),
        )
      : await allRows(ctx.sp, valueOf(updatesPart));
  const updates = readRows(progressUpdateItemSchema, rows, "progressUpdates", ctx.warnings, toProgressUpdate);
  return { ...dashboard, updates, mappingJson };
}

/** Every SRO post on the site. One request (more past a page of posts). */
export async function readSitePosts(ctx: DataContext): Promise<SroPostRecord[]> {
  const page = await firstPage(allSroPostsQuery(ctx.sp, ctx.pageSize));
  return sroPostRecords(await allRows(ctx.sp, page), ctx.warnings);
}

/**
 * What the site holds for an import: its SRO posts and the plan, chosen by `planId`, else by its exact
 * title (an import run again, or finishing one that stopped, finds the plan it started). An item that
 * cannot be read stops the import (ImportTargetError naming it): left out, it would look missing and be
 * added a second time.
 */
export async function readSiteState(
  ctx: DataContext,
  title: string,
  target: { planId?: string },
): Promise<SiteState> {
  const scoped = withOwnWarnings(ctx);
  const state = await readState(scoped, title, target);
  const skipped = scoped.warnings.items;
  if (skipped.length > 0)
    throw new ImportTargetError(
      `the import compares the file with what the site holds, and some of that cannot be read (left out, it would be added a second time). ${skipped.map(describeUnreadable).join(" ")} Then import again.`,
    );
  return state;
}

async function readState(ctx: DataContext, title: string, target: { planId?: string }): Promise<SiteState> {
  let planId = target.planId;
  if (planId === undefined) {
    const parts = await inOneBatch(ctx.sp, (sp) => ({
      // Fails on a site provisioned before the column existed: say so now, not after writing half a plan.
      column: settle(
        listOf(sp, "plans")
          .items.select(...IMPORT_COLUMNS)
          .top(1)<unknown>(),
      ),
      posts: settle(firstPage(allSroPostsQuery(sp, ctx.pageSize))),
      plans: settle(
        firstPage(
          listOf(sp, "plans")
            .items.select(...PLAN_SELECT)
            .filter(eq("Title", title))
            .top(MAX_PAGE),
        ),
      ),
    }));
    const column = await parts.column;
    if (!column.ok) throw missingMappingColumn(column.error) ? needsProvisioning() : column.error;
    const found = readRows(
      planItemSchema,
      await allRows(ctx.sp, valueOf(await parts.plans)),
      "plans",
      ctx.warnings,
      toPlan,
    ).filter((p) => p.title === title);
    if (found.length > 1)
      throw new ImportTargetError(
        `More than one plan on the site is called "${title}" (ids ${found.map((p) => p.id).join(", ")}); give the plan's id to import into one of them.`,
      );
    planId = found[0]?.id;
    if (planId === undefined)
      return {
        posts: sroPostRecords(await allRows(ctx.sp, valueOf(await parts.posts)), ctx.warnings),
        existing: null,
      };
  }
  // The dashboard reads the SRO posts with the plan, in its one $batch.
  const existing = await loadExistingPlan(ctx, planId);
  return { posts: existing.sroPosts, existing };
}
