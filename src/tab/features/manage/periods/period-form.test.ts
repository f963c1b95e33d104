import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../../../domain/index.ts";
import { checkPeriod, quarterTitle } from "./period-form.ts";

test("a period's suggested title is its UK financial quarter", () => {
  const cases: [string, string][] = [
    ["2024-04-01", "Q1 2024/25"],
    ["2024-06-30", "Q1 2024/25"],
    ["2024-07-01", "Q2 2024/25"],
    ["2024-12-31", "Q3 2024/25"],
    ["2025-01-01", "Q4 2024/25"],
    ["2025-03-31", "Q4 2024/25"],
    ["2099-05-05", "Q1 2099/00"],
  ];
  for (const [day, title] of cases) assert.equal(quarterTitle(isoDate(day)), title, day);
});

test("a period's days are checked against each other, in words", () => {
  const fine = {
    title: "Q2 2024/25",
    startsOn: "1/7/2024",
    updateDeadline: "15 Sept 2024",
    reportDate: "30/09/2024",
  };
  assert.deepEqual(checkPeriod(fine).value, {
    title: "Q2 2024/25",
    startsOn: "2024-07-01",
    updateDeadline: "2024-09-15",
    reportDate: "2024-09-30",
  });
  const early = checkPeriod({ ...fine, updateDeadline: "30/06/2024", reportDate: "1/6/2024" });
  assert.ok(early.problems !== null);
  assert.match(early.problems.updateDeadline ?? "", /cannot be before the period starts/);
  assert.match(early.problems.reportDate ?? "", /cannot be before the update deadline/);
  const empty = checkPeriod({ title: "", startsOn: "", updateDeadline: "", reportDate: "" });
  assert.deepEqual(Object.keys(empty.problems ?? {}).sort(), [
    "reportDate",
    "startsOn",
    "title",
    "updateDeadline",
  ]);
});
