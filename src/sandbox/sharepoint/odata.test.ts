import { test } from "vitest";
import assert from "node:assert/strict";
import {
  ODataQueryError,
  filterFields,
  parseExpand,
  parseFilter,
  parseIsoInstant,
  parseOrderBy,
  parseSelect,
} from "./odata.ts";
import type { FilterNode, Literal } from "./odata.ts";
import { compareValues, evaluateFilter } from "./odata-evaluate.ts";

const str = (value: string): Literal => ({ kind: "string", value });
const num = (value: number): Literal => ({ kind: "number", value });
const cmp = (field: string, op: "eq" | "ne" | "lt" | "le" | "gt" | "ge", value: Literal): FilterNode => ({
  kind: "compare",
  op,
  field: field.split("/"),
  value,
});

const parses: [string, FilterNode][] = [
  ["Title eq 'Mayor''s Office'", cmp("Title", "eq", str("Mayor's Office"))],
  ["Title eq ''''", cmp("Title", "eq", str("'"))],
  ["Title eq ''", cmp("Title", "eq", str(""))],
  ["Title eq 'a and b or not c'", cmp("Title", "eq", str("a and b or not c"))],
  ["SRO/Id eq 7", cmp("SRO/Id", "eq", num(7))],
  ["SROId ne 7", cmp("SROId", "ne", num(7))],
  [
    "Target_x0020_Date lt datetime'2024-05-31T00:00:00Z'",
    cmp("Target_x0020_Date", "lt", { kind: "datetime", value: new Date("2024-05-31T00:00:00Z") }),
  ],
  [
    "Due le datetime'2024-05-31T10:20:30'",
    cmp("Due", "le", { kind: "datetime", value: new Date("2024-05-31T10:20:30Z") }),
  ],
  [
    "Due gt datetime'2024-05-31T10:20:30.1234567Z'",
    cmp("Due", "gt", { kind: "datetime", value: new Date("2024-05-31T10:20:30.123Z") }),
  ],
  [
    "Due ge datetime'2024-05-31'",
    cmp("Due", "ge", { kind: "datetime", value: new Date("2024-05-31T00:00:00Z") }),
  ],
  ["Score gt -3", cmp("Score", "gt", num(-3))],
  ["Score lt 2.75", cmp("Score", "lt", num(2.75))],
  ["Score ge -0.5", cmp("Score", "ge", num(-0.5))],
  ["Active eq true", cmp("Active", "eq", { kind: "boolean", value: true })],
  ["Active ne false", cmp("Active", "ne", { kind: "boolean", value: false })],
  ["SRO/EMail eq null", cmp("SRO/EMail", "eq", { kind: "null" })],
  ["Notes ne null", cmp("Notes", "ne", { kind: "null" })],
  ["substringof('lead', Title)", { kind: "substringof", field: ["Title"], value: "lead" }],
  ["substringof('it''s',Title) eq true", { kind: "substringof", field: ["Title"], value: "it's" }],
  ["startswith(Plan/Title, 'Im')", { kind: "startswith", field: ["Plan", "Title"], value: "Im" }],
  ["startswith(Title,'Im') eq true", { kind: "startswith", field: ["Title"], value: "Im" }],
  [
    "A eq 1 or B eq 2 and C eq 3",
    {
      kind: "or",
      left: cmp("A", "eq", num(1)),
      right: { kind: "and", left: cmp("B", "eq", num(2)), right: cmp("C", "eq", num(3)) },
    },
  ],
  [
    "A eq 1 and B eq 2 or C eq 3",
    {
      kind: "or",
      left: { kind: "and", left: cmp("A", "eq", num(1)), right: cmp("B", "eq", num(2)) },
      right: cmp("C", "eq", num(3)),
    },
  ],
  [
    "A eq 1 and B eq 2 and C eq 3",
    {
      kind: "and",
      left: { kind: "and", left: cmp("A", "eq", num(1)), right: cmp("B", "eq", num(2)) },
      right: cmp("C", "eq", num(3)),
    },
  ],
  [
    "(A eq 1 or B eq 2) and C eq 3",
    {
      kind: "and",
      left: { kind: "or", left: cmp("A", "eq", num(1)), right: cmp("B", "eq", num(2)) },
      right: cmp("C", "eq", num(3)),
    },
  ],
  ["((( A eq 1 )))", cmp("A", "eq", num(1))],
  ["not (Status eq 'Closed')", { kind: "not", operand: cmp("Status", "eq", str("Closed")) }],
  [
    "not substringof('x', Title) and A eq 1",
    {
      kind: "and",
      left: { kind: "not", operand: { kind: "substringof", field: ["Title"], value: "x" } },
      right: cmp("A", "eq", num(1)),
    },
  ],
  ["not not (A eq 1)", { kind: "not", operand: { kind: "not", operand: cmp("A", "eq", num(1)) } }],
  ["  Status \t eq\n'Open'  ", cmp("Status", "eq", str("Open"))],
];

