// Running `actionplan` as a coordinator or an SRO would type it, in its own process, while the sandbox in
// the test's process keeps answering (the child is awaited asynchronously).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";

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
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/actionplan.mjs", ...words(line)],
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

/** Its standard output, after checking it exited 0 (the message is its stderr). */
export function ok(run: Run): string {
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}
