import { test } from "vitest";
import assert from "node:assert/strict";
import {
  addDays,
  addMonths,
  daysBetween,
  endOfMonth,
  formatUkDate,
  formatUkDateShort,
  isoDate,
  monthEndsThrough,
  toIsoDate,
} from "./iso-date.ts";

test("toIsoDate accepts only real calendar days written YYYY-MM-DD", () => {
  const cases = [
    { text: "2024-02-29", valid: true, why: "2024 is a leap year" },
    { text: "2023-02-29", valid: false, why: "2023 is not" },
    { text: "2000-02-29", valid: true, why: "divisible by 400" },
    { text: "2100-02-29", valid: false, why: "divisible by 100, not 400" },
    { text: "2024-04-31", valid: false, why: "April has 30 days" },
    { text: "2024-13-01", valid: false, why: "no month 13" },
    { text: "2024-4-9", valid: false, why: "not zero-padded" },
    { text: "09/04/24", valid: false, why: "the plan's asOfRaw form" },
    { text: "2024-04-09T00:00:00Z", valid: false, why: "a time is not a date" },
  ];
  for (const c of cases) assert.equal(toIsoDate(c.text) !== null, c.valid, `${c.text}: ${c.why}`);
  assert.throws(() => isoDate("2024-02-30"), RangeError);
});

test("day arithmetic crosses months, years and leap days", () => {
  const cases = [
    { from: "2024-04-09", days: 30, to: "2024-05-09" },
    { from: "2024-02-28", days: 1, to: "2024-02-29" },
    { from: "2023-02-28", days: 1, to: "2023-03-01" },
    { from: "2024-12-31", days: 1, to: "2025-01-01" },
    { from: "2024-03-01", days: -1, to: "2024-02-29" },
    { from: "1970-01-01", days: -1, to: "1969-12-31" },
    { from: "2024-01-01", days: 366, to: "2025-01-01" },
  ];
  for (const c of cases) {
    assert.equal(addDays(isoDate(c.from), c.days), c.to, `${c.from} + ${String(c.days)}`);
    assert.equal(daysBetween(isoDate(c.from), isoDate(c.to)), c.days, `${c.from} -> ${c.to}`);
  }
});

test("addDays agrees with the JavaScript calendar for every day of 1999-2031", () => {
  let date = isoDate("1999-01-01");
  const start = Date.UTC(1999, 0, 1);
  for (let i = 0; i < 12_000; i += 1) {
    assert.equal(date, new Date(start + i * 86_400_000).toISOString().slice(0, 10));
    date = addDays(date, 1);
  }
});

test("addMonths keeps the day and clamps to a shorter month", () => {
  const cases = [
    { from: "2024-05-31", months: 1, to: "2024-06-30" },
    { from: "2024-01-31", months: 1, to: "2024-02-29" },
    { from: "2023-01-31", months: 1, to: "2023-02-28" },
    { from: "2024-04-30", months: 1, to: "2024-05-30" },
    { from: "2024-11-15", months: 3, to: "2025-02-15" },
    { from: "2024-03-31", months: -1, to: "2024-02-29" },
    { from: "2024-01-10", months: -1, to: "2023-12-10" },
  ];
  for (const c of cases)
    assert.equal(addMonths(isoDate(c.from), c.months), c.to, `${c.from} + ${String(c.months)}m`);
});

test("month ends", () => {
  assert.equal(endOfMonth(isoDate("2024-02-10")), "2024-02-29");
  assert.equal(endOfMonth(isoDate("2024-04-30")), "2024-04-30");
  assert.deepEqual(monthEndsThrough(isoDate("2024-04-09"), isoDate("2024-07-01")), [
    "2024-04-30",
    "2024-05-31",
    "2024-06-30",
    "2024-07-31",
  ]);
  assert.deepEqual(monthEndsThrough(isoDate("2024-11-30"), isoDate("2025-01-31")), [
    "2024-11-30",
    "2024-12-31",
    "2025-01-31",
  ]);
  assert.deepEqual(monthEndsThrough(isoDate("2024-04-09"), isoDate("2024-03-01")), []);
  // The last month of year 9999 ends the list (a text comparison with "10000-…" never did).
  const far = monthEndsThrough(isoDate("9999-10-15"), isoDate("9999-12-01"));
  assert.deepEqual(far, ["9999-10-31", "9999-11-30", "9999-12-31"]);
  assert.equal(monthEndsThrough(isoDate("2024-01-31"), isoDate("2024-03-01"))[1], "2024-02-29");
});

test("UK date formats", () => {
  const cases = [
    { date: "2024-05-31", long: "31 May 2024", short: "31 May 24" },
    { date: "2024-10-01", long: "1 October 2024", short: "1 Oct 24" },
    { date: "2009-09-09", long: "9 September 2009", short: "9 Sep 09" },
  ];
  for (const c of cases) {
    assert.equal(formatUkDate(isoDate(c.date)), c.long);
    assert.equal(formatUkDateShort(isoDate(c.date)), c.short);
  }
});
