// "Update 5 days late": whole days past the open period's update deadline while an open action still owes
// its update for that period. The same words on My actions, the action page, the plan table and the cards.
import { daysBetween, type IsoDate } from "../../domain/iso-date.ts";

/** "Update 1 day late", "Update 5 days late". */
export function lateWords(days: number): string {
  return days === 1 ? "Update 1 day late" : `Update ${String(days)} days late`;
}

/** Days late (0 when not late or not owed): `latestPeriodId` is the period the last update counted towards. */
export function updateDaysLate(
  period: { id: string; updateDeadline: IsoDate } | null,
  latestPeriodId: string | null | undefined,
  complete: boolean,
  today: IsoDate,
): number {
  if (period === null || complete || latestPeriodId === period.id) return 0;
  return today > period.updateDeadline ? daysBetween(period.updateDeadline, today) : 0;
}
