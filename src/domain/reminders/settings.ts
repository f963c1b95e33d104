// The reminder rules a plan can tune (issue 5: "the rules are settings of the plan, with these defaults").
// Stored settings are parsed with a schema so that a hand-edited SharePoint value cannot make the job send
// every day or never: anything missing takes the default, anything out of range is refused with a reason.
import { officerPredicate, z } from "../../lib/zod.ts";

/** How often and when reminders and escalations go out; every count of days is in working days unless named. */
export interface ReminderSettings {
  /** Working days before an open action's target date to remind its SRO (default 14 and 3). */
  targetNearWorkingDays: number[];
  /** Working days after the target date for the first "target date passed" reminder (default 1). */
  targetPassedAfterWorkingDays: number;
  /** Calendar days between "target date passed" reminders while the action stays open; 0 = once. */
  targetPassedRepeatDays: number;
  /** Working days before a period's update deadline to ask for the update; 0 = on the deadline (7 and 0). */
  updateDueWorkingDays: number[];
  /** Working days between reminders while the update is late; 0 = none after the deadline (default 3). */
  updateLateRepeatWorkingDays: number;
  /** Escalate to the SRO's manager once the update is more than this many working days late (default 5). */
  escalateUpdateLateAfterWorkingDays: number;
  /** Escalate once the action is more than this many months past its target date (default 1). */
  escalateOverdueAfterMonths: number;
  /** Calendar days between repeated escalations while still late; 0 = escalate once (default 28). */
  escalationRepeatDays: number;
}

/** The defaults from issue 5, plus a four-weekly repeat of escalations (the issue leaves repeats open). */
export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({
  targetNearWorkingDays: [14, 3],
  targetPassedAfterWorkingDays: 1,
  targetPassedRepeatDays: 7,
  updateDueWorkingDays: [7, 0],
  updateLateRepeatWorkingDays: 3,
  escalateUpdateLateAfterWorkingDays: 5,
  escalateOverdueAfterMonths: 1,
  escalationRepeatDays: 28,
});

// A year of working days is the most any offset could sensibly be; anything bigger is a typo.
const days = (min: number) => z.int().check(z.minimum(min), z.maximum(260));
const offsets = z.pipe(
  z.array(days(0)).check(z.maxLength(10)),
  z.transform((list: number[]) => [...new Set(list)].sort((a, b) => b - a)),
);

/** The schema for stored reminder settings: every field optional, defaults filled in, ranges checked. */
export const reminderSettingsSchema = z.strictObject({
  targetNearWorkingDays: z._default(offsets, [...DEFAULT_REMINDER_SETTINGS.targetNearWorkingDays]),
  targetPassedAfterWorkingDays: z._default(days(1), DEFAULT_REMINDER_SETTINGS.targetPassedAfterWorkingDays),
  targetPassedRepeatDays: z._default(days(0), DEFAULT_REMINDER_SETTINGS.targetPassedRepeatDays),
  updateDueWorkingDays: z._default(offsets, [...DEFAULT_REMINDER_SETTINGS.updateDueWorkingDays]),
  updateLateRepeatWorkingDays: z._default(days(0), DEFAULT_REMINDER_SETTINGS.updateLateRepeatWorkingDays),
  escalateUpdateLateAfterWorkingDays: z._default(
    days(0),
    DEFAULT_REMINDER_SETTINGS.escalateUpdateLateAfterWorkingDays,
  ),
  escalateOverdueAfterMonths: z._default(
    z.int().check(z.minimum(0), z.maximum(24)),
    DEFAULT_REMINDER_SETTINGS.escalateOverdueAfterMonths,
  ),
  escalationRepeatDays: z._default(days(0), DEFAULT_REMINDER_SETTINGS.escalationRepeatDays),
});

/**
 * The settings a plan stores (a JSON object, possibly partial, possibly absent), with defaults filled in.
 * Throws a RangeError naming every problem, so a bad value fails the run loudly rather than silently.
 */
export function parseReminderSettings(stored: unknown): ReminderSettings {
  const result = reminderSettingsSchema.safeParse(stored ?? {}, { error: officerPredicate });
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join(".") || "settings"}: ${issue.message}`,
  );
  throw new RangeError(`Invalid reminder settings: ${problems.join("; ")}`);
}