for (const [text, expected] of parses) {
  test(`parseFilter accepts: ${text}`, () => {
    assert.deepEqual(parseFilter(text), expected);
  });
}

const rejects = [
  "",
  "endswith(Title,'x')",
  "contains(Title,'x')",
  "tolower(Title) eq 'x'",
  "length(Title) eq 3",
  "substringof('x', tolower(Title))",
  "Tags/any(t: t eq 'x')",
  "Priority add 1 eq 3",
  "Status in ('Open','Closed')",
  "Active",
  "Title eq",
  "Title eq 'a' and",
  "and Title eq 'a'",
  "(Title eq 'a'",
  "Title eq 'a')",
  "()",
  "Title eq 'unterminated",
  "Title eq Status",
  "'x' eq Title",
  "Title EQ 'x'",
  "Title eq 'a' AND Status eq 'b'",
  "startsWith(Title,'x')",
  "substringof(Title, 'x')",
  "startswith('x', Title)",
  "substringof('x', Title) eq false",
  "substringof('x', Title) ne true",
  "not Status eq 'x'",
  "A/B/C eq 1",
  "SRO/ eq 1",
  "SRO.Id eq 1",
  "Due gt datetime'2024-02-30'",
  "Due gt datetime'yesterday'",
  "Due gt datetime '2024-05-31'",
  "Id eq guid'00000000-0000-0000-0000-000000000000'",
  "Score eq 10L",
  "Score eq 2.5M",
  "Score eq 1.",
  "Score eq .5",
  "Score eq - 3",
  "Score eq 1e3",
  "Active gt true",
  "Notes lt null",
  "null eq Notes",
  "true eq true",
  "null eq null",
  "Title eq 'a' Status eq 'b'",
  "Score eq 5and Title eq 'x'",
  "Title eq 'a'and Status eq 'b'",
  "Due eq datetime'2024-05-31'or A eq 1",
  'Title eq "a"',
];

for (const text of rejects) {
  test(`parseFilter rejects: ${JSON.stringify(text)}`, () => {
    assert.throws(
      () => parseFilter(text),
      (err: unknown) =>
        err instanceof ODataQueryError && err.message === `The expression "${text}" is not valid.`,
    );
  });
}

test("ODataQueryError carries SharePoint's error code", () => {
  assert.throws(() => parseFilter("Title eq"), {
    name: "ODataQueryError",
    code: "-1, Microsoft.SharePoint.Client.InvalidClientQueryException",
  });
});

test("parseIsoInstant rejects impossible dates and accepts date-only", () => {
  assert.equal(parseIsoInstant("2024-13-01"), undefined);
  assert.equal(parseIsoInstant("2024-05-31T24:00:00Z"), undefined);
  assert.equal(parseIsoInstant("2024-05-31Z"), undefined);
  assert.equal(parseIsoInstant("2024-05-31")?.toISOString(), "2024-05-31T00:00:00.000Z");
});

