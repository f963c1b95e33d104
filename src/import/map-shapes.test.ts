// The three plan shapes councils bring, each as CSV and XLSX: the LGA action-plan table, a delivery plan
// of priority areas, activities and milestones, and a programme plan of phases, workstreams and activities.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { isoDate } from "../domain/index.ts";
import {
  detectMapping,
  formatProblem,
  mapSheet,
  readPlanFile,
  suggestTitle,
  type MappedPlan,
} from "./index.ts";
import { context, csv, utf8, xlsx, type SheetInput } from "./testdata/fixtures.ts";

const LGA = new URL("../../data/lga-cpc-2023-progress-april-2024.csv", import.meta.url);
const TESTDATA = new URL("./testdata/", import.meta.url);

async function importFile(bytes: Uint8Array, name: string, overrides = {}): Promise<MappedPlan> {
  const file = await readPlanFile(bytes, name);
  const sheet = file.sheets[0]!;
  return mapSheet(sheet, detectMapping(sheet), context(overrides));
}

const errors = (mapped: MappedPlan) =>
  mapped.problems.filter((p) => p.severity === "error").map(formatProblem);

async function lgaRows(): Promise<string[][]> {
  const file = await readPlanFile(new Uint8Array(readFileSync(LGA)), "lga.csv");
  return file.sheets[0]!.rows;
}

describe("the LGA action-plan table", () => {
  test("the April 2024 progress report imports whole: 18 recommendations, 64 actions, refs as written", async () => {
    const mapped = await importFile(new Uint8Array(readFileSync(LGA)), "lga.csv");
    expect(errors(mapped)).toEqual([]);
    expect(mapped.canWrite).toBe(true);
    expect(mapped.counts).toMatchObject({ recommendations: 18, actions: 64, milestones: 0, updates: 64 });
    const [first] = mapped.plan.recommendations;
    expect(first).toMatchObject({ ref: "1", title: "Strategic Vision" });
    expect(first?.actions.map((a) => [a.ref, a.sroPost, a.targetDateText])).toEqual([
      ["1.1", "Acting Director SIT", "May-24"],
      ["1.2", "Acting Director SIT", "Sept-24"],
    ]);
    const refs = mapped.plan.recommendations.flatMap((r) => r.actions.map((a) => a.ref));
    expect(new Set(refs).size).toBe(64);
    // Action 2.1's update opens "Complete - ...": inferred Completed, as the demo seed reads it.
    const mtfs = mapped.plan.recommendations[1]?.actions[0];
    expect(mtfs?.update).toMatchObject({ date: isoDate("2024-04-10"), reportedStatus: "Completed" });
  });

  test("recommendation written once above its actions, two title rows above the header: the same plan", async () => {
    const rows = await lgaRows();
    const once = rows.map((row, i) =>
      i > 1 && row[0] === rows[i - 1]?.[0] ? ["", "", ...row.slice(2)] : row,
    );
    expect(once.filter((r) => r[0] === "")).toHaveLength(64 - 18);
    const text = csv([
      ["LGA Corporate Peer Challenge 2023"],
      ["Action plan: progress report April 2024"],
      ...once,
    ]);
    const file = await readPlanFile(utf8(text), "lga.csv");
    const sheet = file.sheets[0]!;
    expect(detectMapping(sheet).headerRow).toBe(3);
    expect(suggestTitle(file, sheet)).toBe("LGA Corporate Peer Challenge 2023");
    const mapped = mapSheet(sheet, detectMapping(sheet), context());
    const whole = await importFile(new Uint8Array(readFileSync(LGA)), "lga.csv");
    expect(errors(mapped)).toEqual([]);
    expect(mapped.plan.recommendations).toEqual(whole.plan.recommendations);
  });

  test("as XLSX with each recommendation a merged cell down its actions: the same plan", async () => {
    const rows = await lgaRows();
    const merges: string[] = [];
    const cells = rows.map((row, i) => {
      const first = i === 0 || row[0] !== rows[i - 1]?.[0];
      return first ? row : [null, null, ...row.slice(2)];
    });
    rows.forEach((row, i) => {
      if (i === 0 || row[0] === rows[i - 1]?.[0]) return;
      let last = i;
      while (rows[last + 1]?.[0] === row[0]) last += 1;
      if (last > i) merges.push(`A${i + 3}:A${last + 3}`, `B${i + 3}:B${last + 3}`);
    });
    const sheet: SheetInput = {
      name: "Action plan",
      rows: [["LGA Corporate Peer Challenge 2023 action plan"], [], ...cells],
      merges: ["A1:G1", ...merges],
    };
    const mapped = await importFile(await xlsx(sheet), "lga.xlsx");
    const whole = await importFile(new Uint8Array(readFileSync(LGA)), "lga.csv");
    expect(errors(mapped)).toEqual([]);
    expect(mapped.counts).toMatchObject({ recommendations: 18, actions: 64 });
    expect(mapped.plan.recommendations).toEqual(whole.plan.recommendations);
  });
});

