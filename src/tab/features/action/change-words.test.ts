import { describe, expect, test } from "vitest";
import { whenText } from "./change-words.ts";

describe("whenText", () => {
  test.each([
    ["2026-12-03T09:41:00Z", "3 December 2026 at 09:41"],
    // British Summer Time: an hour ahead of UTC, and past midnight into the next day.
    ["2024-06-30T23:30:00Z", "1 July 2024 at 00:30"],
    ["not a date", "not a date"],
  ])("%s reads as %s", (iso, words) => {
    expect(whenText(iso)).toBe(words);
  });
});
