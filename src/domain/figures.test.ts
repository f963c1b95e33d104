import { test } from "vitest";
import assert from "node:assert/strict";
import type {
  Action,
  ProgressUpdate,
  Recommendation,
  ReportingPeriod,
  Status,
  TargetDateChange,
} from "./types.ts";
import { isoDate } from "./iso-date.ts";
import { parseTargetDate } from "./target-date.ts";
import type { PlanFiguresInput } from "./figures.ts";
import { planFigures } from "./figures.ts";

// A small plan whose every figure can be worked out by hand, as of 9 April 2024 (the seed plan's date).
const ASOF = isoDate("2024-04-09");
const ref = { referenceDate: ASOF };

const recommendation = (id: string): Recommendation => ({
  id,
  planId: "p",
  ref: id,
  title: id,
  description: "",
});
const act = (id: string, rec: string, target: string, extra: Partial<Action> = {}): Action => ({
  id,
  planId: "p",
  recommendationId: rec,
  ref: id,
  text: "",
  sroPost: "Corporate Director Resources",
  targetDate: parseTargetDate(target, ref),
  completedOn: null,
  ...extra,
});
const update = (
  actionId: string,
  date: string,
  status: Status | null,
  periodId: string | null = null,
): ProgressUpdate => ({
  id: `${actionId}@${date}`,
  actionId,
  periodId,
  date: isoDate(date),
  text: "",
  reportedStatus: status,
  percentComplete: null,
  evidenceUrl: null,
});
const change = (
  actionId: string,
  from: string,
  to: string,
  status: TargetDateChange["status"],
  decidedOn?: string,
): TargetDateChange => ({
  id: `${actionId}:${from}->${to}`,
  actionId,
  from: parseTargetDate(from, ref),
  to: parseTargetDate(to, ref),
  reason: "Cabinet date moved",
  requestedBy: "sro@council.gov.uk",
  requestedOn: isoDate("2024-03-15"),
  status,
  decidedOn: decidedOn === undefined ? undefined : isoDate(decidedOn),
});

const period: ReportingPeriod = {
  id: "Q1",
  planId: "p",
  title: "Q1 2024/25",
  startsOn: isoDate("2024-04-01"),
  updateDeadline: isoDate("2024-04-19"),
  reportDate: isoDate("2024-05-08"),
  state: "open",
  snapshot: null,
};

const input: PlanFiguresInput = {
  recommendations: ["R1", "R2", "R3"].map(recommendation), // R3 has no actions yet
  actions: [
    act("A1", "R1", "Jan-24", { completedOn: isoDate("2024-02-10") }), // closed before the period
    act("A2", "R1", "Mar-24"), // reported Completed in the period
    act("A3", "R2", "15 Mar 2024"), // 25 days late: Delayed
    act("A4", "R2", "Feb-24"), // more than a month late: Overdue
    act("A5", "R2", "9 May 2024"), // exactly 30 days ahead
    act("A6", "R2", "May-24"), // moved from Mar-24
    act("A7", "R2", "TBC"),
    act("A8", "R2", "Aug-24"), // moved from TBC
    act("M1", "R2", "Mar-24", { parentId: "A5" }), // milestone, Delayed
    act("M2", "R2", "Feb-24", { parentId: "A5", completedOn: isoDate("2024-03-01") }),
  ],
  updates: [
    update("A2", "2024-04-05", "Completed", "Q1"),
    update("A3", "2024-01-10", "On target"),
    update("A4", "2024-04-02", "On target", "Q1"),
    update("A5", "2024-04-20", "On target", "Q1"), // after asOf
    update("M1", "2024-04-03", "On target", "Q1"), // milestones do not count towards updates received
  ],
  targetDateChanges: [
    change("A6", "Mar-24", "May-24", "approved", "2024-03-20"), // 61 days
    change("A6", "May-24", "Jul-24", "requested"),
    change("A8", "TBC", "Aug-24", "approved", "2024-03-20"),
    change("A5", "Apr-24", "9 May 2024", "approved", "2024-04-20"), // decided after asOf
    change("A7", "Jun-24", "TBC", "declined", "2024-03-20"),
    change("M1", "Feb-24", "Mar-24", "approved", "2024-03-01"), // a milestone
  ],
  currentPeriod: period,
};

test("headline figures count top-level actions only", () => {
  const f = planFigures(input, ASOF);
  assert.equal(f.actionsTotal, 8);
  assert.equal(f.actionsCompleted, 2);
  assert.equal(f.percentComplete, 25);
  assert.deepEqual(f.byStatus, { "Not started": 4, "On target": 0, Delayed: 1, Overdue: 1, Completed: 2 });
  assert.deepEqual(f.recommendationsComplete, { complete: 1, total: 3, text: "1 of 3" });
  assert.equal(f.overdue, 1);
  assert.equal(f.delayed, 1);
  assert.equal(f.dueNext30Days, 1, "A5 on day 30 counts; A6 on day 52 does not");
  assert.equal(f.noTargetDate, 1);
  assert.deepEqual(f.milestones, { total: 2, completed: 1, overdue: 0, delayed: 1 });
});

test("updates received: open actions at the period start that have an update for the period", () => {
  const f = planFigures(input, ASOF);
  assert.deepEqual(f.updates, { periodId: "Q1", periodTitle: "Q1 2024/25", received: 2, due: 7 });
  assert.equal(planFigures({ ...input, currentPeriod: null }, ASOF).updates, null);
});

test("forecast: each month end to the last target date, if every open action lands on time", () => {
  assert.deepEqual(planFigures(input, ASOF).forecast, [
    { monthEnd: "2024-04-30", percentComplete: 50 }, // + A3 and A4, assumed to catch up
    { monthEnd: "2024-05-31", percentComplete: 75 }, // + A5, A6
    { monthEnd: "2024-06-30", percentComplete: 75 },
    { monthEnd: "2024-07-31", percentComplete: 75 },
    { monthEnd: "2024-08-31", percentComplete: 88 }, // + A8; A7 (TBC) never finishes
  ]);
});

test("slippage: approved moves decided by asOf, net days", () => {
  assert.deepEqual(planFigures(input, ASOF).slippage, {
    actionsMoved: 2,
    totalDaysMoved: 61,
    awaitingDecision: 1,
  });
  const later = planFigures(input, isoDate("2024-04-30")).slippage;
  assert.deepEqual(
    later,
    { actionsMoved: 3, totalDaysMoved: 61 + 9, awaitingDecision: 1 },
    "A5: 30 Apr -> 9 May",
  );
});

test("figures for an earlier day ignore later updates and completions", () => {
  const f = planFigures(input, isoDate("2024-02-01"));
  assert.equal(f.actionsCompleted, 0, "A1 was completed on 10 Feb");
  assert.equal(f.overdue, 0);
  assert.equal(f.delayed, 1, "A1, Jan-24, one day late");
  assert.equal(f.byStatus["On target"], 1, "A3's January update");
});

test("an empty plan has zeros, not NaN", () => {
  const f = planFigures(
    { recommendations: [], actions: [], updates: [], targetDateChanges: [], currentPeriod: null },
    ASOF,
  );
  assert.equal(f.percentComplete, 0);
  assert.equal(f.recommendationsComplete.text, "0 of 0");
  assert.deepEqual(f.forecast, [{ monthEnd: "2024-04-30", percentComplete: 0 }]);
});
