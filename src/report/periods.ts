// Which period a report is on, and which earlier report it is compared with.
import type { ReportingPeriod } from "../domain/types.ts";

/** The period asked for does not exist (or the plan has none); the message lists what there is. */
export class ReportPeriodError extends Error {
  override readonly name = "ReportPeriodError";
}

const byReportDate = (a: ReportingPeriod, b: ReportingPeriod): number =>
  a.reportDate < b.reportDate ? -1 : a.reportDate > b.reportDate ? 1 : 0;

function titles(periods: readonly ReportingPeriod[]): string {
  return [...periods]
    .sort(byReportDate)
    .map((p) => `"${p.title}"`)
    .join(", ");
}

/**
 * The period reported on: the one titled `title` (ignoring case and spaces at either end), else the open
 * period, else the latest closed one by report date. The period compared with is the last closed period
 * with frozen figures whose report date is before it; null for a plan's first report.
 */
export function choosePeriods(
  periods: readonly ReportingPeriod[],
  title?: string,
): { period: ReportingPeriod; previous: ReportingPeriod | null } {
  if (periods.length === 0)
    throw new ReportPeriodError(
      "The plan has no reporting periods yet, so there is nothing to report on: open one first.",
    );
  const sorted = [...periods].sort(byReportDate);
  let period: ReportingPeriod | undefined;
  if (title !== undefined && title.trim() !== "") {
    const wanted = title.trim().toLocaleLowerCase("en-GB");
    period = sorted.find((p) => p.title.trim().toLocaleLowerCase("en-GB") === wanted);
    if (period === undefined)
      throw new ReportPeriodError(
        `The plan has no reporting period called "${title.trim()}"; its periods are ${titles(periods)}.`,
      );
  } else {
    period = sorted.find((p) => p.state === "open") ?? sorted[sorted.length - 1];
  }
  if (period === undefined) throw new ReportPeriodError("The plan has no reporting periods.");
  const chosen = period;
  const earlier = sorted.filter(
    (p) =>
      p.id !== chosen.id && p.state === "closed" && p.snapshot !== null && p.reportDate < chosen.reportDate,
  );
  return { period: chosen, previous: earlier[earlier.length - 1] ?? null };
}
