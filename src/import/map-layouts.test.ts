// The layouts councils publish, read as a coordinator would expect: headers by their words, no column lost
// in silence, a workbook with a sheet per area as one plan, several plans in one file, activities with their
// milestones under heading rows, phases and workstreams, one warning per kind.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { isoDate } from "../domain/index.ts";
import { roleOfHeader } from "./headers.ts";
import {
  detectMapping,
  formatProblem,
  mapPlan,
  mapSheet,
  readLayout,
  readPlanFile,
  type MapContext,
  type MappedPlan,
  type PlanDraft,
  type PlanFile,
} from "./index.ts";
import { context, xlsx } from "./testdata/fixtures.ts";
import { BEST_VALUE_AREAS, bestValueWorkbook, type BestValueOptions } from "./testdata/layouts.ts";

const LGA = new URL("../../data/lga-cpc-2023-progress-april-2024.csv", import.meta.url);
const BV_CONTEXT: Partial<MapContext> = {
  referenceDate: isoDate("2018-04-01"),
  today: isoDate("2018-10-10"),
};

const errors = (mapped: MappedPlan) =>
  mapped.problems.filter((p) => p.severity === "error").map(formatProblem);
const warnings = (mapped: MappedPlan) =>
  mapped.problems.filter((p) => p.severity === "warning").map(formatProblem);
const items = (mapped: MappedPlan) => mapped.plan.recommendations.flatMap((r) => r.actions);

function mapDraft(draft: PlanDraft | undefined, overrides: Partial<MapContext> = {}): MappedPlan {
  if (draft === undefined) throw new Error("no such plan in the file");
  return mapPlan(draft.sheets, context({ planTitle: draft.title, ...overrides }));
}

async function lgaWithDateHeader(header: string): Promise<PlanFile> {
  const rows = (await readPlanFile(new Uint8Array(readFileSync(LGA)), "lga.csv")).sheets[0]?.rows ?? [];
  // The appendix as councils publish it: each recommendation one merged cell down its actions' rows.
  const merges: string[] = [];
  const cells = rows.map((row, i) => {
    const first = i === 0 || row[0] !== rows[i - 1]?.[0];
    return i === 0 ? [...row.slice(0, 5), header, row[6] ?? ""] : first ? row : [null, null, ...row.slice(2)];
  });
  rows.forEach((row, i) => {
    if (i === 0 || row[0] === rows[i - 1]?.[0]) return;
    let last = i;
    while (rows[last + 1]?.[0] === row[0]) last++;
    if (last > i)
      merges.push(`A${String(i + 1)}:A${String(last + 1)}`, `B${String(i + 1)}:B${String(last + 1)}`);
  });
  return readPlanFile(await xlsx({ name: "Appendix A", rows: cells, merges }), "appendix.xlsx");
}

