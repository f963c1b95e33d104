import { test } from "vitest";
import assert from "node:assert/strict";
import { addDays, daysBetween, isoDate } from "../iso-date.ts";
import {
  addWorkingDays,
  englandBankHolidays,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
} from "./working-days.ts";

test("England's bank holidays, with the substitutes and one-off days gov.uk lists", () => {
  assert.deepEqual([...englandBankHolidays(2024)].sort(), [
    "2024-01-01",
    "2024-03-29",
    "2024-04-01",
    "2024-05-06",
    "2024-05-27",
    "2024-08-26",
    "2024-12-25",
    "2024-12-26",
  ]);
  const cases: [string, boolean, string][] = [
    ["2024-03-28", true, "Maundy Thursday is a working day"],
    ["2024-03-29", false, "Good Friday 2024"],
    ["2024-04-01", false, "Easter Monday 2024"],
    ["2024-04-02", true, "the Tuesday after Easter"],
    ["2024-05-06", false, "early May bank holiday 2024"],
    ["2024-05-27", false, "spring bank holiday 2024"],
    ["2024-05-25", false, "a Saturday"],
    ["2024-05-26", false, "a Sunday"],
    ["2024-05-24", true, "a Friday"],
    ["2020-05-08", false, "VE Day 75: early May holiday moved to a Friday"],
    ["2020-05-04", true, "the Monday it moved from"],
    ["2021-12-28", false, "Boxing Day substitute"],
    ["2022-01-03", false, "New Year's Day substitute"],
    ["2022-06-03", false, "Platinum Jubilee"],
    ["2022-09-19", false, "Queen Elizabeth II's funeral"],
    ["2023-05-08", false, "Coronation of King Charles III"],
    ["2025-03-17", true, "St Patrick's Day is a holiday in Northern Ireland only"],
    ["2025-08-04", true, "Scotland's summer holiday is not England's"],
    ["2025-08-25", false, "England's summer bank holiday 2025"],
  ];
  for (const [day, working, why] of cases)
    assert.equal(isWorkingDay(isoDate(day)), working, `${day}: ${why}`);
});

test("addWorkingDays steps over weekends and bank holidays, not counting the start", () => {
  const cases: [string, number, string, string][] = [
    ["2024-05-31", -3, "2024-05-28", "3 before Fri 31 May: Tue 28 (27 May is a bank holiday)"],
    ["2024-05-31", -14, "2024-05-10", "14 before Fri 31 May"],
    ["2024-04-12", -14, "2024-03-21", "14 before 12 Apr, across Easter"],
    ["2024-03-28", 1, "2024-04-02", "1 after Maundy Thursday"],
    ["2024-04-02", -1, "2024-03-28", "1 before the Tuesday after Easter"],
    ["2024-05-24", 1, "2024-05-28", "1 after Fri 24 May"],
    ["2024-06-03", -7, "2024-05-22", "7 before Mon 3 June, the week after the spring bank holiday"],
    ["2024-08-31", -1, "2024-08-30", "1 before a Saturday is the Friday"],
    ["2024-05-27", 0, "2024-05-27", "0 is the day itself, working or not"],
  ];
  for (const [from, n, to, why] of cases) assert.equal(addWorkingDays(isoDate(from), n), to, why);
  assert.equal(nextWorkingDayOnOrAfter(isoDate("2024-03-29")), "2024-04-02");
  assert.equal(nextWorkingDayOnOrAfter(isoDate("2024-04-02")), "2024-04-02");
});

test("workingDaysBetween counts the days after `from` up to `to`", () => {
  const cases: [string, string, number, string][] = [
    ["2024-05-24", "2024-05-24", 0, "same day"],
    ["2024-05-24", "2024-05-28", 1, "Fri to Tue over the spring bank holiday"],
    ["2024-05-31", "2024-06-03", 1, "Fri deadline, Mon is one working day late"],
    ["2024-03-28", "2024-04-02", 1, "over Easter"],
    ["2024-05-28", "2024-05-24", -1, "backwards is negative"],
    ["2024-01-01", "2024-12-31", 254, "2024: 261 weekdays after 1 Jan, less 7 bank holidays"],
    ["2023-12-31", "2025-01-01", 254, "all of 2024 (1 Jan 2024 included); 1 Jan 2025 is a holiday"],
  ];
  for (const [from, to, n, why] of cases)
    assert.equal(workingDaysBetween(isoDate(from), isoDate(to)), n, why);
});

test("addWorkingDays and workingDaysBetween agree on every day of 2023-2025", () => {
  for (let day = isoDate("2023-01-01"); day <= "2025-12-31"; day = addDays(day, 1)) {
    for (const n of [1, 2, 3, 7, 14, 30]) {
      const later = addWorkingDays(day, n);
      assert.ok(isWorkingDay(later), `${day} + ${String(n)} lands on a working day`);
      assert.equal(workingDaysBetween(day, later), n, `${day} + ${String(n)}`);
      assert.equal(workingDaysBetween(later, day), -n);
      // schedule.ts skips counting back when a date is further ahead than this; it must never be closer.
      assert.ok(daysBetween(day, later) <= 2 * n + 14, `${day} + ${String(n)} spans at most 2n + 14 days`);
    }
  }
});
