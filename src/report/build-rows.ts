// The report's rows: every action and milestone in plan order with what it stood at on the report's day,
// Appendix A grouped by recommendation, and the period's updates. Text is kept exactly as written.
import { deriveStatus, latestReportedStatus } from "../domain/status.ts";
import { isTopLevel, isWithdrawn } from "../domain/figures.ts";
import { groupBy } from "../domain/group-by.ts";
import type { Action, IsoDate, ProgressUpdate, Status } from "../domain/types.ts";
import type {
  ActionMention,
  ReportActionLine,
  AppendixGroup,
  ReportInput,
  ReportUpdateLine,
} from "./types.ts";

/** What the rows and "since the last report" ask of the plan on any day. */
export interface PlanReader {
  /** Actions and milestones in plan order, milestones straight after their action. */
  ordered: Action[];
  byId: Map<string, Action>;
  /** Every update known: the two periods' and each action's latest. */
  updates: ProgressUpdate[];
  statusOn: (action: Action, day: IsoDate) => Status;
  withdrawnOn: (action: Action, day: IsoDate) => boolean;
  /** The latest update dated on or before `day`. */
  latestOn: (action: Action, day: IsoDate) => ProgressUpdate | undefined;
  holderOf: (post: string | null) => string | null;
  mention: (action: Action) => ActionMention;
}

/** Actions in plan order: by recommendation as given, each action followed by its milestones. */
function planOrder(input: ReportInput): Action[] {
  const children = groupBy(
    input.actions.filter((a) => !isTopLevel(a)),
    (a) => a.parentId ?? "",
  );
  const byRecommendation = groupBy(input.actions.filter(isTopLevel), (a) => a.recommendationId);
  const ordered: Action[] = [];
  const seen = new Set<string>();
  const add = (action: Action): void => {
    if (seen.has(action.id)) return;
    seen.add(action.id);
    ordered.push(action);
    for (const child of children.get(action.id) ?? []) add(child);
  };
  for (const r of input.recommendations) for (const a of byRecommendation.get(r.id) ?? []) add(a);
  // Anything left (a milestone whose action is missing, an action of an unknown recommendation) still shows.
  for (const a of input.actions) add(a);
  return ordered;
}

/** Every update the report knows of: the periods' own, and each action's latest as kept on the action. */
function knownUpdates(input: ReportInput): ProgressUpdate[] {
  const updates = [...input.updates];
  const given = new Set(updates.map((u) => `${u.actionId}\u0000${u.date}\u0000${u.text}`));
  for (const [actionId, latest] of Object.entries(input.latest)) {
    if (given.has(`${actionId}\u0000${latest.date}\u0000${latest.text}`)) continue;
    updates.push({
      id: `latest-${actionId}`,
      actionId,
      periodId: latest.periodId,
      date: latest.date,
      text: latest.text,
      reportedStatus: latest.reportedStatus,
      percentComplete: latest.percentComplete,
      evidenceUrl: null,
    });
  }
  return updates;
}

export function planReader(input: ReportInput): PlanReader {
  const ordered = planOrder(input);
  const byId = new Map(input.actions.map((a) => [a.id, a]));
  const updates = knownUpdates(input);
  const byAction = groupBy(updates, (u) => u.actionId);
  const months = input.plan.overdueAfterMonths;
  const posts = new Map(input.sroPosts.map((p) => [p.title, p]));
  return {
    ordered,
    byId,
    updates,
    statusOn: (action, day) =>
      deriveStatus(action, {
        today: day,
        reported: latestReportedStatus(byAction.get(action.id) ?? [], action.id, day),
        overdueAfterMonths: months,
      }).derived,
    withdrawnOn: (action, day) => isWithdrawn(action, day, (id) => byId.get(id)),
    latestOn: (action, day) => {
      let latest: ProgressUpdate | undefined;
      for (const u of byAction.get(action.id) ?? [])
        if (u.date <= day && (latest === undefined || u.date >= latest.date)) latest = u;
      return latest;
    },
    holderOf: (title) => {
      const post = title === null ? undefined : posts.get(title);
      return post === undefined ? null : (post.holderName ?? post.holderUpn);
    },
    mention: (action) => ({ ref: action.ref, text: action.text, sroPost: action.sroPost }),
  };
}

/** One row per action and milestone, as it stood on `asOf`. */
export function actionRows(input: ReportInput, reader: PlanReader, asOf: IsoDate): ReportActionLine[] {
  const recommendations = new Map(input.recommendations.map((r) => [r.id, r]));
  return reader.ordered.map((action): ReportActionLine => {
    const recommendation = recommendations.get(action.recommendationId);
    const parent = action.parentId === undefined ? undefined : reader.byId.get(action.parentId);
    const latest = reader.latestOn(action, asOf);
    const withdrawn = reader.withdrawnOn(action, asOf);
    const withdrawal = action.withdrawn ?? parent?.withdrawn;
    return {
      recommendationRef: recommendation?.ref ?? "",
      recommendationTitle: recommendation?.title ?? "",
      ref: action.ref,
      milestoneOf: parent?.ref ?? null,
      text: action.text,
      sroPost: action.sroPost,
      sro: reader.holderOf(action.sroPost),
      targetDateText: action.targetDate.text,
      targetDate: action.targetDate.due,
      status: withdrawn ? "Withdrawn" : reader.statusOn(action, asOf),
      percentComplete: latest?.percentComplete ?? null,
      progressUpdate: latest?.text ?? null,
      updateDate: latest?.date ?? null,
      completedOn: action.completedOn !== null && action.completedOn <= asOf ? action.completedOn : null,
      withdrawnOn: withdrawn ? (withdrawal?.on ?? null) : null,
      withdrawnReason: withdrawn ? (withdrawal?.reason ?? null) : null,
    };
  });
}

/** Appendix A: every recommendation in plan order with its rows. */
export function appendixGroups(input: ReportInput, rows: readonly ReportActionLine[]): AppendixGroup[] {
  const byRef = groupBy(rows, (r) => r.recommendationRef);
  return input.recommendations.map((r) => ({ ref: r.ref, title: r.title, rows: byRef.get(r.ref) ?? [] }));
}

/** The updates given for the reported period (up to its day), by action in plan order, then by date. */
export function updateRows(input: ReportInput, reader: PlanReader, asOf: IsoDate): ReportUpdateLine[] {
  const position = new Map(reader.ordered.map((a, i) => [a.id, i]));
  return input.updates
    .filter((u) => u.periodId === input.period.id && u.date <= asOf && reader.byId.has(u.actionId))
    .map((u, i) => ({ u, i }))
    .sort(
      (a, b) =>
        (position.get(a.u.actionId) ?? 0) - (position.get(b.u.actionId) ?? 0) ||
        (a.u.date < b.u.date ? -1 : a.u.date > b.u.date ? 1 : a.i - b.i),
    )
    .map(({ u }): ReportUpdateLine => {
      const action = reader.byId.get(u.actionId);
      return {
        actionRef: action?.ref ?? "",
        actionText: action?.text ?? "",
        date: u.date,
        status: u.reportedStatus,
        percentComplete: u.percentComplete,
        text: u.text,
        evidenceUrl: u.evidenceUrl,
        author: u.authorUpn === undefined ? null : (input.names[u.authorUpn] ?? u.authorUpn),
      };
    });
}