describe("headers are read by their words", () => {
  test.each([
    "Target Date for Completion",
    "Completion date",
    "Date due",
    "Target (indicative)",
    "Target completion date (indicative only)",
    "Deadline for delivery",
    "Expected completion date",
    "When will it be done by?",
  ])(
    "an LGA appendix with merged recommendation cells, its dates headed %j, imports every target date",
    async (header) => {
      const file = await lgaWithDateHeader(header);
      const [draft] = readLayout(file).plans;
      const mapped = mapDraft(draft);
      expect(errors(mapped)).toEqual([]);
      expect(mapped.counts).toMatchObject({ recommendations: 18, actions: 64 });
      // Every action that has a date in the published report (63: one is left blank there).
      expect(items(mapped).filter((a) => a.targetDateText !== "")).toHaveLength(63);
      expect(items(mapped)[0]?.targetDateText).toBe("May-24");
      expect(mapped.confirmations).toEqual([]);
      expect(mapped.canWrite).toBe(true);
    },
  );

  test.each([
    ["Date completed", "completedOn"],
    ["Actual completion date", "completedOn"],
    ["Lead Officer(s)", "sro"],
    ["Responsible Director", "sro"],
    ["RAG rating (Q2)", "status"],
    ["%Comp", "percentComplete"],
    ["Programme", "plan"],
    ["Workstream", "workstream"],
    ["Key Activities / Milestones", "action"],
    ["Budget (£k)", null],
  ])("%j is read as %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  test("a header's phrase beats another's words, and words that mean something else rule a role out", () => {
    const sheet = {
      name: "Plan",
      rows: [
        ["Ref", "Action", "Lead Member", "Lead Officer", "Success measures / targets", "Target date"],
        ["1.1", "Publish the plan", "Cllr Jones", "Chief Executive", "Plan published", "May-24"],
      ],
    };
    expect(detectMapping(sheet).columns).toMatchObject({ sro: "Lead Officer", targetDate: "Target date" });
    expect(roleOfHeader("Target outcome")).toBeNull();
    expect(roleOfHeader("Target audience")).toBeNull();
    expect(roleOfHeader("Milestone date")).toBe("targetDate");
    expect(roleOfHeader("Lead Member")).toBeNull();
  });

  test("a column nobody mapped is named in a warning that says what will not be imported", () => {
    const sheet = {
      name: "Plan",
      rows: [
        [
          "Ref",
          "Action",
          "Lead officer",
          "Target Date for Completion",
          "Budget (£k)",
          "Q1 comments",
          "Q2 comments",
        ],
        ["1.1", "Publish the plan", "Chief Executive", "May-24", "20", "Started", "Done"],
      ],
    };
    const mapping = detectMapping(sheet);
    const { targetDate: _unmapped, ...columns } = mapping.columns;
    const mapped = mapSheet(sheet, { ...mapping, columns }, context());
    expect(warnings(mapped).filter((w) => w.includes(", row 1,"))).toEqual([
      'Sheet "Plan", row 1, column D (Target Date for Completion): The column "Target Date for Completion" is not mapped, so no target dates will be imported from it; map it if it holds them.',
      'Sheet "Plan", row 1, column E (Budget (£k)): The column "Budget (£k)" is not imported: no field of the plan is mapped to it.',
      'Sheet "Plan", row 1, column F (Q1 comments): The column "Q1 comments" is not imported: "Q2 comments" is read for progress updates.',
    ]);
    // With no target date read at all, the coordinator is asked before anything is written.
    expect(mapped.confirmations).toEqual([
      "The plan's one action has no target date, so the dashboard will count it as having none: check no column of target dates was missed.",
    ]);
    expect(mapped.canWrite).toBe(false);
    expect(mapSheet(sheet, { ...mapping, columns }, context({ confirmed: true })).canWrite).toBe(true);
  });
});

async function bestValue(options: BestValueOptions = {}): Promise<PlanFile> {
  return readPlanFile(await bestValueWorkbook(options), "Best Value delivery plan.xlsx");
}

/** Each activity with its milestones' count, area by area, as the workbook was written. */
function expectedShape(): [string, number][] {
  return BEST_VALUE_AREAS.flatMap((area, a) =>
    area.milestones.map((count, i): [string, number] => [`${String(a + 1)}.${String(i + 1)}`, count]),
  );
}

function shapeOf(mapped: MappedPlan): [string, number][] {
  const all = items(mapped);
  return all
    .filter((a) => a.parentRef === undefined)
    .map((a) => [a.ref, all.filter((m) => m.parentRef === a.ref).length]);
}

