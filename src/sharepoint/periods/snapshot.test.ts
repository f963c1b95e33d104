// A closed period's figures survive the trip through the Snapshot column, and a damaged one is refused.
import assert from "node:assert/strict";
import { test } from "vitest";
import { planFigures } from "../../domain/index.ts";
import { loadSeedPlan, SEED_AS_OF } from "../../domain/testdata/lga-cpc-2023.ts";
import { parseSnapshot, snapshotJson } from "./snapshot.ts";

test("figures round-trip through JSON", () => {
  const figures = planFigures({ ...loadSeedPlan(), targetDateChanges: [], currentPeriod: null }, SEED_AS_OF);
  assert.deepEqual(parseSnapshot(snapshotJson(figures)), figures);
});

test("a damaged snapshot is refused, not shown as figures", () => {
  const figures = planFigures({ ...loadSeedPlan(), targetDateChanges: [], currentPeriod: null }, SEED_AS_OF);
  assert.throws(() => parseSnapshot("{"));
  assert.throws(() => parseSnapshot(JSON.stringify({ ...figures, asOf: "09/04/24" })));
  assert.throws(() => parseSnapshot(JSON.stringify({ ...figures, overdue: -1 })));
});
