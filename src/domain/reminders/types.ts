// What the reminder rules read and what they return. Plain data, so the job can log it, print it with
// --dry-run --json, and the cards can be built from it without going back to SharePoint.
import type { IsoDate } from "../iso-date.ts";
import type { Action, Plan, ProgressUpdate, ReportingPeriod, SroPost } from "../types.ts";
import type { ReminderSettings } from "./settings.ts";

/**
 * Why a reminder goes out. The SRO (or the delegate covering the post) gets the first four; the SRO's
 * manager, or the plan's coordinator when there is no manager, gets the escalations.
 */
export const REMINDER_KINDS = [
  "target-near",
  "target-passed",
  "update-due",
  "update-late",
  "escalation-update",
  "escalation-overdue",
] as const;
/** One of REMINDER_KINDS. */
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Who a reminder is for, in relation to the action. */
export type RecipientRole = "sro" | "delegate" | "manager" | "coordinator";

/** A plan as the rules see it: the domain Plan, plus the day it closed (closed plans are not chased). */
export type ReminderPlan = Plan & { closedOn?: IsoDate | null };

/** The slice of the directory the rules need: line managers and each plan's named coordinator. */
export interface ReminderDirectory {
  /** UPN to the UPN of their manager; a person missing here, or mapped to null, has no manager. */
  managers: Readonly<Record<string, string | null>>;
  /** Plan id to the UPN of its named coordinator (the PMO officer escalations fall back to). */
  coordinators: Readonly<Record<string, string | null>>;
}

/** Everything `selectDueReminders` reads: the plans with their actions, updates, periods and people. */
export interface ReminderInput {
  plans: readonly ReminderPlan[];
  actions: readonly Action[];
  updates: readonly ProgressUpdate[];
  periods: readonly ReportingPeriod[];
  sroPosts: readonly SroPost[];
  directory: ReminderDirectory;
  /** Keys of reminders already sent (the reminder log); see `reminderKey`. */
  sentKeys: Iterable<string>;
  /** Plan id to its settings; a plan missing here uses DEFAULT_REMINDER_SETTINGS. */
  settings?: Readonly<Record<string, ReminderSettings>>;
}

/** One reminder owed to one person about one action, with what a card needs to show it. */
export interface Reminder {
  /** Stable: the same reminder has the same key on every run, so the log can stop a second send. */
  key: string;
  kind: ReminderKind;
  recipientUpn: string;
  role: RecipientRole;
  /**
   * The working day the rules scheduled it for. Earlier than today when a run was missed and this is the
   * catch-up (the key carries this day, not today, so catching up never sends twice).
   */
  dueOn: IsoDate;
  planId: string;
  planTitle: string;
  actionId: string;
  actionRef: string;
  actionText: string;
  /** The SRO post's title as the plan gives it; null when the plan names none. */
  sroPost: string | null;
  /** Who the SRO reminders go to today (holder or covering delegate): for escalations, who is late. */
  sroUpn: string | null;
  targetDate: IsoDate | null;
  /** The period an update is owed for (update and escalation-update reminders); null otherwise. */
  period: { id: string; title: string; updateDeadline: IsoDate } | null;
  /**
   * Working days from the date this reminder is about (target date, or update deadline) to today:
   * negative while it is still ahead ("due in 3 working days"), 0 on the day, positive when late.
   */
  workingDaysLate: number;
  /** The date of the action's latest progress update on or before today; null when it has none. */
  lastUpdateOn: IsoDate | null;
}

/** Everything one person is owed in this run: one card, however many actions. */
export interface ReminderDigest {
  recipientUpn: string;
  reminders: Reminder[];
}

/** A reminder the rules could not route to anyone, so that a coordinator can fix the data. */
export interface UnroutedReminder {
  kind: ReminderKind;
  planId: string;
  actionId: string;
  actionRef: string;
  dueOn: IsoDate;
  reason: "no SRO post" | "unknown SRO post" | "post vacant and not covered" | "no manager or coordinator";
}

/** What a run should send, one digest per recipient, plus what it could not route. */
export interface ReminderSelection {
  today: IsoDate;
  digests: ReminderDigest[];
  unrouted: UnroutedReminder[];
}
