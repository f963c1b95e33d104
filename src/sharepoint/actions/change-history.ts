// An action's change history in words, from the versions SharePoint keeps of its item (provision turns
// versioning on for the Actions list): each pair of successive versions becomes what changed between them,
// who wrote the newer one and when. Target-date changes carry the reason from the approved Target Date
// Changes item; moves and milestones name the recommendation's and the parent action's numbers.
// A completion is posted as an update ("Mark complete"'s closing note) and applied to the action later,
// under the app's name, so it is listed from the update: the day, and the person who marked it complete.
// Two requests: the versions with the action's approved date changes and completing updates in one $batch,
// then the numbers of the recommendations and actions the versions point at in another.
import { formatUkDate } from "../../domain/index.ts";
import { z } from "../../lib/zod.ts";
import { allRows, firstPage, inOneBatch, settle, valueOf } from "../core/batch.ts";
import { orNullIfGone } from "../core/conflict.ts";
import { listOf, MAX_PAGE, type DataContext } from "../core/context.ts";
import { dateFromSharePoint } from "../core/dates.ts";
import { and, eq } from "../core/odata.ts";
import { itemId } from "../schema/records.ts";
import { PENDING_UPDATE_SELECT, UPDATE_EXPAND, pendingUpdateItemSchema } from "../schema/rows.ts";

/** One change to an action, in words. */
export interface ChangeEntry {
  /** When the change was saved (ISO date and time). */
  when: string;
  /** Who saved it (their display name). */
  who: string;
  /** What changed, e.g. "Target date changed from 'March 2024' to 'June 2024'". */
  what: string;
  /** The SharePoint version it was saved as ("3.0"): give it as `olderThan` for the page after. */
  version: string;
}

export interface ChangeHistoryOptions {
  /** At most this many entries (default 50). */
  limit?: number;
  /** Only changes saved in versions before this one (the `version` of the last entry of a page). */
  olderThan?: string;
}

const lookup = z.nullish(z.object({ LookupId: z.int(), LookupValue: z.nullish(z.string()) }));
const text = z.nullish(z.string());
const versionRow = z.looseObject({
  VersionLabel: z.string(),
  Created: z.string(),
  Editor: z.nullish(z.object({ LookupValue: z.nullish(z.string()), Email: z.nullish(z.string()) })),
  Ref: text,
  ActionText: text,
  TargetDateText: text,
  Recommendation: lookup,
  ParentAction: lookup,
  SroPost: lookup,
  CompletedOn: text,
  SortOrder: z.nullish(z.number()),
  WithdrawnOn: text,
  WithdrawnReason: text,
});
type Version = z.infer<typeof versionRow>;

const approvedChange = z.looseObject({ FromText: text, ToText: text, Reason: text });
const refRow = z.looseObject({ Id: z.int(), Ref: text });

const quote = (value: string | null | undefined, limit = 120): string => {
  const shown = (value ?? "").trim();
  if (shown === "") return "none";
  return `'${shown.length > limit ? `${shown.slice(0, limit - 1)}…` : shown}'`;
};

type Refs = { recommendations: Map<number, string>; actions: Map<number, string> };

function recName(v: Version, refs: Refs): string {
  if (v.Recommendation == null) return "no recommendation";
  const ref = refs.recommendations.get(v.Recommendation.LookupId);
  return ref === undefined ? quote(v.Recommendation.LookupValue) : `recommendation ${ref}`;
}

function parentName(v: Version, refs: Refs): string {
  if (v.ParentAction == null) return "no action";
  return refs.actions.get(v.ParentAction.LookupId) ?? quote(v.ParentAction.LookupValue);
}

const ukDate = (value: string | null | undefined): string => {
  const day = dateFromSharePoint(value);
  return day === null ? "an unknown day" : formatUkDate(day);
};

