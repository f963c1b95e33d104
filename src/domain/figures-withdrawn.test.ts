// Withdrawn actions in the figures: from the day they are withdrawn they leave the totals, statuses,
// % complete and forecast, are never overdue, and are counted as withdrawn; their milestones go with them.
import { test } from "vitest";
import assert from "node:assert/strict";
import type { Action, Recommendation } from "./types.ts";
import { isoDate } from "./iso-date.ts";
import { parseTargetDate } from "./target-date.ts";
import { isWithdrawn, planFigures } from "./figures.ts";

const ASOF = isoDate("2024-04-09");
const recs: Recommendation[] = [
  { id: "r1", planId: "p", ref: "1", title: "One", description: "" },
  { id: "r2", planId: "p", ref: "2", title: "Two", description: "" },
];
const act = (id: string, rec: string, target: string, extra: Partial<Action> = {}): Action => ({
  id,
  planId: "p",
  recommendationId: rec,
  ref: id,
  text: "",
  sroPost: null,
  targetDate: parseTargetDate(target, { referenceDate: ASOF }),
  completedOn: null,
  ...extra,
});
const withdrawn = (on: string) => ({ withdrawn: { on: isoDate(on), reason: "No longer needed" } });
const figures = (actions: Action[], asOf = ASOF) =>
  planFigures(
    { recommendations: recs, actions, updates: [], targetDateChanges: [], currentPeriod: null },
    asOf,
  );

const plan = [
  act("1.1", "r1", "1 Jan 2024", { completedOn: isoDate("2024-01-05") }),
  // Long overdue, but withdrawn: neither overdue nor counted.
  act("1.2", "r1", "1 Jan 2024", withdrawn("2024-03-01")),
  act("1.2.1", "r1", "1 Feb 2024", { parentId: "1.2" }),
  act("2.1", "r2", "30 June 2024"),
];

test("a withdrawn action leaves every figure and is counted as withdrawn, its milestones with it", () => {
  const f = figures(plan);
  assert.equal(f.actionsTotal, 2);
  assert.equal(f.actionsCompleted, 1);
  assert.equal(f.percentComplete, 50);
  assert.equal(f.overdue, 0);
  assert.equal(f.byStatus.Overdue, 0);
  assert.equal(f.withdrawn, 1);
  assert.equal(f.milestones.total, 0);
  // Recommendation 1's only counted action is complete.
  assert.equal(f.recommendationsComplete.text, "1 of 2");
  assert.deepEqual(
    f.forecast.map((p) => p.percentComplete),
    [50, 50, 100],
  );
});

test("before the day it was withdrawn, the action still counts as it stood", () => {
  const f = figures(plan, isoDate("2024-02-20"));
  assert.equal(f.actionsTotal, 3);
  assert.equal(f.overdue, 1);
  assert.equal(f.withdrawn, 0);
  assert.equal(f.milestones.total, 1);
});

test("isWithdrawn: its own withdrawal, or its parent's, on or before the day", () => {
  const parent = plan[1];
  assert.ok(parent !== undefined);
  const parentOf = (id: string) => (id === "1.2" ? parent : undefined);
  assert.equal(isWithdrawn(parent, isoDate("2024-03-01")), true);
  assert.equal(isWithdrawn(parent, isoDate("2024-02-29")), false);
  assert.equal(isWithdrawn(act("x", "r1", "May-24", { parentId: "1.2" }), ASOF, parentOf), true);
  assert.equal(isWithdrawn(act("y", "r1", "May-24"), ASOF, parentOf), false);
  // Without a way to find its parent, a milestone stands on its own withdrawal.
  assert.equal(isWithdrawn(act("z", "r1", "May-24", { parentId: "1.2" }), ASOF), false);
});
