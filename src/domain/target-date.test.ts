import { test } from "vitest";
import assert from "node:assert/strict";
import type { TargetDateFlag, TargetDateKind } from "./types.ts";
import type { TargetDateContext } from "./target-date.ts";
import { formatUkDate, formatUkDateShort, parseTargetDate } from "./target-date.ts";
import { isoDate } from "./iso-date.ts";

interface Case {
  from: string;
  text: string;
  due: string | null;
  kind: TargetDateKind;
  flags?: TargetDateFlag[];
}

// The plan this file is about is as of 9 April 2024; that is what gives "April" and "May" their year.
const ASOF = { referenceDate: "2024-04-09" };

function check(cases: readonly Case[], context: TargetDateContext = ASOF): void {
  for (const c of cases) {
    const parsed = parseTargetDate(c.text, context);
    const label = `${c.from}: ${JSON.stringify(c.text)}`;
    assert.equal(parsed.text, c.text, `${label} keeps its text`);
    assert.equal(parsed.due, c.due, `${label} due`);
    assert.equal(parsed.kind, c.kind, `${label} kind`);
    assert.deepEqual(parsed.flags, c.flags ?? [], `${label} flags`);
  }
}

test("month and year, however the plan punctuates them", () => {
  check([
    { from: "LGA CPC 2023, action 1.1", text: "May-24", due: "2024-05-31", kind: "month" },
    { from: "LGA CPC 2023, action 1.2", text: "Sept-24", due: "2024-09-30", kind: "month" },
    { from: "LGA CPC 2023, action 3.3", text: "June - 24", due: "2024-06-30", kind: "month" },
    { from: "LGA CPC 2023, action 4.5", text: "March -24", due: "2024-03-31", kind: "month" },
    { from: "LGA CPC 2023, action 4.2", text: "May 24", due: "2024-05-31", kind: "month" },
    { from: "LGA CPC 2023, action 11.3", text: "July 24", due: "2024-07-31", kind: "month" },
    { from: "LGA CPC 2023, action 11.1", text: "April-24", due: "2024-04-30", kind: "month" },
    { from: "LGA CPC 2023, action 7.1", text: "Apr-24", due: "2024-04-30", kind: "month" },
    { from: "LGA CPC 2023, action 6.7", text: "Dec-23", due: "2023-12-31", kind: "month" },
    { from: "LGA CPC 2023, action 7.4", text: "May- 24", due: "2024-05-31", kind: "month" },
    { from: "LGA CPC 2023, action 13.1", text: "Aug 24", due: "2024-08-31", kind: "month" },
    { from: "LGA CPC 2023, action 7.5", text: "August 24", due: "2024-08-31", kind: "month" },
    { from: "LGA CPC 2023, action 8.2", text: "Jul-24", due: "2024-07-31", kind: "month" },
    { from: "LGA CPC 2023, action 2.1", text: "Jan-24", due: "2024-01-31", kind: "month" },
    { from: "LGA CPC 2023, action 6.2", text: "Feb-24", due: "2024-02-29", kind: "month" },
    { from: "LGA CPC 2023, action 16.1", text: "Oct-24", due: "2024-10-31", kind: "month" },
    { from: "LGA CPC 2023, action 16.3", text: "Apr-25", due: "2025-04-30", kind: "month" },
    { from: "LGA CPC 2023, action 13.2", text: "April 24", due: "2024-04-30", kind: "month" },
    { from: "LGA CPC 2023, action 6.1", text: "June 24", due: "2024-06-30", kind: "month" },
    { from: "LGA CPC 2023, action 4.3", text: "July-24", due: "2024-07-31", kind: "month" },
    { from: "typographic dash (Word)", text: "Sept – 24", due: "2024-09-30", kind: "month" },
    { from: "four-digit year", text: "by end of March 2025", due: "2025-03-31", kind: "month" },
    { from: "apostrophe year", text: "Nov '24", due: "2024-11-30", kind: "month" },
  ]);
});

test("days, British day-first numeric dates, and several dates", () => {
  check([
    { from: "LGA CPC 2023, action 13.8", text: "10 Apr 2024", due: "2024-04-10", kind: "date" },
    {
      from: "issue: two-stage target",
      text: "Agreed by 01/04/2024 Implemented by 01/10/24",
      due: "2024-10-01",
      kind: "date",
      flags: ["several dates", "extra words"],
    },
    { from: "British numeric", text: "03/04/2024", due: "2024-04-03", kind: "date" },
    { from: "British numeric, dots", text: "3.4.24", due: "2024-04-03", kind: "date" },
    { from: "ordinal", text: "1st October 2024", due: "2024-10-01", kind: "date" },
    { from: "ISO export", text: "2024-05-31", due: "2024-05-31", kind: "date" },
    { from: "week commencing", text: "w/c 10 June 2024", due: "2024-06-10", kind: "date" },
    {
      from: "impossible day",
      text: "31/02/2024",
      due: null,
      kind: "none",
      flags: ["no target date", "unrecognised"],
    },
  ]);
});

