import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../../../domain/iso-date.ts";
import { movedOrder, nextRef, refProblem, targetDateReading, textProblem } from "./structure-edit.ts";

test("Move up and Move down swap with the neighbour, and refuse at the ends", () => {
  const ids = ["a", "b", "c"];
  assert.deepEqual(movedOrder(ids, "b", "up"), ["b", "a", "c"]);
  assert.deepEqual(movedOrder(ids, "b", "down"), ["a", "c", "b"]);
  assert.equal(movedOrder(ids, "a", "up"), null);
  assert.equal(movedOrder(ids, "c", "down"), null);
  assert.equal(movedOrder(ids, "x", "up"), null);
  assert.deepEqual(ids, ["a", "b", "c"], "the order given is left as it was");
});

const reference = isoDate("2024-04-09");

test.each([
  ["31 March 2025", true, "Read as 31 March 2025."],
  ["Mar-25", true, "Read as 31 March 2025."],
  ["April", true, "Read as 30 April 2024 (the year is assumed)."],
  ["Ongoing", true, "Read as ongoing: no date to be due by."],
  ["TBC", true, "Read as to be confirmed: no date yet."],
  ["", true, "No target date: the action will show as having none."],
  ["whenever", false, "Not read as a date: write it as, for example, 31 March 2025, Mar-25, Ongoing or TBC."],
])("a target date of %j is read in words (acceptable: %s)", (text, acceptable, words) => {
  const reading = targetDateReading(text, reference);
  assert.equal(reading.words, words);
  assert.equal(reading.acceptable, acceptable);
});

test("a target date without a year and no reference date asks for the year", () => {
  const reading = targetDateReading("April", null);
  assert.equal(reading.acceptable, false);
  assert.match(reading.words, /add the year/);
});

test("refs and texts are checked before anything is sent", () => {
  assert.match(refProblem("  ", [], "action") ?? "", /Give the action's number, for example 3\.2/);
  assert.match(refProblem("3.2", ["3.1", "3.2 "], "action") ?? "", /Another action is already numbered 3\.2/);
  assert.match(refProblem("1234567890123456789012", [], "recommendation") ?? "", /too long|characters/i);
  assert.equal(refProblem("3.3", ["3.1", "3.2"], "action"), undefined);
  assert.equal(textProblem(" ", "The reason", "Give the reason."), "Give the reason.");
  assert.equal(textProblem("Because", "The reason", "Give the reason."), undefined);
});

test("the next free number under a prefix", () => {
  assert.equal(nextRef("3", ["3.1", "3.2", "3.10", "4.1", "3.2.1"]), "3.11");
  assert.equal(nextRef("3.2", ["3.2.1"]), "3.2.2");
  assert.equal(nextRef("", ["1", "2", "2a"]), "3");
  assert.equal(nextRef("5", []), "5.1");
});
