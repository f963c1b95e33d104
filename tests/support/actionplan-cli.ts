// Running `actionplan` as a coordinator or an SRO would type it, in its own process, while the sandbox in
// the test's process keeps answering (the child is awaited asynchronously).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { format } from "node:util";
import { vi } from "vitest";
import { main } from "../../src/cli/main.ts";

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The words of a command line as typed: quotes keep spaces in. */
export function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

/** Run `actionplan <line>` in a child process. */
export function actionplan(line: string): Promise<Run> {
  return actionplanArgs(words(line));
}

/** Run `actionplan` with these arguments (a path with spaces in one) in a child process. */
export function actionplanArgs(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/actionplan.mjs", ...args],
      { encoding: "utf8" },
      (error, stdout, stderr) => {
        resolve({
          status: error === null ? 0 : typeof error.code === "number" ? error.code : null,
          stdout,
          stderr,
        });
      },
    );
  });
}

/**
 * Run `actionplan <line>` in this process, through the CLI's `main`, with what it prints to the console
 * captured: the same command as typed (and what coverage sees), for commands that neither exit the process
 * nor write to the streams directly. One at a time: the console is the process's.
 */
export async function actionplanHere(line: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    stdout += `${format(...args)}\n`;
  });
  const error = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    stderr += `${format(...args)}\n`;
  });
  try {
    return { status: await main(words(line)), stdout, stderr };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** Its standard output, after checking it exited 0 (the message is its stderr). */
export function ok(run: Run): string {
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}
