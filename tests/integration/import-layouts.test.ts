// The layouts councils publish, imported through `actionplan import` as a coordinator types it: a Best Value
// workbook with a sheet per area comes in as one plan of five areas, a CSV holding two programme plans as two
// plans; the same file again changes nothing in any of them; an edited file changes only what was edited.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { readPlanFile } from "../../src/import/index.ts";
import { csv, utf8, xlsx } from "../../src/import/testdata/fixtures.ts";
import {
  BEST_VALUE_AREAS,
  bestValueSheet,
  bestValueWorkbook,
  HR_PLAN,
  PROCUREMENT_PLAN,
  twoPlanCsv,
  twoPlanRows,
} from "../../src/import/testdata/layouts.ts";
import { listPlans, loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { actionplanHere } from "../support/actionplan-cli.ts";
import { SANDBOX_PEOPLE } from "../support/targets.ts";
import { openProvisioned, type Provisioned } from "./fixtures.ts";

const planReport = z.object({
  sheets: z.array(z.string()),
  plan: z.object({ id: z.string().nullable(), title: z.string() }),
  counts: z.object({ recommendations: z.number(), actions: z.number(), milestones: z.number() }),
  problems: z.array(z.object({ severity: z.enum(["error", "warning"]), message: z.string() })),
  headings: z.array(z.object({ sheet: z.string(), row: z.number(), reading: z.string() })),
  confirmations: z.array(z.string()),
  changes: z.object({
    total: z.number(),
    changed: z.array(z.object({ ref: z.string(), field: z.string(), to: z.string().nullable() })),
    created: z.object({ milestones: z.array(z.string()) }),
  }),
  written: z.boolean(),
});
const twoPlans = z.object({ file: z.string(), plans: z.array(planReport) });

describe("actionplan import with the layouts councils publish", () => {
  const folder = mkdtempSync(join(tmpdir(), "actionplan-import-layouts-"));
  let env: Provisioned;
  let site: string;

  beforeAll(async () => {
    env = await openProvisioned();
    site = `--site ${env.target.siteUrl} --as ${SANDBOX_PEOPLE.owner} --today 2018-10-10`;
  });
  afterAll(async () => {
    await env.target.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const write = (name: string, bytes: Uint8Array) => {
    const path = join(folder, name);
    writeFileSync(path, bytes);
    return path;
  };

  test("a Best Value workbook of five area sheets: one plan, 5 areas, 26 activities, 115 milestones; again, nothing", async () => {
    const file = write("best-value.xlsx", await bestValueWorkbook());
    const first = await actionplanHere(`import ${file} ${site} --json`);
    assert.equal(first.status, 0, first.stderr);
    const report = planReport.parse(JSON.parse(first.stdout));
    assert.deepEqual(
      report.sheets,
      BEST_VALUE_AREAS.map((a) => a.name),
    );
    assert.deepEqual(report.counts, { ...report.counts, recommendations: 5, actions: 26, milestones: 115 });
    assert.equal(report.written, true);
    const plan = (await listPlans(env.ctx())).find((p) => p.title === report.plan.title);
    assert.ok(plan !== undefined, "the plan is listed once written");
    const dashboard = await loadDashboard(env.ctx(), plan.id);
    assert.deepEqual(
      dashboard.recommendations.map((r) => r.title),
      BEST_VALUE_AREAS.map((a) => a.name),
    );
    assert.equal(dashboard.actions.length, 26 + 115);
    assert.equal(dashboard.actions.filter((a) => a.action.parentId !== undefined).length, 115);

    const again = await actionplanHere(`import ${file} ${site} --json`);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(planReport.parse(JSON.parse(again.stdout)).changes.total, 0);
    assert.equal((await listPlans(env.ctx())).filter((p) => p.title === report.plan.title).length, 1);
  });

  test("an edited workbook changes only what was edited: one deadline moved, one milestone added", async () => {
    const sheets = BEST_VALUE_AREAS.map((area) => bestValueSheet(area));
    const grants = sheets[3];
    assert.ok(grants !== undefined);
    // Grants, activity 1's first milestone (row 6): a new deadline; a fifth milestone under it (row 10).
    const row6 = grants.rows[5];
    assert.ok(row6 !== undefined);
    row6[2] = "Jan-19";
    grants.rows.splice(9, 0, [
      "Grants milestone 1.5: publish the grants register",
      "Chief Executive",
      "Mar-19",
    ]);
    const file = write("best-value.xlsx", await xlsx(...sheets));
    const run = await actionplanHere(`import ${file} ${site} --json`);
    assert.equal(run.status, 0, run.stderr);
    const report = planReport.parse(JSON.parse(run.stdout));
    assert.deepEqual(
      report.changes.changed.map((c) => [c.ref, c.field, c.to]),
      [["4.1.1", "targetDate", "Jan-19"]],
    );
    assert.deepEqual(report.changes.created.milestones, ["4.1.5"]);
  });

  test("a CSV holding two plans is imported as two plans, each numbered on its own; again, nothing", async () => {
    const file = write("programmes.csv", twoPlanCsv());
    // Neither plan has a target date or an SRO: the coordinator is asked first, and nothing is written.
    const asked = await actionplanHere(`import ${file} ${site} --json`);
    assert.equal(asked.status, 1);
    assert.match(asked.stderr, /has a target date.*run the import again with --confirm/);
    assert.deepEqual(
      (await listPlans(env.ctx())).filter((p) => p.title === HR_PLAN || p.title === PROCUREMENT_PLAN),
      [],
    );

    const run = await actionplanHere(`import ${file} ${site} --confirm --json`);
    assert.equal(run.status, 0, run.stderr);
    const report = twoPlans.parse(JSON.parse(run.stdout));
    assert.deepEqual(
      report.plans.map((p) => [
        p.plan.title,
        p.counts.recommendations,
        p.counts.actions,
        p.counts.milestones,
      ]),
      [
        [HR_PLAN, 2, 6, 4],
        [PROCUREMENT_PLAN, 2, 5, 1],
      ],
    );
    const plans = await listPlans(env.ctx());
    for (const title of [HR_PLAN, PROCUREMENT_PLAN]) {
      const plan = plans.find((p) => p.title === title);
      assert.ok(plan !== undefined, title);
      const refs = (await loadDashboard(env.ctx(), plan.id)).actions.map((a) => a.action.ref);
      assert.equal(refs[0], "1.1", `${title} is numbered from 1.1`);
    }

    const again = await actionplanHere(`import ${file} ${site} --confirm --json`);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(
      twoPlans.parse(JSON.parse(again.stdout)).plans.map((p) => p.changes.total),
      [0, 0],
    );
  });

  test("an edited two-plan CSV updates each plan by its own refs; --plan imports one of them", async () => {
    const rows = twoPlanRows().map((row) =>
      row[3] === "Rewrite the contract procedure rules"
        ? [...row.slice(0, 3), "Rewrite and publish the contract procedure rules", row[4] ?? ""]
        : row,
    );
    const file = write("programmes.csv", utf8(csv(rows), true));
    const run = await actionplanHere(`import ${file} ${site} --confirm --json`);
    assert.equal(run.status, 0, run.stderr);
    const report = twoPlans.parse(JSON.parse(run.stdout));
    assert.deepEqual(
      report.plans.map((p) => p.changes.changed.map((c) => [c.ref, c.field])),
      [[], [["2.1", "text"]]],
    );
    const one = await actionplanHere(`import ${file} ${site} --confirm --plan "${HR_PLAN}" --json`);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(planReport.parse(JSON.parse(one.stdout)).plan.title, HR_PLAN);
    const wrong = await actionplanHere(`import ${file} ${site} --plan Housing`);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /--plan: the file's "Plan" column names no plan "Housing"/);
  });

  test("heading readings from the command line, and a heading option that is not one", async () => {
    const file = write("one-area.xlsx", await xlsx(bestValueSheet({ name: "Housing", milestones: [2, 2] })));
    const parsed = await readPlanFile(
      await xlsx(bestValueSheet({ name: "Housing", milestones: [2, 2] })),
      "x.xlsx",
    );
    assert.equal(parsed.sheets.length, 1);
    const run = await actionplanHere(`import ${file} ${site} --dry-run --headings Housing!8=ignore --json`);
    assert.equal(run.status, 0, run.stderr);
    const report = planReport.parse(JSON.parse(run.stdout));
    assert.deepEqual(
      report.headings.map((h) => [h.row, h.reading]),
      [
        [4, "activity"],
        [5, "milestones"],
        [8, "ignore"],
        [9, "milestones"],
      ],
    );
    const bad = await actionplanHere(`import ${file} ${site} --headings 4=heading`);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--headings: "4=heading" is not Sheet!row=reading/);
  });
});