/** What changed from `before` to `after`, in words, in a fixed order; empty when nothing people see did. */
export function describeChanges(
  before: Version,
  after: Version,
  refs: Refs,
  reasons: ReadonlyMap<string, string>,
): string[] {
  const said: string[] = [];
  if ((before.Ref ?? "") !== (after.Ref ?? ""))
    said.push(`Renumbered from ${quote(before.Ref)} to ${quote(after.Ref)}`);
  if ((before.ActionText ?? "") !== (after.ActionText ?? ""))
    said.push(`Text changed from ${quote(before.ActionText)} to ${quote(after.ActionText)}`);
  const parentBefore = before.ParentAction?.LookupId ?? null;
  const parentAfter = after.ParentAction?.LookupId ?? null;
  if (parentBefore !== parentAfter) {
    if (parentAfter !== null) said.push(`Made a milestone of ${parentName(after, refs)}`);
    else
      said.push(`Made an action of ${recName(after, refs)} (was a milestone of ${parentName(before, refs)})`);
  } else if ((before.Recommendation?.LookupId ?? null) !== (after.Recommendation?.LookupId ?? null))
    said.push(`Moved to ${recName(after, refs)}`);
  if ((before.SroPost?.LookupId ?? null) !== (after.SroPost?.LookupId ?? null))
    said.push(
      `SRO post changed from ${quote(before.SroPost?.LookupValue)} to ${quote(after.SroPost?.LookupValue)}`,
    );
  if ((before.TargetDateText ?? "") !== (after.TargetDateText ?? "")) {
    const reason = reasons.get(`${before.TargetDateText ?? ""}\u0000${after.TargetDateText ?? ""}`);
    said.push(
      `Target date changed from ${quote(before.TargetDateText)} to ${quote(after.TargetDateText)}${reason === undefined ? "" : `: ${reason}`}`,
    );
  }
  if ((before.WithdrawnOn ?? null) === null && (after.WithdrawnOn ?? null) !== null)
    said.push(`Withdrawn: ${after.WithdrawnReason ?? "no reason given"}`);
  else if ((before.WithdrawnOn ?? null) !== null && (after.WithdrawnOn ?? null) === null)
    said.push("Reinstated");
  if ((before.CompletedOn ?? null) === null && (after.CompletedOn ?? null) !== null)
    said.push(`Recorded complete on ${ukDate(after.CompletedOn)}`);
  else if ((before.CompletedOn ?? null) !== null && (after.CompletedOn ?? null) === null)
    said.push("No longer recorded complete");
  if (
    (before.SortOrder ?? null) !== (after.SortOrder ?? null) &&
    said.length === 0 &&
    after.SortOrder != null
  )
    said.push(`Put at position ${String(after.SortOrder)} in the plan's order`);
  return said;
}

/** The first version in words: what the action was added as. */
function describeAdded(v: Version, refs: Refs): string {
  const as =
    v.ParentAction == null
      ? `action ${v.Ref ?? ""} of ${recName(v, refs)}`
      : `milestone ${v.Ref ?? ""} of ${parentName(v, refs)}`;
  return `Added as ${as}, target date ${quote(v.TargetDateText)}`;
}

const labelNumber = (label: string): number => Number.parseFloat(label);

/**
 * An action's changes in words, newest first, from its item's versions (see ChangeHistoryOptions for
 * paging). Versions that change only what the Updates section shows (the latest update copied onto the
 * action) give no entry. Two requests.
 */
