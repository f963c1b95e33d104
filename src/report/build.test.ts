import { describe, expect, test } from "vitest";
import { planFigures } from "../domain/figures.ts";
import { isoDate } from "../domain/iso-date.ts";
import { deriveStatus, inferReportedStatus } from "../domain/status.ts";
import { parseTargetDate } from "../domain/target-date.ts";
import type { Action, IsoDate, PlanFigures, ProgressUpdate, TargetDateChange } from "../domain/types.ts";
import { STATUSES } from "../domain/types.ts";
import { SEED_AS_OF, seedPlan } from "../domain/testdata/lga-cpc-2023.ts";
import { buildReport, NO_SRO_POST } from "./build.ts";
import {
  APPROVED_ON,
  APPROVED_REASON,
  HELEN,
  NAMELESS_AUTHOR,
  Q1_COMPLETED,
  Q1_HOSTILE,
  Q1_PERCENT,
  RESOURCES_HOLDER,
  SAM,
  reportFixture,
} from "./testdata/fixture.ts";
import { HOSTILE_TEXTS } from "./testdata/hand-model.ts";
import type { ReportInput } from "./types.ts";

const TODAY = isoDate("2024-05-01");
interface SeedAction {
  ref: string;
  text: string;
  sro: string | null;
  targetDate: string | null;
  progressUpdate: string;
}
const seedActions: SeedAction[] = seedPlan.recommendations.flatMap((r): SeedAction[] => r.actions);
const Q1_ACTIONS = new Set<string>([Q1_COMPLETED.actionId, Q1_PERCENT.actionId, Q1_HOSTILE.actionId]);

/** The figures straight from the domain, not from the report. */
function figuresOf(input: ReportInput, asOf: IsoDate): PlanFigures {
  return planFigures(
    {
      recommendations: input.recommendations,
      actions: input.actions,
      updates: input.updates,
      targetDateChanges: input.targetDateChanges,
      currentPeriod: input.period,
      overdueAfterMonths: input.plan.overdueAfterMonths,
    },
    asOf,
  );
}

const headlineOf = (input: ReportInput, label: string) =>
  buildReport(input).headline.find((h) => h.label === label);

/** Whether a seed action was complete on the April report's day, by its own update text. */
const completeInApril = (ref: string): boolean => {
  const action = seedActions.find((a) => a.ref === ref);
  if (action === undefined) throw new Error(ref);
  return (
    deriveStatus(
      { completedOn: null, targetDate: parseTargetDate(action.targetDate, { referenceDate: SEED_AS_OF }) },
      { today: SEED_AS_OF, reported: inferReportedStatus(action.progressUpdate) },
    ).derived === "Completed"
  );
};

describe("headline figures", () => {
  const input = reportFixture();
  const model = buildReport(input);
  const now = figuresOf(input, TODAY);
  const april = input.previous?.snapshot;

  test("are the plan's figures today beside the April report's", () => {
    if (april === null || april === undefined) throw new Error("no April snapshot");
    expect(model.asOf).toBe(TODAY);
    expect(model.producedOn).toBe(TODAY);
    expect(model.reportDate).toBe("2024-06-18");
    expect(model.planTitle).toBe(seedPlan.plan.title);
    expect(model.periodTitle).toBe("Q1 2024/25 progress report");
    expect(now.actionsTotal).toBe(seedActions.length);
    expect(headlineOf(input, "Actions complete")).toEqual({
      label: "Actions complete",
      now: `${String(now.actionsCompleted)} of ${String(now.actionsTotal)}`,
      before: `${String(april.actionsCompleted)} of ${String(april.actionsTotal)}`,
    });
    // 1.1 was reported Completed in Q1.
    expect(now.actionsCompleted).toBe(april.actionsCompleted + 1);
    const percent = headlineOf(input, "% of actions complete");
    expect(percent?.now).toMatch(/^\d+%$/);
    expect(percent?.now).toBe(`${String(Math.round((100 * now.actionsCompleted) / now.actionsTotal))}%`);
    expect(percent?.before).toBe(`${String(april.percentComplete)}%`);
    expect(headlineOf(input, "Recommendations fully complete")?.now).toBe(
      `${String(now.recommendationsComplete.complete)} of ${String(seedPlan.recommendations.length)}`,
    );
    expect(model.previous).toEqual({ title: "April 2024 progress report", asOf: SEED_AS_OF, figures: april });
    expect(model.figures).toEqual(now);
    for (const { status, now: count, before } of model.byStatus) {
      expect(count).toBe(now.byStatus[status]);
      expect(before).toBe(april.byStatus[status]);
    }
  });

  test('"Updates received" counts the period\'s updates against the actions owing one', () => {
    const received = headlineOf(input, "Updates received");
    const owing = seedActions.filter((a) => !completeInApril(a.ref)).length;
    expect(received?.now).toBe(`3 of ${String(owing)}`);
    expect(received?.before).toBe(`${String(april?.updates?.received)} of ${String(april?.updates?.due)}`);
  });
});

