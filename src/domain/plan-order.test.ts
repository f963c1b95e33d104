import { test } from "vitest";
import assert from "node:assert/strict";
import { comparePlanOrder, sortActions, sortRecommendations } from "./plan-order.ts";

test("the coordinator's order first, then the rest by number (2.10 after 2.9)", () => {
  const recs = [
    { ref: "10" },
    { ref: "2", sortOrder: 2 },
    { ref: "9" },
    { ref: "1", sortOrder: 1 },
    { ref: "3a" },
  ];
  assert.deepEqual(
    sortRecommendations(recs).map((r) => r.ref),
    ["1", "2", "3a", "9", "10"],
  );
  const reordered = [{ ref: "1", sortOrder: 2 }, { ref: "2", sortOrder: 1 }, { ref: "2.10" }, { ref: "2.9" }];
  assert.deepEqual(
    sortRecommendations(reordered).map((r) => r.ref),
    ["2", "1", "2.9", "2.10"],
  );
  assert.equal(comparePlanOrder({ ref: "5", sortOrder: 1 }, { ref: "1", sortOrder: 1 }) > 0, true);
});

test("sortActions sorts actions and records holding one, without changing the input", () => {
  const records = [
    { action: { ref: "1.2" } },
    { action: { ref: "1.1", sortOrder: 3 } },
    { action: { ref: "1.10" } },
  ];
  assert.deepEqual(
    sortActions(records).map((r) => r.action.ref),
    ["1.1", "1.2", "1.10"],
  );
  assert.equal(records[0]?.action.ref, "1.2");
  assert.deepEqual(
    sortActions([{ ref: "b" }, { ref: "a" }]).map((a) => a.ref),
    ["a", "b"],
  );
});
