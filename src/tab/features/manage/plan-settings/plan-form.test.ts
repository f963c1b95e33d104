import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../../../domain/index.ts";
import { checkPlanFields, emptyPlanFields } from "./plan-form.ts";

test("a new plan's fields start from today, the Best Value rule and England and Wales", () => {
  assert.deepEqual(emptyPlanFields(isoDate("2024-04-10")), {
    title: "",
    referenceDate: "10/04/2024",
    overdueAfterMonths: "1",
    nation: "England and Wales",
  });
});

test("a plan's fields are checked field by field, in words", () => {
  const fine = {
    title: " Best Value plan ",
    referenceDate: "1 April 2024",
    overdueAfterMonths: "2",
    nation: "Scotland" as const,
  };
  assert.deepEqual(checkPlanFields(fine).value, {
    title: "Best Value plan",
    referenceDate: "2024-04-01",
    overdueAfterMonths: 2,
    nation: "Scotland",
  });
  const bad = checkPlanFields({ ...fine, title: " ", referenceDate: "April", overdueAfterMonths: "1.5" });
  assert.ok(bad.problems !== null);
  assert.match(bad.problems.title ?? "", /Give the plan a title/);
  assert.match(bad.problems.referenceDate ?? "", /not a day that can be read/);
  assert.match(bad.problems.overdueAfterMonths ?? "", /whole number of months from 0 to 24/);
  assert.match(
    checkPlanFields({ ...fine, overdueAfterMonths: "25" }).problems?.overdueAfterMonths ?? "",
    /0 to 24/,
  );
  assert.equal(checkPlanFields({ ...fine, overdueAfterMonths: "0" }).value?.overdueAfterMonths, 0);
});
