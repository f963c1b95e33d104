// Every refusal reaches people in officer's words: what the schemas do not word themselves is worded by the
// one error map (zod-words.ts), for zod/mini (the tab, the data layer) and classic zod (the CLI) alike.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { STATUSES } from "../domain/types.ts";
import { inputRefused } from "../sharepoint/core/index.ts";
import { newUpdateSchema } from "../sharepoint/updates/index.ts";
import { describeError } from "../tab/lib/describe-error.ts";
import { z } from "./zod.ts";
import { fieldName } from "./zod-words.ts";

/** The messages a schema gives for `input`, in order. */
function messages(schema: z.ZodMiniType, input: unknown): string[] {
  const result = schema.safeParse(input);
  assert.ok(result.error !== undefined, "refused");
  return result.error.issues.map((i) => i.message);
}

const UPDATE = {
  date: "2024-06-10",
  text: "Draft policy went to CMT on 4 June.",
  reportedStatus: "On target",
  percentComplete: 40,
  periodId: "3",
  evidenceUrl: null,
};

describe("officer's words for refusals no schema words itself", () => {
  const cases: [name: string, schema: z.ZodMiniType, input: unknown, words: string][] = [
    [
      "text over a limit says the limit and how long it is",
      z.object({ text: z.string().check(z.maxLength(60_000)) }),
      { text: "x".repeat(61_204) },
      "The text is too long: at most 60,000 characters; it has 61,204.",
    ],
    [
      "empty text",
      z.object({ title: z.string().check(z.minLength(1)) }),
      { title: "" },
      "The title cannot be empty.",
    ],
    [
      "short text",
      z.object({ ref: z.string().check(z.minLength(3)) }),
      { ref: "2" },
      "The number is too short: at least 3 characters; it has 1.",
    ],
    [
      "a number too big",
      z.object({ percentComplete: z.int().check(z.maximum(100)) }),
      { percentComplete: 140 },
      "The % complete must be at most 100.",
    ],
    [
      "a number too small",
      z.object({ delaySeconds: z.number().check(z.minimum(2)) }),
      { delaySeconds: 1 },
      "The delay seconds must be at least 2.",
    ],
    ["a missing field", z.object({ title: z.string() }), {}, "The title is needed but was not given."],
    ["a field of the wrong kind", z.object({ title: z.string() }), { title: 4 }, "The title must be text."],
    ["not a whole number", z.object({ count: z.int() }), { count: 2.5 }, "The count must be a whole number."],
    [
      "not one of the choices",
      z.object({ reportedStatus: z.enum(STATUSES) }),
      { reportedStatus: "Nearly" },
      `The status must be one of ${STATUSES.slice(0, -1)
        .map((s) => `'${s}'`)
        .join(", ")} or '${STATUSES.at(-1) ?? ""}'.`,
    ],
    [
      "not an email address",
      z.object({ upn: z.email() }),
      { upn: "sam" },
      "The person's sign-in name must be a person's sign-in name (an email address), e.g. sam.jones@council.gov.uk.",
    ],
    [
      "not a web address",
      z.object({ site: z.url() }),
      { site: "sharepoint" },
      "The site must be a web address starting with https://.",
    ],
    [
      "not in the pattern",
      z.object({ periodId: z.string().check(z.regex(/^\d+$/)) }),
      { periodId: "Q1" },
      "The reporting period is not in a form the app accepts.",
    ],
    [
      "too many in a list",
      z.object({ days: z.array(z.int()).check(z.maxLength(2)) }),
      { days: [1, 2, 3] },
      "The days lists too many: at most 2; it has 3.",
    ],
    [
      "a value without a field",
      z.string().check(z.maxLength(2)),
      "abc",
      "The value is too long: at most 2 characters; it has 3.",
    ],
  ];
  for (const [name, schema, input, words] of cases) {
    test(name, () => {
      assert.deepEqual(messages(schema, input), [words]);
    });
  }

  test("no message anywhere is zod's developer wording", () => {
    for (const [, schema, input] of cases)
      for (const message of messages(schema, input))
        assert.doesNotMatch(message, /Too big|Too small|Invalid (input|option|string)|expected|<=|>=/);
  });

  test("a schema's own words still win", () => {
    const schema = z.object({
      title: z.string().check(z.minLength(1, "A period needs a title, e.g. 'Q2 2024/25'.")),
    });
    assert.deepEqual(messages(schema, { title: "" }), ["A period needs a title, e.g. 'Q2 2024/25'."]);
  });
});

describe("the update's write schema, as the tab says it", () => {
  test("an update over 60,000 characters is refused in words", () => {
    const text = "x".repeat(61_204);
    assert.equal(
      describeError(newUpdateSchema.safeParse({ ...UPDATE, text }).error),
      "The update is 61,204 characters long; the most it can hold is 60,000. Shorten it, or put the detail in a document and link to it.",
    );
  });

  test("a percentage over 100 and a made-up status are refused in words", () => {
    const error = newUpdateSchema.safeParse({
      ...UPDATE,
      percentComplete: 120,
      reportedStatus: "Nearly",
    }).error;
    assert.match(
      describeError(error),
      /^The status must be one of 'Not started', 'On target', .*\. The % complete must be at most 100\.$/,
    );
  });

  test("a refusal the data layer words itself is said as it is", () => {
    assert.equal(
      describeError(inputRefused("The plan's reference date is missing.")),
      "The plan's reference date is missing.",
    );
  });
});

describe("fieldName", () => {
  test("names known fields, and reads others from their keys", () => {
    assert.equal(fieldName(["percentComplete"]), "The % complete");
    assert.equal(fieldName(["milestones", 2, "targetDateText"]), "The target date text");
    assert.equal(fieldName(["update-form-url"]), "The update form url");
    assert.equal(fieldName([]), "The value");
  });
});
