import { describe, expect, test } from "vitest";
import { isoDate, parseTargetDate } from "../../../domain/index.ts";
import { dateChangeProblems } from "./date-change-form.ts";

const current = parseTargetDate("Sept-24", { referenceDate: isoDate("2024-04-09") });
const today = isoDate("2024-05-02");
const ask = (toText: string, reason = "Waiting for Cabinet") =>
  dateChangeProblems({ toText, reason }, current, isoDate("2024-04-09"), today);

describe("asking to move the target date", () => {
  test.each([
    ["", "Enter the new target date, for example 30 September 2025."],
    ["soon", "Enter a date that can be read, for example 30 September 2025 or Sept-25."],
    ["1 May 2024", "The new date must be after today (2 May 2024): 1 May 2024 is not."],
    ["2 May 2024", "The new date must be after today (2 May 2024): 2 May 2024 is not."],
    ["30 September 2024", "The target date is already 30 September 2024: enter a different date."],
    ["Sept-24", "The target date is already 30 September 2024: enter a different date."],
  ])("the date %j is refused in words", (toText, words) => {
    expect(ask(toText).toText).toBe(words);
  });

  test("a later date with a reason may be sent", () => {
    expect(ask("3 May 2024")).toEqual({});
    expect(ask("Dec-24")).toEqual({});
  });

  test("a reason is required", () => {
    expect(ask("Dec-24", "   ").reason).toBe("Give the reason the date needs to move.");
  });
});
