// A plan's reminders count the working days of the plan's own nation (its bank holidays), and an archived
// plan, or one whose import has not finished, is not chased at all. Lines read "recipient kind action [period] dueOn (working days late)".
import { test } from "vitest";
import assert from "node:assert/strict";
import { isoDate } from "../iso-date.ts";
import { action, period, PLAN, runDaily, world } from "../testdata/reminders.ts";
import type { Nation } from "../types.ts";
import { selectDueReminders } from "./select.ts";
import { bankHolidays, isWorkingDay, workingDaysBetween } from "./working-days.ts";

const inNation = (nation: Nation | undefined, over: Parameters<typeof world>[0] = {}) =>
  world({ plans: [{ ...PLAN, ...(nation === undefined ? {} : { nation }) }], ...over });

test("each nation's own bank holidays, as gov.uk lists them for 2024", () => {
  const cases: [string, Nation, boolean, string][] = [
    ["2024-04-01", "England and Wales", false, "Easter Monday"],
    ["2024-04-01", "Scotland", true, "Easter Monday is a working day in Scotland"],
    ["2024-04-01", "Northern Ireland", false, "Easter Monday"],
    ["2024-01-02", "Scotland", false, "2 January"],
    ["2024-01-02", "England and Wales", true, "2 January"],
    ["2024-08-05", "Scotland", false, "Scotland's summer bank holiday is the first Monday in August"],
    ["2024-08-26", "Scotland", true, "the last Monday in August is England's"],
    ["2024-12-02", "Scotland", false, "St Andrew's Day substitute (30 November was a Saturday)"],
    ["2024-03-18", "Northern Ireland", false, "St Patrick's Day substitute"],
    ["2024-03-18", "England and Wales", true, "St Patrick's Day substitute, Northern Ireland only"],
    ["2024-07-12", "Northern Ireland", false, "Battle of the Boyne"],
    ["2024-07-12", "Scotland", true, "Battle of the Boyne, Northern Ireland only"],
  ];
  for (const [day, nation, working, why] of cases)
    assert.equal(isWorkingDay(isoDate(day), nation), working, `${day} ${nation}: ${why}`);
  assert.equal(bankHolidays(2024, "Scotland").size, 10);
  assert.equal(bankHolidays(2024, "Northern Ireland").size, 11);
  // 1 to 5 April 2024: England loses Easter Monday, Scotland does not.
  assert.equal(workingDaysBetween(isoDate("2024-03-29"), isoDate("2024-04-05"), "England and Wales"), 4);
  assert.equal(workingDaysBetween(isoDate("2024-03-29"), isoDate("2024-04-05"), "Scotland"), 5);
});

test("an update deadline on Easter Monday: England asks on the Thursday before, Scotland on the day", () => {
  const over = { actions: [action("2.1", null)], periods: [period("2024-03-01", "2024-04-01")] };
  const england = {
    "2024-03-20": ["sam.holder update-due 2.1 Q1-2024-25 2024-03-20 (-6)"],
    "2024-03-28": ["sam.holder update-due 2.1 Q1-2024-25 2024-03-28 (0)"],
    "2024-04-04": ["sam.holder update-late 2.1 Q1-2024-25 2024-04-04 (3)"],
  };
  assert.deepEqual(runDaily(inNation(undefined, over), "2024-03-15", "2024-04-05"), england);
  assert.deepEqual(runDaily(inNation("England and Wales", over), "2024-03-15", "2024-04-05"), england);
  assert.deepEqual(runDaily(inNation("Scotland", over), "2024-03-15", "2024-04-05"), {
    "2024-03-20": ["sam.holder update-due 2.1 Q1-2024-25 2024-03-20 (-7)"],
    "2024-04-01": ["sam.holder update-due 2.1 Q1-2024-25 2024-04-01 (0)"],
    "2024-04-04": ["sam.holder update-late 2.1 Q1-2024-25 2024-04-04 (3)"],
  });
});

test("Northern Ireland counts the Twelfth: 14 working days before 15 July start a day earlier", () => {
  const over = { actions: [action("1.1", "2024-07-15")] };
  const ni = runDaily(inNation("Northern Ireland", over), "2024-06-20", "2024-07-17");
  assert.deepEqual(ni["2024-06-24"], ["sam.holder target-near 1.1 2024-06-24 (-14)"]);
  assert.deepEqual(ni["2024-07-09"], ["sam.holder target-near 1.1 2024-07-09 (-3)"]);
  const england = runDaily(inNation("England and Wales", over), "2024-06-20", "2024-07-17");
  assert.deepEqual(england["2024-06-25"], ["sam.holder target-near 1.1 2024-06-25 (-14)"]);
  // Nothing at all goes for a plan on its nation's bank holiday; another nation's plan is chased that day.
  const late = { actions: [action("1.1", "2024-06-28")] };
  assert.equal(
    selectDueReminders(inNation("Northern Ireland", late), isoDate("2024-07-12")).digests.length,
    0,
  );
  assert.equal(selectDueReminders(inNation("Scotland", late), isoDate("2024-07-12")).digests.length, 1);
});

test("an archived plan is not chased; the same plan unarchived is", () => {
  const over = { actions: [action("1.1", "2024-04-12")], periods: [period("2024-04-01", "2024-05-03")] };
  const archived = world({ ...over, plans: [{ ...PLAN, archived: true }] });
  assert.deepEqual(runDaily(archived, "2024-03-18", "2024-06-14"), {});
  const live = world({ ...over, plans: [{ ...PLAN, archived: false }] });
  assert.ok(Object.keys(runDaily(live, "2024-03-18", "2024-06-14")).length > 5);
});

test("a plan whose import has not finished is not chased, its SROs' managers not escalated to; finished, it is", () => {
  const over = { actions: [action("1.1", "2024-04-12")], periods: [period("2024-04-01", "2024-05-03")] };
  const unfinished = world({ ...over, plans: [{ ...PLAN, importUnfinished: true }] });
  assert.deepEqual(runDaily(unfinished, "2024-03-18", "2024-06-14"), {});
  const finished = Object.values(
    runDaily(world({ ...over, plans: [{ ...PLAN, importUnfinished: false }] }), "2024-03-18", "2024-06-14"),
  ).flat();
  assert.ok(finished.some((l) => l.startsWith("sam.holder ")));
  assert.ok(
    finished.some((l) => l.startsWith("max.manager escalation-")),
    finished.join("\n"),
  );
});