export async function loadChangeHistory(
  ctx: DataContext,
  actionId: string,
  options: ChangeHistoryOptions = {},
): Promise<ChangeEntry[]> {
  const id = itemId(actionId, "action");
  const reads = await inOneBatch(ctx.sp, (sp) => ({
    versions: settle(listOf(sp, "actions").items.getById(id).versions()),
    completions: settle(
      firstPage(
        listOf(sp, "progressUpdates")
          .items.select(...PENDING_UPDATE_SELECT)
          .expand(...UPDATE_EXPAND)
          .filter(and(eq("ActionId", id), eq("ReportedStatus", "Completed")))
          .top(MAX_PAGE),
      ),
    ),
    changes: settle(
      firstPage(
        listOf(sp, "targetDateChanges")
          .items.select("Id", "FromText", "ToText", "Reason")
          .filter(and(eq("ActionId", id), eq("ChangeStatus", "Approved")))
          .top(MAX_PAGE),
      ),
    ),
  }));
  const versions = z
    .array(versionRow)
    .parse(valueOf(await reads.versions))
    .sort((a, b) => labelNumber(a.VersionLabel) - labelNumber(b.VersionLabel));
  const reasons = new Map<string, string>();
  for (const row of await allRows(ctx.sp, valueOf(await reads.changes))) {
    const change = approvedChange.safeParse(row);
    if (change.success && change.data.Reason != null)
      reasons.set(`${change.data.FromText ?? ""}\u0000${change.data.ToText ?? ""}`, change.data.Reason);
  }
  const refs = await loadRefs(ctx, versions);
  const entries: ChangeEntry[] = [];
  versions.forEach((after, i) => {
    const before = versions[i - 1];
    const what =
      before === undefined ? [describeAdded(after, refs)] : describeChanges(before, after, refs, reasons);
    const who = after.Editor?.LookupValue ?? after.Editor?.Email ?? "someone";
    for (const line of what)
      entries.push({ when: after.Created, who, what: line, version: after.VersionLabel });
  });
  const completions = completionEntries(await allRows(ctx.sp, valueOf(await reads.completions)), versions);
  // The version the app wrote when it applied a completion says less than the update it came from.
  const said = new Set(completions.map((c) => c.what.replace("Marked", "Recorded")));
  const merged = [...entries.filter((e) => !said.has(e.what)), ...completions].sort((a, b) =>
    a.when < b.when ? -1 : a.when > b.when ? 1 : 0,
  );
  const older = options.olderThan;
  return merged
    .reverse()
    .filter((e) => older === undefined || labelNumber(e.version) < labelNumber(older))
    .slice(0, options.limit ?? 50);
}

/**
 * "Marked complete on 10 April 2024" for each update that completed the action, by its author, placed
 * among the versions by when it was saved (its `version` is the newest saved before it, for paging).
 */
function completionEntries(rows: readonly unknown[], versions: readonly Version[]): ChangeEntry[] {
  const out: ChangeEntry[] = [];
  for (const row of rows) {
    const update = pendingUpdateItemSchema.safeParse(row);
    if (!update.success || update.data.CompletedOn == null) continue;
    const when = update.data.Created ?? update.data.UpdateDate;
    const author = update.data.Author;
    const version = versions.filter((v) => v.Created <= when).at(-1)?.VersionLabel ?? "0.0";
    out.push({
      when,
      who: author?.Title ?? author?.EMail ?? "someone",
      what: `Marked complete on ${ukDate(update.data.CompletedOn)}`,
      version,
    });
  }
  return out;
}

// The numbers of the recommendations and parent actions the versions point at, in one $batch.
async function loadRefs(ctx: DataContext, versions: readonly Version[]): Promise<Refs> {
  const recIds = new Set(
    versions.flatMap((v) => (v.Recommendation == null ? [] : [v.Recommendation.LookupId])),
  );
  const actionIds = new Set(
    versions.flatMap((v) => (v.ParentAction == null ? [] : [v.ParentAction.LookupId])),
  );
  const refs: Refs = { recommendations: new Map(), actions: new Map() };
  if (recIds.size + actionIds.size === 0) return refs;
  const read = (list: "recommendations" | "actions", itemIds: Set<number>, sp: typeof ctx.sp) =>
    [...itemIds].map((i) => settle(orNullIfGone(listOf(sp, list).items.getById(i).select("Id", "Ref")())));
  const parts = await inOneBatch(ctx.sp, (sp) => ({
    recs: read("recommendations", recIds, sp),
    actions: read("actions", actionIds, sp),
  }));
  const collect = async (settled: ReturnType<typeof read>, into: Map<number, string>) => {
    for (const part of await Promise.all(settled)) {
      const row = refRow.safeParse(part.ok ? part.value : null);
      if (row.success && row.data.Ref != null) into.set(row.data.Id, row.data.Ref);
    }
  };
  await collect(parts.recs, refs.recommendations);
  await collect(parts.actions, refs.actions);
  return refs;
}
