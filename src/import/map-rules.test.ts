// How cells are read: refs, dates, statuses, % complete, text limits, and the problems a coordinator sees.
import { describe, expect, test } from "vitest";
import { isoDate } from "../domain/index.ts";
import {
  detectMapping,
  formatProblem,
  mapSheet,
  type MapContext,
  type MappedPlan,
  type Sheet,
} from "./index.ts";
import { context } from "./testdata/fixtures.ts";

const HEADER = [
  "Recommendation",
  "Ref",
  "Action",
  "SRO",
  "Target date",
  "Status",
  "% complete",
  "Progress update",
];

function sheetOf(rows: string[][], header = HEADER): Sheet {
  return { name: "Appendix A", rows: [header, ...rows] };
}

function map(rows: string[][], overrides: Partial<MapContext> = {}, header = HEADER): MappedPlan {
  const sheet = sheetOf(rows, header);
  // Most of these sheets have no SRO or target date at all; the confirmation that asks about that has its
  // own tests (map-layouts.test.ts), so here it is given.
  return mapSheet(sheet, detectMapping(sheet), context({ confirmed: true, ...overrides }));
}

const messages = (mapped: MappedPlan, severity: "error" | "warning") =>
  mapped.problems.filter((p) => p.severity === severity).map(formatProblem);
const actions = (mapped: MappedPlan) => mapped.plan.recommendations.flatMap((r) => r.actions);

describe("refs", () => {
  test("kept exactly as written, generated where missing with a warning naming the row and the ref", () => {
    const mapped = map([
      ["1", "3.2", "Written ref"],
      ["1", "7.2a", "Letter ref"],
      ["1", "", "No ref"],
      ["1", "(b)", "Bracketed"],
    ]);
    expect(actions(mapped).map((a) => a.ref)).toEqual(["3.2", "7.2a", "1.1", "(b)"]);
    expect(messages(mapped, "warning")).toContain(
      'Sheet "Appendix A", row 4, column B (Ref): Action "No ref" has no ref, so it is given "1.1".',
    );
  });

  test("a generated ref skips refs written further down", () => {
    const mapped = map([
      ["1", "", "First"],
      ["1", "1.1", "Written later"],
    ]);
    expect(actions(mapped).map((a) => a.ref)).toEqual(["1.2", "1.1"]);
    expect(mapped.canWrite).toBe(true);
  });

  test("a duplicate ref is an error naming both rows; skipping either row clears it", () => {
    const rows = [
      ["1", "2.1", "First"],
      ["1", "2.2", "Second"],
      ["1", "2.1", "Copy"],
    ];
    const mapped = map(rows);
    expect(messages(mapped, "error")).toEqual([
      'Sheet "Appendix A", row 4, column B (Ref): Ref "2.1" is used twice: on row 2 and on row 4.',
    ]);
    expect(mapped.canWrite).toBe(false);
    const skipped = map(rows, { skipRows: [2] });
    expect(skipped.canWrite).toBe(true);
    expect(skipped.counts).toMatchObject({ actions: 2, rowsSkipped: 1 });
  });
});

describe("target dates", () => {
  test("kept as written; unrecognised ones are warnings and the row still imports", () => {
    const mapped = map([
      ["1", "1.1", "A", "", "May-24"],
      ["1", "1.2", "B", "", "TBC"],
      ["1", "1.3", "C", "", "Ongoing"],
      ["1", "1.4", "D", "", ""],
      ["1", "1.5", "E", "", "Sometime"],
    ]);
    expect(actions(mapped).map((a) => a.targetDateText)).toEqual([
      "May-24",
      "TBC",
      "Ongoing",
      "",
      "Sometime",
    ]);
    expect(messages(mapped, "warning")).toEqual([
      'Sheet "Appendix A", row 6, column E (Target date): "Sometime" is not a date the plan\'s rules understand, so the action has no due date.',
    ]);
    expect(mapped.canWrite).toBe(true);
  });
});

