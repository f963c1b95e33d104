// What a committee report is built from (src/report's ReportInput), read in ONE $batch: the dashboard's
// queries (plans.ts) with the reported period's and the previous period's progress updates, and the
// coordinators' names, carried in the same request. A period's updates are one indexed query (Period is
// an indexed lookup), paged with SharePoint's next-page link past 5,000.
import type { SPFI } from "@pnp/sp";
import type { IsoDate, LatestUpdate, ProgressUpdate, ReportingPeriod } from "../../domain/index.ts";
import { z } from "../../lib/zod.ts";
import type { ReportInput } from "../../report/types.ts";
import { allRows, firstPage, settle, valueOf, type Page, type Settled } from "../core/batch.ts";
import { listOf, MAX_PAGE, type DataContext } from "../core/context.ts";
import { eq } from "../core/odata.ts";
import { loadDashboardWith } from "../plans/plans.ts";
import { itemId, toProgressUpdate, upnOf } from "../schema/records.ts";
import {
  UPDATE_COLUMNS,
  readRows,
  UPDATE_EXPAND,
  UPDATE_SELECT,
  progressUpdateItemSchema,
} from "../schema/rows.ts";

/** A period's updates (on a batched root or not), with the author's display name for the report. */
function periodUpdatesQuery(sp: SPFI, periodId: string): Promise<Settled<Page>> {
  return settle(
    firstPage(
      listOf(sp, "progressUpdates")
        .items.select(...UPDATE_SELECT, "Author/Title")
        .expand(...UPDATE_EXPAND)
        .filter(eq(UPDATE_COLUMNS.PeriodId, itemId(periodId, "reporting period")))
        .top(MAX_PAGE),
    ),
  );
}

/** The coordinators with their names: who decides target-date changes. */
function ownersWithNames(sp: SPFI): Promise<Settled<unknown>> {
  return settle(sp.web.associatedOwnerGroup.users.select("LoginName", "Email", "Title")());
}

const ownersSchema = z.array(
  z.looseObject({
    LoginName: z.nullish(z.string()),
    Email: z.nullish(z.string()),
    Title: z.nullish(z.string()),
  }),
);

function addName(names: Record<string, string>, upn: string | null, name: string | null | undefined): void {
  if (upn === null || name === null || name === undefined || name === "") return;
  names[upn] ??= name;
}

/**
 * Everything a report on `period` needs, `previous` (the period it is compared with; null for the first
 * report) and `today` (Europe/London). One request (a $batch) for a plan of up to 5,000 actions, as the
 * dashboard, plus one per further page of a period's updates. `period` and `previous` come back as read
 * in the same batch (their snapshot as it stands now).
 */
export async function loadReportInput(
  ctx: DataContext,
  planId: string,
  period: ReportingPeriod,
  previous: ReportingPeriod | null,
  today: IsoDate,
): Promise<ReportInput> {
  const { dashboard, extra } = await loadDashboardWith(ctx, planId, (sp) => ({
    updates: periodUpdatesQuery(sp, period.id),
    previousUpdates: previous === null ? null : periodUpdatesQuery(sp, previous.id),
    owners: ownersWithNames(sp),
  }));
  const names: Record<string, string> = {};
  for (const post of dashboard.sroPosts) addName(names, post.holderUpn, post.holderName);
  const owners = await extra.owners;
  const parsedOwners = ownersSchema.safeParse(owners.ok ? owners.value : []);
  for (const user of parsedOwners.success ? parsedOwners.data : [])
    addName(
      names,
      upnOf({ Name: user.LoginName ?? null, EMail: user.Email ?? null, Title: null }),
      user.Title,
    );

  const updates: ProgressUpdate[] = [];
  for (const part of [extra.updates, extra.previousUpdates]) {
    if (part === null) continue;
    const rows = await allRows(ctx.sp, valueOf(await part));
    updates.push(
      ...readRows(progressUpdateItemSchema, rows, "progressUpdates", ctx.warnings, (row) => {
        const update = toProgressUpdate(row);
        addName(names, update.authorUpn ?? null, row.Author?.Title);
        return update;
      }),
    );
  }

  const latest: Record<string, LatestUpdate> = {};
  for (const record of dashboard.actions)
    if (record.latest !== null) latest[record.action.id] = record.latest;
  const byId = (wanted: ReportingPeriod) => dashboard.periods.find((p) => p.id === wanted.id) ?? wanted;
  return {
    plan: dashboard.plan,
    recommendations: dashboard.recommendations,
    actions: dashboard.actions.map((record) => record.action),
    latest,
    updates,
    sroPosts: dashboard.sroPosts,
    periods: dashboard.periods,
    period: byId(period),
    previous: previous === null ? null : byId(previous),
    targetDateChanges: dashboard.dateChanges,
    names,
    today,
  };
}
