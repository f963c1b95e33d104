// `actionplan import` as a coordinator runs it, in its own process, against a sandbox started here: the
// dry run shows what would happen and writes nothing, the import writes it, running it again changes
// nothing, an edited file changes what was edited, and a bad file gets one sentence and exit code 1.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { loadImportMapping } from "../../src/sharepoint/import/index.ts";
import { listPlans, loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { SANDBOX_PEOPLE } from "../support/targets.ts";
import { actionplanArgs as actionplan, type Run } from "../support/actionplan-cli.ts";
import { openProvisioned, type Provisioned } from "./fixtures.ts";

const DEMO_CSV = "data/lga-cpc-2023-progress-april-2024.csv";

const reportSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  plan: z.object({ id: z.string().nullable(), title: z.string() }),
  dryRun: z.boolean(),
  counts: z.object({ recommendations: z.number(), actions: z.number(), updates: z.number() }),
  problems: z.array(z.object({ severity: z.enum(["error", "warning"]), row: z.number().nullable() })),
  changes: z.object({
    total: z.number(),
    created: z.object({ actions: z.array(z.string()), recommendations: z.array(z.string()) }),
    changed: z.array(
      z.object({
        ref: z.string(),
        field: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
      }),
    ),
    unchanged: z.object({ actions: z.number() }),
    disappeared: z.object({ actions: z.array(z.string()) }),
  }),
  written: z.boolean(),
});

function assertOneSentence(run: Run, pattern: RegExp): void {
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stderr.trim().split("\n");
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0] ?? "", /^actionplan import: /);
  assert.match(lines[0] ?? "", pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
}

describe("actionplan import, run by a coordinator", () => {
  const folder = mkdtempSync(join(tmpdir(), "actionplan-import-cli-"));
  let env: Provisioned;
  let site: string[];

  beforeAll(async () => {
    env = await openProvisioned();
    site = ["--site", env.target.siteUrl, "--as", SANDBOX_PEOPLE.owner, "--today", "2024-04-10"];
  });
  afterAll(async () => {
    await env.target.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test("--dry-run --json: the plan in the file and what would be created; nothing is written", async () => {
    const run = await actionplan(["import", DEMO_CSV, ...site, "--dry-run", "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    assert.equal(report.dryRun, true);
    assert.equal(report.written, false);
    assert.equal(report.plan.id, null);
    assert.equal(report.counts.recommendations, 18);
    assert.equal(report.counts.actions, 64);
    assert.equal(report.changes.created.actions.length, 64);
    assert.deepEqual(
      report.problems.filter((p) => p.severity === "error"),
      [],
    );
    assert.deepEqual(await listPlans(env.ctx()), []);
  });

  test("the import writes the plan, with progress on stderr, and saves the mapping", async () => {
    const run = await actionplan(["import", DEMO_CSV, ...site]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Creates: .*18 recommendations, 64 actions/);
    assert.match(run.stdout, /\nDone: \d+ changes written to plan \d+ /);
    assert.match(run.stderr, /written \d+ of \d+ \(actions\)/);
    const [plan] = await listPlans(env.ctx());
    assert.ok(plan !== undefined);
    assert.equal((await loadDashboard(env.ctx(), plan.id)).actions.length, 64);
    assert.notEqual(await loadImportMapping(env.ctx(), plan.id), null);
  });

  test("running it again changes nothing and says so", async () => {
    const json = await actionplan(["import", DEMO_CSV, ...site, "--json"]);
    assert.equal(json.status, 0, json.stderr);
    const report = reportSchema.parse(JSON.parse(json.stdout));
    assert.equal(report.changes.total, 0);
    assert.equal(report.written, false);
    assert.equal(report.changes.unchanged.actions, 64);
    assert.equal(json.stderr, "", "no progress when nothing is written");
    const text = await actionplan(["import", DEMO_CSV, ...site]);
    assert.match(text.stdout, /Nothing to change: the site already matches the file \(0 changes\)\.\n$/);
    assert.equal((await listPlans(env.ctx())).length, 1);
  });

  test("an edited file: the moved date and the dropped row are reported; the date is revised, nothing deleted", async () => {
    const lines = readFileSync(DEMO_CSV, "utf8").split("\n");
    const edited = lines
      .filter((line) => !line.startsWith("4,") || !line.includes(",4.1,"))
      .map((line) => (line.includes(",2.1,") ? line.replace(",Jan-24,", ",Dec-24,") : line));
    const file = join(folder, "lga-cpc-2023-progress-april-2024.csv");
    writeFileSync(file, edited.join("\n"));
    const run = await actionplan(["import", file, ...site, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    assert.deepEqual(report.changes.changed, [
      // The schema above leaves out `kind`.
      { ref: "2.1", field: "targetDate", from: "Jan-24", to: "Dec-24" },
    ]);
    assert.deepEqual(report.changes.disappeared.actions, ["4.1"]);
    const [plan] = await listPlans(env.ctx());
    const dashboard = await loadDashboard(env.ctx(), plan?.id ?? "");
    assert.equal(dashboard.actions.length, 64);
    assert.equal(
      dashboard.dateChanges[0]?.reason,
      "Changed by import of lga-cpc-2023-progress-april-2024.csv",
    );
  });

  test("a file that is not a plan, a missing file and a broken mapping: one sentence each, exit 1", async () => {
    const pdf = join(folder, "plan.xlsx");
    writeFileSync(pdf, "%PDF-1.7 not a spreadsheet");
    assertOneSentence(await actionplan(["import", pdf, ...site]), /"plan\.xlsx" is a PDF/);
    assertOneSentence(
      await actionplan(["import", join(folder, "nope.csv"), ...site]),
      /there is no file .*nope\.csv/,
    );
    const mapping = join(folder, "mapping.json");
    writeFileSync(mapping, "{ not json");
    assertOneSentence(
      await actionplan(["import", DEMO_CSV, ...site, "--mapping", mapping]),
      /the mapping file .*mapping\.json is not valid JSON/,
    );
  });

  test("a file with errors writes nothing and says which rows; --skip-rows leaves them out", async () => {
    const file = join(folder, "with-errors.csv");
    // The demo file ends its lines with CRLF: keep to one line ending, as Excel does.
    const lines = readFileSync(DEMO_CSV, "utf8").trimEnd().split(/\r?\n/);
    const copy = (lines.find((line) => line.includes(",1.1,")) ?? "").replace("The Mayor", "The Cabinet");
    writeFileSync(file, [...lines, copy].join("\n"));
    const errorRow = lines.length + 1;
    const args = ["import", file, ...site, "--plan", "Plan with errors", "--json"];
    const refused = await actionplan(args);
    assert.equal(refused.status, 1);
    const report = reportSchema.parse(JSON.parse(refused.stdout));
    assert.equal(report.written, false);
    assert.deepEqual(
      report.problems.filter((p) => p.severity === "error").map((p) => p.row),
      [errorRow],
    );
    assert.match(refused.stderr, /1 error in the file, so nothing was written/);
    assert.equal((await listPlans(env.ctx())).length, 1);

    const skipped = await actionplan([...args, "--skip-rows", String(errorRow)]);
    assert.equal(skipped.status, 0, skipped.stderr);
    assert.equal(reportSchema.parse(JSON.parse(skipped.stdout)).written, true);
    assert.equal((await listPlans(env.ctx())).length, 2);
  });

  test("no file named: a usage error, exit 2", async () => {
    const run = await actionplan(["import", ...site]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /name the plan file to import/);
  });
});
