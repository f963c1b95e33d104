// What the reminder rules read, loaded from a site: each plan's dashboard (actions with their latest
// update, SRO posts with holders and delegates, periods), the updates given for the open periods, each
// plan's coordinator, and the reminder log. Managers come from Graph (people.ts), asked only for SROs who
// are owed an escalation.
import { z } from "../../lib/zod.ts";
import type {
  Action,
  ProgressUpdate,
  ReminderInput,
  ReminderPlan,
  ReportingPeriod,
  SroPost,
} from "../../domain/index.ts";
import { allRows, type DataContext, eq, firstPage, listOf, MAX_PAGE } from "../../sharepoint/core/index.ts";
import { figuresInput, loadDashboard } from "../../sharepoint/plans/index.ts";
import {
  UPDATE_COLUMNS,
  parseRows,
  type PlanRecord,
  readRows,
  toProgressUpdate,
  UPDATE_EXPAND,
  UPDATE_SELECT,
  progressUpdateItemSchema,
  upnOf,
} from "../../sharepoint/schema/index.ts";

/** The rules' input without the directory and the log, which the run adds. */
export type SiteReminderData = Omit<ReminderInput, "directory" | "sentKeys"> & {
  /** Display names by lower-case UPN, from the SRO posts' holders, so cards name people, not addresses. */
  names: ReadonlyMap<string, string>;
};

/** Load every plan given, with what the rules need from SharePoint. */
export async function loadSiteReminderData(
  ctx: DataContext,
  plans: readonly PlanRecord[],
): Promise<SiteReminderData> {
  const found: ReminderPlan[] = [];
  const actions: Action[] = [];
  const periods: ReportingPeriod[] = [];
  const updates: ProgressUpdate[] = [];
  const posts = new Map<string, SroPost>();
  const names = new Map<string, string>();
  for (const plan of plans) {
    const dashboard = await loadDashboard(ctx, plan.id);
    found.push({ ...dashboard.plan, closedOn: null });
    actions.push(...dashboard.actions.map((r) => r.action));
    periods.push(...dashboard.periods);
    for (const post of dashboard.sroPosts) {
      posts.set(post.id, post);
      if (post.holderUpn !== null && post.holderName !== null && post.holderName.trim() !== "")
        names.set(post.holderUpn.toLowerCase(), post.holderName);
    }
    // Each action's latest update says whether it is complete; the open periods' own updates say who has
    // already given theirs (an action's latest may be older than one it gave for an open period).
    updates.push(...figuresInput(dashboard).updates);
    for (const period of dashboard.periods.filter((p) => p.state === "open")) {
      updates.push(...(await periodUpdates(ctx, period.id)));
    }
  }
  return { plans: found, actions, updates, periods, sroPosts: [...posts.values()], names };
}

async function periodUpdates(ctx: DataContext, periodId: string): Promise<ProgressUpdate[]> {
  const query = listOf(ctx.sp, "progressUpdates")
    .items.select(...UPDATE_SELECT)
    .expand(...UPDATE_EXPAND)
    .filter(eq(UPDATE_COLUMNS.PeriodId, Number(periodId)))
    .top(MAX_PAGE);
  const rows = await allRows(ctx.sp, await firstPage(query));
  return readRows(progressUpdateItemSchema, rows, "progressUpdates", ctx.warnings, toProgressUpdate);
}

const person = z.nullish(z.object({ Name: z.nullish(z.string()), EMail: z.nullish(z.string()) }));
const authorRow = z.object({ Id: z.int(), Author: person });
const ownerRow = z.object({ Id: z.int(), LoginName: z.string(), Email: z.nullish(z.string()) });

/**
 * Each plan's coordinator, to whom escalations go when an SRO has no manager. The rule: the person named
 * in the settings (ACTIONPLAN_COORDINATOR) for every plan; else whoever created the plan (imported it),
 * while they are still a site Owner; else the site Owner who has been on the site longest (lowest user id),
 * so the choice is stable from run to run. Null when the site has no Owners.
 */
export async function planCoordinators(
  ctx: DataContext,
  planIds: readonly string[],
  named: string | undefined,
): Promise<Record<string, string | null>> {
  if (named !== undefined) return Object.fromEntries(planIds.map((id) => [id, named.toLowerCase()]));
  const owners = z
    .array(ownerRow)
    .parse(await ctx.sp.web.associatedOwnerGroup.users.select("Id", "LoginName", "Email")())
    .map((o) => ({ id: o.Id, upn: upnOf({ Name: o.LoginName, EMail: o.Email ?? null, Title: null }) }))
    .filter((o): o is { id: number; upn: string } => o.upn !== null)
    .sort((a, b) => a.id - b.id);
  const ownerUpns = new Set(owners.map((o) => o.upn));
  const rows = await allRows(
    ctx.sp,
    await firstPage(
      listOf(ctx.sp, "plans")
        .items.select("Id", "Author/Name", "Author/EMail")
        .expand("Author")
        .top(ctx.pageSize),
    ),
  );
  const creators = new Map(
    parseRows(authorRow, rows, "plans", ctx.warnings).map((row) => {
      const author =
        row.Author == null
          ? null
          : upnOf({ Name: row.Author.Name ?? null, EMail: row.Author.EMail ?? null, Title: null });
      return [String(row.Id), author];
    }),
  );
  const fallback = owners[0]?.upn ?? null;
  return Object.fromEntries(
    planIds.map((id) => {
      const creator = creators.get(id) ?? null;
      return [id, creator !== null && ownerUpns.has(creator) ? creator : fallback];
    }),
  );
}
