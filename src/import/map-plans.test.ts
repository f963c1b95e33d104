// Several plans in one file, read as a coordinator would expect: a Plan column splits the file, each plan
// numbered on its own (the other layouts are map-layouts.test.ts).
import { describe, expect, test } from "vitest";
import {
  formatProblem,
  mapPlan,
  readLayout,
  readPlanFile,
  type MapContext,
  type MappedPlan,
  type PlanDraft,
} from "./index.ts";
import { context, csv, utf8 } from "./testdata/fixtures.ts";
import { HR_PLAN, PROCUREMENT_PLAN, twoPlanCsv, twoPlanRows } from "./testdata/layouts.ts";

const errors = (mapped: MappedPlan) =>
  mapped.problems.filter((p) => p.severity === "error").map(formatProblem);
const warnings = (mapped: MappedPlan) =>
  mapped.problems.filter((p) => p.severity === "warning").map(formatProblem);
const items = (mapped: MappedPlan) => mapped.plan.recommendations.flatMap((r) => r.actions);

function mapDraft(draft: PlanDraft | undefined, overrides: Partial<MapContext> = {}): MappedPlan {
  if (draft === undefined) throw new Error("no such plan in the file");
  return mapPlan(draft.sheets, context({ planTitle: draft.title, ...overrides }));
}

describe("several plans in one file", () => {
  test("a Plan column splits a CSV with a byte-order mark into two plans, each numbered on its own", async () => {
    const file = await readPlanFile(twoPlanCsv(), "programmes.csv");
    const layout = readLayout(file);
    expect(layout.planColumn).toBe("Plan");
    expect(layout.plans.map((p) => p.title)).toEqual([HR_PLAN, PROCUREMENT_PLAN]);
    const [hr, procurement] = layout.plans.map((draft) => mapDraft(draft, { confirmed: true }));
    if (hr === undefined || procurement === undefined) throw new Error("two plans expected");
    expect(errors(hr)).toEqual([]);
    expect(errors(procurement)).toEqual([]);
    // Phase -> recommendation; a named workstream -> an action holding its activities; an empty workstream
    // cell -> an action of the phase directly.
    expect(
      hr.plan.recommendations.map((r) => [
        r.ref,
        r.title,
        r.actions.map((a) => [a.ref, a.text, a.parentRef ?? null]),
      ]),
    ).toEqual([
      [
        "1",
        "Analyse and stabilise",
        [
          ["1.1", "Review the HR operating model", null],
          ["1.2", "Baseline sickness absence and agency spend", null],
          ["1.3", "Recruitment", null],
          ["1.3.1", "Map the recruitment process end to end", "1.3"],
          ["1.3.2", "Agree a single applicant tracking system", "1.3"],
        ],
      ],
      [
        "2",
        "Design and build",
        [
          ["2.1", "Design the new HR business partner model", null],
          ["2.2", "Policies", null],
          ["2.2.1", "Refresh the council's managing attendance policy", "2.2"],
          ["2.2.2", "Consult the trade unions on the policy changes", "2.2"],
          ["2.3", "Launch manager self-service in the HR system", null],
        ],
      ],
    ]);
    expect(procurement.counts).toMatchObject({ recommendations: 2, actions: 5, milestones: 1 });
    expect(items(procurement)[0]).toMatchObject({ ref: "1.1", update: { reportedStatus: "Completed" } });
    // Refs generated per phase, said once.
    expect(warnings(hr)).toContain(
      'Sheet "programmes", rows 2–4, 6–7, 9: 6 actions have no ref, so they are numbered 1.1–2.3 in the order they come.',
    );
    expect(layout.plans.map((p) => p.mapping.plan)).toEqual([HR_PLAN, PROCUREMENT_PLAN]);
  });

  test("workstreams kept as a label on each activity, when the coordinator prefers", async () => {
    const layout = readLayout(await readPlanFile(twoPlanCsv(), "programmes.csv"));
    const draft = layout.plans[0];
    if (draft === undefined) throw new Error("no plan");
    const mapping = { ...draft.mapping, workstreams: "label" as const };
    const mapped = mapPlan(
      draft.sheets.map((s) => ({ ...s, mapping })),
      context({ confirmed: true }),
    );
    expect(items(mapped).map((a) => [a.ref, a.text])).toContainEqual([
      "1.3",
      "Recruitment: Map the recruitment process end to end",
    ]);
    expect(mapped.counts).toMatchObject({ actions: 8, milestones: 0 });
  });

  test("a column the coordinator picks names the plans; rows before any plan name are said, not imported", async () => {
    const rows = twoPlanRows().map((row, i) => (i === 0 ? ["Board", ...row.slice(1)] : row));
    rows.splice(1, 0, ["", "Phase 0", "", "An activity before any plan", "Complete"]);
    const file = await readPlanFile(utf8(csv(rows)), "programmes.csv");
    expect(readLayout(file).planColumn).toBeNull();
    const layout = readLayout(file, { planColumn: "Board" });
    expect(layout.plans.map((p) => p.title)).toEqual([HR_PLAN, PROCUREMENT_PLAN]);
    expect(layout.notes).toEqual([
      'Sheet "programmes": row 2 comes before any "Board" is named, so it belongs to no plan and is not imported.',
    ]);
  });

  test("without confirmation a plan with no target dates or SROs is not written", async () => {
    const [draft] = readLayout(await readPlanFile(twoPlanCsv(), "programmes.csv")).plans;
    const mapped = mapDraft(draft);
    expect(mapped.confirmations).toEqual([
      "None of the plan's 10 actions and milestones has a target date, so the dashboard will count every one as having none: check no column of target dates was missed.",
      "None of the plan's 10 actions and milestones has an SRO, so nobody will be reminded of them: check no column of SROs was missed.",
    ]);
    expect(mapped.canWrite).toBe(false);
  });
});