test("parseOrderBy reads direction and lookups", () => {
  assert.deepEqual(parseOrderBy("Due desc, Title,SRO/Title asc"), [
    { field: ["Due"], descending: true },
    { field: ["Title"], descending: false },
    { field: ["SRO", "Title"], descending: false },
  ]);
  assert.deepEqual(parseOrderBy(""), []);
  assert.deepEqual(parseOrderBy("  "), []);
  for (const bad of [",", "Due DESC", "Due desc,", "Due down", "A/B/C", "Due desc desc"]) {
    assert.throws(() => parseOrderBy(bad), ODataQueryError, bad);
  }
});

test("parseSelect and parseExpand", () => {
  assert.deepEqual(parseSelect("Id,Title, SRO/EMail"), [["Id"], ["Title"], ["SRO", "EMail"]]);
  assert.deepEqual(parseSelect("*"), [["*"]]);
  assert.deepEqual(parseExpand("SRO,Plan"), ["SRO", "Plan"]);
  const trailing = "Id,Title,";
  assert.throws(() => parseSelect(trailing), { message: `The expression "${trailing}" is not valid.` });
  for (const bad of ["", "Id,,Title", "SRO/*", "A/B/C", "Title desc"]) {
    assert.throws(() => parseSelect(bad), ODataQueryError, bad);
  }
  for (const bad of ["", "SRO,", "SRO/Title", "SRO Plan"]) {
    assert.throws(() => parseExpand(bad), ODataQueryError, bad);
  }
});

test("filterFields lists each path once, in order", () => {
  const tree = parseFilter(
    "Status eq 'Open' and (SRO/Id eq 7 or not startswith(Title,'A')) and Status ne 'X'",
  );
  assert.deepEqual(filterFields(tree), [["Status"], ["SRO", "Id"], ["Title"]]);
});

const item: Record<string, unknown> = {
  Title: "Mayor's Office Review",
  Status: "In Progress",
  Priority: 3,
  Score: "42",
  Code: "A-10",
  Active: true,
  Archived: false,
  Due: "2024-05-31T00:00:00Z",
  Created: new Date("2024-01-15T09:30:00Z"),
  Notes: "",
  Owner: null,
  Tags: ["Finance", "Housing"],
  "Members/Id": [7, 12],
  "SRO/Id": 7,
  "SRO/EMail": "Ann.Lee@council.gov.uk",
  NoTags: [],
};
const read = (path: string[]): unknown => item[path.join("/")];
const evaluations: [string, boolean][] = [
  // case-insensitive text
  ["Status eq 'in progress'", true],
  ["Status ne 'IN PROGRESS'", false],
  ["Title eq 'mayor''s office review'", true],
  ["Status eq 'In Progres'", false],
  ["Status gt 'in a'", true],
  ["Status lt 'IN A'", false],
  ["SRO/EMail eq 'ann.lee@COUNCIL.gov.uk'", true],
  ["Title eq 'Mayor’s Office Review'", false],
  // numbers, including numbers stored as text and numeric text literals
  ["Priority eq 3", true],
  ["Priority lt 3", false],
  ["Priority le 3", true],
  ["Priority gt 2.5", true],
  ["Priority ge -1", true],
  ["Priority ge 3", true],
  ["Priority gt 3", false],
  ["Priority eq '3'", true],
  ["Score gt 5", true],
  ["Score eq 42", true],
  ["Code eq 10", false],
  // booleans, including 1/0 for Yes/No
  ["Active eq true", true],
  ["Active eq 1", true],
  ["Active eq 0", false],
  ["Archived eq 0", true],
  ["Archived ne false", false],
  // dates as instants, from ISO strings and Date values, against datetime and plain string literals
  ["Due eq datetime'2024-05-31T00:00:00Z'", true],
  ["Due eq datetime'2024-05-31'", true],
  ["Due lt datetime'2024-05-31T00:00:00.001Z'", true],
  ["Due gt datetime'2024-05-30T23:59:59'", true],
  ["Due ge '2024-06-01'", false],
  ["Due eq '2024-05-31T00:00:00.000Z'", true],
  ["Created lt datetime'2024-01-15T09:30:01Z'", true],
  ["Created eq '2024-01-15T09:30:00Z'", true],
  // null handling: empty text, null, missing field
  ["Notes eq null", true],
  ["Owner eq null", true],
  ["Missing eq null", true],
  ["Notes ne null", false],
  ["Title ne null", true],
  ["Title eq null", false],
  ["Owner ne 'x'", false],
  ["Notes ne 'x'", false],
  ["Missing lt 5", false],
  ["not (Owner eq 'x')", true],
  // multi-valued
  ["Tags eq 'housing'", true],
  ["Tags eq 'Planning'", false],
  ["Tags ne 'Housing'", false],
  ["Tags ne 'Planning'", true],
  ["Members/Id eq 12", true],
  ["Members/Id eq 8", false],
  ["NoTags eq null", true],
  ["NoTags eq 'x'", false],
  // functions
  ["substringof('OFFICE', Title)", true],
  ["substringof('office', Title) eq true", true],
  ["substringof('council', Title)", false],
  ["startswith(Title, 'mayor')", true],
  ["startswith(Title, 'Office')", false],
  ["substringof('x', Owner)", false],
  ["startswith(Notes, '')", false],
  ["not substringof('office', Title)", false],
  // logic
  ["Priority eq 1 or Priority eq 3 and Active eq true", true],
  ["(Priority eq 1 or Priority eq 3) and Active eq false", false],
  ["Priority eq 1 or Status eq 'in progress' and Active eq false", false],
  ["not (Priority eq 1) and SRO/Id eq 7", true],
];

