// Every value that reaches a $filter is escaped by these helpers; these cases are the ones that break
// hand-built filters (apostrophes in council names, HTML, quote-and-condition injection).
import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../domain/index.ts";
import { and, anyOf, eq, odataInteger, odataString, onOrAfter, onOrBefore, or } from "./odata.ts";

test("string literals double their apostrophes", () => {
  const cases: [string, string][] = [
    ["Mayor's", "'Mayor''s'"],
    ["Mayor's Office", "'Mayor''s Office'"],
    ["", "''"],
    ["''", "''''''"],
    ["<script>alert('x')</script>", "'<script>alert(''x'')</script>'"],
    ["x' or Title ne 'y", "'x'' or Title ne ''y'"],
    ['"quoted" & 50%', "'\"quoted\" & 50%'"],
  ];
  for (const [value, expected] of cases) assert.equal(odataString(value), expected, value);
});

test("eq escapes its value and refuses anything but a column name", () => {
  assert.equal(eq("Title", "Mayor's Office"), "Title eq 'Mayor''s Office'");
  assert.equal(eq("PlanId", 12), "PlanId eq 12");
  assert.equal(eq("Holder/EMail", "a@b.c"), "Holder/EMail eq 'a@b.c'");
  assert.equal(eq("CompletedOn", null), "CompletedOn eq null");
  assert.equal(eq("Hidden", false), "Hidden eq false");
  assert.throws(() => eq("Title eq 'x' or Title", "y"), RangeError);
  assert.throws(() => eq("Plan Id", 1), RangeError);
});

test("ids must be integers, so no text can ride in on one", () => {
  assert.equal(odataInteger(7), "7");
  for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])
    assert.throws(() => odataInteger(bad), RangeError);
  assert.throws(() => eq("PlanId", 1.5), RangeError);
});

test("conditions combine with brackets, the first one first", () => {
  assert.equal(and(eq("PlanId", 1), eq("Ref", "1.1")), "(PlanId eq 1) and (Ref eq '1.1')");
  assert.equal(or(eq("A", 1)), "A eq 1");
  assert.equal(anyOf("SroPostId", [3, 4, 5]), "(SroPostId eq 3) or (SroPostId eq 4) or (SroPostId eq 5)");
  assert.throws(() => anyOf("SroPostId", []), RangeError);
});

test("date conditions use the day boundary, not midnight", () => {
  assert.equal(onOrBefore("DueDate", isoDate("2024-05-31")), "DueDate lt datetime'2024-05-31T15:00:00Z'");
  assert.equal(onOrAfter("DueDate", isoDate("2024-06-01")), "DueDate gt datetime'2024-05-31T15:00:00Z'");
});
