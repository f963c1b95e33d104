import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../../domain/iso-date.ts";
import type { Dashboard } from "../../../sharepoint/plans/index.ts";
import { action, dashboard, today } from "./testdata/plan.ts";
import {
  byRecommendation,
  filterItems,
  foldText,
  NO_FILTERS,
  planItems,
  sroPostsOf,
  updatesDueBySro,
  updateWords,
} from "./plan-view.ts";

test("each action's status and whether it has its update for the open period", () => {
  const items = planItems(dashboard, today);
  assert.deepEqual(
    items.map((i) => [i.record.action.id, i.status, i.updated, i.owesUpdate]),
    [
      ["1", "Overdue", false, true],
      ["2", "On target", true, false],
      ["3", "Not started", false, true],
      ["4", "Not started", false, true],
    ],
  );
});

test("filters, due windows and search narrow the list; groups follow the recommendations", () => {
  const items = planItems(dashboard, today);
  const ids = (f: Partial<typeof NO_FILTERS>) =>
    filterItems(items, { ...NO_FILTERS, ...f }, today).map((i) => i.record.action.id);
  assert.deepEqual(ids({}), ["1", "2", "3", "4"]);
  assert.deepEqual(ids({ status: "Overdue" }), ["1"]);
  assert.deepEqual(ids({ sro: "Director B" }), ["2"]);
  assert.deepEqual(ids({ due: "past" }), ["1"]);
  assert.deepEqual(ids({ due: "30" }), ["2"]);
  assert.deepEqual(ids({ due: "none" }), ["4"]);
  assert.deepEqual(ids({ updated: "yes" }), ["2"]);
  assert.deepEqual(ids({ updated: "no" }), ["1", "3", "4"]);
  assert.deepEqual(ids({ search: "HOUSING 3" }), ["3"]);
  assert.deepEqual(ids({ search: "2.3" }), ["3"]);
  const groups = byRecommendation(
    dashboard.recommendations,
    filterItems(items, { ...NO_FILTERS, sro: "Director B" }, today),
  );
  assert.deepEqual(
    groups.map((g) => g.recommendation?.ref),
    ["1"],
  );
  assert.deepEqual(sroPostsOf(items), ["Director A", "Director B"]);
});

test("updates still due per SRO, most first, with the holder", () => {
  assert.deepEqual(updatesDueBySro(dashboard, planItems(dashboard, today)), [
    { post: "Director A", holder: "Ann", due: 3 },
  ]);
});

test("a withdrawn action is shown as withdrawn: never owing an update, past its date or matching a status", () => {
  const withdrawn = action("1", "1", "Director A", "31 January 2024");
  withdrawn.action.withdrawn = { on: isoDate("2024-04-01"), reason: "No longer needed" };
  const plan = { ...dashboard, actions: [withdrawn, ...dashboard.actions.slice(1)] };
  const items = planItems(plan, today);
  const first = items.find((i) => i.record.action.id === "1");
  assert.equal(first?.withdrawn, true);
  assert.equal(first.owesUpdate, false);
  const ids = (f: Partial<typeof NO_FILTERS>) =>
    filterItems(items, { ...NO_FILTERS, ...f }, today).map((i) => i.record.action.id);
  assert.deepEqual(ids({ status: "Overdue" }), []);
  assert.deepEqual(ids({ due: "past" }), []);
  assert.deepEqual(ids({}), ["1", "2", "3", "4"], "still listed");
  assert.deepEqual(updatesDueBySro(plan, items), [{ post: "Director A", holder: "Ann", due: 2 }]);
});

test("the plan is listed in the coordinator's order, each action's milestones straight after it", () => {
  const milestone = action("5", "1", "Director A", "TBC", {});
  milestone.action.parentId = "1";
  milestone.action.ref = "1.1.1";
  const second = action("2", "1", "Director B", "30 April 2024");
  second.action.sortOrder = 1;
  const first = action("1", "1", "Director A", "31 January 2024");
  first.action.sortOrder = 2;
  const plan = {
    ...dashboard,
    recommendations: [
      { ...dashboard.recommendations[0]!, sortOrder: 2 },
      { ...dashboard.recommendations[1]!, sortOrder: 1 },
    ],
    actions: [first, milestone, second, ...dashboard.actions.slice(2)],
  };
  const items = planItems(plan, today);
  assert.deepEqual(
    items.map((i) => i.record.action.id),
    ["3", "4", "2", "1", "5"],
  );
  assert.deepEqual(
    byRecommendation(plan.recommendations, items).map((g) => g.recommendation?.ref),
    ["2", "1"],
  );
});

test("a milestone of a withdrawn action is shown as withdrawn with it", () => {
  const parent = action("1", "1", "Director A", "31 January 2024");
  parent.action.withdrawn = { on: isoDate("2024-04-01"), reason: "No longer needed" };
  const milestone = action("5", "1", "Director A", "31 January 2024");
  milestone.action.parentId = "1";
  milestone.action.ref = "1.1.1";
  const items = planItems({ ...dashboard, actions: [parent, milestone] }, today);
  assert.deepEqual(
    items.map((i) => [i.record.action.id, i.withdrawn, i.owesUpdate]),
    [
      ["1", true, false],
      ["5", true, false],
    ],
  );
});

test("search folds curly quotes and accents, and finds an action by its SRO's name", () => {
  const curly = {
    ...dashboard,
    actions: [
      action("1", "1", "Director A", "TBC", {}),
      {
        ...action("2", "1", "Director B", "TBC"),
        action: {
          ...action("2", "1", "Director B", "TBC").action,
          text: "The Mayor’s Office and Zoë’s café",
        },
      },
    ],
  } satisfies Dashboard;
  const items = planItems(curly, today);
  const ids = (search: string) =>
    filterItems(items, { ...NO_FILTERS, search }, today).map((i) => i.record.action.id);
  assert.deepEqual(ids("mayor's office"), ["2"]);
  assert.deepEqual(ids("ZOE'S CAFE"), ["2"]);
  assert.deepEqual(ids("ann"), ["1"], "Ann holds Director A");
  assert.deepEqual(ids("a@x"), ["1"]);
  assert.equal(foldText("“Quoted” – dash"), '"quoted" - dash');
});

test("an escalation card's actions: only those shown, whatever else is chosen", () => {
  const items = planItems(dashboard, today);
  const ids = (f: Partial<typeof NO_FILTERS>) =>
    filterItems(items, { ...NO_FILTERS, ...f }, today).map((i) => i.record.action.id);
  assert.deepEqual(ids({ only: ["1", "3"] }), ["1", "3"]);
  assert.deepEqual(ids({ only: ["1", "3"], status: "Overdue" }), ["1"]);
});

test("an update still owed after the period's deadline says how many days late it is", () => {
  const late = isoDate("2024-06-10");
  const items = planItems(dashboard, late);
  assert.deepEqual(
    items.map((i) => [i.record.action.id, updateWords(i)]),
    [
      ["1", "Update 5 days late"],
      ["2", "Updated this period"],
      ["3", "Update 5 days late"],
      ["4", "Update 5 days late"],
    ],
  );
  assert.equal(updateWords(planItems(dashboard, today)[0]!), "Update still due", "before the deadline");
  assert.deepEqual(
    items.map((i) => i.holder),
    ["Ann", null, "Ann", "Ann"],
    "the post holder's name; none for a post the site does not hold",
  );
});
