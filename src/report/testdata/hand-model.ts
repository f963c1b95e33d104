// A ReportModel made by hand from the demo plan, for the writers' tests: every demo action as a row with its
// text exactly, a previous report, one of each "since" list, and update text that looks like formulas, HTML
// and links. It does not depend on buildReport, so the Word writer is tested on its own.
import { isoDate } from "../../domain/iso-date.ts";
import type { PlanFigures, Status } from "../../domain/types.ts";
import { STATUSES } from "../../domain/types.ts";
// The seed file through the domain's test loader: eslint keeps all of src/report, tests too, off the sandbox.
import { SEED_AS_OF, seedPlan } from "../../domain/testdata/lga-cpc-2023.ts";
import type { ReportActionLine, ReportModel } from "../types.ts";

/** Update text that must come out as text, never as a formula, markup or a link. */
export const HOSTILE_TEXTS = [
  '=HYPERLINK("http://evil.example","x")',
  "+1+1",
  "-2",
  "@SUM(A1)",
  "\tTab",
  "\rCR",
  "<script>alert(1)</script>",
  "<b>bold</b>",
  "javascript:alert(1)",
  "https://example.org/page",
] as const;

function figures(asOf: string, byStatus: Record<Status, number>): PlanFigures {
  const total = STATUSES.reduce((sum, status) => sum + byStatus[status], 0);
  return {
    asOf: isoDate(asOf),
    actionsTotal: total,
    actionsCompleted: byStatus.Completed,
    percentComplete: Math.floor((byStatus.Completed / total) * 100),
    byStatus,
    recommendationsComplete: { complete: 3, total: 18, text: "3 of 18" },
    overdue: byStatus.Overdue,
    delayed: byStatus.Delayed,
    dueNext30Days: 0,
    noTargetDate: 0,
    milestones: { total: 0, completed: 0, overdue: 0, delayed: 0 },
    updates: null,
    forecast: [],
    slippage: { actionsMoved: 1, totalDaysMoved: 30, awaitingDecision: 0 },
  };
}

/** The demo plan as a model: Q1 2024/25 reported against April 2024, hostile text on the first rows. */
export function handModel(options: { previous?: boolean } = {}): ReportModel {
  const appendix = seedPlan.recommendations.map((rec) => ({
    ref: String(rec.number),
    title: rec.title,
    rows: rec.actions.map((action): ReportActionLine => {
      const sroPost = action.sro !== null && action.sro.trim() !== "" ? action.sro : null;
      const update = action.progressUpdate.trim() !== "" ? action.progressUpdate : null;
      return {
        recommendationRef: String(rec.number),
        recommendationTitle: rec.title,
        ref: action.ref,
        milestoneOf: null,
        text: action.text,
        sroPost,
        sro: sroPost === null ? null : "Alex Example",
        targetDateText: action.targetDate ?? "",
        targetDate: null,
        status: "On target",
        percentComplete: null,
        progressUpdate: update,
        updateDate: update === null ? null : SEED_AS_OF,
        completedOn: null,
        withdrawnOn: null,
        withdrawnReason: null,
      };
    }),
  }));
  const first = appendix[0]?.rows[0];
  if (first === undefined) throw new Error("The demo plan has no actions.");
  // A milestone under the first action and a withdrawn action, so both kinds of row are drawn.
  appendix[0]?.rows.splice(1, 0, {
    ...first,
    ref: `${first.ref}.1`,
    milestoneOf: first.ref,
    text: "Publish the vision on the Mayor's Office pages",
    progressUpdate: HOSTILE_TEXTS.join("\n"),
    completedOn: isoDate("2024-05-20"),
  });
  appendix[1]?.rows.push({
    ...first,
    ref: "2.9",
    text: "A withdrawn action",
    withdrawnOn: isoDate("2024-05-01"),
    withdrawnReason: "Merged into 2.1",
    status: "Withdrawn",
  });
  const now = figures("2024-06-18", {
    "Not started": 10,
    "On target": 30,
    Delayed: 6,
    Overdue: 4,
    Completed: 14,
  });
  const before = figures("2024-04-09", {
    "Not started": 14,
    "On target": 30,
    Delayed: 8,
    Overdue: 2,
    Completed: 10,
  });
  const previous =
    options.previous === false
      ? null
      : { title: "April 2024 progress report", asOf: before.asOf, figures: before };
  const mention = { ref: first.ref, text: first.text, sroPost: first.sroPost };
  return {
    planTitle: seedPlan.plan.title,
    periodTitle: "Q1 2024/25 progress report",
    reportDate: isoDate("2024-06-18"),
    asOf: now.asOf,
    producedOn: isoDate("2024-06-18"),
    figures: now,
    previous,
    headline: [
      { label: "Actions complete", now: "14 of 64", before: previous ? "10 of 64" : null },
      { label: "% of actions complete", now: "21%", before: previous ? "15%" : null },
      { label: "Recommendations fully complete", now: "3 of 18", before: previous ? "3 of 18" : null },
      { label: "Overdue", now: "4", before: previous ? "2" : null },
    ],
    byStatus: STATUSES.map((status) => ({
      status,
      now: now.byStatus[status],
      before: previous ? before.byStatus[status] : null,
    })),
    chartAltText:
      "Bar chart of the 64 actions by status on 18 June 2024: 10 Not started, 30 On target, 6 Delayed, 4 Overdue, 14 Completed.",
    since: previous
      ? {
          completed: [{ ...mention, on: isoDate("2024-05-20") }],
          newlyOverdue: [mention],
          datesMoved: [
            {
              ...mention,
              from: "May-24",
              to: "Sept-24",
              reason: HOSTILE_TEXTS[0],
              approvedBy: "Sam O'Neill",
              approvedOn: isoDate("2024-05-02"),
            },
          ],
          noUpdate: [{ sroPost: "Acting Director SIT", holder: null, actions: [mention] }],
        }
      : { completed: [], newlyOverdue: [], datesMoved: [], noUpdate: [] },
    appendix,
    rows: appendix.flatMap((group) => group.rows),
    updates: [],
  };
}
