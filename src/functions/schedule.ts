// When the daily job runs. It is hosted on the Flex Consumption plan, which is Linux and ignores
// WEBSITE_TIME_ZONE (Microsoft Learn, "Timer trigger for Azure Functions", NCRONTAB time zones), so its timer
// keeps UTC: it fires at 07:30 and 08:30 UTC, Monday to Friday, and only the firing that is 08:30 in London
// runs: 07:30 UTC in British Summer Time, 08:30 UTC in winter. The other firing (07:30 or 09:30 London) stops
// at once. A firing that arrives late still counts as the one it was due as, so a slow start runs late rather
// than not at all; two runs on one day send nothing twice (the Reminder Log and the site's lease).

/** 07:30 and 08:30 UTC, Monday to Friday (NCRONTAB: second minute hour day month weekday). */
export const DAILY_SCHEDULE = "0 30 7,8 * * 1-5";

/** The London time of day the reminders go out. */
export const LONDON_RUN_TIME = "08:30";

/** What the job writes to Application Insights when a run has finished; the missed-run alert looks for it. */
export const RUN_FINISHED_NOTICE = "Daily reminder run finished";

/** What the job writes when a firing is not the London 08:30 one. */
export const RUN_SKIPPED_NOTICE = "Daily reminder timer skipped";

const SLOTS_UTC = [7 * 60 + 30, 8 * 60 + 30];

const LONDON_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The scheduled UTC firing `now` belongs to: the latest of 07:30 and 08:30 UTC that day not after it. */
export function scheduledFiring(now: Date): Date {
  const minutes = now.getUTCHours() * 60 + now.getUTCMinutes();
  const slot = [...SLOTS_UTC].reverse().find((s) => s <= minutes) ?? SLOTS_UTC[0] ?? 0;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 0, slot));
}

/** Whether the timer firing at `now` is the one due at 08:30 in London (the one that runs). */
export function isLondonRunFiring(now: Date): boolean {
  return LONDON_TIME.format(scheduledFiring(now)) === LONDON_RUN_TIME;
}
