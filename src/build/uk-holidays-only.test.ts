// The tab's build gives date-holidays the United Kingdom's rules alone: England's bank holidays must come out
// exactly as the full package computes them, year by year.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import Holidays from "date-holidays";
import { holidayData, onlyCountries } from "./uk-holidays-only.ts";

type Calendar = Pick<Holidays, "getHolidays">;
// date-holidays' Holidays is its parser with all countries' data; the parser itself takes any data.
const Parser = Object.getPrototypeOf(Holidays) as new (
  data: unknown,
  country: string,
  state: string,
) => Calendar;

function bankHolidays(calendar: Calendar, year: number): string[] {
  return calendar
    .getHolidays(year)
    .filter((h) => h.type === "public" || h.type === "bank")
    .map((h) => `${h.date.slice(0, 10)} ${h.name}`);
}

describe("date-holidays with the United Kingdom alone", () => {
  const all = holidayData();
  const trimmed = onlyCountries(all, ["GB"]);

  test("it keeps GB and drops the other countries' rules", () => {
    assert.deepEqual(Object.keys(trimmed.holidays), ["GB"]);
    assert.ok(Object.keys(all.holidays).length > 100);
    assert.ok(JSON.stringify(trimmed).length < JSON.stringify(all).length / 10);
  });

  test("England's bank holidays are the same as the full package's, 2000 to 2040", () => {
    const full = new Holidays("GB", "ENG");
    const uk = new Parser(trimmed, "GB", "ENG");
    for (let year = 2000; year <= 2040; year++)
      assert.deepEqual(bankHolidays(uk, year), bankHolidays(full, year), String(year));
    // The one-offs a hand-typed list misses are there.
    assert.ok(bankHolidays(uk, 2023).includes("2023-05-08 King Charles III's Coronation"));
  });

  test("Scotland's and Northern Ireland's too: a plan's nation decides its reminders' working days", () => {
    for (const region of ["SCT", "NIR"]) {
      const full = new Holidays("GB", region);
      const uk = new Parser(trimmed, "GB", region);
      for (let year = 2000; year <= 2040; year++)
        assert.deepEqual(bankHolidays(uk, year), bankHolidays(full, year), `${region} ${String(year)}`);
    }
    assert.ok(bankHolidays(new Parser(trimmed, "GB", "SCT"), 2024).includes("2024-01-02 January 2nd"));
    assert.ok(bankHolidays(new Parser(trimmed, "GB", "NIR"), 2024).some((h) => h.startsWith("2024-07-12")));
  });

  test("a country that is not in the data is named", () => {
    assert.throws(() => onlyCountries(all, ["XX"]), /date-holidays has no rules for XX\./);
  });
});
