import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../../domain/iso-date.ts";
import type { PlanFigures } from "../../../domain/types.ts";
import { tileValues } from "./FigureTiles.tsx";

const base: PlanFigures = {
  asOf: isoDate("2024-04-10"),
  actionsTotal: 64,
  actionsCompleted: 8,
  percentComplete: 13,
  byStatus: { "Not started": 0, "On target": 46, Delayed: 6, Overdue: 4, Completed: 8 },
  recommendationsComplete: { complete: 2, total: 18, text: "2 of 18" },
  overdue: 4,
  delayed: 6,
  dueNext30Days: 14,
  noTargetDate: 5,
  milestones: { total: 0, completed: 0, overdue: 0, delayed: 0 },
  updates: null,
  forecast: [],
  slippage: { actionsMoved: 3, totalDaysMoved: 92, awaitingDecision: 1 },
};

test("the board sees how many target dates moved, by how much, and what awaits a decision", () => {
  const tile = tileValues(base).find((t) => t.key === "slippage");
  assert.deepEqual(tile, {
    key: "slippage",
    label: "Target dates moved",
    value: "3",
    note: "92 days in all; 1 awaiting a decision",
  });
});

test("milestones get a tile only when the plan has them", () => {
  assert.equal(
    tileValues(base).some((t) => t.key === "milestones"),
    false,
  );
  const withMilestones = { ...base, milestones: { total: 115, completed: 40, overdue: 7, delayed: 3 } };
  assert.deepEqual(
    tileValues(withMilestones).find((t) => t.key === "milestones"),
    { key: "milestones", label: "Milestones complete", value: "40 of 115", note: "7 overdue, 3 delayed" },
  );
});

test("withdrawn actions get a tile only when there are any, said to be outside the other figures", () => {
  assert.equal(
    tileValues({ ...base, withdrawn: 0 }).some((t) => t.key === "withdrawn"),
    false,
  );
  assert.deepEqual(
    tileValues({ ...base, withdrawn: 2 }).find((t) => t.key === "withdrawn"),
    { key: "withdrawn", label: "Withdrawn", value: "2", note: "Not counted in the other figures" },
  );
});
