// The status rules: what an SRO reports, and what the dates say regardless (the Best Value plan's rule:
// Delayed = not complete and up to one month past its target date; Overdue = more than one month past).
import type { Action, ProgressUpdate, Status } from "./types.ts";
import type { IsoDate } from "./iso-date.ts";
import { addMonths, endOfMonth, isEndOfMonth } from "./iso-date.ts";

/** What the status rules need to know about an action. */
export type StatusSubject = Pick<Action, "completedOn"> & { targetDate: Pick<Action["targetDate"], "due"> };

export interface StatusInputs {
  today: IsoDate;
  /** The status the SRO last reported; null when they have reported none. */
  reported: Status | null;
  /** Whole months past the target date before Delayed becomes Overdue; the plan's rule, default 1. */
  overdueAfterMonths?: number;
}

export interface StatusResult {
  /** As the SRO last reported it, or null. */
  reported: Status | null;
  /** What the plan shows. */
  derived: Status;
  /** The SRO reported something and the rules say otherwise (a prompt for the coordinator, not an error). */
  disagrees: boolean;
}

/**
 * The last day an open action counts as Delayed rather than Overdue: `overdueAfterMonths` calendar months
 * after its due date. A due date on a month end moves to the month end (due 30 Apr -> 31 May, 29 Feb ->
 * 31 Mar), so "Apr-24" is Delayed through May and Overdue from 1 June; other days keep their number,
 * clamped to a shorter month (31 Jan -> 29 Feb; 10 Apr -> 10 May).
 */
export function lastDelayedDay(due: IsoDate, overdueAfterMonths = 1): IsoDate {
  const months = Number.isFinite(overdueAfterMonths) ? Math.max(0, Math.floor(overdueAfterMonths)) : 1;
  const moved = addMonths(due, months);
  return isEndOfMonth(due) ? endOfMonth(moved) : moved;
}

/**
 * The status an action shows on `today`. Completed when it was recorded complete on or before today, or the
 * SRO last reported it Completed (the plans count completions from SRO reports, before anyone closes the
 * record). Otherwise, once past its target date: Delayed through `lastDelayedDay`, Overdue after it.
 * Otherwise (on or before its date, or with no date) what the SRO last reported, or Not started.
 */
export function deriveStatus(action: StatusSubject, inputs: StatusInputs): StatusResult {
  const { today, reported } = inputs;
  const derived = derivedStatus(action, today, reported, inputs.overdueAfterMonths ?? 1);
  return { reported, derived, disagrees: reported !== null && reported !== derived };
}

function derivedStatus(
  action: StatusSubject,
  today: IsoDate,
  reported: Status | null,
  months: number,
): Status {
  if (action.completedOn !== null && action.completedOn <= today) return "Completed";
  if (reported === "Completed") return "Completed";
  const due = action.targetDate.due;
  if (due !== null && today > due) return today > lastDelayedDay(due, months) ? "Overdue" : "Delayed";
  return reported ?? "Not started";
}

/**
 * The status the SRO last reported for an action as of `asOf`: from the latest update dated on or before
 * it that carries a status (later in the list wins a tie); null when there is none.
 */
export function latestReportedStatus(
  updates: readonly ProgressUpdate[],
  actionId: string,
  asOf: IsoDate,
): Status | null {
  let latest: ProgressUpdate | undefined;
  for (const update of updates) {
    if (update.actionId !== actionId || update.reportedStatus === null || update.date > asOf) continue;
    if (latest === undefined || update.date >= latest.date) latest = update;
  }
  return latest?.reportedStatus ?? null;
}

// "Complete by April" and "Complete in June" promise a completion; they do not report one. "Completed by
// Full Council" does report one, so the past tense only rules out deadlines ("Completed by the end of May").
const PROMISES =
  "by|in|on|at|for|within|before|when|once|after|during|next|this|end|early|mid|late|following";
const CAVEATS = "subject|pending|apart|except";
const DEADLINES = "by (?:the )?end|within|before|when|once|after";
const OPENS_COMPLETE = new RegExp(String.raw`^\W*complete\b(?!\s*(?:${PROMISES}|${CAVEATS})\b)`, "i");
const OPENS_COMPLETED = new RegExp(String.raw`^\W*completed\b(?!\s*(?:${DEADLINES}|${CAVEATS})\b)`, "i");
// A one-sentence update that ends by saying so: "The LBTH submission has been completed."
const ENDS_COMPLETE =
  /\b(?:(?:has|have) (?:now )?been completed?|(?:is|are) (?:now )?completed?|now complete)\s*[.!]?\s*$/i;
const HEDGE_WORDS = [
  "not yet partially partly almost nearly largely mostly substantially",
  "phase stage part elements? some initial draft first subject but except",
].join(" ");
const HEDGES = new RegExp(String.raw`\b(?:${HEDGE_WORDS.split(" ").join("|")})\b`, "i");

/**
 * The status an old progress update's text implies, for plans imported without a status column. Completed
 * only when the text opens with "Complete"/"Completed" (not "Complete by ...") or is a single unhedged
 * sentence ending "has been completed"/"is complete"; otherwise On target when there is any text, else
 * Not started. Deliberately conservative: "Phase 1 ... complete" stays On target.
 */
export function inferReportedStatus(updateText: string | null | undefined): Status {
  const text = (updateText ?? "").trim();
  if (text === "") return "Not started";
  if (OPENS_COMPLETE.test(text) || OPENS_COMPLETED.test(text)) return "Completed";
  const oneSentence = !/[.;!?:•\n]\s*\S/.test(text);
  if (oneSentence && ENDS_COMPLETE.test(text) && !HEDGES.test(text)) return "Completed";
  return "On target";
}
