// Dates in SharePoint DateTime columns come back as the site's local midnight in UTC; each case is a form
// SharePoint (or the sandbox) gives back for a date written with `sharePointDate`.
import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../domain/index.ts";
import { dateFromSharePoint, dayBoundary, sharePointDate, sharePointDateOrNull } from "./dates.ts";

test("dates are written at noon UTC", () => {
  assert.equal(sharePointDate(isoDate("2024-05-31")), "2024-05-31T12:00:00Z");
  assert.equal(sharePointDateOrNull(null), null);
});

test("the day is recovered from every stored form", () => {
  const cases: [string, string, string][] = [
    ["as written (the sandbox)", "2024-05-31T12:00:00Z", "2024-05-31"],
    ["UK site in summer (BST)", "2024-05-30T23:00:00Z", "2024-05-31"],
    ["UK site in winter (GMT)", "2024-01-31T00:00:00Z", "2024-01-31"],
    ["US Eastern site", "2024-05-31T04:00:00Z", "2024-05-31"],
    ["Sydney site", "2024-05-30T14:00:00Z", "2024-05-31"],
    ["Hawaii site (UTC-10)", "2024-05-31T10:00:00Z", "2024-05-31"],
    ["with milliseconds", "2024-02-28T23:00:00.000Z", "2024-02-29"],
  ];
  for (const [what, stored, day] of cases) assert.equal(dateFromSharePoint(stored), day, what);
});

test("empty and broken values read as no date", () => {
  for (const value of [null, undefined, "", "not a date"]) assert.equal(dateFromSharePoint(value), null);
});

test("the day boundary lies after every form of the day and before every form of the next", () => {
  const boundary = Date.parse(dayBoundary(isoDate("2024-05-31")));
  for (const sameDay of [
    "2024-05-31T12:00:00Z",
    "2024-05-30T23:00:00Z",
    "2024-05-31T04:00:00Z",
    "2024-05-31T11:00:00Z",
  ])
    assert.ok(Date.parse(sameDay) < boundary, sameDay);
  for (const nextDay of ["2024-06-01T12:00:00Z", "2024-05-31T23:00:00Z", "2024-05-31T15:00:00Z"])
    assert.ok(Date.parse(nextDay) >= boundary, nextDay);
});