test("ranges end on the last day of their last month", () => {
  check([
    { from: "issue: range", text: "Jan to March 24", due: "2024-03-31", kind: "range" },
    { from: "issue: range, 2017 plan", text: "Mar-Apr 17", due: "2017-04-30", kind: "range" },
    { from: "range across a year end", text: "Nov 2024 - Feb", due: "2025-02-28", kind: "range" },
    { from: "range of years", text: "April 2024 to March 2025", due: "2025-03-31", kind: "range" },
    { from: "day in a range", text: "Jan - 24 Mar 2024", due: "2024-03-24", kind: "range" },
    { from: "financial year", text: "2024/25", due: "2025-03-31", kind: "range" },
    { from: "financial quarter", text: "Q1 2024/25", due: "2024-06-30", kind: "range" },
    { from: "financial quarter 4", text: "Q4 24/25", due: "2025-03-31", kind: "range" },
    {
      from: "quarter of a calendar year",
      text: "Q2 2024",
      due: "2024-06-30",
      kind: "range",
      flags: ["calendar quarter assumed"],
    },
  ]);
});

test("seasons: Spring ends May, Summer Aug, Autumn Nov, Winter Feb of the next year", () => {
  check([
    { from: "issue: season", text: "Spring 2024", due: "2024-05-31", kind: "season" },
    { from: "issue: season", text: "Summer 2024", due: "2024-08-31", kind: "season" },
    { from: "issue: season", text: "Autumn 2024", due: "2024-11-30", kind: "season" },
    { from: "issue: season", text: "Winter 2024", due: "2025-02-28", kind: "season" },
    { from: "winter named by its financial year", text: "Winter 2023/24", due: "2024-02-29", kind: "season" },
    { from: "season spelt as in update 16.1", text: "Autum 24", due: "2024-11-30", kind: "season" },
  ]);
});

test("no date: Ongoing, TBC, blank", () => {
  check([
    {
      from: "LGA CPC 2023, action 6.8",
      text: "Ongoing",
      due: null,
      kind: "ongoing",
      flags: ["no target date", "ongoing"],
    },
    {
      from: "issue: hyphenated",
      text: "On-going",
      due: null,
      kind: "ongoing",
      flags: ["no target date", "ongoing"],
    },
    {
      from: "LGA CPC 2023, action 11.4",
      text: "TBC",
      due: null,
      kind: "tbc",
      flags: ["no target date", "to be confirmed"],
    },
    {
      from: "spelt out",
      text: "To be confirmed",
      due: null,
      kind: "tbc",
      flags: ["no target date", "to be confirmed"],
    },
    {
      from: "LGA CPC 2023, action 7.2 (blank)",
      text: "",
      due: null,
      kind: "none",
      flags: ["no target date"],
    },
    { from: "a dash in the cell", text: " - ", due: null, kind: "none", flags: ["no target date"] },
    { from: "N/A", text: "N/A", due: null, kind: "none", flags: ["no target date"] },
    {
      from: "LGA CPC 2023, action 8.3",
      text: "Ongoing - June 24",
      due: "2024-06-30",
      kind: "month",
      flags: ["ongoing"],
    },
  ]);
  const none = parseTargetDate(null, ASOF);
  assert.deepEqual(none, { text: "", due: null, kind: "none", flags: ["no target date"] });
});

test("a month with no year takes the first one ending on or after the reference date", () => {
  check([
    {
      from: "LGA CPC 2023, action 7.3",
      text: "Review Complete, implementation April",
      due: "2024-04-30",
      kind: "month",
      flags: ["year assumed", "extra words"],
    },
    {
      from: "LGA CPC 2023, action 6.4",
      text: "May",
      due: "2024-05-31",
      kind: "month",
      flags: ["year assumed"],
    },
    { from: "month already past", text: "March", due: "2025-03-31", kind: "month", flags: ["year assumed"] },
    {
      from: "season without year",
      text: "Winter",
      due: "2025-02-28",
      kind: "season",
      flags: ["year assumed"],
    },
    { from: "day without year", text: "9 April", due: "2024-04-09", kind: "date", flags: ["year assumed"] },
  ]);
  check(
    [
      {
        from: "same plan read a month later",
        text: "April",
        due: "2025-04-30",
        kind: "month",
        flags: ["year assumed"],
      },
    ],
    { referenceDate: "2024-05-01" },
  );
  check(
    [{ from: "planYear only", text: "April", due: "2023-04-30", kind: "month", flags: ["year assumed"] }],
    {
      planYear: 2023,
    },
  );
  assert.deepEqual(parseTargetDate("April", {}), {
    text: "April",
    due: null,
    kind: "month",
    flags: ["no target date", "year unknown"],
  });
  assert.equal(
    parseTargetDate("April", { referenceDate: "09/04/24" }).due,
    null,
    "an invalid reference is ignored",
  );
});

test("never throws, and 'no target date' is flagged exactly when there is no due date", () => {
  const odd = [
    "banana",
    "Phase 2",
    "Complete",
    "99/99/99",
    "Q5 2024",
    "May 5",
    "- - -",
    "2024/2026",
    "Dec 9999",
    "Winter 9999",
    "\u0000\u{1F600}",
    "x".repeat(10_000),
    "Apr-24 / Sept-24 / TBC / Ongoing / 10/10/2030",
  ];
  for (const text of odd) {
    const parsed = parseTargetDate(text, ASOF);
    assert.equal(parsed.text, text);
    assert.equal(parsed.flags.includes("no target date"), parsed.due === null, JSON.stringify(text));
  }
  assert.deepEqual(parseTargetDate("banana", ASOF).flags, ["no target date", "unrecognised"]);
  assert.equal(parseTargetDate("Dec 9999", ASOF).due, "9999-12-31");
});

test("formatUkDate is re-exported for target dates", () => {
  assert.equal(formatUkDate(isoDate("2024-05-31")), "31 May 2024");
  assert.equal(formatUkDateShort(isoDate("2024-05-31")), "31 May 24");
});
