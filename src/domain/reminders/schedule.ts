// The reminder series. Each rule yields a series of scheduled working days for one action (or one action
// and one period): 14 and 3 working days before the target date, then the first working day after it and
// weekly; 7 working days before the update deadline, on it, then every 3 working days; and so on.
//
// Catch-up rule: a run sends, for each series, only the latest scheduled day on or before today, and only
// while the series still applies (action open, update still missing, period still open). So a run that was
// missed (job down, or a scheduled day landing on a day nobody ran it) is made good by the next run, once,
// keyed by the day it was scheduled for; while a backlog of stale reminders is never sent, because the
// latest occurrence supersedes the earlier ones and the card shows today's position anyway.
import type { IsoDate } from "../iso-date.ts";
import type { Nation } from "../types.ts";
import { addDays, daysBetween } from "../iso-date.ts";
import { lastDelayedDay } from "../status.ts";
import type { ReminderSettings } from "./settings.ts";
import type { ReminderKind } from "./types.ts";
import {
  addWorkingDays,
  DEFAULT_NATION,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
} from "./working-days.ts";

/** The occurrence of a series that is owed today: its kind and the day it was scheduled for. */
export interface Occurrence {
  kind: ReminderKind;
  dueOn: IsoDate;
}

/** `n` working days before `date`; 0 means the day itself, or the working day before when it is not one. */
export function workingDaysBefore(date: IsoDate, n: number, nation: Nation = DEFAULT_NATION): IsoDate {
  if (n > 0) return addWorkingDays(date, -n, nation);
  return isWorkingDay(date, nation) ? date : addWorkingDays(date, -1, nation);
}

/**
 * The latest of `first`, `first + every`, `first + 2 * every`... (calendar days, each moved on to the next
 * working day) that is on or before today; null before `first`. `every` 0 means `first` only.
 */
export function latestRepeat(
  first: IsoDate,
  everyDays: number,
  today: IsoDate,
  nation: Nation = DEFAULT_NATION,
): IsoDate | null {
  if (today < first) return null;
  if (everyDays <= 0) return first;
  for (let k = Math.floor(daysBetween(first, today) / everyDays); k >= 0; k--) {
    const day = nextWorkingDayOnOrAfter(addDays(first, k * everyDays), nation);
    if (day <= today) return day;
  }
  return first;
}

// Whether `date` is so far ahead that no day `n` working days before it (n up to the largest offset) can be
// on or before today: n working days never span more than 2n + 14 calendar days (weekends, and at most a
// Christmas-and-New-Year run of holidays). Skipping those saves counting back for most actions of a plan.
function tooFarAhead(date: IsoDate, offsets: readonly number[], today: IsoDate): boolean {
  return daysBetween(today, date) > 2 * Math.max(0, ...offsets) + 14;
}

/** The latest of a set of days on or before today (days need not be sorted); null when there is none. */
export function latestOnOrBefore(days: readonly IsoDate[], today: IsoDate): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const day of days) if (day <= today && (latest === null || day > latest)) latest = day;
  return latest;
}

/**
 * Target date near, then passed: what an open action with a target date is owed today, if anything. Working
 * days are counted in the plan's nation (its bank holidays), England and Wales unless given.
 */
export function targetOccurrence(
  due: IsoDate,
  today: IsoDate,
  s: ReminderSettings,
  nation: Nation = DEFAULT_NATION,
): Occurrence | null {
  const firstPassed = addWorkingDays(due, s.targetPassedAfterWorkingDays, nation);
  const passed = latestRepeat(firstPassed, s.targetPassedRepeatDays, today, nation);
  if (passed !== null) return { kind: "target-passed", dueOn: passed };
  if (tooFarAhead(due, s.targetNearWorkingDays, today)) return null;
  const near = latestOnOrBefore(
    s.targetNearWorkingDays.map((n) => workingDaysBefore(due, n, nation)),
    today,
  );
  return near === null ? null : { kind: "target-near", dueOn: near };
}

/** Update due, then late: what an action still owing its update for a period is owed today, if anything. */
export function updateOccurrence(
  deadline: IsoDate,
  today: IsoDate,
  s: ReminderSettings,
  nation: Nation = DEFAULT_NATION,
): Occurrence | null {
  const late = workingDaysBetween(deadline, today, nation);
  const every = s.updateLateRepeatWorkingDays;
  if (late >= every && every > 0) {
    // The last working day on or before today is the `late`-th after the deadline; step back from it to the
    // latest multiple of `every` rather than walk forward from the deadline (periods can stay open long).
    const lastWorkingDay = isWorkingDay(today, nation) ? today : addWorkingDays(today, -1, nation);
    return { kind: "update-late", dueOn: addWorkingDays(lastWorkingDay, -(late % every), nation) };
  }
  if (tooFarAhead(deadline, s.updateDueWorkingDays, today)) return null;
  const due = latestOnOrBefore(
    s.updateDueWorkingDays.map((n) => workingDaysBefore(deadline, n, nation)),
    today,
  );
  return due === null ? null : { kind: "update-due", dueOn: due };
}

/** Escalation of a missing update: from the first working day it is more than the threshold late. */
export function updateEscalation(
  deadline: IsoDate,
  today: IsoDate,
  s: ReminderSettings,
  nation: Nation = DEFAULT_NATION,
): Occurrence | null {
  const first = addWorkingDays(deadline, s.escalateUpdateLateAfterWorkingDays + 1, nation);
  const day = latestRepeat(first, s.escalationRepeatDays, today, nation);
  return day === null ? null : { kind: "escalation-update", dueOn: day };
}

/** Escalation of an overdue action: from the first working day it is more than the threshold months late. */
export function overdueEscalation(
  due: IsoDate,
  today: IsoDate,
  s: ReminderSettings,
  nation: Nation = DEFAULT_NATION,
): Occurrence | null {
  const first = nextWorkingDayOnOrAfter(
    addDays(lastDelayedDay(due, s.escalateOverdueAfterMonths), 1),
    nation,
  );
  const day = latestRepeat(first, s.escalationRepeatDays, today, nation);
  return day === null ? null : { kind: "escalation-overdue", dueOn: day };
}
