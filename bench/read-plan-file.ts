// One plan file read in a process of its own, for the import bench: how long readPlanFile takes to read or
// refuse it, and the process's peak memory (its RSS high-water mark), which the bench's own earlier work
// would cloud. Usage: node --import tsx bench/read-plan-file.ts FILE; prints one line of JSON.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { readPlanFile } from "../src/import/index.ts";

/**
 * This process's RSS high-water mark in KB: Linux's VmHWM, which starts afresh with the process's own memory.
 * Not getrusage's maxRSS where there is a choice: Linux carries that across fork and exec, so a child of the
 * bench (holding sandboxes, ~900 MB) would report the bench's peak as its own.
 */
function peakRssKB(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (match?.[1] !== undefined) return Number(match[1]);
  } catch {
    // No /proc (macOS, Windows): maxRSS is the best there is.
  }
  return process.resourceUsage().maxRSS;
}

const file = process.argv[2];
if (file === undefined) throw new Error("Usage: node --import tsx bench/read-plan-file.ts FILE");
const bytes = new Uint8Array(readFileSync(file));
// The readers load fflate and ExcelJS on first use; loaded here, the time is the reading alone.
await Promise.all([import("fflate"), import("exceljs")]);
const atRestKB = peakRssKB();

const started = performance.now();
const outcome = await readPlanFile(bytes, basename(file)).then(
  (plan) => ({ rows: plan.sheets.reduce((n, sheet) => n + sheet.rows.length, 0), refusal: null }),
  (error: unknown) => ({ rows: 0, refusal: error instanceof Error ? error.message : String(error) }),
);
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, atRestKB, peakKB: peakRssKB(), ...outcome }));
