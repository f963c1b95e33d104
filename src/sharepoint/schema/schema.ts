// The SharePoint lists that hold every plan, declared once: provisioning creates or upgrades a site to this,
// and data access reads and writes these column names. Internal names have no spaces (they appear in every
// REST URL and filter); display titles are what people see in SharePoint. Every column a query filters or
// sorts on is indexed, so lists far past the 5,000-item threshold keep answering; values that queries would
// otherwise have to join across big lists are kept on the row that is queried (see the notes below).
import { REF_LIMIT, SHORT_TEXT_LIMIT, STATUSES } from "../../domain/index.ts";
import {
  CHANGE_STATUSES,
  DELIVERY_STATUSES,
  LIST_TITLES,
  NATION_CHOICES,
  PERIOD_STATES,
  type ListKey,
} from "./list-titles.ts";

/**
 * Bump when the declaration changes; provisioning records it in each list's description.
 * 2: Plans.ImportMapping (the column mapping of the file a plan was imported from).
 * 3: who may write what, held by SharePoint (each list's `access`); Progress Updates.Applied and
 *    Progress Updates.CompletedOn (an SRO's update no longer writes the action: see pending-updates.ts);
 *    Progress Updates.UpdateDate indexed (an action's updates are paged newest first).
 * 4: Reminder Runs (the lease that lets one reminder run at a time send for a site).
 * 5: coordinators run the plan: Plans.Nation and Plans.Archived; Recommendations.SortOrder and
 *    Actions.SortOrder (the order a coordinator gives, before refs); Actions.WithdrawnOn and
 *    Actions.WithdrawnReason (a retired action stays, reported as withdrawn); versioning on every list
 *    whose items people change (`versioning`), so each change keeps who and when.
 * 6: Plans.ImportUnfinished (a plan whose import has not finished is hidden from everyone but coordinators).
 * 7: Reporting Periods.ClosedAt (the moment a period closed, said when a late update is refused) and
 *    Reporting Periods.Reopenings (each reopening's day and reason, one a line).
 */
export const SCHEMA_VERSION = 7;

/** Marks lists as ours, so provisioning never takes over an unrelated list that happens to share a title. */
export const SCHEMA_MARKER = "Action Plan Tracker";

export type { ListKey } from "./list-titles.ts";
export {
  CHANGE_STATUSES,
  DELIVERY_STATUSES,
  LIST_TITLES,
  NATION_CHOICES,
  PERIOD_STATES,
} from "./list-titles.ts";

interface ColumnBase {
  /** Internal name: no spaces, stable forever (renaming means a new column). */
  name: string;
  /** Display name in SharePoint, set when the column is created; people may rename it later. */
  title: string;
  indexed?: boolean;
  /** Enforce unique values (SharePoint needs the column indexed first). */
  unique?: boolean;
  required?: boolean;
}

export type ColumnSpec =
  | (ColumnBase & { type: "text"; maxLength: number })
  | (ColumnBase & { type: "note" })
  | (ColumnBase & { type: "number"; min?: number; max?: number })
  | (ColumnBase & { type: "date"; withTime?: boolean })
  | (ColumnBase & { type: "choice"; choices: readonly string[] })
  | (ColumnBase & { type: "person" })
  | (ColumnBase & { type: "lookup"; target: ListKey })
  | (ColumnBase & { type: "url" })
  | (ColumnBase & { type: "boolean" });

export type ColumnType = ColumnSpec["type"];

/**
 * Who may write a list's items, held by SharePoint itself (provision-security.ts sets it and repairs drift):
 * - contributions: unique permissions; Members (SROs) Contribute, and add items and edit only those they
 *   created (WriteSecurity 2); Owners Full Control; Visitors read. Not inherited: a Teams site gives its
 *   Members "Edit", which would let an SRO change the list's settings back or delete it.
 * - coordinated: unique permissions; Owners (coordinators) and the app write, Members and Visitors read.
 * - senders: unique permissions; Owners and the reminder sender (a service account named at provisioning)
 *   write; Members and Visitors cannot read it at all.
 */
export type ListAccess = "contributions" | "coordinated" | "senders";

export interface ListSpec {
  key: ListKey;
  title: string;
  description: string;
  access: ListAccess;
  /** SharePoint keeps a version of every item change (who, when, what), read as an item's history. */
  versioning: boolean;
  /** The built-in Title column: its display name and whether it is indexed/unique. */
  titleColumn: { title: string; indexed?: boolean; unique?: boolean };
  columns: readonly ColumnSpec[];
}

