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
    },
    projects: [
      {
        test: { name: "unit", include: ["src/**/*.test.ts"], environment: "node", ...SLOW },
      },
      {
        test: { name: "contract", include: ["tests/contract/**/*.test.ts"], environment: "node", ...SLOW },
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
          // One browser at a time: each file starts a sandbox and a Chromium, and CI has two cores.
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          ...SLOW,
        },
      },
    ],
  },
});
