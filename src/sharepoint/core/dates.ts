// Calendar dates in SharePoint DateTime columns. SharePoint keeps a date-only value as midnight in the
// site's time zone, sent in UTC: a UK site in summer gives back "2024-05-30T23:00:00Z" for 31 May. So dates
// are written at noon UTC (the same day in every zone from UTC-11 to UTC+11) and read back as the UTC date
// 11h30 later, which recovers the day for a site in any of those zones and for a value stored as written.
import { addDays, toIsoDate, type IsoDate } from "../../domain/index.ts";

const READ_SHIFT_MS = 11.5 * 60 * 60 * 1000;

/** The value to write to a DateTime column for a calendar date. */
export function sharePointDate(date: IsoDate): string {
  return `${date}T12:00:00Z`;
}

/** The value to write for a date that may be absent. */
export function sharePointDateOrNull(date: IsoDate | null): string | null {
  return date === null ? null : sharePointDate(date);
}

/**
 * The days of the DateTime values read lately: a big read holds the same few values thousands of times
 * (every update of a period on one day), each checked by the schema and read again by the record. Bounded:
 * emptied when full.
 */
const readDays = new Map<string, IsoDate | null>();
const READ_DAYS_KEPT = 4096;

/** The calendar date a DateTime column holds; null for an empty column or text that is not a date. */
export function dateFromSharePoint(value: string | null | undefined): IsoDate | null {
  if (value === null || value === undefined || value === "") return null;
  const known = readDays.get(value);
  if (known !== undefined) return known;
  const time = Date.parse(value);
  const day = Number.isNaN(time)
    ? null
    : toIsoDate(new Date(time + READ_SHIFT_MS).toISOString().slice(0, 10));
  if (readDays.size >= READ_DAYS_KEPT) readDays.clear();
  readDays.set(value, day);
  return day;
}

/**
 * The instant that separates day `date` from the next in a filter: 15:00 UTC lies after every stored form of
 * `date` (local midnight for sites from UTC-11, noon as written) and before every stored form of the next day
 * (local midnight for sites up to UTC+9), so "on or before" is `lt` this instant.
 */
export function dayBoundary(date: IsoDate): string {
  return `${date}T15:00:00Z`;
}

/** The boundary before `date`, for "on or after" (`gt` this instant). */
export function dayBoundaryBefore(date: IsoDate): string {
  return dayBoundary(addDays(date, -1));
}