export interface SchemaSpec {
  version: number;
  lists: readonly ListSpec[];
}

/** SharePoint's FieldTypeKind and TypeAsString for each column type. */
export const FIELD_TYPES: Record<ColumnType, { kind: number; typeAsString: string; odataType: string }> = {
  text: { kind: 2, typeAsString: "Text", odataType: "SP.FieldText" },
  note: { kind: 3, typeAsString: "Note", odataType: "SP.FieldMultiLineText" },
  number: { kind: 9, typeAsString: "Number", odataType: "SP.FieldNumber" },
  date: { kind: 4, typeAsString: "DateTime", odataType: "SP.FieldDateTime" },
  choice: { kind: 6, typeAsString: "Choice", odataType: "SP.FieldChoice" },
  person: { kind: 20, typeAsString: "User", odataType: "SP.FieldUser" },
  lookup: { kind: 7, typeAsString: "Lookup", odataType: "SP.FieldLookup" },
  url: { kind: 11, typeAsString: "URL", odataType: "SP.FieldUrl" },
  boolean: { kind: 8, typeAsString: "Boolean", odataType: "SP.Field" },
};

const lookup = (name: string, title: string, target: ListKey, indexed = true): ColumnSpec => ({
  type: "lookup",
  name,
  title,
  target,
  indexed,
});
const date = (name: string, title: string, indexed = false): ColumnSpec => ({
  type: "date",
  name,
  title,
  indexed,
});
const note = (name: string, title: string): ColumnSpec => ({ type: "note", name, title });
// Single-line text is created with its MaxLength and kept at it (provision-plan.ts), so SharePoint itself
// refuses a longer value; multi-line (note) columns have none, so the write paths hold LONG_TEXT_LIMIT.
const text = (name: string, title: string, maxLength = SHORT_TEXT_LIMIT): ColumnSpec => ({
  type: "text",
  name,
  title,
  maxLength,
});
const statusChoice = (name: string, title: string): ColumnSpec => ({
  type: "choice",
  name,
  title,
  choices: STATUSES,
});

const plans: ListSpec = {
  key: "plans",
  versioning: true,
  access: "coordinated",
  title: LIST_TITLES.plans,
  description: "Improvement plans",
  // Plans are found by title (`summary --plan <title>`).
  titleColumn: { title: "Plan", indexed: true },
  columns: [
    { type: "date", name: "ReferenceDate", title: "Reference date", required: true },
    { type: "number", name: "OverdueAfterMonths", title: "Overdue after (months)", min: 0 },
    // Whose bank holidays the plan's reminders skip; empty (a plan from before version 5) means England.
    { type: "choice", name: "Nation", title: "Bank holidays of", choices: NATION_CHOICES },
    // An archived plan is hidden from My actions and reminders and kept for reports.
    { type: "boolean", name: "Archived", title: "Archived" },
    // Set by the import's first write of a new plan and cleared by its last: until then the plan is only
    // its coordinators' (SROs, viewers, reminders and figures do not see half a plan). Empty means finished.
    { type: "boolean", name: "ImportUnfinished", title: "Import not finished" },
    // How the columns of the file the plan came from map to its fields (JSON), so that importing the
    // council's next version of the same spreadsheet needs no mapping again.
    note("ImportMapping", "Import mapping"),
  ],
};

const recommendations: ListSpec = {
  key: "recommendations",
  versioning: true,
  access: "coordinated",
  title: LIST_TITLES.recommendations,
  description: "The numbered recommendations (themes, priority areas) of each plan",
  titleColumn: { title: "Recommendation" },
  columns: [
    // A plan's dashboard reads its recommendations by Plan.
    lookup("Plan", "Plan", "plans"),
    text("Ref", "Number", REF_LIMIT),
    note("Details", "Details"),
    // The order a coordinator gives; empty sorts by Ref (compareRefs) after the ordered ones.
    { type: "number", name: "SortOrder", title: "Order" },
  ],
};

