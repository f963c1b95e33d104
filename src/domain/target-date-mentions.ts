// Reads one date mention ("May-24", "10 Apr 2024", "Spring 2024", "Q1 2024/25") from the tokens of a target
// date, and works out the last day it names for a given year. `parseTargetDate` decides which mention counts.
import type { IsoDate } from "./iso-date.ts";
import { dateFromParts, dateParts, lastDayOfMonth } from "./iso-date.ts";
import type { Season, Token } from "./target-date-tokens.ts";

/** One date named in a target date text; `year` is null when the text gives none. */
export type Mention =
  | { kind: "date"; year: number | null; month: number; day: number }
  | { kind: "month"; year: number | null; month: number }
  | { kind: "season"; year: number | null; season: Season }
  | { kind: "quarter"; year: number | null; quarter: number; calendar: boolean }
  | { kind: "fy"; year: number };

const YEAR_PUNCT = new Set(["-", "/", ",", "'"]);
const SEASON_END_MONTH: Readonly<Record<Season, number>> = { spring: 5, summer: 8, autumn: 11, winter: 2 };

/** The mention starting at token `i` and the index after it, or null when no date starts there. */
export function readMention(tokens: readonly Token[], i: number): { mention: Mention; next: number } | null {
  const token = tokens[i];
  if (!token) return null;
  switch (token.kind) {
    case "date":
      return { mention: { kind: "date", year: token.year, month: token.month, day: token.day }, next: i + 1 };
    case "number": {
      const fy = readFinancialYear(tokens, i);
      if (fy) return { mention: { kind: "fy", year: fy.year }, next: fy.next };
      const following = tokens[i + 1];
      const ofWord = following?.kind === "word" && following.word === "of";
      const monthToken = tokens[i + (ofWord ? 2 : 1)];
      if (token.digits > 2 || token.value < 1 || token.value > 31 || monthToken?.kind !== "month")
        return null;
      const year = readYear(tokens, i + (ofWord ? 3 : 2));
      const mention: Mention = { kind: "date", year: year.year, month: monthToken.month, day: token.value };
      return { mention, next: year.next };
    }
    case "month": {
      const numberAt = YEAR_PUNCT.has(punctAt(tokens, i + 1)) ? i + 2 : i + 1;
      const number = tokens[numberAt];
      const afterAt = tokens[numberAt + 1]?.kind === "punct" ? numberAt + 2 : numberAt + 1;
      const after = tokens[afterAt];
      if (number?.kind === "number" && number.digits <= 2 && after?.kind === "number" && after.digits === 4) {
        // "April 10, 2024": month, day, year.
        const mention: Mention = { kind: "date", year: after.value, month: token.month, day: number.value };
        return { mention, next: afterAt + 1 };
      }
      if (number?.kind === "number" && number.digits === 1) {
        return {
          mention: { kind: "date", year: null, month: token.month, day: number.value },
          next: numberAt + 1,
        };
      }
      const year = readYear(tokens, i + 1);
      return { mention: { kind: "month", year: year.year, month: token.month }, next: year.next };
    }
    case "season": {
      const fy = readFinancialYear(tokens, i + 1);
      if (fy) return { mention: { kind: "season", year: fy.year, season: token.season }, next: fy.next };
      const year = readYear(tokens, i + 1);
      return { mention: { kind: "season", year: year.year, season: token.season }, next: year.next };
    }
    case "quarter": {
      const fy = readFinancialYear(tokens, i + 1);
      if (fy)
        return {
          mention: { kind: "quarter", year: fy.year, quarter: token.quarter, calendar: false },
          next: fy.next,
        };
      const year = readYear(tokens, i + 1);
      const mention: Mention = {
        kind: "quarter",
        year: year.year,
        quarter: token.quarter,
        calendar: year.year !== null,
      };
      return { mention, next: year.next };
    }
    default:
      return null;
  }
}

function punctAt(tokens: readonly Token[], i: number): string {
  const token = tokens[i];
  return token?.kind === "punct" ? token.char : "";
}

// A year after a month or day: "-24", " 2024", "'24". A two-digit number followed by a month is the next
// date's day ("Jan - 24 Mar"), not a year.
function readYear(tokens: readonly Token[], i: number): { year: number | null; next: number } {
  const at = YEAR_PUNCT.has(punctAt(tokens, i)) ? i + 1 : i;
  const token = tokens[at];
  if (token?.kind !== "number" || (token.digits !== 2 && token.digits !== 4)) return { year: null, next: i };
  if (token.digits === 2 && tokens[at + 1]?.kind === "month") return { year: null, next: i };
  return { year: token.digits === 2 ? 2000 + token.value : token.value, next: at + 1 };
}

// "2024/25", "2024-25", "24/25": a financial year (April to March), named by the year it starts.
function readFinancialYear(tokens: readonly Token[], i: number): { year: number; next: number } | null {
  const start = tokens[i];
  const end = tokens[i + 2];
  if (start?.kind !== "number" || end?.kind !== "number" || !["/", "-"].includes(punctAt(tokens, i + 1)))
    return null;
  if ((start.digits !== 2 && start.digits !== 4) || (end.digits !== 2 && end.digits !== 4)) return null;
  const startYear = start.digits === 2 ? 2000 + start.value : start.value;
  if ((startYear + 1) % 100 !== end.value % 100) return null;
  return { year: startYear, next: i + 3 };
}

/** The earliest occurrence of a yearless mention whose last day is on or after `reference`. */
export function firstOnOrAfter(mention: Mention, reference: IsoDate): IsoDate | null {
  const { year } = dateParts(reference);
  // Starting a year early catches Winter and Q4, which end in the calendar year after the one they start in;
  // eight years on is enough for the next 29 February.
  for (let y = year - 1; y <= year + 8; y += 1) {
    const due = dueIn(mention, y);
    if (due !== null && due >= reference) return due;
  }
  return null;
}

/** The last day a mention names in `year` (for Winter and quarters, the year they start in). */
export function dueIn(mention: Mention, year: number): IsoDate | null {
  switch (mention.kind) {
    case "date":
      return dateFromParts(year, mention.month, mention.day);
    case "month":
      return monthEnd(year, mention.month);
    case "season":
      return monthEnd(mention.season === "winter" ? year + 1 : year, SEASON_END_MONTH[mention.season]);
    case "quarter":
      if (mention.calendar) return monthEnd(year, mention.quarter * 3);
      return mention.quarter === 4 ? monthEnd(year + 1, 3) : monthEnd(year, mention.quarter * 3 + 3);
    case "fy":
      return monthEnd(year + 1, 3);
  }
}

// Null outside the four-digit years an IsoDate can hold ("Winter 9999" would end in 10000).
function monthEnd(year: number, month: number): IsoDate | null {
  return dateFromParts(year, month, 1) === null ? null : lastDayOfMonth(year, month);
}
