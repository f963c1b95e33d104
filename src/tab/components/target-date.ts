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

/** "was …" when the current target differs from the baseline; null when it has not moved. */
export function movedFromText(current: TargetDate, baseline: TargetDate): string | null {
  if (current.due === baseline.due) return null;
  return `was ${targetDateText(baseline)}`;
}
