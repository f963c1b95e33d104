import assert from "node:assert/strict";
import { test } from "vitest";
import { parseUkDay, readDay } from "./uk-date.ts";

test("days as UK coordinators write them, day before month", () => {
  const cases: [string, string | null][] = [
    ["30/06/2024", "2024-06-30"],
    ["1/7/24", "2024-07-01"],
    ["01-07-2024", "2024-07-01"],
    ["05.04.2025", "2025-04-05"],
    ["30 June 2024", "2024-06-30"],
    ["30 Jun 24", "2024-06-30"],
    ["1st Sept 2024", "2024-09-01"],
    ["Monday 1 July 2024", "2024-07-01"],
    ["2024-06-30", "2024-06-30"],
    ["  30   June 2024 ", "2024-06-30"],
    // American order, impossible days, a month alone, words that are not months.
    ["06/30/2024", null],
    ["31/04/2024", null],
    ["29/02/2023", null],
    ["June 2024", null],
    ["30 Ju 2024", null],
    ["30 Junly 2024", null],
    ["next week", null],
    ["", null],
  ];
  for (const [text, expected] of cases) assert.equal(parseUkDay(text), expected, text);
});

test("a day field says what is wrong in words", () => {
  assert.deepEqual(readDay("", "the start", false), { day: null });
  assert.match(readDay("", "the start", true).problem ?? "", /^Enter the start, for example 30\/06\/2024/);
  assert.match(readDay("soon", "the start", true).problem ?? "", /^The start is not a day that can be read/);
  assert.match(readDay("1/1/1800", "the start", true).problem ?? "", /outside 1900–2100/);
  assert.deepEqual(readDay("2/1/2025", "the start", true), { day: "2025-01-02" });
});
