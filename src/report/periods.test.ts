import { describe, expect, test } from "vitest";
import { isoDate } from "../domain/iso-date.ts";
import type { ReportingPeriod } from "../domain/types.ts";
import { choosePeriods, ReportPeriodError } from "./periods.ts";
import { reportFixture } from "./testdata/fixture.ts";

const snapshot = reportFixture().previous?.snapshot ?? null;

function period(
  id: string,
  reportDate: string,
  state: ReportingPeriod["state"],
  options: { snapshot?: boolean; title?: string } = {},
): ReportingPeriod {
  return {
    id,
    planId: "plan",
    title: options.title ?? `Period ${id}`,
    startsOn: isoDate("2024-01-01"),
    updateDeadline: isoDate(reportDate),
    reportDate: isoDate(reportDate),
    state,
    snapshot: state === "closed" && options.snapshot !== false ? snapshot : null,
  };
}

const q4 = period("q4", "2024-04-09", "closed", { title: "Q4 2023/24 progress report" });
const q1 = period("q1", "2024-06-18", "closed", { title: "Q1 2024/25 progress report" });
const q2 = period("q2", "2024-09-17", "open", { title: "Q2 2024/25 progress report" });

describe("choosePeriods", () => {
  test("with no title it reports on the open period, compared with the last closed one", () => {
    const chosen = choosePeriods([q1, q2, q4]);
    expect(chosen.period.id).toBe("q2");
    expect(chosen.previous?.id).toBe("q1");
    expect(choosePeriods([q2, q4, q1], "   ").period.id).toBe("q2");
  });

  test("with no open period it reports on the latest closed one by report date", () => {
    const chosen = choosePeriods([q1, q4]);
    expect(chosen.period.id).toBe("q1");
    expect(chosen.previous?.id).toBe("q4");
  });

  test("a title is matched ignoring case and spaces at either end", () => {
    const chosen = choosePeriods([q4, q1, q2], "  q1 2024/25 PROGRESS report ");
    expect(chosen.period.id).toBe("q1");
    expect(chosen.previous?.id).toBe("q4");
  });

  test("a closed period without frozen figures is skipped as the one compared with", () => {
    const unfrozen = period("q1", "2024-06-18", "closed", { snapshot: false });
    expect(choosePeriods([q4, unfrozen, q2]).previous?.id).toBe("q4");
  });

  test("the period compared with is never the period itself, nor one after it", () => {
    expect(choosePeriods([q4, q1, q2], q4.title).previous).toBeNull();
    expect(choosePeriods([q4], q4.title).previous).toBeNull();
    // A later closed period is not "the previous report".
    const later = period("q3", "2024-12-10", "closed");
    expect(choosePeriods([q4, q1, later], q1.title).previous?.id).toBe("q4");
  });

  test("the first open period has no previous report", () => {
    expect(choosePeriods([q2]).previous).toBeNull();
    const unfrozen = period("q1", "2024-06-18", "closed", { snapshot: false });
    expect(choosePeriods([unfrozen, q2]).previous).toBeNull();
  });

  test("an unknown title is a ReportPeriodError listing the plan's periods by report date", () => {
    let error: unknown;
    try {
      choosePeriods([q2, q4, q1], " Q3 2024/25 ");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ReportPeriodError);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect((error as Error).name).toBe("ReportPeriodError");
    expect(message).toContain('"Q3 2024/25"');
    expect(message).toContain(
      '"Q4 2023/24 progress report", "Q1 2024/25 progress report", "Q2 2024/25 progress report"',
    );
  });

  test("a plan with no periods is a ReportPeriodError", () => {
    expect(() => choosePeriods([])).toThrow(ReportPeriodError);
    expect(() => choosePeriods([], "Q1")).toThrow(/no reporting periods/);
  });

  test("the fixture's own periods: Q1 2024/25 open, compared with April 2024", () => {
    const input = reportFixture();
    const chosen = choosePeriods(input.periods);
    expect(chosen.period.title).toBe("Q1 2024/25 progress report");
    expect(chosen.previous?.title).toBe("April 2024 progress report");
  });
});