for (const [text, expected] of evaluations) {
  test(`evaluateFilter: ${text} -> ${expected}`, () => {
    assert.equal(evaluateFilter(parseFilter(text), read), expected);
  });
}

const evaluationErrors = [
  "Tags lt 'x'",
  "startswith(Tags, 'H')",
  "substringof('3', Priority)",
  "Priority eq 'three'",
  "Active eq 2",
  "Active eq 'true'",
  "Priority eq true",
  "Due eq 5",
  "Due eq 'soon'",
  "Title gt datetime'2024-01-01'",
  "Created eq 'soon'",
];

for (const text of evaluationErrors) {
  test(`evaluateFilter refuses a type mismatch: ${text}`, () => {
    assert.throws(() => evaluateFilter(parseFilter(text), read), ODataQueryError);
  });
}

test("evaluation errors name the offending comparison", () => {
  assert.throws(() => evaluateFilter(parseFilter("Due eq  5"), read), {
    message: 'The expression "Due eq 5" is not valid.',
  });
  assert.throws(() => evaluateFilter(parseFilter("startswith(Tags,'it''s')"), read), {
    message: "The expression \"startswith(Tags,'it''s')\" is not valid.",
  });
});

test("compareValues sorts empty values first and each type in its own order", () => {
  assert.ok(compareValues(null, "a") < 0);
  assert.ok(compareValues("a", undefined) > 0);
  assert.equal(compareValues("", null), 0);
  assert.equal(compareValues([], null), 0);
  assert.ok(compareValues(2, 10) < 0);
  assert.ok(compareValues("apple", "Banana") < 0);
  assert.equal(compareValues("ABC", "abc"), 0);
  assert.ok(compareValues(false, true) < 0);
  assert.ok(compareValues("2024-05-31T00:00:00Z", "2024-05-30T23:00:00.000Z") > 0);
  assert.ok(compareValues(new Date("2024-01-01T00:00:00Z"), "2024-05-30T23:00:00Z") < 0);
  assert.throws(() => compareValues(["a"], ["b"]), ODataQueryError);
  assert.throws(() => compareValues(1, "a"), Error);
});

test("compareValues gives Array.prototype.sort the SharePoint order", () => {
  // Items, not bare values: Array.prototype.sort moves bare undefined to the end without asking.
  const items = ["b", null, "A", "", "c", undefined].map((v, id) => ({ id, v }));
  items.sort((x, y) => compareValues(x.v, y.v));
  assert.deepEqual(
    items.slice(3).map((x) => x.v),
    ["A", "b", "c"],
  );
  assert.deepEqual(
    items
      .slice(0, 3)
      .map((x) => x.id)
      .sort(),
    [1, 3, 5],
  );
});
