// List items turned into the domain's types (ids become strings, dates become IsoDate, people become UPNs),
// each with the ETag it was read at so that a later write can say which version it changes.
import {
  parseTargetDate,
  type Action,
  type IsoDate,
  type LatestUpdate,
  type Plan,
  type PlanFigures,
  type ProgressUpdate,
  type Recommendation,
  type ReportingPeriod,
  type SroPost,
  type TargetDate,
  type TargetDateChange,
  type TargetDateChangeStatus,
  toIsoDate,
} from "../../domain/index.ts";
import { dateFromSharePoint } from "../core/dates.ts";
import type {
  ActionItem,
  DateChangeItem,
  PeriodItem,
  PersonValue,
  PlanItem,
  RecommendationItem,
  SroPostItem,
  ProgressUpdateItem,
} from "./rows.ts";

/** Something read from SharePoint with the version (ETag) it was read at. */
export interface Versioned {
  etag: string;
}

/** An action as the app shows it: the domain action, its baseline, its latest update and its SRO post id. */
export interface ActionRecord extends Versioned {
  action: Action;
  planTitle: string | null;
  /** The plan's reference date, which places target dates written without a year. */
  planReferenceDate: IsoDate | null;
  baseline: TargetDate;
  sroPostId: string | null;
  latest: LatestUpdate | null;
}

export type PlanRecord = Plan & Versioned & Required<Pick<Plan, "nation" | "archived" | "importUnfinished">>;
/** A reopening of a period closed by mistake: the day and the coordinator's reason. */
export interface PeriodReopening {
  on: IsoDate;
  reason: string;
}
export type PeriodRecord = ReportingPeriod &
  Versioned & {
    /** When it last closed (an ISO instant), if it closed since the site had the column. */
    closedAt?: string | null;
    /** Each time it was reopened, oldest first. */
    reopenings?: PeriodReopening[];
  };

/** Reporting Periods.Reopenings, a line each: "YYYY-MM-DD reason". */
export function readReopenings(text: string | null): PeriodReopening[] {
  const lines = (text ?? "").split("\n").map((l) => l.trim());
  return lines.flatMap((line) => {
    const on = toIsoDate(line.slice(0, 10));
    return on === null ? [] : [{ on, reason: line.slice(11).trim() }];
  });
}
export type DateChangeRecord = TargetDateChange &
  Versioned & {
    planId: string | null;
    /** Display names of who asked and who decided, as SharePoint has them. */
    requestedByName?: string;
    decidedByName?: string;
    /** Who wrote the item last (SharePoint's Modified By), when it was read. */
    lastEditedBy?: string | null;
    /** The coordinator's reason for a decline (or note on an approval); absent when none was given. */
    decisionNote?: string;
  };

const CLAIMS = /^i:0#\.f\|membership\|/i;

/** The UPN of a person column value: from the claims login name, else the e-mail. */
export function upnOf(value: PersonValue): string | null {
  if (value === null) return null;
  if (value.Name !== null && CLAIMS.test(value.Name)) return value.Name.replace(CLAIMS, "").toLowerCase();
  return value.EMail?.toLowerCase() ?? null;
}

function key(value: number | null): string | null {
  return value === null ? null : String(value);
}

/** A date read from a required column; a missing or broken one is a data problem worth failing on. */
function requiredDate(value: string | null, what: string): IsoDate {
  const date = dateFromSharePoint(value);
  if (date === null) throw new Error(`${what} has no valid date ('${String(value)}').`);
  return date;
}

/**
 * The stored due date is authoritative (it is what was agreed when the text was written); re-reading the
 * text only supplies the kind and flags people see.
 */
export function storedTargetDate(
  text: string | null,
  due: string | null,
  referenceDate: string | null,
): TargetDate {
  const reference = referenceDate === null ? undefined : (dateFromSharePoint(referenceDate) ?? undefined);
  const parsed = parseTargetDate(text ?? "", reference === undefined ? {} : { referenceDate: reference });
  const stored = dateFromSharePoint(due);
  const flags = parsed.flags.filter((f) => f !== "no target date");
  return { ...parsed, due: stored, flags: stored === null ? ["no target date", ...flags] : flags };
}

/** A Plans item as a domain Plan. */
export function toPlan(row: PlanItem): PlanRecord {
  return {
    id: String(row.Id),
    title: row.Title,
    referenceDate: requiredDate(row.ReferenceDate, `Plan ${String(row.Id)}`),
    overdueAfterMonths: row.OverdueAfterMonths ?? 1,
    nation: row.Nation ?? "England and Wales",
    archived: row.Archived ?? false,
    importUnfinished: row.ImportUnfinished ?? false,
    etag: row["odata.etag"],
  };
}

/** A Recommendations item as a domain Recommendation. */
export function toRecommendation(row: RecommendationItem): Recommendation {
  const recommendation: Recommendation = {
    id: String(row.Id),
    planId: key(row.PlanId) ?? "",
    ref: row.Ref ?? "",
    title: row.Title ?? "",
    description: row.Details ?? "",
  };
  if (row.SortOrder !== null) recommendation.sortOrder = row.SortOrder;
  return recommendation;
}

