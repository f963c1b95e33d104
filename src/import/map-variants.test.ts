// Variants of the published layouts that councils write: a sheet that lacks a column or its "Key Milestones"
// rows, an area row above numbered activities, "1." then "1.1", headings merged across the row (into the
// plan or phase column too), a "Programme" column naming one plan, a milestone beside a workstream activity.
import { describe, expect, test } from "vitest";
import { isoDate } from "../domain/index.ts";
import {
  formatProblem,
  mapPlan,
  readLayout,
  readPlanFile,
  type MappedPlan,
  type PlanDraft,
} from "./index.ts";
import { context, csv, utf8, xlsx } from "./testdata/fixtures.ts";
import { BEST_VALUE_AREAS, bestValueSheet } from "./testdata/layouts.ts";

const BV = { referenceDate: isoDate("2018-04-01"), today: isoDate("2018-10-10"), confirmed: true };
const items = (mapped: MappedPlan) => mapped.plan.recommendations.flatMap((r) => r.actions);
const errors = (mapped: MappedPlan) =>
  mapped.problems.filter((p) => p.severity === "error").map(formatProblem);
const map = (draft: PlanDraft | undefined) => {
  if (draft === undefined) throw new Error("no plan");
  return mapPlan(draft.sheets, context({ planTitle: draft.title, ...BV }));
};

describe("a sheet-per-area workbook whose sheets differ a little", () => {
  test("one sheet with an extra column, another without %Comp: all five read, each area keeps its number", async () => {
    const sheets = BEST_VALUE_AREAS.map((area) => bestValueSheet(area));
    const property = sheets[2];
    const communications = sheets[1];
    if (property === undefined || communications === undefined) throw new Error("sheets");
    property.rows = property.rows.map((row, i) => (i < 2 ? row : [...row, i === 2 ? "Date completed" : ""]));
    communications.rows = communications.rows.map((row) => [...row.slice(0, 4), null, ...row.slice(5)]);
    const layout = readLayout(await readPlanFile(await xlsx(...sheets), "bv.xlsx"));
    expect(layout.sheets.every((s) => s.chosen)).toBe(true);
    const mapped = map(layout.plans[0]);
    expect(errors(mapped)).toEqual([]);
    expect(mapped.counts).toMatchObject({ recommendations: 5, actions: 26, milestones: 115 });
    expect(mapped.plan.recommendations.map((r) => [r.ref, r.title])).toEqual(
      BEST_VALUE_AREAS.map((a, i) => [String(i + 1), a.name]),
    );
    // Whichever sheet leads, the others' difference is said, not swallowed.
    expect(mapped.problems.some((p) => /has no "(%Comp|Date completed)" column/.test(p.message))).toBe(true);
  });

  test("a sheet without its Key Milestones rows reads as its sister sheets do", async () => {
    const sheets = BEST_VALUE_AREAS.map((area) => bestValueSheet(area));
    const grants = sheets[3];
    if (grants === undefined) throw new Error("sheets");
    grants.rows = grants.rows.filter((row) => row[0] !== "Key Milestones");
    const mapped = map(readLayout(await readPlanFile(await xlsx(...sheets), "bv.xlsx")).plans[0]);
    expect(mapped.counts).toMatchObject({ recommendations: 5, actions: 26, milestones: 115 });
  });
});

