// `actionplan report` on the sandbox demo (the real April 2024 plan, April closed, Q1 2024/25 open): each
// format is written, read back (the docx unzipped and its XML read, the xlsx with ExcelJS, the CSV with
// papaparse) and holds the demo's figures and rows exactly; the report reads in one $batch, as the
// dashboard does; a period or a format that does not exist is refused in one sentence.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, test } from "vitest";
import { buildReport, choosePeriods, type ReportModel } from "../../src/report/index.ts";
import { demoCoordinator, demoPlanImport, DEMO_TODAY, seedDemo } from "../../src/sandbox/seed/demo.ts";
import { createSharePoint, dataContext } from "../../src/sharepoint/core/index.ts";
import { loadPeriods } from "../../src/sharepoint/periods/index.ts";
import { listPlans, loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { loadReportInput } from "../../src/sharepoint/reports/index.ts";
import { actionplanHere as actionplan, ok } from "../support/actionplan-cli.ts";
import { openSandbox } from "../support/targets.ts";

const demo = demoPlanImport();
const demoActions = demo.recommendations.flatMap((r) => r.actions);

/** The text of a Word document's body, paragraph by paragraph, XML entities undone. */
function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"] ?? new Uint8Array());
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? "")).join(""))
    .join("\n");
}

describe("actionplan report", () => {
  let target: Awaited<ReturnType<typeof openSandbox>>;
  let model: ReportModel;
  const out = mkdtempSync(join(tmpdir(), "actionplan-report-"));
  const coordinator = demoCoordinator();
  const site = () => `--site ${target.siteUrl} --as ${coordinator} --plan "${demo.plan.title}"`;

  beforeAll(async () => {
    target = await openSandbox({ today: DEMO_TODAY });
    await seedDemo(target.siteUrl, () => target.token("owner"));
    // The model the CLI writes, built here from the same reads, to check each file against.
    const ctx = dataContext(
      createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") }),
    );
    const [plan] = await listPlans(ctx);
    assert.ok(plan);
    const { period, previous } = choosePeriods(await loadPeriods(ctx, plan.id));
    model = buildReport(await loadReportInput(ctx, plan.id, period, previous, DEMO_TODAY));
  }, 120_000);
  afterAll(async () => {
    await target.close();
    rmSync(out, { recursive: true, force: true });
  });

  test("it reads in one $batch, as the dashboard does", async () => {
    const ctx = dataContext(
      createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") }),
    );
    const [plan] = await listPlans(ctx);
    assert.ok(plan);
    const { period, previous } = choosePeriods(await loadPeriods(ctx, plan.id));
    const count = async (body: () => Promise<unknown>) => {
      const before = target.sandbox.stats.sharePointRequests;
      await body();
      return target.sandbox.stats.sharePointRequests - before;
    };
    const dashboard = await count(() => loadDashboard(ctx, plan.id));
    const report = await count(() => loadReportInput(ctx, plan.id, period, previous, DEMO_TODAY));
    assert.equal(dashboard, 1);
    assert.equal(report, dashboard);
    assert.equal(model.periodTitle, "Q1 2024/25 progress report");
    assert.equal(model.previous?.title, "April 2024 progress report");
  });

  test("--format docx writes the Word report with the demo's figures and every action's text exactly", async () => {
    const file = join(out, "report.docx");
    const run = await actionplan(`report ${site()} --format docx --out "${file}"`);
    assert.match(ok(run), /^Wrote .*report\.docx \(\d[\d,]*\.\d KB\)\n$/);
    const text = docxText(readFileSync(file));
    assert.ok(text.includes(demo.plan.title));
    for (const figure of model.headline) {
      assert.ok(text.includes(figure.label), figure.label);
      assert.ok(text.includes(figure.now), `${figure.label}: ${figure.now}`);
    }
    for (const action of demoActions) assert.ok(text.includes(action.text), `action ${action.ref}`);
  });

  test("--format xlsx writes Summary, Actions and Updates sheets; the Actions sheet has every row exactly", async () => {
    const file = join(out, "report.xlsx");
    ok(await actionplan(`report ${site()} --format xlsx --out "${file}"`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(file)).buffer);
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ["Summary", "Actions", "Updates"],
    );
    const cells = (name: string) => {
      const values: string[] = [];
      book.getWorksheet(name)?.eachRow((row) => {
        row.eachCell((cell) => values.push(typeof cell.value === "string" ? cell.value : cell.text));
      });
      return values;
    };
    const summary = cells("Summary");
    // Counts written as words ("7 of 18") are text; a percentage may be a number formatted as one.
    for (const figure of model.headline) {
      assert.ok(summary.includes(figure.label), figure.label);
      if (figure.now.includes(" of "))
        assert.ok(summary.includes(figure.now), `${figure.label}: ${figure.now}`);
    }
    const actions = cells("Actions");
    for (const action of demoActions) assert.ok(actions.includes(action.text), `action ${action.ref}`);
    assert.equal((book.getWorksheet("Actions")?.actualRowCount ?? 0) - 1, model.rows.length);
  });

  test("--format csv writes the Actions sheet with a byte-order mark, one row per action exactly", async () => {
    const run = await actionplan(`report ${site()} --format csv --out "${join(out, "report.csv")}"`);
    ok(run);
    const raw = readFileSync(join(out, "report.csv"), "utf8");
    assert.equal(raw.charCodeAt(0), 0xfeff);
    const parsed = Papa.parse<string[]>(raw.slice(1), { skipEmptyLines: true });
    assert.deepEqual(parsed.errors, []);
    const [, ...rows] = parsed.data;
    assert.equal(rows.length, model.rows.length);
    assert.equal(rows.length, demoActions.length);
    const flat = rows.flat();
    // Text is kept exactly; one that begins like a formula is written with a leading quote.
    for (const action of demoActions) {
      const safe = /^[=+\-@\t\r]/.test(action.text) ? `'${action.text}` : action.text;
      assert.ok(flat.includes(safe), `action ${action.ref}`);
    }
  });

  test("without --out it writes the report's own file name in the current folder", async () => {
    const cwd = process.cwd();
    process.chdir(out);
    try {
      const stdout = ok(
        await actionplan(`report ${site()} --format csv --period "april 2024 progress report"`),
      );
      const name = `${demo.plan.title} - April 2024 progress report.csv`.replace(/\s+/g, " ");
      assert.ok(stdout.includes(name), stdout);
      assert.ok(readFileSync(join(out, name)).byteLength > 0);
    } finally {
      process.chdir(cwd);
    }
  });

  test("a period the plan does not have is refused in one sentence naming the periods", async () => {
    const run = await actionplan(
      `report ${site()} --format docx --period "Q9 2031/32" --out "${join(out, "x.docx")}"`,
    );
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^actionplan report: .*April 2024 progress report.*\.$/m);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  test("a format it cannot write is refused in one sentence", async () => {
    const run = await actionplan(`report ${site()} --format pdf`);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^actionplan report: --format: choose docx \(Word\), xlsx \(Excel\) or csv\n/);
  });
});
