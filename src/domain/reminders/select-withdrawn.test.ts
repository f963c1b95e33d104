// Reminders skip withdrawn actions (and the milestones of one) from the day they are withdrawn.
import { test } from "vitest";
import assert from "node:assert/strict";
import { isoDate } from "../iso-date.ts";
import { action, runDaily, world } from "../testdata/reminders.ts";

const withdrawn = (on: string) => ({ withdrawn: { on: isoDate(on), reason: "Merged into 1.2" } });

test("a withdrawn action is not chased from the day it was withdrawn; before that it was", () => {
  const input = world({
    actions: [action("1.1", "2024-04-12", withdrawn("2024-04-10")), action("1.2", "2024-04-12")],
  });
  assert.deepEqual(runDaily(input, "2024-03-18", "2024-04-23"), {
    "2024-03-21": [
      "sam.holder target-near 1.1 2024-03-21 (-14)",
      "sam.holder target-near 1.2 2024-03-21 (-14)",
    ],
    "2024-04-09": [
      "sam.holder target-near 1.1 2024-04-09 (-3)",
      "sam.holder target-near 1.2 2024-04-09 (-3)",
    ],
    "2024-04-15": ["sam.holder target-passed 1.2 2024-04-15 (1)"],
    "2024-04-22": ["sam.holder target-passed 1.2 2024-04-22 (6)"],
  });
});

test("the milestones of a withdrawn action are not chased either", () => {
  const input = world({
    actions: [
      action("1.1", "2024-06-28", withdrawn("2024-04-01")),
      action("1.1.1", "2024-04-12", { parentId: "A1.1" }),
    ],
  });
  assert.deepEqual(runDaily(input, "2024-03-18", "2024-04-23"), {
    // Before its action was withdrawn on 1 April.
    "2024-03-21": ["sam.holder target-near 1.1.1 2024-03-21 (-14)"],
  });
});
