// The shape of one `actionplan` sub-command and the option parsing they share.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { officerPredicate } from "../lib/zod-words.ts";

export interface Command {
  name: string;
  summary: string;
  help: string;
  run: (argv: string[]) => Promise<number>;
  /** True for a command of sub-commands: it prints the help of the sub-command named, not its own. */
  handlesHelp?: boolean;
}

/**
 * One option of a command, declared once: parseArgs reads its type, the help its placeholder and words, so
 * the "Options:" block is laid out by optionsHelp rather than aligned by hand.
 */
export type OptionSpec = {
  type: "string" | "boolean";
  multiple?: boolean;
  /** The name on a line of its own and the words under it: for a name too long to set the column. */
  alone?: boolean;
} & (
  | {
      /** The value's placeholder in the help, e.g. "URL"; none for a flag. */
      value?: string;
      /** What the option does, a line each (the author breaks long ones). */
      help: string | readonly string[];
      choices?: never;
    }
  | {
      /** For a value each of which does its own thing: a row a value (`--channel chat`), with its words. */
      choices: Readonly<Record<string, string | readonly string[]>>;
      value?: never;
      help?: never;
    }
);

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What parseArgs reads of an option: its specs, or options written for parseArgs itself. */
type OptionTypes = Readonly<Record<string, Pick<OptionSpec, "type" | "multiple">>>;

/** The options parseArgs (and parseOptions) take, from their specs. */
export function argsOptions<S extends OptionTypes>(
  specs: S,
): { [K in keyof S]: { type: S[K]["type"]; multiple?: boolean } } {
  return Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      spec.multiple === true ? { type: spec.type, multiple: true } : { type: spec.type },
    ]),
  ) as { [K in keyof S]: { type: S[K]["type"]; multiple?: boolean } };
}

/** Between an option's name and its words. */
const GAP = "   ";

/**
 * The help's "Options:" block: each option's name and placeholder, its words in one column three spaces past
 * the longest name (options marked `alone` aside), then --help.
 */
export function optionsHelp(specs: OptionSpecs): string {
  const lines = (help: string | readonly string[]) => (typeof help === "string" ? [help] : help);
  const rows = [
    ...Object.entries(specs).flatMap(([name, spec]) =>
      spec.choices === undefined
        ? [
            {
              label: spec.value === undefined ? `--${name}` : `--${name} ${spec.value}`,
              lines: lines(spec.help),
              alone: spec.alone === true,
            },
          ]
        : Object.entries(spec.choices).map(([value, help]) => ({
            label: `--${name} ${value}`,
            lines: lines(help),
            alone: spec.alone === true,
          })),
    ),
    { label: "--help", lines: ["show this help"], alone: false },
  ];
  const width = Math.max(...rows.filter((row) => !row.alone).map((row) => row.label.length));
  const indent = " ".repeat(2 + width + GAP.length);
  const text = rows.flatMap(({ label, lines: [first = "", ...rest], alone }) => [
    ...(alone ? [`  ${label}`, `${indent}${first}`] : [`  ${label.padEnd(width)}${GAP}${first}`]),
    ...rest.map((line) => `${indent}${line}`),
  ]);
  return ["Options:", ...text].join("\n");
}

/** A problem with what the user typed: printed as one clear line, exit code 2. */
export class UsageError extends Error {}

/** Parse argv with node's parseArgs, then validate the values with a schema; errors name the option. */
export function parseOptions<T extends z.ZodType>(
  argv: string[],
  options: NonNullable<ParseArgsConfig["options"]>,
  schema: T,
): z.infer<T> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  // "--delay-seconds: must be at most 3,600.": the option named, then what is wrong with it in words.
  const result = schema.safeParse(values, { error: officerPredicate });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`);
    throw new UsageError(problems.join("\n"));
  }
  return result.data;
}

/** Run a command body, turning UsageError into a message and exit code 2. */
export async function withUsageErrors(
  name: string,
  help: string,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(
        `actionplan ${name}: ${error.message}\nRun \`actionplan ${name} --help\` for its options.`,
      );
      return 2;
    }
    throw error;
  }
}

/**
 * A command whose options are parsed (by parseOptions, from `options`: their specs or parseArgs's own) and
 * validated by `schema` before `run` sees them; a UsageError from either is printed with a pointer to
 * `--help` and exit code 2. `usageName` is how those messages name it when that is more than `name`
 * (`period list` for the `list` of `actionplan period`).
 */
export function defineCommand<T extends z.ZodType>(spec: {
  name: string;
  usageName?: string;
  summary: string;
  help: string;
  options: OptionTypes;
  schema: T;
  /** The arguments that are options, when some are not (e.g. a file named first); default: all. */
  optionArgs?: (argv: string[]) => string[];
  run: (options: z.infer<T>, argv: string[]) => Promise<number>;
}): Command {
  const options = argsOptions(spec.options);
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    run: (argv) =>
      withUsageErrors(spec.usageName ?? spec.name, spec.help, async () =>
        spec.run(parseOptions(spec.optionArgs?.(argv) ?? argv, options, spec.schema), argv),
      ),
  };
}
