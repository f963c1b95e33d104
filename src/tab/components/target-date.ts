// A target date in words: "31 May 2024", with "was 31 Mar 2024" when it has been moved from the baseline,
// and the plan's own text when it names no date ("Ongoing", "TBC").
import { formatUkDate } from "../../domain/iso-date.ts";
import type { TargetDate } from "../../domain/types.ts";

/** The current target date as people read it. */
export function targetDateText(target: TargetDate): string {
  if (target.due !== null) return formatUkDate(target.due);
  const written = target.text.trim();
  return written === "" ? "No target date" : written;
}

/** The current target date, with "(was …)" after it when it differs from the baseline. */
export function targetWithMoveText(current: TargetDate, baseline: TargetDate): string {
  const now = targetDateText(current);
  return current.due === baseline.due ? now : `${now} (was ${targetDateText(baseline)})`;
}
