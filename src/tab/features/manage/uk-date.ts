// Days as a UK coordinator types them: "30/06/2024", "30-6-24", "30 June 2024", "30 Jun 24", or ISO
// "2024-06-30". Day before month, always (en-GB); a month or a year alone is not a day, so it is refused.
import {
  dateFromParts,
  formatUkDate,
  isWithinDateRange,
  monthName,
  toIsoDate,
  type IsoDate,
} from "../../../domain/index.ts";

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

// "Jun", "June", "Sept", "Sep.": any start of a month's English name of three letters or more.
function monthNumber(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, "");
  if (lower.length < 3) return null;
  for (let month = 1; month <= 12; month++)
    if (monthName(month).toLowerCase().startsWith(lower)) return month;
  return null;
}

/** The day a text names, or null when it names none (or not one day). */
export function parseUkDay(text: string): IsoDate | null {
  const trimmed = text.trim().replace(/\s+/g, " ");
  const iso = toIsoDate(trimmed);
  if (iso !== null) return iso;
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(trimmed);
  if (numeric !== null)
    return dateFromParts(fullYear(numeric[3] ?? ""), Number(numeric[2]), Number(numeric[1]));
  const words = /^(?:[a-z]+,? )?(\d{1,2})(?:st|nd|rd|th)? ([a-z.]+),? (\d{4}|\d{2})$/i.exec(trimmed);
  if (words === null) return null;
  const month = monthNumber(words[2] ?? "");
  return month === null ? null : dateFromParts(fullYear(words[3] ?? ""), month, Number(words[1]));
}

/** A day field's reading: the day, or why it is not one (in words, for the field's message). */
export function readDay(
  text: string,
  what: string,
  required: boolean,
): { day: IsoDate | null; problem?: string } {
  if (text.trim() === "")
    return required ? { day: null, problem: `Enter ${what}, for example 30/06/2024.` } : { day: null };
  const day = parseUkDay(text);
  if (day === null)
    return {
      day: null,
      problem: `${capitalise(what)} is not a day that can be read: write it as 30/06/2024 or 30 June 2024.`,
    };
  if (!isWithinDateRange(day))
    return { day: null, problem: `${formatUkDate(day)} is outside 1900–2100: check the year.` };
  return { day };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
