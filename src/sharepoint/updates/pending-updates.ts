// SROs cannot write actions (SharePoint refuses them: provision-security.ts), so an SRO's progress update is
// added on its own with Applied = false, and the action's copy of its latest update (what the dashboard and
// My actions show without reading 60,000 updates) follows in two ways:
// - every reader of actions also reads the updates not yet applied, in the $batch it already makes, and
//   overlays them (`overlayPending`), so the update shows at once and no request is added;
// - an Owner or the app copies them onto the actions and marks them applied (`applyPendingUpdates` in
//   apply-pending.ts, apart so that the first screen does not load it): the coordinator's tab when it
//   opens a plan, and the daily run.
// An update moves an action only when its author (Created By, stamped by SharePoint) holds or covers the
// action's SRO post or is a coordinator: a Member can add an update naming any action, but it never
// becomes another SRO's status.
import type { SPFI } from "@pnp/sp";
import type { IItems } from "@pnp/sp/items/index.js";
import type { IsoDate, LatestUpdate } from "../../domain/index.ts";
import { z } from "../../lib/zod.ts";
import { listOf, MAX_PAGE, type DataContext } from "../core/context.ts";
import { dateFromSharePoint } from "../core/dates.ts";
import { and, eq } from "../core/odata.ts";
import { toProgressUpdate, upnOf, type ActionRecord, type DateChangeRecord } from "../schema/records.ts";
import {
  parseRows,
  PENDING_UPDATE_SELECT,
  pendingUpdateItemSchema,
  UPDATE_COLUMNS,
  UPDATE_EXPAND,
} from "../schema/rows.ts";

/** An update not yet applied to its action. */
export interface PendingUpdate {
  id: string;
  actionId: string;
  authorUpn: string | null;
  latest: LatestUpdate;
  completedOn: IsoDate | null;
}

/** Who may move an action: the holder and delegate of its post, and the coordinators. */
export interface Entitlement {
  /** Holder and delegate UPNs by SRO post id. */
  posts: ReadonlyMap<string, readonly (string | null)[]>;
  coordinators: ReadonlySet<string>;
}

/** Updates not applied yet (all, one plan's or one action's); on a batched root or not. */
export function pendingUpdatesQuery(sp: SPFI, scope: { planId?: number; actionId?: number } = {}): IItems {
  // Applied first: SharePoint answers a big list from the first indexed condition, and the updates not yet
  // applied are few (a day's), where a plan's may be past the 5,000-item threshold.
  const conditions = [eq(UPDATE_COLUMNS.Applied, 0)];
  if (scope.planId !== undefined) conditions.push(eq(UPDATE_COLUMNS.PlanId, scope.planId));
  if (scope.actionId !== undefined) conditions.push(eq(UPDATE_COLUMNS.ActionId, scope.actionId));
  return listOf(sp, "progressUpdates")
    .items.select(...PENDING_UPDATE_SELECT)
    .expand(...UPDATE_EXPAND)
    .filter(and(...conditions))
    .top(MAX_PAGE);
}

/** The coordinators' logins, for `entitlementOf` (a small read, in the same batch as the rest). */
export function coordinatorsQuery(sp: SPFI): Promise<unknown> {
  return sp.web.associatedOwnerGroup.users.select("LoginName", "Email")();
}

const usersSchema = z.array(
  z.looseObject({ LoginName: z.nullish(z.string()), Email: z.nullish(z.string()) }),
);

/** Who may move which action, from the SRO posts and the Owners group's users (unreadable: none). */
export function entitlementOf(
  posts: readonly { id: string; holderUpn: string | null; delegateUpn: string | null }[],
  owners: unknown,
): Entitlement {
  const parsed = usersSchema.safeParse(owners);
  const coordinators = new Set<string>();
  for (const u of parsed.success ? parsed.data : []) {
    const upn = upnOf({ Name: u.LoginName ?? null, EMail: u.Email ?? null, Title: null });
    if (upn !== null) coordinators.add(upn);
  }
  return { posts: new Map(posts.map((p) => [p.id, [p.holderUpn, p.delegateUpn]])), coordinators };
}

/** Pending rows (read with `pendingUpdatesQuery`) as PendingUpdates; rows that do not parse are warned of. */
export function parsePending(ctx: DataContext, rows: readonly unknown[]): PendingUpdate[] {
  return parseRows(pendingUpdateItemSchema, rows, "progressUpdates", ctx.warnings).map((row) => {
    const update = toProgressUpdate(row);
    return {
      id: update.id,
      actionId: update.actionId,
      authorUpn: update.authorUpn ?? null,
      latest: {
        date: update.date,
        text: update.text,
        reportedStatus: update.reportedStatus,
        percentComplete: update.percentComplete,
        periodId: update.periodId,
      },
      completedOn: dateFromSharePoint(row.CompletedOn ?? null),
    };
  });
}

export function mayMove(record: ActionRecord, update: PendingUpdate, who: Entitlement): boolean {
  if (update.authorUpn === null) return false;
  if (who.coordinators.has(update.authorUpn)) return true;
  const post = record.sroPostId === null ? undefined : who.posts.get(record.sroPostId);
  return post?.includes(update.authorUpn) ?? false;
}

// Newest by date, then by the order they were added.
function newer(a: { date: IsoDate; id: string }, b: { date: IsoDate; id: string }): boolean {
  return a.date === b.date ? Number(a.id) > Number(b.id) : a.date > b.date;
}

/** What an action looks like with its pending updates applied (the same rule `applyPendingUpdates` uses). */
export function withPending(
  record: ActionRecord,
  pending: readonly PendingUpdate[],
  who: Entitlement,
): ActionRecord {
  let latest = record.latest;
  let latestId = "0";
  let completedOn = record.action.completedOn;
  for (const p of pending) {
    if (p.actionId !== record.action.id || !mayMove(record, p, who)) continue;
    if (latest === null || newer({ date: p.latest.date, id: p.id }, { date: latest.date, id: latestId })) {
      latest = p.latest;
      latestId = p.id;
    }
    if (p.completedOn !== null && completedOn === null) completedOn = p.completedOn;
  }
  if (latest === record.latest && completedOn === record.action.completedOn) return record;
  return { ...record, latest, action: { ...record.action, completedOn } };
}

/** Every record with its pending updates applied. */
export function overlayPending(
  records: readonly ActionRecord[],
  pending: readonly PendingUpdate[],
  who: Entitlement,
): ActionRecord[] {
  if (pending.length === 0) return [...records];
  return records.map((r) => withPending(r, pending, who));
}

/**
 * Target-date decisions as they stand: an SRO may edit their own request (SharePoint lets Members edit
 * what they created), so a request they mark "Approved" themselves would leave the coordinators' queue
 * without the date moving. A decision counts only when a coordinator wrote the item last, and a withdrawal
 * when a coordinator or the person who asked did; anything else is still a request.
 */
export function trustedDecisions<T extends DateChangeRecord>(changes: readonly T[], who: Entitlement): T[] {
  return changes.map((change) => {
    if (change.status === "requested") return change;
    const by = change.lastEditedBy;
    if (by === undefined || (by !== null && who.coordinators.has(by))) return change;
    if (change.status === "withdrawn" && by !== null && by === change.requestedBy) return change;
    const { decidedBy: _by, decidedOn: _on, ...request } = change;
    return { ...request, status: "requested" } as T;
  });
}
