// Reading survives bad rows: an item that does not parse is left out with a warning naming the list, the
// item and the column, everything else is read, and an item asked for directly fails in words.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { toActionRecord, toPlan } from "../schema/records.ts";
import { actionItemSchema, parseRow, planItemSchema, readRow, readRows } from "../schema/rows.ts";
import { periodRecords } from "../schema/shared-reads.ts";
import { ColumnProblem, findSkipped, ReadWarnings, UnreadableItemError } from "./skipped-items.ts";
import { describeSkipped, describeUnreadable } from "./skipped-text.ts";

const goodPlan = {
  Id: 1,
  "odata.etag": '"1"',
  Title: "Corporate plan",
  ReferenceDate: "2024-04-09T12:00:00Z",
  OverdueAfterMonths: 1,
};
// What a Plans item added by hand in SharePoint with only a title reads back as.
const titleOnlyPlan = { Id: 7, "odata.etag": '"1"', Title: "Draft plan", ReferenceDate: null };

const goodAction = {
  Id: 20,
  "odata.etag": '"3"',
  Title: "1.1",
  Ref: "1.1",
  ActionText: "Publish the plan",
  PlanId: 1,
  Plan: { Title: "Corporate plan", ReferenceDate: "2024-04-09T12:00:00Z" },
  DueDate: "2024-05-31T12:00:00Z",
  TargetDateText: "May-24",
  ReportedStatus: "On target",
};

describe("readRows", () => {
  test("leaves out a plan with only a title, names list, id, title and column, keeps the rest", () => {
    const warnings = new ReadWarnings();
    const plans = readRows(planItemSchema, [goodPlan, titleOnlyPlan], "plans", warnings, toPlan);
    assert.deepEqual(
      plans.map((p) => p.title),
      ["Corporate plan"],
    );
    assert.deepEqual(warnings.items, [
      { list: "plans", itemId: 7, title: "Draft plan", field: "ReferenceDate", problem: "is empty" },
    ]);
    assert.equal(
      describeSkipped(warnings.items[0]!),
      'Plans item 7 ("Draft plan") was left out: its column "Reference date" (ReferenceDate) is empty. Fix or delete the item in SharePoint.',
    );
  });

  test("a choice column written over REST with a value outside its choices says which value", () => {
    const warnings = new ReadWarnings();
    const bad = { ...goodAction, Id: 21, Title: "1.2", Ref: "1.2", ReportedStatus: "Nearly" };
    const actions = readRows(actionItemSchema, [goodAction, bad], "actions", warnings, toActionRecord);
    assert.deepEqual(
      actions.map((a) => a.action.id),
      ["20"],
    );
    const [warning] = warnings.items;
    assert.equal(warning?.itemId, 21);
    assert.equal(warning.field, "ReportedStatus");
    assert.match(warning.problem, /^holds "Nearly", which is not one of its choices \(.*On target.*\)$/);
    assert.match(
      describeSkipped(warning),
      /^Actions item 21 \("1\.2"\) was left out: its column "Reported status"/,
    );
  });

  test("a column of the wrong kind, a date that is not one, and an item with no id are each named", () => {
    const warnings = new ReadWarnings();
    readRows(
      actionItemSchema,
      [{ ...goodAction, Id: 22, LatestUpdatePercent: "half" }],
      "actions",
      warnings,
      toActionRecord,
    );
    readRows(
      planItemSchema,
      [{ ...goodPlan, Id: 8, ReferenceDate: "soon" }, { Title: "?" }],
      "plans",
      warnings,
      toPlan,
    );
    assert.deepEqual(
      warnings.items.map((w) => [w.itemId, w.field, w.problem]),
      [
        [22, "LatestUpdatePercent", 'holds "half", not a number'],
        [8, "ReferenceDate", 'holds "soon", which is not a date'],
        [null, "Id", "is empty"],
      ],
    );
    assert.match(describeSkipped(warnings.items[2]!), /^Plans item with no id \("\?"\) was left out/);
  });

  test("a conversion's ColumnProblem skips the item; any other error is a bug and is not swallowed", () => {
    const warnings = new ReadWarnings();
    const kept = readRows(planItemSchema, [goodPlan, { ...goodPlan, Id: 2 }], "plans", warnings, (row) => {
      if (row.Id === 2) throw new ColumnProblem("OverdueAfterMonths", "holds 1, which means nothing here");
      return row.Id;
    });
    assert.deepEqual(kept, [1]);
    assert.equal(warnings.items[0]?.field, "OverdueAfterMonths");
    assert.throws(
      () =>
        readRows(planItemSchema, [goodPlan], "plans", warnings, () => {
          throw new TypeError("a bug");
        }),
      TypeError,
    );
  });

  test("a closed period whose stored figures cannot be read is left out, not the plan's other periods", () => {
    const warnings = new ReadWarnings();
    const period = {
      "odata.etag": '"1"',
      PlanId: 1,
      StartsOn: "2024-01-01T12:00:00Z",
      UpdateDeadline: "2024-04-09T12:00:00Z",
      ReportDate: "2024-04-09T12:00:00Z",
    };
    const periods = periodRecords(
      [
        { ...period, Id: 1, Title: "April", PeriodState: "Closed", Snapshot: '{"asOf":"2024-04-09"' },
        { ...period, Id: 2, Title: "June", PeriodState: "Open", Snapshot: null },
      ],
      warnings,
    );
    assert.deepEqual(
      periods.map((p) => p.title),
      ["June"],
    );
    assert.deepEqual(
      warnings.items.map((w) => [w.list, w.itemId, w.field]),
      [["reportingPeriods", 1, "Snapshot"]],
    );
  });

  test("the same item read twice (a plan list read again) is reported once", () => {
    const warnings = new ReadWarnings();
    readRows(planItemSchema, [titleOnlyPlan], "plans", warnings, toPlan);
    readRows(planItemSchema, [titleOnlyPlan], "plans", warnings, toPlan);
    assert.equal(warnings.items.length, 1);
    assert.equal(findSkipped(warnings, "plans", "7")?.title, "Draft plan");
    assert.equal(findSkipped(warnings, "plans", "Draft plan")?.itemId, 7);
    assert.equal(findSkipped(warnings, "actions", "7"), undefined);
  });
});

describe("readRow", () => {
  test("an item asked for directly that cannot be read fails with the item, column and what to do", () => {
    assert.throws(
      () => readRow(planItemSchema, titleOnlyPlan, "plans", toPlan),
      (error: unknown) =>
        error instanceof UnreadableItemError &&
        error.item.itemId === 7 &&
        error.message ===
          'Plans item 7 ("Draft plan") cannot be read: its column "ReferenceDate" is empty. Fix or delete the item in SharePoint.' &&
        describeUnreadable(error.item) ===
          'Plans item 7 ("Draft plan") cannot be read: its column "Reference date" (ReferenceDate) is empty. Fix or delete the item in SharePoint.',
    );
    assert.equal(parseRow(planItemSchema, goodPlan, "plans").Title, "Corporate plan");
  });
});
