import assert from "node:assert/strict";
import { test } from "vitest";
import { matchPeople } from "./PersonPicker.tsx";
import { halves } from "./SplitPostForm.tsx";

test("a post written as two is offered as its two halves", () => {
  const cases: [string, [string, string]][] = [
    ["CEO/Monitoring Officer", ["CEO", "Monitoring Officer"]],
    [
      "Corporate Director Resources / Acting Director SIT",
      ["Corporate Director Resources", "Acting Director SIT"],
    ],
    ["Head of Democratic Services/ CEO", ["Head of Democratic Services", "CEO"]],
    ["Director of Place & Deputy CEO", ["Director of Place", "Deputy CEO"]],
    ["Director of Place", ["Director of Place", ""]],
  ];
  for (const [title, expected] of cases) assert.deepEqual(halves(title), expected, title);
});

test("people are found by every word typed, in their name, job title or sign-in name", () => {
  const people = [
    {
      upn: "helen.fairbairn@northbridge.gov.uk",
      displayName: "Helen Fairbairn",
      jobTitle: "Corporate Director Resources",
    },
    { upn: "tomasz.nowak@northbridge.gov.uk", displayName: "Tomasz Nowak", jobTitle: null },
  ];
  assert.deepEqual(
    matchPeople(people, "helen").map((p) => p.upn),
    ["helen.fairbairn@northbridge.gov.uk"],
  );
  assert.deepEqual(
    matchPeople(people, "director RES").map((p) => p.displayName),
    ["Helen Fairbairn"],
  );
  assert.deepEqual(
    matchPeople(people, "nowak@").map((p) => p.displayName),
    ["Tomasz Nowak"],
  );
  assert.equal(matchPeople(people, "").length, 2);
  assert.equal(matchPeople(people, "helen nowak").length, 0);
});
