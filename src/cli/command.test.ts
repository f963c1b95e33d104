// The CLI's options are refused in officer's words, naming the option: classic zod (the CLI's) shares the
// tab's error map, and parseOptions puts the option's name first.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { z } from "zod";
import "../lib/zod.ts";
import { parseOptions, UsageError } from "./command.ts";

const OPTIONS = { "delay-seconds": { type: "string" }, coordinator: { type: "string" } } as const;
const SCHEMA = z.object({
  "delay-seconds": z.coerce.number().int().min(2).max(3600),
  coordinator: z.email().optional(),
});

function refusal(argv: string[]): string {
  try {
    parseOptions(argv, OPTIONS, SCHEMA);
  } catch (error) {
    assert.ok(error instanceof UsageError);
    return error.message;
  }
  return assert.fail("the options were accepted");
}

describe("the CLI's refusals", () => {
  test("a number over its limit names the option and the limit", () => {
    assert.equal(refusal(["--delay-seconds", "9000"]), "--delay-seconds: must be at most 3,600.");
  });

  test("a missing option is said to be needed", () => {
    assert.equal(refusal([]), "--delay-seconds: must be a number.");
  });

  test("an email option that is not one says what to give", () => {
    assert.equal(
      refusal(["--delay-seconds", "5", "--coordinator", "sam"]),
      "--coordinator: must be a person's sign-in name (an email address), e.g. sam.jones@council.gov.uk.",
    );
  });

  test("classic zod outside parseOptions gets the same words as the tab", () => {
    const result = z.object({ title: z.string().max(5) }).safeParse({ title: "abcdefg" });
    assert.equal(result.error?.issues[0]?.message, "The title is too long: at most 5 characters; it has 7.");
  });
});
