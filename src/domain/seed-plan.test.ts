// The real plan: LGA Corporate Peer Challenge 2023, progress report as of 9 April 2024 (18 recommendations,
// 64 actions). Its own report says 39% of actions complete, 3 of 18 recommendations fully complete, and
// forecasts 65% by the end of May and 85% by August 2024.
import { test } from "vitest";
import assert from "node:assert/strict";
import { parseTargetDate } from "./target-date.ts";
import { inferReportedStatus } from "./status.ts";
import { planFigures } from "./figures.ts";
import { SEED_AS_OF, loadSeedPlan, seedActions, seedPlan } from "./testdata/lga-cpc-2023.ts";

test("the seed file is the plan we think it is", () => {
  assert.equal(seedPlan.recommendations.length, 18);
  assert.equal(seedActions.length, 64);
  assert.equal(SEED_AS_OF, "2024-04-09");
});

test("every target date in the plan parses, none unrecognised", () => {
  const undated = new Set(["6.8", "10.1", "11.4", "17.1", "7.2"]); // Ongoing x2, TBC x2, blank
  for (const a of seedActions) {
    const parsed = parseTargetDate(a.targetDate, { referenceDate: SEED_AS_OF });
    const label = `LGA CPC 2023, action ${a.ref}: ${JSON.stringify(a.targetDate)}`;
    assert.ok(!parsed.flags.includes("unrecognised"), label);
    assert.equal(parsed.due === null, undated.has(a.ref), label);
    if (parsed.due !== null) assert.ok(parsed.due >= "2023-12-31" && parsed.due <= "2025-04-30", label);
  }
});

test("inferReportedStatus finds 8 completed actions where the report claims 25", () => {
  const completed = seedActions
    .filter((a) => inferReportedStatus(a.progressUpdate) === "Completed")
    .map((a) => a.ref);
  assert.deepEqual(completed, ["2.1", "2.4", "6.2", "6.3", "13.6", "13.8", "14.1", "15.1"]);
  // The report's 39% (25 of 64) rests on judgements its table does not show; we do not guess them.
  assert.ok(completed.length < Math.round(0.39 * 64));
});

test("figures for the seed plan as of 9 April 2024", () => {
  const plan = loadSeedPlan();
  const f = planFigures({ ...plan, targetDateChanges: [], currentPeriod: null }, SEED_AS_OF);
  assert.equal(f.actionsTotal, 64);
  assert.equal(f.actionsCompleted, 8);
  assert.equal(f.percentComplete, 13);
  assert.equal(f.recommendationsComplete.text, "2 of 18", "14 (AGS) and 15 (accounts)");
  assert.equal(f.overdue, 4, "6.7 (Dec-23); 5.1, 9.2, 10.3 (Jan-24)");
  assert.equal(f.delayed, 6, "2.3, 2.5, 2.6, 6.6, 13.7 (Mar-24); 4.5 (March -24)");
  assert.equal(f.dueNext30Days, 14, "the open April actions");
  assert.equal(f.noTargetDate, 5);
  assert.equal(f.byStatus["On target"], 46);
  assert.equal(f.milestones.total, 0);
  const at = (monthEnd: string): number | undefined =>
    f.forecast.find((p) => p.monthEnd === monthEnd)?.percentComplete;
  assert.equal(f.forecast.length, 13, "April 2024 to April 2025 (16.3, Apr-25)");
  assert.equal(at("2024-04-30"), 50);
  assert.equal(at("2024-05-31"), 61, "the report forecasts 65%");
  assert.equal(at("2024-08-31"), 81, "the report forecasts 85%");
  assert.equal(at("2025-04-30"), 92, "59 of 64: the five undated actions never finish");
});