describe("status, % complete and progress text become the first update", () => {
  test.each([
    ["On Target", "On target"],
    ["GREEN", "On target"],
    ["Amber", "Delayed"],
    ["Red", "Overdue"],
    ["Complete", "Completed"],
    ["Completed", "Completed"],
    ["Blue", "Completed"],
    ["Not started", "Not started"],
    ["Amber/Green", "Delayed"],
  ])("%s reads as %s", (written, status) => {
    const [action] = actions(map([["1", "1.1", "A", "", "Dec-24", written]]));
    expect(action?.update).toEqual({
      date: isoDate("2024-04-10"),
      text: "",
      reportedStatus: status,
      percentComplete: null,
    });
  });

  test.each([
    ["50%", 50],
    ["0.5", 50],
    ["50", 50],
    ["100", 100],
    ["0", 0],
    ["12.6%", 13],
  ])("%% complete %s is %d", (written, percent) => {
    const [action] = actions(map([["1", "1.1", "A", "", "Dec-24", "On target", written]]));
    expect(action?.update?.percentComplete).toBe(percent);
  });

  test("an unknown status and a bad percentage are warnings, and record nothing", () => {
    const mapped = map([["1", "1.1", "A", "", "Dec-24", "Purple", "lots", "Going well"]]);
    expect(actions(mapped)[0]?.update).toMatchObject({
      reportedStatus: null,
      percentComplete: null,
      text: "Going well",
    });
    expect(messages(mapped, "warning")).toEqual([
      'Sheet "Appendix A", row 2, column F (Status): "Purple" is not a status the plan knows (Not started, On target, Delayed, Overdue, Completed), so none is recorded.',
      'Sheet "Appendix A", row 2, column G (% complete): "lots" is not a percentage from 0 to 100, so no % complete is recorded.',
    ]);
  });

  test("with no status, the progress text implies one (as the demo seed reads it); 100% is complete", () => {
    const mapped = map([
      ["1", "1.1", "A", "", "Dec-24", "", "", "Complete - agreed at Full Council"],
      ["1", "1.2", "B", "", "Dec-24", "", "", "Complete by April"],
      ["1", "1.3", "C", "", "Dec-24", "", "100%", ""],
      ["1", "1.4", "D", "", "Dec-24", "", "", ""],
    ]);
    expect(actions(mapped).map((a) => a.update?.reportedStatus ?? null)).toEqual([
      "Completed",
      "On target",
      "Completed",
      null,
    ]);
    expect(mapped.counts.updates).toBe(3);
  });

  test("a reported status the dates contradict is a warning; a completed one is not, and completedOn stays unset", () => {
    const mapped = map([
      ["1", "1.1", "Past due", "", "Jan-24", "On target"],
      ["1", "1.2", "Done late", "", "Jan-24", "Completed"],
      ["1", "1.3", "Just late", "", "Mar-24", "Delayed"],
    ]);
    expect(messages(mapped, "warning")).toEqual([
      'Sheet "Appendix A", row 2, column F (Status): The file reports "On target", but by its target date "Jan-24" the plan will show it as Overdue.',
    ]);
    expect(actions(mapped).map((a) => a.completedOn)).toEqual([undefined, undefined, undefined]);
  });

  test("a completion date column sets completedOn; an unreadable one is a warning", () => {
    const header = ["Ref", "Action", "Status", "Date completed"];
    const mapped = map(
      [
        ["1.1", "A", "Completed", "2024-03-15"],
        ["1.2", "B", "Completed", "15/03/2024"],
        ["1.3", "C", "Completed", "last spring"],
      ],
      {},
      header,
    );
    expect(actions(mapped).map((a) => a.completedOn)).toEqual([
      isoDate("2024-03-15"),
      isoDate("2024-03-15"),
      null,
    ]);
    expect(messages(mapped, "warning")).toContain(
      'Sheet "Appendix A", row 4, column D (Date completed): "last spring" is not a date, so no completion date is recorded.',
    );
  });
});

