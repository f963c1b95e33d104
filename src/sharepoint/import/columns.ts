// The list columns a plan import writes, built in one place: the demo seed and test fixtures (`importPlan`)
// and a council's own file (`applyImport`) write exactly the same items for the same input.
import { parseTargetDate, type IsoDate, type TargetDate } from "../../domain/index.ts";
import type {
  ImportAction,
  ImportPeriod,
  ImportPost,
  ImportUpdate,
  PlanImport,
} from "../../import/plan-shape.ts";
import { sharePointDate, sharePointDateOrNull } from "../core/dates.ts";
import type { ActionWrite, UpdateWrite } from "../schema/rows.ts";

/** SharePoint's single-line text columns (Title among them) hold at most 255 characters. */
const TITLE_LENGTH = 255;

/**
 * The Plans item of a new plan, marked as not finished until the import's last write (`importFinishedColumns`);
 * the mapping JSON is kept with it so the next import of the file reuses it.
 */
export function planColumns(plan: PlanImport["plan"], mappingJson: string | null): Record<string, unknown> {
  return {
    Title: plan.title,
    ReferenceDate: sharePointDate(plan.referenceDate),
    OverdueAfterMonths: plan.overdueAfterMonths ?? 1,
    ImportUnfinished: true,
    ...(mappingJson === null ? {} : { ImportMapping: mappingJson }),
  };
}

/** The import's last write: the plan is whole, so SROs, viewers, reminders and figures may see it. */
export function importFinishedColumns(): Record<string, unknown> {
  return { ImportUnfinished: false };
}

/** An SRO Posts item; `personId` gives the site user id of a UPN (null when it has none). */
export function postColumns(
  post: ImportPost,
  personId: (upn: string | null | undefined) => number | null,
): Record<string, unknown> {
  return {
    Title: post.title,
    HolderId: personId(post.holderUpn),
    DelegateId: personId(post.delegateUpn),
    DelegateFrom: sharePointDateOrNull(post.delegateFrom ?? null),
    DelegateTo: sharePointDateOrNull(post.delegateTo ?? null),
  };
}

/** A Reporting Periods item, added open. */
export function periodColumns(period: ImportPeriod, planId: number): Record<string, unknown> {
  return {
    Title: period.title,
    PlanId: planId,
    StartsOn: sharePointDate(period.startsOn),
    UpdateDeadline: sharePointDate(period.updateDeadline),
    ReportDate: sharePointDate(period.reportDate),
    PeriodState: "Open",
  };
}

/** The columns of a recommendation that an import sets (and may later change). */
export function recommendationColumns(
  rec: { ref: string; title: string; description: string },
  planId: number,
): Record<string, unknown> {
  return { Title: rec.title.slice(0, TITLE_LENGTH), Ref: rec.ref, Details: rec.description, PlanId: planId };
}

/** The site ids an action's lookups point at. */
export interface ActionLinks {
  plan: number;
  recommendation: number;
  parent: number | null;
  post: number | null;
  period: number | null;
}

/** An action's text (its Title is the text cut to fit, for SharePoint's own views). */
export function actionTextColumns(text: string): ActionWrite {
  return { Title: text.slice(0, TITLE_LENGTH), ActionText: text };
}

/** The target date as written and the day it means. */
export function targetColumns(text: string, referenceDate: IsoDate): ActionWrite {
  return {
    TargetDateText: text,
    DueDate: sharePointDateOrNull(parseTargetDate(text, { referenceDate }).due),
  };
}

/** An action's copy of its latest update (see schema.ts: the dashboard never reads the updates list). */
export function latestColumns(update: ImportUpdate | null | undefined, period: number | null): ActionWrite {
  const latest = update ?? null;
  return {
    ReportedStatus: latest?.reportedStatus ?? null,
    LatestUpdateDate: latest === null ? null : sharePointDate(latest.date),
    LatestUpdateText: latest?.text ?? null,
    LatestUpdatePercent: latest?.percentComplete ?? null,
    LatestUpdatePeriodId: latest === null ? null : period,
  };
}

/** A new Actions item: its baseline is the target as first written, and its latest update is filled in. */
export function actionColumns(action: ImportAction, ids: ActionLinks, referenceDate: IsoDate): ActionWrite {
  const target = targetColumns(action.targetDateText, referenceDate);
  return {
    ...actionTextColumns(action.text),
    SroPostId: ids.post,
    Ref: action.ref,
    PlanId: ids.plan,
    RecommendationId: ids.recommendation,
    ParentActionId: ids.parent,
    ...target,
    BaselineTargetText: target.TargetDateText,
    BaselineDueDate: target.DueDate,
    CompletedOn: sharePointDateOrNull(action.completedOn ?? null),
    ...latestColumns(action.update, ids.period),
  };
}

/** A Progress Updates item. */
export function updateColumns(
  ref: string,
  update: ImportUpdate,
  ids: { action: number; plan: number; period: number | null },
): UpdateWrite {
  return {
    Title: `${ref} ${update.date}`.slice(0, TITLE_LENGTH),
    ActionId: ids.action,
    PlanId: ids.plan,
    PeriodId: ids.period,
    UpdateDate: sharePointDate(update.date),
    UpdateText: update.text,
    ReportedStatus: update.reportedStatus,
    PercentComplete: update.percentComplete ?? null,
  };
}

/**
 * A target date moved by an import, recorded as an approved change (as a coordinator's approval records it
 * in date-changes.ts), so the date's history and the slippage figures count it like any other move.
 */
export function importedDateChangeColumns(change: {
  ref: string;
  actionId: number;
  planId: number;
  from: TargetDate;
  toText: string;
  referenceDate: IsoDate;
  reason: string;
  on: IsoDate;
  decidedBy: number;
}): Record<string, unknown> {
  const to = parseTargetDate(change.toText, { referenceDate: change.referenceDate });
  return {
    Title: `${change.ref}: ${change.from.text} to ${to.text}`.slice(0, TITLE_LENGTH),
    ActionId: change.actionId,
    PlanId: change.planId,
    FromText: change.from.text,
    FromDue: sharePointDateOrNull(change.from.due),
    ToText: to.text,
    ToDue: sharePointDateOrNull(to.due),
    Reason: change.reason,
    RequestedOn: sharePointDate(change.on),
    ChangeStatus: "Approved",
    DecidedById: change.decidedBy,
    DecidedOn: sharePointDate(change.on),
  };
}

/** The period (of several, each with its id) whose dates hold a day; null when none does. */
export function periodOn(
  periods: readonly { id: number; startsOn: IsoDate; reportDate: IsoDate }[],
  date: IsoDate,
): number | null {
  return periods.find((p) => p.startsOn <= date && date <= p.reportDate)?.id ?? null;
}
