import assert from "node:assert/strict";
import { test } from "vitest";
import { londonDate, shiftedClock } from "./clock.ts";

test("the London date follows British Summer Time, not UTC", () => {
  // 23:30 UTC on 31 May 2024 is 00:30 on 1 June in London (BST, UTC+1).
  assert.equal(londonDate(new Date("2024-05-31T23:30:00Z")), "2024-06-01");
  // In winter London is on UTC.
  assert.equal(londonDate(new Date("2024-12-31T23:30:00Z")), "2024-12-31");
});

test("a shifted clock starts on the chosen day and keeps running", () => {
  let real = Date.parse("2026-11-24T10:15:00Z");
  const clock = shiftedClock("2024-04-10", () => real);
  assert.equal(clock().toISOString(), "2024-04-10T10:15:00.000Z");
  real += 90_000;
  assert.equal(clock().toISOString(), "2024-04-10T10:16:30.000Z");
});