describe("heading rows as councils write them", () => {
  const sheetOf = (rows: string[][]) => ({ name: "Plan", rows });

  test("an unnumbered row above numbered activities is an area; '1.' then '1.1' nests", () => {
    const header = ["Activity", "Lead Officer", "Deadline"];
    const mapped = mapPlan(
      [
        {
          sheet: sheetOf([
            header,
            ["Governance"],
            ["1. Review the constitution"],
            ["Key Milestones"],
            ["Draft to the working group", "Monitoring Officer", "Sept-18"],
            ["Finance"],
            ["2. Rebuild the reserves"],
            ["Key Milestones"],
            ["Agree the reserves policy", "Section 151 Officer", "Oct-18"],
          ]),
          mapping: {
            sheet: "Plan",
            headerRow: 1,
            columns: { action: "Activity", sro: "Lead Officer", targetDate: "Deadline" },
          },
        },
      ],
      context({ ...BV }),
    );
    expect(mapped.headings.map((h) => [h.row, h.reading])).toEqual([
      [2, "area"],
      [3, "activity"],
      [4, "milestones"],
      [6, "area"],
      [7, "activity"],
      [8, "milestones"],
    ]);
    expect(mapped.plan.recommendations.map((r) => r.title)).toEqual(["Governance", "Finance"]);
    expect(items(mapped).map((a) => [a.ref, a.parentRef ?? null])).toEqual([
      ["1.1", null],
      ["1.1.1", "1.1"],
      ["2.2", null],
      ["2.2.1", "2.2"],
    ]);

    const nested = mapPlan(
      [
        {
          sheet: sheetOf([
            ["Ref", "Action", "Deadline"],
            ["1. Governance"],
            ["1.1 Constitution"],
            ["1.1.1", "Draft the new constitution", "Sept-18"],
          ]),
          mapping: {
            sheet: "Plan",
            headerRow: 1,
            columns: { ref: "Ref", action: "Action", targetDate: "Deadline" },
          },
        },
      ],
      context({ ...BV }),
    );
    expect(nested.plan.recommendations.map((r) => [r.ref, r.title, r.description])).toEqual([
      ["1.1", "Constitution", "1. Governance"],
    ]);
  });

  test("a heading merged across the phase column is not read as a phase", async () => {
    const file = await readPlanFile(
      await xlsx({
        name: "Plan",
        rows: [
          ["Phase", "Activity", "Lead officer", "Deadline"],
          ["Phase 1: Stabilise", "Agree the budget", "Chief Executive", "Sept-18"],
          ["1. Recruitment review"],
          ["Key Milestones"],
          ["Phase 1: Stabilise", "Map the process", "Head of HR", "Oct-18"],
        ],
        merges: ["A3:D3", "A4:D4"],
      }),
      "plan.xlsx",
    );
    const mapped = map(readLayout(file).plans[0]);
    expect(errors(mapped)).toEqual([]);
    expect(mapped.plan.recommendations.map((r) => r.title)).toEqual(["Stabilise"]);
    expect(items(mapped).map((a) => [a.ref, a.text])).toEqual([
      ["1.1", "Agree the budget"],
      ["1.2", "Recruitment review"],
      ["1.2.1", "Map the process"],
    ]);
  });
});

describe("plan columns as councils fill them", () => {
  test("headings merged into the Plan column go to the plan of the rows under them", async () => {
    const file = await readPlanFile(
      await xlsx({
        name: "Programmes",
        rows: [
          ["Plan", "Phase", "Activity", "Lead officer", "Deadline"],
          ["HR plan", "Phase 1", "Review the HR model", "Head of HR", "Sept-24"],
          ["1. Recruitment review"],
          ["Key Milestones"],
          ["HR plan", "Phase 1", "Map the process", "Head of HR", "Oct-24"],
          ["2. Procurement rules"],
          ["Key Milestones"],
          ["Procurement plan", "Phase 1", "Rewrite the rules", "Head of Procurement", "Dec-24"],
        ],
        merges: ["A3:E3", "A4:E4", "A6:E6", "A7:E7"],
      }),
      "programmes.xlsx",
    );
    const layout = readLayout(file);
    expect(layout.plans.map((p) => p.title)).toEqual(["HR plan", "Procurement plan"]);
    const [hr, procurement] = layout.plans.map(map);
    expect(items(hr ?? (null as never)).map((a) => a.text)).toEqual([
      "Review the HR model",
      "Recruitment review",
      "Map the process",
    ]);
    expect(items(procurement ?? (null as never)).map((a) => a.text)).toEqual([
      "Procurement rules",
      "Rewrite the rules",
    ]);
  });

  test("a Programme column naming one plan is no plan column: one plan, the column named as not imported", async () => {
    const file = await readPlanFile(
      utf8(
        csv([
          ["Corporate Improvement Plan 2024"],
          ["Ref", "Programme", "Action", "Lead officer", "Target date"],
          ["1.1", "Transformation", "Publish the plan", "Chief Executive", "May-24"],
          ["1.2", "Transformation", "Report to Cabinet", "Chief Executive", "Jun-24"],
        ]),
      ),
      "plan.csv",
    );
    const layout = readLayout(file);
    expect(layout.planColumn).toBeNull();
    expect(layout.plans.map((p) => p.title)).toEqual(["Corporate Improvement Plan 2024"]);
    expect(layout.notes).toEqual([
      'The "Programme" column names one plan only ("Transformation"), so the file is read as one plan.',
    ]);
    expect(map(layout.plans[0]).problems.map(formatProblem)).toContain(
      'Sheet "plan", row 2, column B (Programme): The column "Programme" is not mapped, so no plan names will be imported from it; map it if it holds them.',
    );
  });

  test("a milestone beside an activity of a named workstream is that activity's milestone", () => {
    const mapped = mapPlan(
      [
        {
          sheet: {
            name: "Plan",
            rows: [
              ["Phase", "Workstream", "Activity", "Milestone", "Deadline", "Lead officer"],
              ["Phase 1", "Recruitment", "Map the process", "Process map signed off", "Oct-24", "Head of HR"],
            ],
          },
          mapping: {
            sheet: "Plan",
            headerRow: 1,
            columns: {
              recommendation: "Phase",
              workstream: "Workstream",
              action: "Activity",
              milestone: "Milestone",
              targetDate: "Deadline",
              sro: "Lead officer",
            },
          },
        },
      ],
      context({ ...BV }),
    );
    expect(items(mapped).map((a) => [a.ref, a.text, a.parentRef ?? null])).toEqual([
      ["1.1", "Recruitment", null],
      ["1.1.1", "Map the process", "1.1"],
      ["1.1.1.1", "Process map signed off", "1.1.1"],
    ]);
  });
});

