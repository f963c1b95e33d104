// Finding the table: header rows below titles, the names councils give columns, and the saved mapping.
import { describe, expect, test } from "vitest";
import {
  choosePlanSheet,
  detectMapping,
  importMappingSchema,
  mapSheet,
  parseSavedMapping,
  type PlanFile,
  type Sheet,
} from "./index.ts";
import { context } from "./testdata/fixtures.ts";

describe("detectMapping", () => {
  test.each([
    [
      [
        "Recommendation",
        "Recommendation title",
        "Ref",
        "Action",
        "Senior Responsible Officer",
        "Target date",
        "Progress update",
      ],
      {
        recommendation: "Recommendation",
        recommendationTitle: "Recommendation title",
        ref: "Ref",
        action: "Action",
        sro: "Senior Responsible Officer",
        targetDate: "Target date",
        progressUpdate: "Progress update",
      },
    ],
    [
      [
        "Priority area",
        "No.",
        "Activity",
        "Key milestones",
        "Lead officer",
        "Deadline",
        "Status",
        "% complete",
        "Comments",
      ],
      {
        recommendation: "Priority area",
        ref: "No.",
        action: "Activity",
        milestone: "Key milestones",
        sro: "Lead officer",
        targetDate: "Deadline",
        status: "Status",
        percentComplete: "% complete",
        progressUpdate: "Comments",
      },
    ],
    [
      [
        "THEME",
        "Ref",
        "Milestone",
        "SRO",
        "Target completion date (indicative only)",
        "RAG",
        "%Comp",
        "Quarter 1 comments",
        "Quarter 2 comments",
      ],
      {
        recommendation: "THEME",
        ref: "Ref",
        milestone: "Milestone",
        sro: "SRO",
        targetDate: "Target completion date (indicative only)",
        status: "RAG",
        percentComplete: "%Comp",
        progressUpdate: "Quarter 2 comments",
      },
    ],
    [
      ["Phase", "Action", "Owner", "Due", "Update", "Date completed"],
      {
        recommendation: "Phase",
        action: "Action",
        sro: "Owner",
        targetDate: "Due",
        progressUpdate: "Update",
        completedOn: "Date completed",
      },
    ],
  ])("maps %j", (header, columns) => {
    const mapping = detectMapping({ name: "S", rows: [header] });
    expect(mapping.headerRow).toBe(1);
    expect(mapping.columns).toEqual(columns);
  });

  test("the header row is found below title rows and a note, wherever it is", () => {
    const sheet: Sheet = {
      name: "S",
      rows: [
        ["Northbridge Council"],
        ["Improvement plan", "", "Status: draft"],
        [],
        ["", "Ref", "Action", "Lead officer"],
        ["", "1.1", "Act", "CEO"],
      ],
    };
    expect(detectMapping(sheet)).toMatchObject({
      headerRow: 4,
      columns: { ref: "Ref", action: "Action", sro: "Lead officer" },
    });
  });

  test("the plan's sheet is the one with the fullest header row, not the cover sheet", () => {
    const file: PlanFile = {
      fileName: "plan.xlsx",
      kind: "xlsx",
      sheets: [
        { name: "Cover", rows: [["Action plan"], ["Action", "Notes"]] },
        { name: "Appendix A", rows: [["Ref", "Action", "SRO", "Target date"]] },
      ],
    };
    expect(choosePlanSheet(file)?.name).toBe("Appendix A");
  });
});

describe("a saved mapping", () => {
  const first: Sheet = {
    name: "Plan",
    rows: [
      ["Ref", "What we will do", "Accountable", "When"],
      ["1.1", "Publish the vision", "CEO", "May-24"],
    ],
  };

  test("round-trips through JSON and the schema, and reads the next file the same way", () => {
    // The coordinator maps the two columns detection did not know, and the mapping is saved as JSON.
    const edited = {
      ...detectMapping(first),
      columns: { ...detectMapping(first).columns, sro: "Accountable", targetDate: "When" },
    };
    const saved = JSON.stringify(edited);
    expect(parseSavedMapping(saved)).toEqual(edited);
    // A saved mapping that no longer parses is mapped afresh, never an error.
    expect(parseSavedMapping("{not json")).toBeNull();
    expect(parseSavedMapping(JSON.stringify({ sheet: "Plan", headerRow: 0, columns: {} }))).toBeNull();
    const parsed = importMappingSchema.safeParse(JSON.parse(saved));
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    // Next quarter's file has a title row added, headers in capitals and the columns moved.
    const next: Sheet = {
      name: "Plan",
      rows: [
        ["Q2 update"],
        ["WHEN", "Ref", "What we will do", "accountable"],
        ["Jun-24", "1.1", "Publish the vision", "CEO"],
      ],
    };
    const mapped = mapSheet(next, parsed.data, context());
    const action = mapped.plan.recommendations[0]?.actions[0];
    expect(action).toMatchObject({
      ref: "1.1",
      text: "Publish the vision",
      sroPost: "CEO",
      targetDateText: "Jun-24",
    });
  });

  test("a column the saved mapping uses that is gone is an error naming it", () => {
    const mapping = importMappingSchema.parse({
      sheet: "Plan",
      headerRow: 1,
      columns: { ref: "Ref", action: "What we will do", sro: "Lead" },
    });
    const mapped = mapSheet(first, mapping, context());
    expect(mapped.problems.find((p) => p.severity === "error")).toMatchObject({
      severity: "error",
      row: 1,
      message: 'The column "Lead" that the saved mapping uses is not in the header row.',
    });
    expect(mapped.canWrite).toBe(false);
  });

  test("the schema refuses a mapping that is not one", () => {
    expect(importMappingSchema.safeParse({ sheet: "Plan", headerRow: 0, columns: {} }).success).toBe(false);
    expect(
      importMappingSchema.safeParse({ sheet: "Plan", headerRow: 2, columns: { owner: "Owner" } }).success,
    ).toBe(false);
  });
});