describe("a workbook with a sheet per area is one plan", () => {
  test("five sheets, numbered activity rows and a Key Milestones row: 5 areas, 26 activities, 115 milestones", async () => {
    const layout = readLayout(await bestValue());
    expect(layout.sheets.map((s) => [s.name, s.sameLayout, s.chosen])).toEqual(
      BEST_VALUE_AREAS.map((a) => [a.name, true, true]),
    );
    expect(layout.areas).toBe(true);
    expect(layout.plans).toHaveLength(1);
    const [draft] = layout.plans;
    // The title row every sheet shares is the plan's title; the areas are named by their sheets.
    expect(draft?.title).toBe("Best Value Delivery Plan 2018/19: Quarter 2 monitoring");
    const mapped = mapDraft(draft, BV_CONTEXT);
    expect(errors(mapped)).toEqual([]);
    expect(mapped.counts).toMatchObject({ recommendations: 5, actions: 26, milestones: 115, updates: 115 });
    expect(mapped.plan.recommendations.map((r) => [r.ref, r.title])).toEqual(
      BEST_VALUE_AREAS.map((a, i) => [String(i + 1), a.name]),
    );
    expect(shapeOf(mapped)).toEqual(expectedShape());
    const first = mapped.plan.recommendations[0]?.actions;
    expect(first?.[0]).toMatchObject({ ref: "1.1", text: "Planning for 2018 Mayoral and local elections" });
    expect(first?.[1]).toMatchObject({
      ref: "1.1.1",
      parentRef: "1.1",
      sroPost: "Director of Communications",
      targetDateText: "Oct-18",
      update: { reportedStatus: "Completed", percentComplete: 100 },
    });
    // "Key Milestones" says what follows; it is not itself imported.
    expect(items(mapped).some((a) => /key milestones/i.test(a.text))).toBe(false);
    expect(mapped.headings.filter((h) => h.sheet === "Elections")).toEqual([
      {
        sheet: "Elections",
        row: 4,
        text: "1. Planning for 2018 Mayoral and local elections",
        reading: "activity",
        chosen: false,
      },
      { sheet: "Elections", row: 5, text: "Key Milestones", reading: "milestones", chosen: false },
      {
        sheet: "Elections",
        row: 17,
        text: "2. Elections: improvement activity 2",
        reading: "activity",
        chosen: false,
      },
      { sheet: "Elections", row: 18, text: "Key Milestones", reading: "milestones", chosen: false },
    ]);
    // The milestones' numbers are said once per sheet, not once per row.
    expect(warnings(mapped).filter((w) => w.includes("milestones have no ref"))).toEqual([
      'Sheet "Elections", rows 6–16, 19–28: 21 milestones have no ref, so each is numbered under its action in the order they come ("1.1.1" is the first).',
      'Sheet "Communications", rows 6–9, 12–15, 18–21, 24–27, 30–33, 36–39: 24 milestones have no ref, so each is numbered under its action in the order they come ("2.1.1" is the first).',
      'Sheet "Property", rows 6–9, 12–15, 18–20, 23–26, 29–31, 34–37, 40–42: 25 milestones have no ref, so each is numbered under its action in the order they come ("3.1.1" is the first).',
      'Sheet "Grants", rows 6–9, 12–15, 18–21, 24–27, 30–33: 20 milestones have no ref, so each is numbered under its action in the order they come ("4.1.1" is the first).',
      'Sheet "Organisational Culture", rows 6–10, 13–16, 19–22, 25–28, 31–34, 37–40: 25 milestones have no ref, so each is numbered under its action in the order they come ("5.1.1" is the first).',
    ]);
  });

  test.each<[string, BestValueOptions]>([
    ["no title rows", { titles: "none" }],
    ['"Key Activities / Milestones" as the first header', { firstHeader: "Key Activities / Milestones" }],
    ['"Key milestones:" before the milestones', { marker: "Key milestones:" }],
    ['"Milestones" before the milestones', { marker: "Milestones" }],
    ['activities written "Activity 1:"', { numbering: (n) => `Activity ${String(n)}:` }],
    ['activities written "1)"', { numbering: (n) => `${String(n)})` }],
  ])("the same plan with %s", async (_, options) => {
    const mapped = mapDraft(readLayout(await bestValue(options)).plans[0], BV_CONTEXT);
    expect(errors(mapped)).toEqual([]);
    expect(mapped.counts).toMatchObject({ recommendations: 5, actions: 26, milestones: 115 });
    expect(shapeOf(mapped)).toEqual(expectedShape());
  });

  test("each sheet's own title row names its area, and the file names the plan", async () => {
    const [draft] = readLayout(await bestValue({ titles: "own" })).plans;
    expect(draft?.title).toBe("Best Value delivery plan");
    const mapped = mapDraft(draft, BV_CONTEXT);
    expect(mapped.plan.recommendations.map((r) => r.title)).toEqual(
      BEST_VALUE_AREAS.map((a) => `${a.name}: delivery plan 2018/19`),
    );
  });

  test("the coordinator leaves sheets out or imports one alone; each keeps its area's number", async () => {
    const file = await bestValue();
    const two = readLayout(file, { sheets: ["Elections", "Grants"] });
    expect(two.sheets.filter((s) => s.chosen).map((s) => s.name)).toEqual(["Elections", "Grants"]);
    const mapped = mapDraft(two.plans[0], BV_CONTEXT);
    expect(mapped.plan.recommendations.map((r) => [r.ref, r.title])).toEqual([
      ["1", "Elections"],
      ["4", "Grants"],
    ]);
    expect(mapped.counts).toMatchObject({ actions: 7, milestones: 41 });
    expect(two.plans[0]?.mapping.sheets).toEqual(["Elections", "Grants"]);
    const alone = mapDraft(readLayout(file, { sheets: ["Grants"] }).plans[0], BV_CONTEXT);
    expect(alone.plan.recommendations.map((r) => [r.ref, r.title])).toEqual([["4", "Grants"]]);
    expect(() => readLayout(file, { sheets: ["Housing"] })).toThrow(
      '"Best Value delivery plan.xlsx" has no sheet "Housing"; its sheets are "Elections", "Communications", "Property", "Grants", "Organisational Culture".',
    );
  });

  test("a mapping saved before sheets were joined reads its one sheet as it did, not as an area", async () => {
    const file = await bestValue();
    const saved = { ...detectMapping(file.sheets[3] ?? { name: "", rows: [] }) };
    expect(saved.sheet).toBe("Grants");
    const layout = readLayout(file, { mapping: saved });
    expect(layout.areas).toBe(false);
    expect(layout.sheets.filter((s) => s.chosen).map((s) => s.name)).toEqual(["Grants"]);
    const mapped = mapDraft(layout.plans[0], BV_CONTEXT);
    expect(mapped.plan.recommendations.map((r) => r.title)).toEqual([layout.plans[0]?.title]);
    expect(mapped.counts).toMatchObject({ actions: 5, milestones: 20 });
    // --sheet in the CLI says the same for a file read afresh: the sheet is a plan of its own.
    expect(readLayout(file, { sheets: ["Grants"], areas: false }).areas).toBe(false);
  });

  test("a heading row read otherwise by the coordinator, by row", async () => {
    const layout = readLayout(await bestValue());
    const draft = layout.plans[0];
    if (draft === undefined) throw new Error("no plan");
    const mapping = { ...draft.mapping, headingReadings: { "Elections!17": "area" as const } };
    const mapped = mapPlan(
      draft.sheets.map((s) => ({ ...s, mapping })),
      context({ planTitle: draft.title, ...BV_CONTEXT }),
    );
    expect(mapped.headings.find((h) => h.row === 17 && h.sheet === "Elections")).toMatchObject({
      reading: "area",
      chosen: true,
    });
    // Activity 2 is now an area of its own: its ten milestones are its actions, and the Key Milestones row
    // under it has no activity to belong to, which the preview says.
    expect(mapped.counts).toMatchObject({ recommendations: 6, actions: 35, milestones: 105 });
    expect(warnings(mapped)).toContain(
      'Sheet "Elections", row 18: "Key Milestones" comes before any activity or action, so the rows under it are read as actions.',
    );
    const ignored = mapPlan(
      draft.sheets.map((s) => ({
        ...s,
        mapping: { ...mapping, headingReadings: { "Grants!4": "ignore" as const } },
      })),
      context({ planTitle: draft.title, ...BV_CONTEXT }),
    );
    // Ignoring Grants' first activity leaves its milestones to the area: they are actions there.
    expect(ignored.counts).toMatchObject({ actions: 25 + 4, milestones: 111 });
  });
});