describe("a closed period", () => {
  test("uses its frozen figures and their day, whatever arrived later", () => {
    const base = reportFixture({ today: isoDate("2024-06-18") });
    const april = base.periods.find((p) => p.title === "April 2024 progress report");
    if (april?.snapshot === null || april === undefined) throw new Error("no April");
    const model = buildReport({ ...base, period: april, previous: null });
    expect(model.figures).toBe(april.snapshot);
    expect(model.asOf).toBe(SEED_AS_OF);
    expect(model.producedOn).toBe("2024-06-18");
    const first = model.rows.find((r) => r.ref === Q1_COMPLETED.actionId);
    expect(first?.progressUpdate).toBe(seedActions[0]?.progressUpdate);
    expect(first?.status).not.toBe("Completed");
    expect(model.updates).toHaveLength(seedActions.length);
    expect(model.updates.every((u) => u.date === SEED_AS_OF)).toBe(true);
  });
});

describe("rows", () => {
  const input = reportFixture();
  const model = buildReport(input);

  test("one per action in plan order, text and progress update exactly as in the seed", () => {
    expect(model.rows.map((r) => r.ref)).toEqual(seedActions.map((a) => a.ref));
    for (const action of seedActions) {
      const row = model.rows.find((r) => r.ref === action.ref);
      expect(row?.text).toBe(action.text);
      expect(row?.sroPost).toBe(action.sro);
      if (!Q1_ACTIONS.has(action.ref)) expect(row?.progressUpdate).toBe(action.progressUpdate);
    }
    const apostrophes = model.rows.filter((r) => /'/.test(`${r.text}${r.progressUpdate ?? ""}`));
    expect(apostrophes.length).toBeGreaterThan(0);
    expect(model.rows.find((r) => r.ref === "5.1")?.recommendationTitle).toBe("Mayor's Office");
    const longest = seedActions.reduce((a, b) => (b.progressUpdate.length > a.progressUpdate.length ? b : a));
    expect(longest.progressUpdate.length).toBeGreaterThan(600);
    expect(model.rows.find((r) => r.ref === longest.ref)?.progressUpdate).toBe(longest.progressUpdate);
    expect(model.appendix.map((g) => g.ref)).toEqual(seedPlan.recommendations.map((r) => String(r.number)));
    expect(model.appendix.flatMap((g) => g.rows)).toEqual(model.rows);
  });

  test("target dates exactly as written, with the day only when there is one", () => {
    const row = (ref: string) => model.rows.find((r) => r.ref === ref);
    expect(row("2.2")?.targetDateText).toBe("Sept-24");
    expect(row("2.2")?.targetDate).toBe("2024-09-30");
    expect(row("11.4")).toMatchObject({ targetDateText: "TBC", targetDate: null });
    expect(row("6.8")).toMatchObject({ targetDateText: "Ongoing", targetDate: null });
    expect(row("3.3")?.targetDateText).toBe("June - 24");
    expect(row("1.2")?.targetDateText).toBe("Dec-24");
  });

  test("the SRO is the holder's name, else the holder's UPN, else nobody", () => {
    const row = (ref: string) => model.rows.find((r) => r.ref === ref);
    expect(row("1.1")?.sro).toBe("Helen Fairbairn");
    expect(row("2.1")?.sro).toBe(RESOURCES_HOLDER);
    expect(row("5.1")?.sro).toBeNull();
    expect(row("13.4")).toMatchObject({ sroPost: null, sro: null });
  });

  test("the Q1 updates show on their rows: Completed, and a % complete", () => {
    expect(model.rows.find((r) => r.ref === Q1_COMPLETED.actionId)).toMatchObject({
      status: "Completed",
      updateDate: Q1_COMPLETED.date,
    });
    expect(model.rows.find((r) => r.ref === Q1_PERCENT.actionId)?.percentComplete).toBe(Q1_PERCENT.percent);
  });

  test("milestones come straight after their action", () => {
    const parent = input.actions[0];
    if (parent === undefined) throw new Error("no actions");
    const milestone: Action = {
      ...parent,
      id: "M1",
      ref: "1.1.1",
      parentId: parent.id,
      text: "Draft the vision",
    };
    const rows = buildReport({ ...input, actions: [...input.actions, milestone] }).rows;
    expect(rows.map((r) => r.ref).slice(0, 3)).toEqual(["1.1", "1.1.1", "1.2"]);
    expect(rows[1]).toMatchObject({ milestoneOf: "1.1", text: "Draft the vision" });
    expect(rows[0]?.milestoneOf).toBeNull();
  });

  test("a withdrawn action shows Withdrawn with its day and reason, and owes no update", () => {
    const withdrawn = { on: isoDate("2024-04-20"), reason: "Merged into 9.3, the Mayor's wish" };
    const actions = input.actions.map((a) => (a.ref === "9.4" ? { ...a, withdrawn } : a));
    const built = buildReport({ ...input, actions });
    expect(built.rows.find((r) => r.ref === "9.4")).toMatchObject({
      status: "Withdrawn",
      withdrawnOn: withdrawn.on,
      withdrawnReason: withdrawn.reason,
    });
    expect(built.rows.find((r) => r.ref === "9.3")).toMatchObject({
      status: expect.not.stringMatching(/^Withdrawn$/),
    });
    const waiting = built.since.noUpdate.flatMap((g) => g.actions.map((a) => a.ref));
    expect(waiting).toContain("9.3");
    expect(waiting).not.toContain("9.4");
    expect(built.headline.find((h) => h.label === "Withdrawn")?.now).toBe("1");
  });
});

describe("since the last report", () => {
  const input = reportFixture();
  const model = buildReport(input);

  test("completed lists what was reported Completed in Q1, with its day, not what was complete in April", () => {
    expect(model.since.completed).toEqual([
      { ref: "1.1", text: seedActions[0]?.text, sroPost: "Acting Director SIT", on: Q1_COMPLETED.date },
    ]);
    expect(completeInApril("2.1")).toBe(true);
  });

  test("dates moved lists the approved change with who approved it, not the requested one", () => {
    expect(model.since.datesMoved).toEqual([
      {
        ref: "1.2",
        text: seedActions[1]?.text,
        sroPost: "Acting Director SIT",
        from: "Sept-24",
        to: "Dec-24",
        reason: APPROVED_REASON,
        approvedBy: "Sam O'Neill",
        approvedOn: APPROVED_ON,
      },
    ]);
  });

  test("a change decided before the April report is not listed again", () => {
    const at = (text: string) => parseTargetDate(text, { referenceDate: SEED_AS_OF });
    const old: TargetDateChange = {
      id: "old",
      actionId: "3.4",
      from: at("June-24"),
      to: at("Sept-24"),
      reason: "Earlier",
      requestedBy: HELEN,
      requestedOn: isoDate("2024-02-20"),
      status: "approved",
      decidedBy: SAM,
      decidedOn: isoDate("2024-03-01"),
    };
    const built = buildReport({ ...input, targetDateChanges: [...input.targetDateChanges, old] });
    expect(built.since.datesMoved.map((d) => d.ref)).toEqual(["1.2"]);
  });

  test("no update received: by SRO post in plan order, with the holder", () => {
    const expected = new Map<string, string[]>();
    for (const a of seedActions) {
      if (Q1_ACTIONS.has(a.ref) || completeInApril(a.ref)) continue;
      const post = a.sro ?? NO_SRO_POST;
      expected.set(post, [...(expected.get(post) ?? []), a.ref]);
    }
    expect(model.since.noUpdate.map((g) => [g.sroPost, g.actions.map((a) => a.ref)])).toEqual([...expected]);
    const holder = (post: string) => model.since.noUpdate.find((g) => g.sroPost === post)?.holder;
    expect(holder("Acting Director SIT")).toBe("Helen Fairbairn");
    expect(holder("Corporate Director Resources")).toBe(RESOURCES_HOLDER);
    expect(holder("CEO")).toBeNull();
    expect(holder(NO_SRO_POST)).toBeNull();
  });

  test("newly overdue are actions overdue now and not in April", () => {
    const statusOn = (a: SeedAction, day: IsoDate) =>
      deriveStatus(
        { completedOn: null, targetDate: parseTargetDate(a.targetDate, { referenceDate: SEED_AS_OF }) },
        {
          today: day,
          reported: Q1_ACTIONS.has(a.ref) && day > SEED_AS_OF ? null : inferReportedStatus(a.progressUpdate),
        },
      ).derived;
    const expected = seedActions
      .filter(
        (a) =>
          !Q1_ACTIONS.has(a.ref) && statusOn(a, TODAY) === "Overdue" && statusOn(a, SEED_AS_OF) !== "Overdue",
      )
      .map((a) => a.ref);
    // Due "Mar-24": Delayed through April, Overdue from 1 May.
    expect(expected).toContain("2.3");
    expect(model.since.newlyOverdue.map((m) => m.ref)).toEqual(expected);
  });

  test("with no previous report there is nothing to compare, but missing updates still show", () => {
    const built = buildReport({ ...input, previous: null });
    expect(built.previous).toBeNull();
    expect(built.headline.every((h) => h.before === null)).toBe(true);
    expect(built.byStatus.every((s) => s.before === null)).toBe(true);
    expect(built.since.completed).toEqual([]);
    expect(built.since.newlyOverdue).toEqual([]);
    expect(built.since.datesMoved).toEqual([]);
    expect(built.since.noUpdate).toEqual(model.since.noUpdate);
  });
});

describe("updates", () => {
  test("only the period's, by plan order then date, author's name else UPN", () => {
    const input = reportFixture();
    const later = input.updates.find((u) => u.periodId === input.period.id && u.actionId === "1.1");
    if (later === undefined) throw new Error("no 1.1 update");
    const { authorUpn: _author, ...unsigned } = later;
    const extra: ProgressUpdate = {
      ...unsigned,
      id: "extra",
      date: isoDate("2024-04-18"),
      text: "Earlier note",
    };
    const model = buildReport({ ...input, updates: [...input.updates, extra] });
    expect(model.updates.map((u) => [u.actionRef, u.date, u.author])).toEqual([
      ["1.1", "2024-04-18", null],
      ["1.1", Q1_COMPLETED.date, "Helen Fairbairn"],
      ["1.2", Q1_PERCENT.date, NAMELESS_AUTHOR],
      ["2.2", Q1_HOSTILE.date, RESOURCES_HOLDER],
    ]);
    expect(model.updates[1]).toMatchObject({ status: "Completed", actionText: seedActions[0]?.text });
    expect(model.updates[3]?.evidenceUrl).toBe("https://example.org/evidence");
  });
});

describe("text is never altered", () => {
  test("hostile text stays exactly as given in the rows and the updates", () => {
    const model = buildReport(reportFixture());
    expect(model.rows.find((r) => r.ref === Q1_HOSTILE.actionId)?.progressUpdate).toBe(
      HOSTILE_TEXTS.join("\n"),
    );
    expect(model.updates.find((u) => u.actionRef === Q1_HOSTILE.actionId)?.text).toBe(
      HOSTILE_TEXTS.join("\n"),
    );
  });

  test("hostile text in an action's own words is kept too", () => {
    const input = reportFixture();
    const actions = input.actions.map((a, i) => ({
      ...a,
      text: HOSTILE_TEXTS[i % HOSTILE_TEXTS.length] ?? "",
    }));
    const model = buildReport({ ...input, actions });
    model.rows.forEach((r, i) => {
      expect(r.text).toBe(HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]);
    });
  });
});

describe("the chart's alt text", () => {
  test("names every status count and the day in en-GB", () => {
    const input = reportFixture();
    const model = buildReport(input);
    const now = figuresOf(input, TODAY);
    expect(model.chartAltText).toContain("1 May 2024");
    expect(model.chartAltText).toContain(`${String(now.actionsTotal)} actions`);
    for (const status of STATUSES)
      expect(model.chartAltText).toContain(`${String(now.byStatus[status])} ${status}`);
  });
});
