// Whether the daily job is still running: the Reminder Runs list records the last run (its lease item,
// given up as the run finishes), and a site whose last run is older than the last working day before today
// has a stopped job. Working days are England and Wales's (the job runs for the whole site, not one plan).
import { londonDate } from "../../lib/clock.ts";
import type { IsoDate } from "../../domain/index.ts";
import { addWorkingDays } from "../../domain/reminders/index.ts";
import { formatUkDate } from "../../domain/iso-date.ts";
import { readLastRun, type LastRun } from "../../notify/reminders/lease-item.ts";
import type { DataContext } from "../../sharepoint/core/index.ts";
import { describeCliError } from "../errors.ts";
import type { CheckResult } from "./checks.ts";

const CHECK = "last reminder run";

const WHEN = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/London",
});

/** The finding for the last recorded run (null: none yet) on `today` (Europe/London). */
export function lastRunFinding(lastRun: LastRun | null, today: IsoDate): CheckResult {
  if (lastRun === null)
    return {
      check: CHECK,
      ok: true,
      lines: ["no reminder run is recorded in the Reminder Runs list yet"],
      warnings: [
        "the daily job has not run on this site yet: it runs at 08:30 (UK time) once the Function App is deployed; if a working day passes without a run, check the Function App's Monitor blade and Application Insights",
      ],
    };
  const finished = new Date(lastRun.finishedAt);
  const day = londonDate(finished) as IsoDate;
  const lastWorkingDay = addWorkingDays(today, -1);
  if (day < lastWorkingDay)
    return {
      check: CHECK,
      ok: false,
      lines: [
        `the daily job has not run since ${formatUkDate(day)}: check the Function App's Monitor blade and Application Insights`,
      ],
    };
  const which =
    day >= today
      ? "today"
      : day === lastWorkingDay
        ? "the last working day"
        : `since the last working day (${formatUkDate(lastWorkingDay)})`;
  return {
    check: CHECK,
    ok: true,
    lines: [
      `the last run (${lastRun.holder.run}, as ${lastRun.holder.who}) finished on ${WHEN.format(finished)} (UK time), ${which}`,
    ],
  };
}

/** Read the Reminder Runs list and say whether the daily job has run since the last working day. */
export async function checkLastRun(ctx: DataContext, today: IsoDate): Promise<CheckResult> {
  try {
    return lastRunFinding(await readLastRun(ctx), today);
  } catch (error) {
    return {
      check: CHECK,
      ok: false,
      lines: [`cannot read the Reminder Runs list: ${describeCliError(error)}`],
    };
  }
}