const actions: ListSpec = {
  key: "actions",
  versioning: true,
  access: "coordinated",
  title: LIST_TITLES.actions,
  description: "Actions and milestones (an action whose parent is an action)",
  titleColumn: { title: "Action" },
  columns: [
    // The dashboard reads a plan's actions by Plan, and past the threshold by Recommendation.
    lookup("Plan", "Plan", "plans"),
    lookup("Recommendation", "Recommendation", "recommendations"),
    lookup("ParentAction", "Parent action", "actions"),
    // My actions reads by SroPost.
    lookup("SroPost", "SRO post", "sroPosts"),
    text("Ref", "Number", REF_LIMIT),
    note("ActionText", "Action text"),
    // The target date exactly as written, the day it means, and the baseline both started from.
    text("TargetDateText", "Target date"),
    date("DueDate", "Due date", true),
    text("BaselineTargetText", "Baseline target date"),
    date("BaselineDueDate", "Baseline due date"),
    date("CompletedOn", "Completed on"),
    // The latest progress update, copied here in the same batch that adds it, so that a dashboard never
    // has to read a plan's updates (60,000 of them for a large plan) to show where each action stands.
    statusChoice("ReportedStatus", "Reported status"),
    date("LatestUpdateDate", "Latest update date"),
    note("LatestUpdateText", "Latest update"),
    { type: "number", name: "LatestUpdatePercent", title: "Latest % complete", min: 0, max: 100 },
    lookup("LatestUpdatePeriod", "Latest update period", "reportingPeriods", false),
    // The order a coordinator gives among the actions of a recommendation (or milestones of an action).
    { type: "number", name: "SortOrder", title: "Order" },
    // A retired action is never deleted: it stays in history and reports as withdrawn.
    date("WithdrawnOn", "Withdrawn on"),
    note("WithdrawnReason", "Why withdrawn"),
  ],
};

const progressUpdates: ListSpec = {
  key: "progressUpdates",
  versioning: true,
  access: "contributions",
  title: LIST_TITLES.progressUpdates,
  description: "Dated progress updates from SROs, one per action per reporting period",
  titleColumn: { title: "Summary" },
  columns: [
    { ...lookup("Action", "Action", "actions"), required: true },
    // Updates carry their plan and period so a plan's or a period's updates are one indexed query.
    lookup("Plan", "Plan", "plans"),
    lookup("Period", "Reporting period", "reportingPeriods"),
    // Indexed: an action's updates are read newest first a page at a time (update-pages.ts), ordered by it.
    { type: "date", name: "UpdateDate", title: "Update date", required: true, indexed: true },
    note("UpdateText", "Update"),
    statusChoice("ReportedStatus", "Reported status"),
    { type: "number", name: "PercentComplete", title: "% complete", min: 0, max: 100 },
    { type: "url", name: "EvidenceUrl", title: "Evidence" },
    // "Mark complete": the SRO cannot write the action, so the closing update carries the date.
    date("CompletedOn", "Completes the action on"),
    // Whether the action's latest-update columns include this update yet (pending-updates.ts): SROs add
    // updates, an Owner or the app copies the newest onto the action; until then readers overlay it.
    { type: "boolean", name: "Applied", title: "Applied to action", indexed: true },
  ],
};

const targetDateChanges: ListSpec = {
  key: "targetDateChanges",
  versioning: true,
  access: "contributions",
  title: LIST_TITLES.targetDateChanges,
  description: "Requests to move an action's target date, with the reason and the coordinator's decision",
  titleColumn: { title: "Summary" },
  columns: [
    { ...lookup("Action", "Action", "actions"), required: true },
    lookup("Plan", "Plan", "plans"),
    text("FromText", "From (as written)"),
    date("FromDue", "From due date"),
    text("ToText", "To (as written)"),
    date("ToDue", "To due date"),
    note("Reason", "Reason"),
    date("RequestedOn", "Requested on"),
    { type: "choice", name: "ChangeStatus", title: "Decision", choices: CHANGE_STATUSES, indexed: true },
    { type: "person", name: "DecidedBy", title: "Decided by" },
    date("DecidedOn", "Decided on"),
    note("DecisionNote", "Decision note"),
  ],
};

const reportingPeriods: ListSpec = {
  key: "reportingPeriods",
  versioning: true,
  access: "coordinated",
  title: LIST_TITLES.reportingPeriods,
  description: "Quarterly rounds of updates; closing one stores its figures",
  titleColumn: { title: "Period" },
  columns: [
    lookup("Plan", "Plan", "plans"),
    date("StartsOn", "Starts on"),
    date("UpdateDeadline", "Update deadline"),
    date("ReportDate", "Report date"),
    { type: "choice", name: "PeriodState", title: "State", choices: PERIOD_STATES, indexed: true },
    date("ClosedOn", "Closed on"),
    { type: "date", name: "ClosedAt", title: "Closed at", withTime: true },
    // "YYYY-MM-DD reason", a line per reopening of a period closed by mistake (periods/reopen.ts).
    note("Reopenings", "Reopened"),
    // planFigures as JSON, frozen when the period closes, so the next report can say what changed.
    note("Snapshot", "Figures snapshot"),
  ],
};

