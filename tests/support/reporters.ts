// Two small Vitest reporters beside the default one: a closing line in the plain form CI reads
// ("Tests: 509 passed, 0 failed, 30 skipped"), and, with --coverage, a table of coverage by folder.
import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/** Prints one closing line of counts after the default reporter's summary. */
export class ClosingLine implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed" || state === "failed" || state === "skipped") counts[state] += 1;
      }
      // A file that fails to load has no tests, yet the run has failed.
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) counts.failed += 1;
    }
    console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}

interface Totals {
  covered: number;
  total: number;
}

/** The part of istanbul's CoverageMap (what Vitest hands `onCoverage`) that this table reads. */
interface CoverageMapLike {
  files: () => string[];
  fileCoverageFor: (file: string) => {
    toSummary: () => { lines: Totals; branches: Totals; functions: Totals; statements: Totals };
  };
}

function isCoverageMap(value: unknown): value is CoverageMapLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Partial<CoverageMapLike>).files === "function" &&
    typeof (value as Partial<CoverageMapLike>).fileCoverageFor === "function"
  );
}

const percent = (t: Totals) => (t.total === 0 ? "100.0" : ((100 * t.covered) / t.total).toFixed(1));

/** Coverage summed by folder (src/domain, src/sharepoint, src/tab/features/plan, …), lines first. */
export class CoverageByFolder implements Reporter {
  onCoverage(coverage: unknown): void {
    if (!isCoverageMap(coverage)) return;
    const folders = new Map<string, Record<"lines" | "branches" | "functions" | "statements", Totals>>();
    for (const file of coverage.files()) {
      const parts = relative(process.cwd(), file).split("/").slice(0, -1);
      // src/tab/features/<feature> and src/domain/reminders are folders of their own; others by top folder.
      const depth = parts[1] === "tab" && parts[2] === "features" ? 4 : parts.length >= 3 ? 3 : 2;
      const folder = parts.slice(0, depth).join("/");
      const summary = coverage.fileCoverageFor(file).toSummary();
      const sums = folders.get(folder) ?? {
        lines: { covered: 0, total: 0 },
        branches: { covered: 0, total: 0 },
        functions: { covered: 0, total: 0 },
        statements: { covered: 0, total: 0 },
      };
      for (const key of ["lines", "branches", "functions", "statements"] as const) {
        sums[key].covered += summary[key].covered;
        sums[key].total += summary[key].total;
      }
      folders.set(folder, sums);
    }
    const width = Math.max(6, ...[...folders.keys()].map((f) => f.length));
    const rows = [...folders.entries()].sort(([a], [b]) => a.localeCompare(b));
    console.log(`\nCoverage by folder\n${"folder".padEnd(width)}   lines  branches  functions`);
    const all = {
      lines: { covered: 0, total: 0 },
      branches: { covered: 0, total: 0 },
      functions: { covered: 0, total: 0 },
    };
    for (const [, s] of rows)
      for (const key of ["lines", "branches", "functions"] as const) {
        all[key].covered += s[key].covered;
        all[key].total += s[key].total;
      }
    for (const [folder, s] of [...rows, ["all of src", all] as const]) {
      console.log(
        `${folder.padEnd(width)}  ${percent(s.lines).padStart(6)}  ${percent(s.branches).padStart(8)}  ${percent(s.functions).padStart(9)}`,
      );
    }
  }
}