describe("how a file's layout is settled", () => {
  test("sheets titled 'Priority 1: …' keep their own numbers; 'none' reads a file with a Plan column as one plan", async () => {
    const sheets = ["Elections", "Grants"].map((name, i) => {
      const sheet = bestValueSheet({ name, milestones: [2] }, { titles: "none" });
      sheet.rows.unshift([`Priority ${String(i + 3)}: ${name}`], []);
      return sheet;
    });
    const layout = readLayout(await readPlanFile(await xlsx(...sheets), "bv.xlsx"));
    expect(map(layout.plans[0]).plan.recommendations.map((r) => [r.ref, r.title])).toEqual([
      ["3", "Elections"],
      ["4", "Grants"],
    ]);

    const programmes = await readPlanFile(
      utf8(
        csv([
          ["Plan", "Ref", "Action", "Lead officer", "Target date"],
          ["HR plan", "1.1", "Review the HR model", "Head of HR", "Sept-24"],
          ["Procurement plan", "2.1", "Rewrite the rules", "Head of Procurement", "Dec-24"],
        ]),
      ),
      "plans.csv",
    );
    expect(readLayout(programmes).plans.map((p) => p.title)).toEqual(["HR plan", "Procurement plan"]);
    const one = readLayout(programmes, { planColumn: null });
    expect(one.planColumn).toBeNull();
    expect(one.plans).toHaveLength(1);
  });

  test("a Project column naming more values than plans is read as one plan, with a note", async () => {
    const rows = [["Ref", "Project", "Action", "Lead officer", "Target date"]];
    for (let i = 1; i <= 15; i++)
      rows.push([
        `1.${String(i)}`,
        `Project ${String(i)}`,
        `Action ${String(i)}`,
        "Chief Executive",
        "May-24",
      ]);
    const layout = readLayout(await readPlanFile(utf8(csv(rows)), "projects.csv"));
    expect(layout.plans).toHaveLength(1);
    expect(layout.notes).toEqual([
      'The "Project" column names 15 different values, too many to be plans, so the file is read as one plan; if each is a plan, choose it as the plan column.',
    ]);
  });

  test("a file whose sheets are all empty has no plan, and naming a sheet it lacks is refused", async () => {
    const file = await readPlanFile(
      utf8(
        csv([
          ["Ref", "Action"],
          ["1.1", "Act"],
        ]),
      ),
      "plan.csv",
    );
    expect(() => readLayout(file, { sheets: ["Nope"] })).toThrow(/has no sheet "Nope"/);
    expect(() => readLayout({ fileName: "empty.xlsx", kind: "xlsx", sheets: [] })).toThrow(
      '"empty.xlsx" has no sheets.',
    );
  });
});

test("a ref written on two sheets of one plan is an error naming both sheets' rows", async () => {
  const sheet = (name: string) => ({
    name,
    rows: [
      ["Ref", "Action", "Lead officer", "Target date"],
      ["1.1", `${name}: publish the plan`, "Chief Executive", "May-24"],
    ],
  });
  const layout = readLayout(await readPlanFile(await xlsx(sheet("North"), sheet("South")), "areas.xlsx"));
  const mapped = map(layout.plans[0]);
  expect(errors(mapped)).toEqual([
    'Sheet "South", row 2, column A (Ref): Ref "1.1" is used twice: on row 2 of sheet "North" and on row 2.',
  ]);
  expect(mapped.canWrite).toBe(false);
});
