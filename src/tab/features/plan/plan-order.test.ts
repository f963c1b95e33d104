import assert from "node:assert/strict";
import { test } from "vitest";
import type { Action, Recommendation } from "../../../domain/types.ts";
import type { ActionRecord } from "../../../sharepoint/schema/index.ts";
import { actionRecord } from "../../lib/testdata/action-record.ts";
import { byPlanOrder, inPlanOrder, structureTree } from "./plan-order.ts";

function record(id: string, ref: string, rec: string, extra: Partial<Action> = {}): ActionRecord {
  return actionRecord(id, ref, { recommendationId: rec, ...extra });
}

const rec = (id: string, ref: string, sortOrder?: number): Recommendation => ({
  id,
  planId: "1",
  ref,
  title: `Recommendation ${ref}`,
  description: "",
  ...(sortOrder === undefined ? {} : { sortOrder }),
});

test("sort orders come first, ascending; the rest follow by number (10 after 9)", () => {
  const items = [
    { ref: "10" },
    { ref: "9" },
    { ref: "2", sortOrder: 5 },
    { ref: "1", sortOrder: 7 },
    { ref: "3", sortOrder: 5 },
  ];
  assert.deepEqual(
    byPlanOrder(items, (i) => i).map((i) => i.ref),
    ["2", "3", "1", "9", "10"],
  );
});

test("the tree puts milestones under their action and actions under their recommendation", () => {
  const tree = structureTree(
    [rec("1", "1"), rec("2", "2", 1)],
    [
      record("11", "1.1", "1"),
      record("12", "1.2", "1", { sortOrder: 1 }),
      record("13", "1.1.2", "1", { parentId: "11" }),
      record("14", "1.1.1", "1", { parentId: "11" }),
      record("21", "2.1", "2"),
      record("99", "9.1", "gone"),
      record("98", "9.2", "gone", { parentId: "not there" }),
    ],
  );
  assert.deepEqual(
    tree.map((n) => [
      n.recommendation?.ref ?? null,
      n.actions.map((a) => [a.record.action.ref, a.milestones.map((m) => m.action.ref)]),
    ]),
    [
      ["2", [["2.1", []]]],
      [
        "1",
        [
          ["1.2", []],
          ["1.1", ["1.1.1", "1.1.2"]],
        ],
      ],
      [
        null,
        [
          ["9.1", []],
          ["9.2", []],
        ],
      ],
    ],
  );
  assert.deepEqual(
    inPlanOrder(tree).map((r) => r.action.ref),
    ["2.1", "1.2", "1.1", "1.1.1", "1.1.2", "9.1", "9.2"],
  );
});
