// Calendar dates as "YYYY-MM-DD" strings with integer arithmetic. The core never sees a time or a time zone:
// "today" in Europe/London is worked out at the edge (tab, job) and passed in, so a date means the same day
// on every machine and in every test.

/**
 * An ISO calendar date "YYYY-MM-DD". Branded so that free text such as "May-24" (which is everywhere in
 * plans) cannot be passed where a real date is needed: a plain string must go through `toIsoDate` or
 * `isoDate` first. ISO strings also sort and compare correctly as strings.
 */
export type IsoDate = string & { readonly __brand: "IsoDate" };

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Whether a year is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether year/month/day name a real calendar day (years 1000-9999, so the year is always 4 digits). */
export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1000 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The IsoDate for a text "YYYY-MM-DD" naming a real day, else null. */
export function toIsoDate(text: string): IsoDate | null {
  const match = ISO_PATTERN.exec(text);
  if (!match) return null;
  return isValidDay(Number(match[1]), Number(match[2]), Number(match[3])) ? (text as IsoDate) : null;
}

/** Like `toIsoDate` for dates known to be valid (constants, tests); throws on anything else. */
export function isoDate(text: string): IsoDate {
  const date = toIsoDate(text);
  if (date === null) throw new RangeError(`Not an ISO calendar date: "${text}"`);
  return date;
}

// "YYYY-MM-DD" for parts already known to name a real day with a four-digit year.
function formatParts(year: number, month: number, day: number): IsoDate {
  return `${String(year)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as IsoDate;
}

/** The IsoDate for year/month/day, or null when they do not name a real day. */
export function dateFromParts(year: number, month: number, day: number): IsoDate | null {
  return isValidDay(year, month, day) ? formatParts(year, month, day) : null;
}

/** Year, month (1-12) and day of an IsoDate. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The last day of a month (month 1-12). */
export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatParts(year, month, daysInMonth(year, month));
}

/** The last day of the month a date falls in. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return lastDayOfMonth(year, month);
}

/** Whether a date is the last day of its month. */
export function isEndOfMonth(date: IsoDate): boolean {
  return endOfMonth(date) === date;
}

// Days since 1970-01-01 for a civil date and back (Howard Hinnant's algorithms): plain integer maths, so
// there is no Date object, no time zone and no two-digit-year quirk to worry about.
function toDayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatParts(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** The date `days` days after `date` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The same day `months` calendar months on, clamped to a shorter month (31 Jan 2024 + 1 = 29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return formatParts(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Every month end from the month of `from` through the month of `to` (empty when `to` is earlier). */
export function monthEndsThrough(from: IsoDate, to: IsoDate): IsoDate[] {
  // Counted in months, not by comparing texts: past year 9999 "10000-01-31" sorts before "9999-12-31", and
  // a text comparison would never end.
  const start = dateParts(from);
  const stop = dateParts(to);
  const months = (stop.year - start.year) * 12 + (stop.month - start.month);
  const first = endOfMonth(from);
  return Array.from({ length: Math.max(0, months + 1) }, (_, i) => endOfMonth(addMonths(first, i)));
}

/** The full English name of a month (1-12). */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? "";
}

/** A date as a UK reader writes it: "31 May 2024". */
export function formatUkDate(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(day)} ${monthName(month)} ${String(year)}`;
}

/** A date in a narrow table cell: "31 May 24", "1 Sep 24". */
export function formatUkDateShort(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(day)} ${monthName(month).slice(0, 3)} ${String(year % 100).padStart(2, "0")}`;
}
