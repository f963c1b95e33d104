// Working days in a UK nation: Monday to Friday, less that nation's bank holidays (a plan names its nation;
// England and Wales when it names none). The holidays come from `date-holidays` (rules computed locally, so
// no network at run time), which carries the substitute days and the one-off holidays (2022 Platinum
// Jubilee, Queen Elizabeth's funeral, 2023 Coronation) that a hand-typed list tends to miss.
import Holidays from "date-holidays";
import type { IsoDate } from "../iso-date.ts";
import { addDays, dateParts, daysBetween } from "../iso-date.ts";
import type { Nation } from "../types.ts";

/** The nation whose bank holidays count when a plan names none. */
export const DEFAULT_NATION: Nation = "England and Wales";

// date-holidays' GB regions: Wales shares England's bank holidays.
const REGION: Record<Nation, string> = {
  "England and Wales": "ENG",
  Scotland: "SCT",
  "Northern Ireland": "NIR",
};

// Created on first use: the tab imports the domain core too and may never ask about a holiday.
const calendars = new Map<Nation, Holidays>();
const holidaysByYear = new Map<Nation, Map<number, ReadonlySet<string>>>();

/**
 * A nation's bank holidays in a year, as ISO dates (weekend dates included when a holiday falls on one):
 * Scotland has 2 January and St Andrew's Day but not Easter Monday; Northern Ireland St Patrick's Day and
 * the Twelfth of July.
 */
export function bankHolidays(year: number, nation: Nation = DEFAULT_NATION): ReadonlySet<string> {
  let years = holidaysByYear.get(nation);
  if (years === undefined) {
    years = new Map();
    holidaysByYear.set(nation, years);
  }
  let days = years.get(year);
  if (days === undefined) {
    let calendar = calendars.get(nation);
    if (calendar === undefined) {
      calendar = new Holidays("GB", REGION[nation]);
      calendars.set(nation, calendar);
    }
    // `date` is "YYYY-MM-DD hh:mm:ss" on the nation's calendar; the day part is all we need, and reading
    // it as text keeps the machine's time zone out of it. "observance" days (Mother's Day...) are not off.
    days = new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === "public" || h.type === "bank")
        .map((h) => h.date.slice(0, 10)),
    );
    years.set(year, days);
  }
  return days;
}

/** England's (and Wales's) bank holidays in a year, as ISO dates. */
export function englandBankHolidays(year: number): ReadonlySet<string> {
  return bankHolidays(year, DEFAULT_NATION);
}

// 1970-01-05 was a Monday; ISO weekday 1 (Mon) to 7 (Sun).
const A_MONDAY = "1970-01-05" as IsoDate;
function isoWeekday(date: IsoDate): number {
  return (((daysBetween(A_MONDAY, date) % 7) + 7) % 7) + 1;
}

/** Whether a day is a bank holiday in a nation (England and Wales unless given). */
export function isBankHoliday(date: IsoDate, nation: Nation = DEFAULT_NATION): boolean {
  return bankHolidays(dateParts(date).year, nation).has(date);
}

// The rules ask about the same few hundred days thousands of times in a run; remembering the answers keeps
// selection for thousands of actions well inside its time budget. One map per nation.
const workingDayCache = new Map<Nation, Map<string, boolean>>();

/** Whether a day is a working day in a nation: Monday to Friday and not one of its bank holidays. */
export function isWorkingDay(date: IsoDate, nation: Nation = DEFAULT_NATION): boolean {
  let cache = workingDayCache.get(nation);
  if (cache === undefined) {
    cache = new Map();
    workingDayCache.set(nation, cache);
  }
  let working = cache.get(date);
  if (working === undefined) {
    working = isoWeekday(date) <= 5 && !isBankHoliday(date, nation);
    cache.set(date, working);
  }
  return working;
}

/** The day itself when it is a working day, else the next working day. */
export function nextWorkingDayOnOrAfter(date: IsoDate, nation: Nation = DEFAULT_NATION): IsoDate {
  let day = date;
  while (!isWorkingDay(day, nation)) day = addDays(day, 1);
  return day;
}

/**
 * The working day `count` working days after `date` (before it when negative), not counting `date` itself:
 * 3 working days before Friday 31 May 2024 is Tuesday 28 May (Monday 27 May is a bank holiday).
 */
export function addWorkingDays(date: IsoDate, count: number, nation: Nation = DEFAULT_NATION): IsoDate {
  const step = count < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(Math.trunc(count)); left > 0;) {
    day = addDays(day, step);
    if (isWorkingDay(day, nation)) left -= 1;
  }
  return day;
}

/**
 * Working days from `from` to `to`: those after `from` up to and including `to`, negative when `to` is
 * earlier. A deadline of Friday and a today of Monday gives 1 ("one working day late").
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, nation: Nation = DEFAULT_NATION): number {
  if (to < from) return -workingDaysBetween(to, from, nation);
  // Weekdays by whole weeks and a remainder, then take off the bank holidays on weekdays in the span: a
  // loop over every day would cost too much for actions years overdue across thousands of actions.
  const days = daysBetween(from, to);
  const startWeekday = isoWeekday(from);
  let weekdays = Math.floor(days / 7) * 5;
  for (let i = 1; i <= days % 7; i++) if (((startWeekday + i - 1) % 7) + 1 <= 5) weekdays += 1;
  let holidays = 0;
  for (let year = dateParts(from).year; year <= dateParts(to).year; year++) {
    for (const holiday of bankHolidays(year, nation)) {
      const day = holiday as IsoDate;
      if (day > from && day <= to && isoWeekday(day) <= 5) holidays += 1;
    }
  }
  return weekdays - holidays;
}