/** An Actions item as an ActionRecord. */
export function toActionRecord(row: ActionItem): ActionRecord {
  const reference = row.Plan?.ReferenceDate ?? null;
  const latestDate = dateFromSharePoint(row.LatestUpdateDate);
  const action: Action = {
    id: String(row.Id),
    planId: key(row.PlanId) ?? "",
    recommendationId: key(row.RecommendationId) ?? "",
    ref: row.Ref ?? "",
    text: row.ActionText ?? row.Title ?? "",
    sroPost: row.SroPost?.Title ?? null,
    targetDate: storedTargetDate(row.TargetDateText, row.DueDate, reference),
    completedOn: dateFromSharePoint(row.CompletedOn),
  };
  if (row.ParentActionId !== null) action.parentId = String(row.ParentActionId);
  if (row.SortOrder !== null) action.sortOrder = row.SortOrder;
  const withdrawnOn = dateFromSharePoint(row.WithdrawnOn);
  if (withdrawnOn !== null) action.withdrawn = { on: withdrawnOn, reason: row.WithdrawnReason ?? "" };
  return {
    action,
    etag: row["odata.etag"],
    planTitle: row.Plan?.Title ?? null,
    planReferenceDate: dateFromSharePoint(reference),
    baseline: storedTargetDate(row.BaselineTargetText ?? row.TargetDateText, row.BaselineDueDate, reference),
    sroPostId: key(row.SroPostId),
    latest:
      latestDate === null
        ? null
        : {
            date: latestDate,
            text: row.LatestUpdateText ?? "",
            reportedStatus: row.ReportedStatus,
            percentComplete: row.LatestUpdatePercent,
            periodId: key(row.LatestUpdatePeriodId),
          },
  };
}

/** An SRO Posts item as a domain SroPost, with its holder's name and the version (ETag) read. */
export function toSroPost(row: SroPostItem): SroPost & { holderName: string | null; etag: string } {
  return {
    id: String(row.Id),
    etag: row["odata.etag"],
    title: row.Title,
    holderUpn: upnOf(row.Holder),
    holderName: row.Holder?.Title ?? null,
    delegateUpn: upnOf(row.Delegate),
    delegateFrom: dateFromSharePoint(row.DelegateFrom),
    delegateTo: dateFromSharePoint(row.DelegateTo),
  };
}

/** A Progress Updates item as a domain ProgressUpdate. */
export function toProgressUpdate(row: ProgressUpdateItem): ProgressUpdate {
  const update: ProgressUpdate = {
    id: String(row.Id),
    actionId: key(row.ActionId) ?? "",
    periodId: key(row.PeriodId),
    date: requiredDate(row.UpdateDate, `Progress update ${String(row.Id)}`),
    text: row.UpdateText ?? "",
    reportedStatus: row.ReportedStatus,
    percentComplete: row.PercentComplete,
    evidenceUrl: row.EvidenceUrl?.Url ?? null,
  };
  const author = upnOf(row.Author);
  if (author !== null) update.authorUpn = author;
  const name = row.Author?.Title ?? null;
  if (name !== null && name.trim() !== "") update.authorName = name;
  if (row.Created != null) update.createdAt = row.Created;
  return update;
}

const CHANGE_STATUS: Record<DateChangeItem["ChangeStatus"], TargetDateChangeStatus> = {
  Requested: "requested",
  Approved: "approved",
  Declined: "declined",
  Withdrawn: "withdrawn",
};

/** A Target Date Changes item as a domain TargetDateChange. */
export function toDateChange(row: DateChangeItem, referenceDate: string | null = null): DateChangeRecord {
  const change: DateChangeRecord = {
    id: String(row.Id),
    actionId: key(row.ActionId) ?? "",
    planId: key(row.PlanId),
    from: storedTargetDate(row.FromText, row.FromDue, referenceDate),
    to: storedTargetDate(row.ToText, row.ToDue, referenceDate),
    reason: row.Reason ?? "",
    requestedBy: upnOf(row.Author) ?? "",
    requestedOn: requiredDate(row.RequestedOn, `Target date change ${String(row.Id)}`),
    status: CHANGE_STATUS[row.ChangeStatus],
    etag: row["odata.etag"],
  };
  const decidedBy = upnOf(row.DecidedBy);
  if (decidedBy !== null) change.decidedBy = decidedBy;
  const askedName = row.Author?.Title ?? null;
  if (askedName !== null && askedName.trim() !== "") change.requestedByName = askedName;
  const decidedName = row.DecidedBy?.Title ?? null;
  if (decidedName !== null && decidedName.trim() !== "") change.decidedByName = decidedName;
  if (row.Editor !== undefined) change.lastEditedBy = upnOf(row.Editor);
  const decidedOn = dateFromSharePoint(row.DecidedOn);
  if (decidedOn !== null) change.decidedOn = decidedOn;
  if (row.DecisionNote !== null && row.DecisionNote.trim() !== "") change.decisionNote = row.DecisionNote;
  return change;
}

/** A Reporting Periods item as a domain ReportingPeriod (the snapshot parsed from its JSON). */
export function toPeriod(row: PeriodItem, parseSnapshot: (json: string) => PlanFigures): PeriodRecord {
  const what = `Reporting period ${String(row.Id)}`;
  return {
    id: String(row.Id),
    planId: key(row.PlanId) ?? "",
    title: row.Title,
    startsOn: requiredDate(row.StartsOn, what),
    updateDeadline: requiredDate(row.UpdateDeadline, what),
    reportDate: requiredDate(row.ReportDate, what),
    state: row.PeriodState === "Open" ? "open" : "closed",
    snapshot: row.Snapshot === null || row.Snapshot === "" ? null : parseSnapshot(row.Snapshot),
    closedAt: row.ClosedAt,
    reopenings: readReopenings(row.Reopenings),
    etag: row["odata.etag"],
  };
}

/** An id string from the domain back to SharePoint's integer item id. */
export function itemId(id: string, what: string): number {
  const value = Number(id);
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`Not a ${what} id: '${id}'`);
  return value;
}
