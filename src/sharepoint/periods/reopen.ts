// Reopening a period closed by mistake: a coordinator gives the reason, which the period keeps (a line in
// Reporting Periods.Reopenings; versioning keeps who and when). Only until the next period is opened: after
// that, updates and reminders have moved on, and reopening would leave two periods taking updates.
import { formatUkDate, type IsoDate } from "../../domain/index.ts";
import { ConflictError, isStaleETag } from "../core/conflict.ts";
import type { DataContext } from "../core/context.ts";
import { sharePointDateOrNull } from "../core/dates.ts";
import { boundedText, inputRefused } from "../core/input-bounds.ts";
import { causeOf, updateItem, writeTogether } from "../core/writes.ts";
import { itemId, type PeriodRecord } from "../schema/records.ts";
import { loadPeriod, loadPeriods } from "./periods.ts";
import { snapshotJson } from "./snapshot.ts";

const reasonSchema = boundedText(
  "The reason for reopening",
  "Give the reason for reopening it, e.g. 'closed by mistake before the deadline'.",
);

/** The period opened after `period` (or open beside it), which stops it being reopened; null when none. */
export function periodAfter(periods: readonly PeriodRecord[], period: PeriodRecord): PeriodRecord | null {
  return (
    periods.find((p) => p.id !== period.id && (p.state === "open" || p.startsOn > period.startsOn)) ?? null
  );
}

/**
 * Reopen a closed period (as read) on `on`, keeping `reason`. Refused in words while it is open, and once
 * another period has been opened after it. Two requests: the plan's periods, then the period written with
 * its ETag (a 412 becomes ConflictError). Its frozen figures are cleared; closing it again freezes them anew.
 */
export async function reopenPeriod(
  ctx: DataContext,
  period: PeriodRecord,
  reason: string,
  on: IsoDate,
): Promise<PeriodRecord> {
  const why = reasonSchema.parse(reason).replace(/\s+/g, " ");
  if (period.state === "open") throw inputRefused(`'${period.title}' is open already.`);
  const next = periodAfter(await loadPeriods(ctx, period.planId), period);
  if (next !== null)
    throw inputRefused(
      `'${period.title}' cannot be reopened: '${next.title}' has been opened since (from ${formatUkDate(next.startsOn)}). A period can be reopened only until the next one is opened.`,
    );
  const reopenings = [...(period.reopenings ?? []), { on, reason: why }];
  const lines = reopenings.map((r) => `${r.on} ${r.reason}`).join("\n");
  const before = period.reopenings ?? [];
  try {
    const [etag] = await writeTogether(ctx.sp, [
      updateItem(
        "reportingPeriods",
        itemId(period.id, "reporting period"),
        period.etag,
        { PeriodState: "Open", ClosedOn: null, ClosedAt: null, Snapshot: null, Reopenings: lines },
        {
          PeriodState: "Closed",
          ClosedOn: sharePointDateOrNull(period.snapshot?.asOf ?? null),
          ClosedAt: period.closedAt ?? null,
          Snapshot: period.snapshot === null ? null : snapshotJson(period.snapshot),
          Reopenings: before.length === 0 ? null : before.map((r) => `${r.on} ${r.reason}`).join("\n"),
        },
      ),
    ]);
    return { ...period, etag, state: "open", snapshot: null, closedAt: null, reopenings };
  } catch (error) {
    const cause = causeOf(error);
    if (!isStaleETag(cause)) throw cause;
    throw new ConflictError("reporting period", await loadPeriod(ctx, period.id), cause);
  }
}
