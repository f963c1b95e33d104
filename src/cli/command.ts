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