describe("a delivery plan: priority areas, activities, milestones", () => {
  const today = { referenceDate: isoDate("2017-04-01"), today: isoDate("2017-10-15") };
  const bytes = () => new Uint8Array(readFileSync(new URL("delivery-plan.csv", TESTDATA)));

  test("areas become recommendations, activities actions, milestones actions under their activity", async () => {
    const mapped = await importFile(bytes(), "delivery-plan.csv", today);
    expect(errors(mapped)).toEqual([]);
    expect(mapped.counts).toMatchObject({ recommendations: 2, actions: 3, milestones: 5, updates: 5 });
    expect(mapped.plan.recommendations.map((r) => [r.ref, r.title])).toEqual([
      ["1", "Financial sustainability"],
      ["2", "Workforce"],
    ]);
    const area1 = mapped.plan.recommendations[0]!.actions;
    expect(area1.map((a) => [a.ref, a.parentRef])).toEqual([
      ["1.1", undefined],
      ["1.1.a", "1.1"],
      ["1.1.b", "1.1"],
      ["1.2", undefined],
      ["1.2.1", "1.2"],
      ["1.2.2", "1.2"],
    ]);
    expect(area1[2]).toMatchObject({
      text: "Publish the MTFS",
      sroPost: "Corporate Director Resources",
      targetDateText: "(a) 01/09/2017",
      update: {
        text: "Draft with Cabinet;\npublication after the summer",
        reportedStatus: "On target",
        percentComplete: 50,
      },
    });
    expect(area1.map((a) => a.update?.percentComplete)).toEqual([undefined, 100, 50, undefined, 50, null]);
    expect(area1[1]?.update?.reportedStatus).toBe("Completed");
    expect(area1[1]?.completedOn).toBeUndefined();
  });

  test("generated milestone refs, unreadable deadlines and a status the dates contradict are warnings with their cells", async () => {
    const mapped = await importFile(bytes(), "delivery-plan.csv", today);
    const warnings = mapped.problems.map(formatProblem);
    // One warning per kind, naming every row it applies to; a kind on one row keeps that row's words.
    expect(warnings).toContain(
      'Sheet "delivery-plan", rows 6–7, 14, column A (No.): 3 milestones are marked only within their action ("(a)", "ii"), so each is numbered under its action ("1.1.a" is the first).',
    );
    expect(warnings).toContain(
      'Sheet "delivery-plan", rows 9–10, column A (No.): 2 milestones have no ref, so each is numbered under its action in the order they come ("1.2.1" is the first).',
    );
    expect(warnings).toContain(
      'Sheet "delivery-plan", rows 8–9, column E (Deadline): 2 target dates are not dates the plan\'s rules understand ("Quarterly"), so those actions have no due date.',
    );
    expect(warnings).toContain(
      'Sheet "delivery-plan", row 7, column F (Status): The file reports "On Target", but by its target date "(a) 01/09/2017" the plan will show it as Overdue.',
    );
    // The header repeated after the page break (row 11) is skipped without a word.
    expect(mapped.problems.filter((p) => p.row === 11)).toEqual([]);
    expect(mapped.problems.map((p) => p.row)).toEqual(
      [...mapped.problems.map((p) => p.row)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
  });

  test("as XLSX with area headings merged across the row and % complete as a percent cell", async () => {
    const sheet: SheetInput = {
      name: "Delivery plan",
      rows: [
        ["Delivery Plan 2017/18"],
        ["No.", "Activity", "Key milestones", "Lead officer", "Deadline", "Status", "%Comp", "Comments"],
        ["Priority area 1: Financial sustainability"],
        ["1.1", "Deliver the MTFS", null, "Corporate Director Resources", "Mar-Apr 17"],
        [
          "(a)",
          null,
          "Agree the budget",
          "Corporate Director Resources",
          new Date(Date.UTC(2017, 2, 1)),
          "Completed",
          1,
        ],
        [null, null, "Publish the MTFS", "Corporate Director Resources", "On-going", "Delayed", 0.25],
      ],
      merges: ["A1:H1", "A3:H3"],
      formats: { G5: "0%", G6: "0%" },
    };
    const mapped = await importFile(await xlsx(sheet), "delivery.xlsx", today);
    expect(errors(mapped)).toEqual([]);
    const actions = mapped.plan.recommendations[0]!.actions;
    expect(actions.map((a) => [a.ref, a.targetDateText, a.update?.percentComplete])).toEqual([
      ["1.1", "Mar-Apr 17", undefined],
      ["1.1.a", "2017-03-01", 100],
      ["1.1.1", "On-going", 25],
    ]);
  });

  test("a milestone before any activity is an error naming its row, and blocks writing", async () => {
    const text = csv([
      ["No.", "Activity", "Key milestones", "Lead officer", "Deadline"],
      ["Priority area 1: Finance"],
      ["(a)", "", "Agree the budget", "Corporate Director Resources", "Mar-17"],
      ["1.1", "Deliver the MTFS", "", "Corporate Director Resources", "Mar-17"],
    ]);
    const mapped = await importFile(utf8(text), "plan.csv");
    expect(errors(mapped)).toEqual([
      'Sheet "plan", row 3: Milestone "Agree the budget" has no parent: no action comes before it under its recommendation or heading.',
    ]);
    expect(mapped.canWrite).toBe(false);
    expect((await importFile(utf8(text), "plan.csv", { skipRows: [3] })).canWrite).toBe(true);
  });
});

describe("a programme plan: phases, workstreams, activities, status only", () => {
  test("CSV with a byte-order mark: each workstream a recommendation numbered under its phase", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("programme-plan.csv", TESTDATA)));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const file = await readPlanFile(bytes, "programme-plan.csv");
    expect(suggestTitle(file, file.sheets[0]!)).toBe("Digital Transformation Programme – plan on a page");
    const mapped = await importFile(bytes, "programme-plan.csv");
    expect(errors(mapped)).toEqual([]);
    expect(mapped.plan.recommendations.map((r) => [r.ref, r.title, r.description])).toEqual([
      ["1.1", "Finance systems", "Phase 1: Discovery"],
      ["1.2", "Customer contact", "Phase 1: Discovery"],
      ["2.1", "Finance systems", "Phase 2: Delivery"],
      ["2.2", "Customer contact", "Phase 2: Delivery"],
    ]);
    const actions = mapped.plan.recommendations.flatMap((r) => r.actions);
    expect(actions.map((a) => [a.ref, a.sroPost, a.update?.reportedStatus ?? null])).toEqual([
      ["1.1.1", null, "On target"],
      ["1.1.2", null, "Delayed"],
      ["1.2.1", null, "Completed"],
      ["2.1.1", null, "Overdue"],
      ["2.1.2", null, null],
      ["2.2.1", null, "On target"],
    ]);
    expect(mapped.counts.postsToCreate).toBe(0);
    // The four unnumbered workstream headings are one warning naming their rows, not four.
    expect(mapped.problems.map((p) => [p.rows, p.severity])).toEqual([[[4, 7, 10, 13], "warning"]]);
    expect(mapped.problems.map(formatProblem)).toEqual([
      'Sheet "programme-plan", rows 4, 7, 10, 13: 4 headings have no number, so their recommendations are numbered in order: "Workstream: Finance systems" as 1.1, "Workstream: Customer contact" as 1.2, "Workstream: Finance systems" as 2.1, ….',
    ]);
    // No SRO anywhere: the coordinator is asked before it is written.
    expect(mapped.confirmations).toEqual([
      "None of the plan's 6 actions has an SRO, so nobody will be reminded of them: check no column of SROs was missed.",
    ]);
  });

  test("as XLSX with a Phase column merged down and workstream headings merged across the rest", async () => {
    const sheet: SheetInput = {
      name: "Programme",
      rows: [
        ["Phase", "Ref", "Activity", "Due", "Status"],
        ["Phase 1: Discovery", "Workstream 1: Finance systems"],
        [null, "1.1.1", "Map finance processes", "Jun-24", "On track"],
        [null, "Workstream 2: Customer contact"],
        [null, "1.2.1", "Analyse call volumes", "May-24", "Complete"],
        ["Phase 2: Delivery", "Workstream 1: Finance systems"],
        [null, "2.1.1", "Procure the ledger", "Dec-24", "Not started"],
      ],
      merges: ["A2:A5", "A6:A7", "B2:E2", "B4:E4", "B6:E6"],
    };
    const mapped = await importFile(await xlsx(sheet), "programme.xlsx");
    expect(errors(mapped)).toEqual([]);
    expect(mapped.plan.recommendations.map((r) => [r.ref, r.title, r.description, r.actions.length])).toEqual(
      [
        ["1.1", "Finance systems", "Phase 1: Discovery", 1],
        ["1.2", "Customer contact", "Phase 1: Discovery", 1],
        ["2.1", "Finance systems", "Phase 2: Delivery", 1],
      ],
    );
    expect(mapped.problems).toEqual([]);
  });
});