const sroPosts: ListSpec = {
  key: "sroPosts",
  versioning: true,
  access: "coordinated",
  title: LIST_TITLES.sroPosts,
  description: "Senior Responsible Officer posts, who holds them and who covers them",
  // Imports match posts by title, so a title names one post.
  titleColumn: { title: "Post title", indexed: true, unique: true },
  columns: [
    { type: "person", name: "Holder", title: "Holder", indexed: true },
    { type: "person", name: "Delegate", title: "Delegate", indexed: true },
    date("DelegateFrom", "Delegate covers from"),
    date("DelegateTo", "Delegate covers to"),
  ],
};

const reminderLog: ListSpec = {
  key: "reminderLog",
  versioning: false,
  access: "senders",
  title: LIST_TITLES.reminderLog,
  description: "Every reminder sent or attempted; the key makes sending idempotent",
  titleColumn: { title: "Summary" },
  columns: [
    { ...text("ReminderKey", "Key"), indexed: true, unique: true, required: true },
    { type: "person", name: "Recipient", title: "Recipient", indexed: true },
    lookup("Action", "Action", "actions"),
    lookup("Plan", "Plan", "plans"),
    lookup("Period", "Reporting period", "reportingPeriods"),
    { ...text("ReminderKind", "Kind", 50), indexed: true },
    {
      type: "choice",
      name: "DeliveryStatus",
      title: "Delivery status",
      choices: DELIVERY_STATUSES,
      indexed: true,
    },
    { type: "date", name: "SentAt", title: "Sent at", withTime: true },
    { type: "number", name: "Attempts", title: "Attempts", min: 0 },
    note("LastError", "Last error"),
    // The chat the digest went to (so the next run reuses it rather than creating it) and the digest's id,
    // sent as the card's attachment id: a run that finds this entry Pending looks for it in that chat.
    text("ChatId", "Chat id"),
    text("DigestId", "Digest id", 64),
  ],
};

// One item per site (Title "reminders"): whichever reminder run (the timer's, or a coordinator's "Chase now")
// holds it sends, the others wait or stop. Written with an ETag (If-Match), so two runs racing for it cannot
// both win; the unique Title refuses a second item. See src/notify/reminders/run-lease.ts.
const reminderRuns: ListSpec = {
  key: "reminderRuns",
  versioning: false,
  access: "senders",
  title: LIST_TITLES.reminderRuns,
  description: "Which reminder run is sending now, and until when: one at a time per site",
  titleColumn: { title: "Lease", indexed: true, unique: true },
  columns: [
    // Who runs it: a UPN, or the app for an app-only run; the host and process, to find it.
    text("HeldBy", "Held by"),
    text("HeldOn", "Host"),
    { type: "number", name: "ProcessId", title: "Process id", min: 0 },
    text("RunName", "Run"),
    { type: "date", name: "StartedAt", title: "Started at", withTime: true },
    // Empty when no run holds it; a run that was killed stops blocking others once this has passed.
    { type: "date", name: "ExpiresAt", title: "Expires at", withTime: true },
    text("RunId", "Run id", 64),
  ],
};

/** The schema this version of the app expects. Lists are in creation order (lookup targets first is not
 * required: provisioning creates every list before any column). */
export const SCHEMA: SchemaSpec = {
  version: SCHEMA_VERSION,
  lists: [
    plans,
    sroPosts,
    recommendations,
    reportingPeriods,
    actions,
    progressUpdates,
    targetDateChanges,
    reminderLog,
    reminderRuns,
  ],
};

/** The description provisioning writes on a list: our marker, what it holds and the schema version. */
export function listDescription(list: ListSpec, version: number): string {
  return `${SCHEMA_MARKER}: ${list.description} (schema ${String(version)})`;
}

/** The schema version recorded in a list description, or null when there is none. */
export function versionInDescription(description: string): number | null {
  const match = /\(schema (\d+)\)\s*$/.exec(description);
  return match?.[1] === undefined ? null : Number(match[1]);
}
