import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../../../domain/iso-date.ts";
import { planItems, type PlanItem } from "../plan-view.ts";
import { action, dashboard } from "../testdata/plan.ts";
import { exportFileName, exportTable, groupItems, sortItems, tableColumns } from "./table-model.ts";

// 10 June: past the period's deadline (5 June), so owed updates are 5 days late.
const today = isoDate("2024-06-10");
const plan = {
  ...dashboard,
  actions: [
    ...dashboard.actions,
    action("10", "2", "Director B", "Ongoing"),
    // No SRO named: a coordinator has not yet given it one.
    {
      ...action("11", "1", "", "31 March 2025"),
      action: { ...action("11", "1", "", "31 March 2025").action, sroPost: null },
    },
  ],
};
const items = planItems(plan, today);
const columns = tableColumns(plan.recommendations);
const refs = (list: readonly PlanItem[]) => list.map((i) => i.record.action.ref);

test("sorting by target date puts the soonest first, or the latest, and always the undated last", () => {
  assert.deepEqual(refs(items), ["1.1", "1.2", "1.11", "2.3", "2.4", "2.10"], "the plan's order");
  assert.deepEqual(refs(sortItems(items, { column: "target", direction: "ascending" }, columns)), [
    "1.1",
    "1.2",
    "2.3",
    "1.11",
    "2.4",
    "2.10",
  ]);
  assert.deepEqual(refs(sortItems(items, { column: "target", direction: "descending" }, columns)), [
    "1.11",
    "2.3",
    "1.2",
    "1.1",
    "2.4",
    "2.10",
  ]);
  assert.deepEqual(refs(sortItems(items, null, columns)), refs(items));
});

test("numbers sort as numbers, statuses most urgent first, and words ignoring case", () => {
  assert.deepEqual(refs(sortItems(items, { column: "ref", direction: "descending" }, columns)), [
    "2.10",
    "2.4",
    "2.3",
    "1.11",
    "1.2",
    "1.1",
  ]);
  const byStatus = sortItems(items, { column: "status", direction: "ascending" }, columns);
  assert.deepEqual(
    byStatus.map((i) => i.status),
    ["Overdue", "Overdue", "Not started", "Not started", "Not started", "Not started"],
  );
  assert.deepEqual(
    refs(sortItems(items, { column: "status", direction: "descending" }, columns)),
    ["1.11", "2.3", "2.4", "2.10", "1.1", "1.2"],
    "least urgent first, ties in the plan's order",
  );
  // The SRO post: A to Z, the action with none named last.
  assert.deepEqual(refs(sortItems(items, { column: "sroPost", direction: "ascending" }, columns)), [
    "1.1",
    "2.3",
    "2.4",
    "1.2",
    "2.10",
    "1.11",
  ]);
  // This period's update: the latest first (all five days late here, so in the plan's order), given last.
  assert.equal(
    refs(sortItems(items, { column: "thisPeriod", direction: "ascending" }, columns)).at(-1),
    "1.2",
  );
});

test("grouping by SRO post names who holds it; by recommendation follows the plan", () => {
  const bySro = groupItems(items, "sro", plan.recommendations);
  assert.deepEqual(
    bySro.map((g) => [g.title, refs(g.items)]),
    [
      ["Director A (Ann)", ["1.1", "2.3", "2.4"]],
      ["Director B (vacant)", ["1.2", "2.10"]],
      ["No SRO named", ["1.11"]],
    ],
  );
  const byRec = groupItems(items, "recommendation", plan.recommendations);
  assert.deepEqual(
    byRec.map((g) => [g.title, refs(g.items)]),
    [
      ["Recommendation 1: Housing", ["1.1", "1.2", "1.11"]],
      ["Recommendation 2: Finance", ["2.3", "2.4", "2.10"]],
    ],
  );
  assert.deepEqual(groupItems(items, "none", plan.recommendations), [{ key: "all", title: null, items }]);
});

test("the export is the columns shown, in order, led by the grouping's column, the rows as grouped", () => {
  const groups = groupItems(
    sortItems(items, { column: "target", direction: "ascending" }, columns),
    "sro",
    plan.recommendations,
  );
  const table = exportTable(groups, ["status", "action", "target", "ref"], "sro", columns);
  assert.deepEqual(
    table.columns.map((c) => c.header),
    ["SRO post", "No.", "Action", "Target date", "Target date (as written)", "Status"],
  );
  assert.deepEqual(refs(table.rows), ["1.1", "2.3", "2.4", "1.2", "2.10", "1.11"]);
  const row = (ref: string) => {
    const item = table.rows.find((i) => i.record.action.ref === ref)!;
    return table.columns.map((c) => c.value(item));
  };
  assert.deepEqual(row("2.10"), [
    "Director B",
    "2.10",
    "Action about housing 10",
    null,
    "Ongoing",
    "Not started",
  ]);
  assert.deepEqual(row("1.1"), [
    "Director A",
    "1.1",
    "Action about housing 1",
    "2024-01-31",
    "31 January 2024",
    "Overdue",
  ]);
  assert.deepEqual(
    exportTable(groups, ["ref", "action", "sroPost"], "sro", columns).columns.map((c) => c.header),
    ["SRO post", "No.", "Action"],
    "the grouping's column only once",
  );
});

test("the exported file is named after the plan and the day, in characters every system accepts", () => {
  assert.equal(
    exportFileName('Northbridge: CPC 2023/24 "plan"', today),
    "Northbridge CPC 2023 24 plan actions 2024-06-10.xlsx",
  );
  assert.equal(exportFileName("  ", today), "Plan actions 2024-06-10.xlsx");
});
