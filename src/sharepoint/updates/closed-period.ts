// A closed period takes no more updates. The SRO may have opened the form while the period was open; the
// period is read again just before their update is added, and a closed one refuses it in words that say when
// it closed and where the update will go instead (their text stays in the form to save again).
import { formatUkDate, type IsoDate } from "../../domain/index.ts";
import { allRows, firstPage } from "../core/batch.ts";
import { orNullIfGone } from "../core/conflict.ts";
import { listOf, MAX_PAGE, type DataContext } from "../core/context.ts";
import { inputRefused } from "../core/input-bounds.ts";
import { eq } from "../core/odata.ts";
import { itemId, toPeriod, type PeriodRecord } from "../schema/records.ts";
import { PERIOD_SELECT, periodItemSchema, readRow } from "../schema/rows.ts";
import { periodRecords, readableSnapshot } from "../schema/shared-reads.ts";

const clock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/**
 * "The Q1 2024/25 period closed at 14:02 and takes no more updates — …": why an update for a closed period
 * was not saved (the tab says "Your update was not saved." before it).
 */
export function closedPeriodWords(closed: PeriodRecord, next: PeriodRecord | null, today: IsoDate): string {
  const at =
    closed.closedAt !== undefined && closed.closedAt !== null && !Number.isNaN(Date.parse(closed.closedAt))
      ? ` at ${clock.format(new Date(closed.closedAt))}`
      : "";
  const where =
    next === null
      ? ", and the next period has not been opened yet: the update can go in once a coordinator opens it"
      : ` — it will go into ${next.title}, which ${next.startsOn > today ? "opens" : "opened"} on ${formatUkDate(next.startsOn)}`;
  return `The ${closed.title} period closed${at} and takes no more updates${where}.`;
}

/**
 * Refuse (in words) an update for period `periodId` when that period has closed. Reads the period (one
 * request); only when it is closed, the plan's periods too, to name the next one.
 */
export async function refuseIfPeriodClosed(
  ctx: DataContext,
  periodId: string,
  today: IsoDate,
): Promise<void> {
  const row: unknown = await orNullIfGone(
    listOf(ctx.sp, "reportingPeriods")
      .items.getById(itemId(periodId, "reporting period"))
      .select(...PERIOD_SELECT)(),
  );
  if (row === null) return;
  const period = readRow(periodItemSchema, row, "reportingPeriods", (r) => toPeriod(r, readableSnapshot));
  if (period.state !== "closed") return;
  const page = await firstPage(
    listOf(ctx.sp, "reportingPeriods")
      .items.select(...PERIOD_SELECT)
      .filter(eq("PlanId", itemId(period.planId, "plan")))
      .top(MAX_PAGE),
  );
  const periods = periodRecords(await allRows(ctx.sp, page), ctx.warnings);
  const next =
    periods.find((p) => p.state === "open") ??
    periods
      .filter((p) => p.startsOn > period.startsOn)
      .sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1))[0] ??
    null;
  throw inputRefused(closedPeriodWords(period, next, today));
}
