import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../../domain/iso-date.ts";
import type { PlanFigures } from "../../../domain/types.ts";
import type { PeriodRecord } from "../../../sharepoint/schema/index.ts";
import { changesSince, changeText, lastClosedPeriod, progressSeries } from "./dashboard-view.ts";

function figures(asOf: string, percentComplete: number, overdue = 0): PlanFigures {
  return {
    asOf: isoDate(asOf),
    actionsTotal: 10,
    actionsCompleted: percentComplete / 10,
    percentComplete,
    byStatus: { "Not started": 0, "On target": 10, Delayed: 0, Overdue: overdue, Completed: 0 },
    recommendationsComplete: { complete: 1, total: 4, text: "1 of 4" },
    overdue,
    delayed: 0,
    dueNext30Days: 0,
    noTargetDate: 0,
    milestones: { total: 0, completed: 0, overdue: 0, delayed: 0 },
    updates: null,
    forecast: [
      { monthEnd: isoDate("2024-04-30"), percentComplete: 40 },
      { monthEnd: isoDate("2024-05-31"), percentComplete: 60 },
    ],
    slippage: { actionsMoved: 0, totalDaysMoved: 0, awaitingDecision: 0 },
  };
}

function period(
  id: string,
  state: "open" | "closed",
  reportDate: string,
  snapshot: PlanFigures | null,
): PeriodRecord {
  const d = isoDate(reportDate);
  return {
    id,
    planId: "1",
    title: `P${id}`,
    startsOn: d,
    updateDeadline: d,
    reportDate: d,
    state,
    snapshot,
    etag: "",
  };
}

test("the actual comes from closed periods' snapshots then today; the forecast from the next month end", () => {
  const periods = [
    period("2", "closed", "2024-03-31", figures("2024-03-31", 20)),
    period("1", "closed", "2024-01-31", figures("2024-01-31", 10)),
    period("3", "open", "2024-06-30", null),
  ];
  const series = progressSeries(periods, figures("2024-04-10", 30));
  assert.deepEqual(
    series.map((p) => [p.date, p.kind, p.percentComplete]),
    [
      ["2024-01-31", "actual", 10],
      ["2024-03-31", "actual", 20],
      ["2024-04-10", "actual", 30],
      ["2024-04-30", "forecast", 40],
      ["2024-05-31", "forecast", 60],
    ],
  );
  assert.equal(series.at(-1)?.label, "End of May 2024");
  assert.equal(lastClosedPeriod(periods)?.id, "2");
  assert.equal(lastClosedPeriod([periods[2]!]), null);
});

test("changes since the last closed period are told in words", () => {
  const changes = changesSince(figures("2024-03-31", 20, 3), figures("2024-04-10", 30, 1));
  const byLabel = new Map(changes.map((c) => [c.label, changeText(c)]));
  assert.equal(byLabel.get("% complete"), "up 10 points (from 20)");
  assert.equal(byLabel.get("Overdue"), "down 2 (from 3)");
  assert.equal(byLabel.get("Delayed"), "no change");
});
