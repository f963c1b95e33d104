// The checks "Ask to move the target date" makes before sending, in the officer's words: the same rules the
// data layer enforces (a readable date, after today, unlike the current one, a reason), said at the field.
import {
  formatUkDate,
  isWithinDateRange,
  LONG_TEXT_LIMIT,
  parseTargetDate,
  tooLongMessage,
  type IsoDate,
  type TargetDate,
} from "../../../domain/index.ts";

export interface DateChangeProblems {
  toText?: string;
  reason?: string;
}

/** What is wrong with a request for `current`, asked on `today`; empty when it may be sent. */
export function dateChangeProblems(
  input: { toText: string; reason: string },
  current: TargetDate,
  referenceDate: IsoDate | null,
  today: IsoDate,
): DateChangeProblems {
  const problems: DateChangeProblems = {};
  const due = parseTargetDate(input.toText, referenceDate === null ? {} : { referenceDate }).due;
  if (input.toText.trim() === "")
    problems.toText = "Enter the new target date, for example 30 September 2025.";
  else if (due === null)
    problems.toText = "Enter a date that can be read, for example 30 September 2025 or Sept-25.";
  else if (!isWithinDateRange(due))
    problems.toText = `That reads as ${formatUkDate(due)}, outside 1900–2100: enter a date within the plan's life, for example 30 September 2025.`;
  else if (due <= today)
    problems.toText = `The new date must be after today (${formatUkDate(today)}): ${formatUkDate(due)} is not.`;
  else if (due === current.due)
    problems.toText = `The target date is already ${formatUkDate(due)}: enter a different date.`;
  const reason = input.reason.trim();
  if (reason === "") problems.reason = "Give the reason the date needs to move.";
  else if (reason.length > LONG_TEXT_LIMIT)
    problems.reason = `${tooLongMessage("The reason", reason.length, LONG_TEXT_LIMIT)} Shorten it, or put the detail in a document and link to it.`;
  return problems;
}
