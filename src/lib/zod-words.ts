// Officer's words for every refusal a schema gives without its own: "The update is too long: at most 60,000
// characters; it has 61,204." rather than zod's "Too big: expected string to have <=60000 characters".
// src/lib/zod.ts installs this as zod's error map for the tab, the CLI and the data layer alike; a schema's
// own message (input-bounds.ts, the write schemas) still wins, so this covers what nobody worded.
import type { z } from "zod/mini";

// A raw issue (what the error map is given) or a finished one (what a caught error holds).
type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

/** What the field names in a path read as, where the key alone would not say it. */
const FIELD_NAMES: Record<string, string> = {
  text: "The text",
  title: "The title",
  ref: "The number",
  details: "The details",
  reason: "The reason",
  percentComplete: "The % complete",
  reportedStatus: "The status",
  status: "The status",
  periodId: "The reporting period",
  evidenceUrl: "The evidence link",
  targetDate: "The target date",
  referenceDate: "The plan's reference date",
  overdueAfterMonths: "Overdue after",
  nation: "The nation",
  upn: "The person's sign-in name",
  holderUpn: "The holder's sign-in name",
  delegateUpn: "The delegate's sign-in name",
};

function number(value: number | bigint | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value.toLocaleString("en-GB");
}

function quoted(value: unknown): string {
  return typeof value === "string" ? `'${value}'` : String(value);
}

/** "'a', 'b' or 'c'". */
function oneOf(values: readonly unknown[]): string {
  const words = values.map(quoted);
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1) ?? ""}`;
}

/** "percentComplete" → "The percent complete"; a known key by its name in FIELD_NAMES. */
export function fieldName(path: readonly PropertyKey[] | undefined): string {
  const key = [...(path ?? [])].reverse().find((part): part is string => typeof part === "string");
  if (key === undefined) return "The value";
  const known = FIELD_NAMES[key];
  if (known !== undefined) return known;
  const words = key
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .toLowerCase()
    .trim();
  return `The ${words}`;
}

const KINDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "yes or no (true or false)",
  date: "a date",
  array: "a list",
  object: "a set of named values",
};

function tooBig(issue: Extract<Issue, { code: "too_big" }>): string {
  const max = number(issue.maximum);
  const length = typeof issue.input === "string" || Array.isArray(issue.input) ? issue.input.length : null;
  const has = length === null ? "" : `; it has ${number(length)}`;
  switch (issue.origin) {
    case "string":
      return `is too long: at most ${max} characters${has}.`;
    case "array":
    case "set":
      return `lists too many: at most ${max}${has}.`;
    case "date":
      return `must be on or before ${max}.`;
    default:
      return issue.inclusive === false ? `must be less than ${max}.` : `must be at most ${max}.`;
  }
}

function tooSmall(issue: Extract<Issue, { code: "too_small" }>): string {
  const min = number(issue.minimum);
  const length = typeof issue.input === "string" || Array.isArray(issue.input) ? issue.input.length : null;
  switch (issue.origin) {
    case "string":
      return Number(issue.minimum) <= 1
        ? "cannot be empty."
        : `is too short: at least ${min} characters; it has ${number(length ?? 0)}.`;
    case "array":
    case "set":
      return Number(issue.minimum) <= 1 ? "needs at least one." : `needs at least ${min}.`;
    case "date":
      return `must be on or after ${min}.`;
    default:
      return issue.inclusive === false ? `must be more than ${min}.` : `must be at least ${min}.`;
  }
}

function badFormat(issue: Extract<Issue, { code: "invalid_format" }>): string {
  const part = (name: string): string => quoted((issue as Record<string, unknown>)[name]);
  switch (issue.format) {
    case "email":
      return "must be a person's sign-in name (an email address), e.g. sam.jones@council.gov.uk.";
    case "url":
      return "must be a web address starting with https://.";
    case "date":
    case "datetime":
      return "must be a date given as YYYY-MM-DD, e.g. 2024-04-09.";
    case "starts_with":
      return `must start with ${part("prefix")}.`;
    case "ends_with":
      return `must end with ${part("suffix")}.`;
    case "includes":
      return `must include ${part("includes")}.`;
    default:
      return "is not in a form the app accepts.";
  }
}

/** The refusal as a predicate, for a sentence that names the field first: "must be at most 100." */
export function officerPredicate(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return "is needed but was not given.";
      return `must be ${KINDS[issue.expected] ?? "a value of another kind"}.`;
    case "too_big":
      return tooBig(issue);
    case "too_small":
      return tooSmall(issue);
    case "invalid_format":
      return badFormat(issue);
    case "invalid_value":
      return `must be ${issue.values.length === 1 ? "" : "one of "}${oneOf(issue.values)}.`;
    case "not_multiple_of":
      return `must be a multiple of ${number(issue.divisor)}.`;
    case "unrecognized_keys":
      return `holds something the app does not recognise: ${issue.keys.join(", ")}.`;
    case "invalid_union":
      return "is not in any of the forms the app accepts.";
    case "invalid_key":
    case "invalid_element":
      return "holds a value that is not valid.";
    default:
      return "is not valid.";
  }
}

/** The refusal as an officer's sentence naming the field: "The % complete must be at most 100." */
export function officerMessage(issue: Issue, subject = fieldName(issue.path)): string {
  return `${subject} ${officerPredicate(issue)}`;
}

/** zod's error map for every schema without a message of its own. */
export function officerErrorMap(issue: Issue): string {
  return officerMessage(issue);
}

/** One line per setting a schema refused, as every settings reader lists them: "  NAME: what is wrong". */
export function settingProblems(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string[] {
  return issues.map((i) => `  ${i.path.map(String).join(".")}: ${i.message}`);
}
