// The `actionplan` command: one entry point, one sub-command per job, each with its own --help.
import type { Command } from "./command.ts";
import { describeCliError } from "./errors.ts";
import { startProgress } from "./progress.ts";
import { readFileSync } from "node:fs";

// Each command's module is loaded when it is run, not all at start-up: together they pull in the sandbox,
// the report writers, Graph and MSAL, which `actionplan import` (say) never needs.
const COMMANDS: Record<string, () => Promise<Command>> = {
  sandbox: async () => (await import("./commands/sandbox.ts")).sandboxCommand,
  provision: async () => (await import("./commands/provision.ts")).provisionCommand,
  import: async () => (await import("./commands/import.ts")).importCommand,
  plans: async () => (await import("./commands/plans.ts")).plansCommand,
  plan: async () => (await import("./commands/plan.ts")).planCommand,
  post: async () => (await import("./commands/post.ts")).postCommand,
  period: async () => (await import("./commands/period.ts")).periodCommand,
  update: async () => (await import("./commands/update.ts")).updateCommand,
  summary: async () => (await import("./commands/summary.ts")).summaryCommand,
  report: async () => (await import("./commands/report.ts")).reportCommand,
  reminders: async () => (await import("./commands/reminders.ts")).remindersCommand,
  doctor: async () => (await import("./commands/doctor.ts")).doctorCommand,
  "teams-app": async () => (await import("./commands/teams-app.ts")).teamsAppCommand,
  deploy: async () => (await import("./commands/deploy.ts")).deployCommand,
};

async function overview(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: actionplan <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
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
    console.log(await overview());
    return name === undefined ? 1 : 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) {
    console.error(`actionplan: unknown command '${name}'.\n\n${await overview()}`);
    return 2;
  }
  const command = await load();
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
