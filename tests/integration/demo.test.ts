// The demo as a person meets it: `actionplan sandbox --seed demo` (what `npm start` runs) loads the real
// April 2024 plan, and `actionplan summary` prints its figures — the same figures the domain rules give
// for the seed file itself, so nothing was lost or bent on the way through SharePoint.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { isoDate, planFigures } from "../../src/domain/index.ts";
import { loadSeedPlan, seedPlan } from "../../src/domain/testdata/lga-cpc-2023.ts";
import { createSharePoint } from "../../src/sharepoint/core/index.ts";
import { demoCoordinator } from "../../src/sandbox/seed/demo.ts";
import { startSandboxProcess, type SandboxProcess } from "../support/sandbox-process.ts";

const COORDINATOR = demoCoordinator();

function startDemo(dataDir: string): Promise<SandboxProcess> {
  return startSandboxProcess(dataDir, ["--seed", "demo"]);
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["bin/actionplan.mjs", ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the demo plan", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "actionplan-demo-"));
  let demo: SandboxProcess;
  let site: string;

  beforeAll(async () => {
    demo = await startDemo(dataDir);
    site = `${demo.url}/sites/improvement`;
  });
  afterAll(async () => {
    await demo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("starting says what is loaded and which day the sandbox thinks it is", () => {
    assert.match(
      demo.output,
      /Demo plan\s+"Corporate Peer Challenge – April 2024 Progress Update Report", 64 actions \(loaded now/,
    );
    assert.match(demo.output, /Today\s+2024-04-10/);
  });

  test("actionplan summary --as-of 2024-04-09 equals the domain's figures for the seed file itself", () => {
    const run = cli([
      "summary",
      "--site",
      site,
      "--plan",
      seedPlan.plan.title,
      "--as-of",
      "2024-04-09",
      "--as",
      COORDINATOR,
      "--json",
    ]);
    assert.equal(run.status, 0, run.stderr);
    const printed = z
      .object({
        plan: z.object({ id: z.string(), title: z.string() }),
        asOf: z.string(),
        figures: z.record(z.string(), z.unknown()),
      })
      .parse(JSON.parse(run.stdout));
    assert.equal(printed.plan.title, seedPlan.plan.title);
    const seed = loadSeedPlan();
    const expected = planFigures(
      {
        ...seed,
        targetDateChanges: [],
        currentPeriod: null,
      },
      isoDate("2024-04-09"),
    );
    for (const key of [
      "actionsTotal",
      "actionsCompleted",
      "percentComplete",
      "byStatus",
      "recommendationsComplete",
      "overdue",
      "delayed",
      "dueNext30Days",
      "noTargetDate",
      "forecast",
    ] as const) {
      assert.deepEqual(printed.figures[key], expected[key], key);
    }
    assert.equal(printed.figures.actionsTotal, 64);
    assert.deepEqual(printed.figures.updates, {
      periodId: (printed.figures.updates as { periodId: string }).periodId,
      periodTitle: "April 2024 progress report",
      received: 64,
      due: 64,
    });
  });

  test("the readable summary names the figures in words", () => {
    const run = cli(["summary", "--site", site, "--plan", "1", "--as-of", "2024-04-09", "--as", COORDINATOR]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Figures as of 9 April 2024/);
    assert.match(run.stdout, /Recommendations fully complete\s+\d+ of 18/);
    assert.match(run.stdout, /31 May 2024\s+\d+%/);
  });

  test("the plan's text is kept exactly, apostrophes and dashes included", async () => {
    const token = await demo.token({ user: COORDINATOR });
    const sp = createSharePoint({ siteUrl: site, getToken: () => Promise.resolve(token) });
    const rows = await sp.web.lists
      .getByTitle("Actions")
      .items.select("Ref", "ActionText", "TargetDateText", "LatestUpdateText")
      .top(500)();
    interface ActionRow {
      Ref: string;
      ActionText: string;
      TargetDateText: string;
      LatestUpdateText: string | null;
    }
    const byRef = new Map((rows as ActionRow[]).map((r) => [r.Ref, r]));
    const source = seedPlan.recommendations.flatMap(
      (r): { ref: string; text: string; targetDate: string | null; progressUpdate: string | null }[] =>
        r.actions,
    );
    assert.equal(rows.length, source.length);
    for (const action of source) {
      const row = byRef.get(action.ref);
      assert.ok(row !== undefined, action.ref);
      assert.equal(row.ActionText, action.text, action.ref);
      assert.equal(row.TargetDateText, action.targetDate ?? "", action.ref);
      assert.equal(row.LatestUpdateText, action.progressUpdate, action.ref);
    }
    assert.ok(source.some((a) => a.progressUpdate?.includes("Mayor's Office")));
  });

  test("plans lists the demo plan with the next period open for updates", () => {
    const run = cli(["plans", "--site", site, "--as", COORDINATOR, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const plans = z
      .array(
        z.object({
          title: z.string(),
          period: z.object({ title: z.string(), updateDeadline: z.string() }).nullable(),
        }),
      )
      .parse(JSON.parse(run.stdout));
    assert.equal(plans.length, 1);
    assert.deepEqual(plans[0]?.period, {
      ...plans[0]?.period,
      title: "Q1 2024/25 progress report",
      updateDeadline: "2024-06-05",
    });
  });

  test("bad input is explained with a non-zero exit: unknown plan, impossible date, a site with no app", () => {
    const unknown = cli(["summary", "--site", site, "--plan", "No such plan", "--as", COORDINATOR]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no plan "No such plan".*Plans there: 1 "Corporate Peer Challenge/s);
    const badDate = cli([
      "summary",
      "--site",
      site,
      "--plan",
      "1",
      "--as-of",
      "2024-02-30",
      "--as",
      COORDINATOR,
    ]);
    assert.equal(badDate.status, 2);
    assert.match(badDate.stderr, /--as-of: is not a real date/);
    const farOff = cli([
      "summary",
      "--site",
      site,
      "--plan",
      "1",
      "--as-of",
      "9999-12-01",
      "--as",
      COORDINATOR,
    ]);
    assert.equal(farOff.status, 2);
    assert.match(farOff.stderr, /--as-of: is outside 1900-2100/);
    const noSite = cli([
      "summary",
      "--site",
      `${demo.url}/sites/nowhere`,
      "--plan",
      "1",
      "--as",
      COORDINATOR,
    ]);
    assert.equal(noSite.status, 1);
    assert.match(noSite.stderr, /nothing found there: check --site/);
  });

  test("a restart keeps the plan and does not load it twice", async () => {
    await demo.stop();
    demo = await startDemo(dataDir);
    site = `${demo.url}/sites/improvement`;
    assert.match(demo.output, /64 actions \(already loaded\)/);
    const run = cli(["plans", "--site", site, "--as", COORDINATOR, "--json"]);
    assert.equal(z.array(z.unknown()).parse(JSON.parse(run.stdout)).length, 1);
  });
});
