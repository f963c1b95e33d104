// `npm run bench` must always run to the end: its quick mode (every benchmark at small sizes, through the
// same code) runs here in its own process, and every benchmark in bench/ must print its figures. Their
// values are the bench's business, not this test's.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BENCHMARKS = readdirSync(new URL("../../bench/", import.meta.url))
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => file.replace(/\.bench\.ts$/, ""));

function quickBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--quick"],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === "number" ? error.code : null,
          stdout,
          stderr,
        });
      },
    );
  });
}

test("npm run bench -- --quick runs every benchmark to the end and prints each one's figures", async () => {
  assert.ok(BENCHMARKS.length >= 6, `found only ${BENCHMARKS.join(", ")} in bench/`);
  const { code, stdout, stderr } = await quickBench();
  assert.equal(
    code,
    0,
    `the quick bench exited ${String(code)}:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`,
  );
  // The table: a row per figure, its benchmark first and a number with its unit as its value.
  const rows = stdout
    .split("\n")
    .map((line) => line.split(/ {2,}/))
    .filter((cells) => BENCHMARKS.includes(cells[0] ?? "") && cells.length >= 3);
  for (const benchmark of BENCHMARKS) {
    const figures = rows.filter((cells) => cells[0] === benchmark);
    assert.ok(figures.length > 0, `${benchmark} printed no figures:\n${stdout.slice(-3000)}`);
    for (const [, name, value] of figures)
      assert.match(value ?? "", /^-?\d+(\.\d+)? \S/, `${benchmark}'s "${String(name)}" has no value`);
  }
  assert.match(stdout, /lying zip bomb .*: time to refusal/);
}, 300_000);
