// The `actionplan` command: one entry point, one sub-command per job, each with its own --help.
import { importCommand } from "./commands/import.ts";
import { periodCommand } from "./commands/period.ts";
import { planCommand } from "./commands/plan.ts";
import { plansCommand } from "./commands/plans.ts";
import { postCommand } from "./commands/post.ts";
import { provisionCommand } from "./commands/provision.ts";
import { remindersCommand } from "./commands/reminders.ts";
import { reportCommand } from "./commands/report.ts";
import { sandboxCommand } from "./commands/sandbox.ts";
import { summaryCommand } from "./commands/summary.ts";
import { updateCommand } from "./commands/update.ts";
import type { Command } from "./command.ts";
import { doctorCommand } from "./commands/doctor.ts";
import { teamsAppCommand } from "./commands/teams-app.ts";
import { deployCommand } from "./commands/deploy.ts";
import { describeCliError } from "./errors.ts";
import { startProgress } from "./progress.ts";
import { readFileSync } from "node:fs";

const COMMANDS: Command[] = [
  sandboxCommand,
  provisionCommand,
  importCommand,
  plansCommand,
  planCommand,
  postCommand,
  periodCommand,
  updateCommand,
  summaryCommand,
  reportCommand,
  remindersCommand,
  doctorCommand,
  teamsAppCommand,
  deployCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: actionplan <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `actionplan <command> --help` for a command's options; `--version` prints the version, and `--debug`",
    "after any command adds the details (a stack trace) to an error.",
  ].join("\n");
}

/** The package's version, as `actionplan --version` prints it. */
function version(): string {
  const json: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  const value = typeof json === "object" && json !== null && "version" in json ? json.version : null;
  return typeof value === "string" ? value : "unknown";
}

/**
 * Run the CLI with the given arguments; resolves to the process exit code. A failure no command handled is
 * one sentence on stderr and exit 1; `--debug` (anywhere) adds the stack trace.
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  const args = argv.filter((a) => a !== "--debug");
  try {
    return await run(args);
  } catch (error) {
    const name = args[0] ?? "";
    console.error(`actionplan ${name}: ${describeCliError(error)}`);
    if (debug) console.error(error);
    return 1;
  }
}

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-V") {
    console.log(`actionplan ${version()}`);
    return 0;
  }
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(overview());
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    console.error(`actionplan: unknown command '${name}'.\n\n${overview()}`);
    return 2;
  }
  if (command.handlesHelp !== true && (rest.includes("--help") || rest.includes("-h"))) {
    console.log(command.help);
    return 0;
  }
  // The sandbox runs until stopped: it says itself when it is ready.
  const progress = command.name === "sandbox" ? null : startProgress(command.name);
  try {
    return await command.run(rest);
  } finally {
    progress?.done();
  }
}