describe("text", () => {
  test("control characters are stripped with a warning; line breaks and tabs stay", () => {
    const mapped = map([["1", "1.1", "Line one\nline\ttwo\u0007\u0000 end", "", "May-24"]]);
    expect(actions(mapped)[0]?.text).toBe("Line one\nline\ttwo end");
    expect(messages(mapped, "warning")).toEqual([
      'Sheet "Appendix A", row 2, column C (Action): The cell held control characters (invisible codes pasted from another system); they were removed.',
    ]);
  });

  test("a 30,000-character cell is kept whole", () => {
    const long = "word ".repeat(6_000).trim();
    const mapped = map([["1", "1.1", long, "", "May-24", "", "", long]]);
    expect(actions(mapped)[0]?.text).toHaveLength(29_999);
    expect(actions(mapped)[0]?.update?.text).toHaveLength(29_999);
    expect(mapped.canWrite).toBe(true);
  });

  test("a cell longer than its column holds is an error naming its row and column, so nothing is written", () => {
    const mapped = map([
      ["1", "1.1", "a".repeat(60_000), "", "May-24", "", "", "b".repeat(60_001)],
      ["1", "1.2.3.4.5.6.7.8.9.10.11", "Long ref", "", "May-24"],
      ["1", "1.3", "Long target", "", "x".repeat(256)],
    ]);
    expect(messages(mapped, "error")).toEqual([
      'Sheet "Appendix A", row 2, column H (Progress update): The cell is 60,001 characters long; the most it can hold is 60,000. Shorten it in the file, then import again.',
      'Sheet "Appendix A", row 3, column B (Ref): The cell is 23 characters long; the most it can hold is 20. Shorten it in the file, then import again.',
      'Sheet "Appendix A", row 4, column E (Target date): The cell is 256 characters long; the most it can hold is 255. Shorten it in the file, then import again.',
    ]);
    expect(mapped.canWrite).toBe(false);
    const titled = map([["1", "1.1", "An action", "", "May-24"]], { planTitle: "t".repeat(256) });
    expect(messages(titled, "error")).toEqual([
      'Sheet "Appendix A": The plan\'s title is 256 characters long; the most it can hold is 255. Give a shorter title.',
    ]);
  });

  // How fast is the bench's to say (npm run bench -- import), not a test's.
  test("5,000 actions map, every one with its update and one post for their SRO", () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => [
      String(Math.floor(i / 50) + 1),
      `${Math.floor(i / 50) + 1}.${(i % 50) + 1}`,
      `Action ${i}`,
      "Corporate Director Resources",
      "Sept-24",
      "On target",
      "50%",
      "Progressing",
    ]);
    const mapped = map(rows);
    expect(mapped.counts).toMatchObject({
      recommendations: 100,
      actions: 5_000,
      updates: 5_000,
      postsToCreate: 1,
    });
    expect(mapped.problems).toEqual([]);
  });
});

describe("the sheet's structure", () => {
  test("a sheet with no header row is one clear error and nothing to write", () => {
    const sheet: Sheet = { name: "Notes", rows: [["Minutes of the meeting"], ["Present: all"]] };
    const mapped = mapSheet(sheet, detectMapping(sheet), context());
    expect(mapped.problems.map(formatProblem)).toEqual([
      'Sheet "Notes": No header row was found: none of the first 50 rows names an Action, Activity or Milestone column.',
    ]);
    expect(mapped.canWrite).toBe(false);
  });

  test("no recommendation column and no headings: one recommendation named after the plan, with a warning", () => {
    const mapped = map(
      [
        ["1.1", "A"],
        ["1.2", "B"],
      ],
      {},
      ["Ref", "Action"],
    );
    expect(mapped.plan.recommendations.map((r) => [r.ref, r.title, r.actions.length])).toEqual([
      ["1", "Test plan", 2],
    ]);
    expect(mapped.problems.map((p) => [p.severity, p.row])).toEqual([["warning", null]]);
  });

  test("an action before the first heading belongs to none: an error", () => {
    const mapped = map([["1.1", "Too early"], ["Theme 1: People"], ["1.2", "Fine"]], {}, ["Ref", "Action"]);
    expect(messages(mapped, "error")).toEqual([
      'Sheet "Appendix A", row 2: Action "Too early" comes before any recommendation or heading, so it belongs to none.',
    ]);
  });

  test("a heading with no actions under it is a warning; a row with details but no action text too", () => {
    const mapped = map(
      [
        ["Theme 1: People"],
        ["Theme 2: Money"],
        ["2.1", "Budget", "Director of Finance"],
        ["2.2", "", "Director of Finance"],
      ],
      {},
      ["Ref", "Action", "Owner"],
    );
    expect(mapped.plan.recommendations.map((r) => r.ref)).toEqual(["2"]);
    expect(mapped.problems.map(formatProblem).filter((m) => !m.includes("SRO"))).toEqual([
      'Sheet "Appendix A", row 2: Heading "Theme 1: People" has no actions under it, so it is not imported.',
      'Sheet "Appendix A", row 5: The row has no action text, so it is not imported.',
    ]);
  });

  test('headingRows "none" reads one-value rows as ordinary rows', () => {
    const sheet = sheetOf([
      ["1", "1.1", "First"],
      ["", "", "Section 2: read as a heading, or as an action"],
    ]);
    const auto = mapSheet(sheet, detectMapping(sheet), context());
    expect(auto.counts.actions).toBe(1);
    const none = mapSheet(sheet, { ...detectMapping(sheet), headingRows: "none" }, context());
    expect(actions(none).map((a) => a.ref)).toEqual(["1.1", "1.2"]);
  });
});
