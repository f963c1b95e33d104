// How far the app's inputs may reach, said once so the tab's forms, the data layer's write schemas, the
// import's cell checks and the lists' column sizes (src/sharepoint/schema/schema.ts) all hold the same bounds.
import type { IsoDate } from "./iso-date.ts";

/** The first day the app accepts anywhere a date is given. */
export const EARLIEST_DATE = "1900-01-01" as IsoDate;
/**
 * The last day the app accepts. A plan runs for years, not millennia: 9999-12-01 is a slip of the keyboard,
 * and a figure counting month ends up to it would count them for eight thousand years.
 */
export const LATEST_DATE = "2100-12-31" as IsoDate;

/** Whether a date lies within 1900–2100 (ISO dates compare as strings). */
export function isWithinDateRange(date: IsoDate): boolean {
  return date >= EARLIEST_DATE && date <= LATEST_DATE;
}

/** The sentence a refusal ends with, after naming the date that is out of range. */
export const DATE_RANGE_ADVICE = "is outside 1900–2100; give a date within the plan's life, e.g. 2024-04-09.";

/**
 * The most characters the app writes into a multi-line (Note) column: update text, reasons, action text.
 * SharePoint's multi-line columns (SPFieldMultiLineText) have no MaxLength property, so the write path holds
 * this itself; 60,000 stays under the 63,999 characters usually given as such a column's capacity.
 */
export const LONG_TEXT_LIMIT = 60_000;

/** A single-line text column's size in SharePoint (Title included): its MaxLength cannot exceed 255. */
export const SHORT_TEXT_LIMIT = 255;

/** The size of a ref column ("2.6", "R14.3(b)"): what the lists give Ref, so a longer ref is refused. */
export const REF_LIMIT = 20;

/** "60,000": a limit as people read it. */
export function formatLimit(n: number): string {
  return n.toLocaleString("en-GB");
}

/** "The update is 61,200 characters long; the most it can hold is 60,000." */
export function tooLongMessage(what: string, length: number, limit: number): string {
  return `${what} is ${formatLimit(length)} characters long; the most it can hold is ${formatLimit(limit)}.`;
}
