// The lists' titles and the fixed choices data access reads, apart from the schema's column declarations
// (schema.ts) so that a screen reading lists does not load what provisioning needs.

export type ListKey =
  | "plans"
  | "recommendations"
  | "actions"
  | "progressUpdates"
  | "targetDateChanges"
  | "reportingPeriods"
  | "sroPosts"
  | "reminderLog"
  | "reminderRuns";

/** The list titles by key, as provisioning creates them and data access finds them. */
export const LIST_TITLES: Record<ListKey, string> = {
  plans: "Plans",
  recommendations: "Recommendations",
  actions: "Actions",
  progressUpdates: "Progress Updates",
  targetDateChanges: "Target Date Changes",
  reportingPeriods: "Reporting Periods",
  sroPosts: "SRO Posts",
  reminderLog: "Reminder Log",
  reminderRuns: "Reminder Runs",
};

/** The UK nations whose bank holidays a plan's reminders count (a Plans item's Nation choice). */
export const NATION_CHOICES = ["England and Wales", "Scotland", "Northern Ireland"] as const;

export const CHANGE_STATUSES = ["Requested", "Approved", "Declined", "Withdrawn"] as const;
export const PERIOD_STATES = ["Open", "Closed"] as const;
export const DELIVERY_STATUSES = ["Pending", "Sent", "Failed", "Skipped"] as const;
