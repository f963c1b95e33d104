// The tests, in four projects: `unit` (beside the code under src/), `contract` and `integration` (each file
// starts its own sandbox), `e2e` (the tab in Debian's Chromium through the local Teams host). `npm test` runs
// them all after the static checks; `npx vitest --project unit` runs one; `npm run coverage` measures src/.
import { defineConfig } from "vitest/config";
import { ClosingLine, CoverageByFolder } from "./tests/support/reporters.ts";

// Node's test runner, which these tests ran on before, has no time limit; sandboxes and browsers need one
// far above Vitest's 5 s default, yet low enough that a hung test fails the run rather than CI's clock.
const SLOW = { testTimeout: 120_000, hookTimeout: 180_000 } as const;

export default defineConfig({
  test: {
    reporters: ["default", new ClosingLine(), new CoverageByFolder()],
    coverage: {
      provider: "v8",
      include: ["src/**/*.{ts,tsx}"],
      exclude: ["src/**/*.test.ts", "src/**/testdata/**"],
      reporter: ["text-summary", "html", "json-summary"],
      reportsDirectory: "coverage",
      // The folder table and the thresholds are wanted even when a test fails.
      reportOnFailure: true,
      // What `npm test` measured when these were set, rounded down; a folder whose tests inject random faults
      // (notify, sandbox, sharepoint, and so the whole) half a point lower, so chance cannot fail a run. Set on
      // 3 December 2026: issue 13 added ~2,000 lines of tab pages, which only the e2e journeys exercise, and
      // the CLI's tests now run its commands in this process, where coverage sees them.
      // The tab's folders read low because its components run in Chromium, where V8 in Node cannot see them.
      thresholds: {
        lines: 70,
        branches: 61,
        functions: 65,
        statements: 69,
        "src/domain/**": { lines: 99, branches: 93, functions: 100, statements: 98 },
        "src/import/**": { lines: 98, branches: 86, functions: 97, statements: 96 },
        "src/sharepoint/**": { lines: 93, branches: 77, functions: 93, statements: 91 },
        "src/notify/**": { lines: 88, branches: 74, functions: 86, statements: 85 },
        "src/sandbox/**": { lines: 81, branches: 73, functions: 80, statements: 78 },
        "src/lib/**": { lines: 66, branches: 43, functions: 77, statements: 65 },
        "src/app-package/**": { lines: 67, branches: 75, functions: 71, statements: 63 },
        "src/cli/**": { lines: 57, branches: 38, functions: 59, statements: 55 },
        "src/tab/**": { lines: 16, branches: 18, functions: 13, statements: 17 },
      },
    },
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          ...SLOW,
        },
      },
      {
        test: {
          name: "contract",
          include: ["tests/contract/**/*.test.ts"],
          environment: "node",
          ...SLOW,
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          ...SLOW,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          // One browser at a time: each file starts a sandbox and a Chromium, and CI has two cores (two
          // sandboxes and two tabs rendering push the journeys' waits past their limits).
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          ...SLOW,
        },
      },
    ],
  },
});
