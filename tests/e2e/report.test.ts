// The committee report from the tab (issue 14): a coordinator opens the demo plan, clicks "Committee report"
// and downloads it as Word, Excel and CSV; each file is opened again (the docx unzipped and its XML read for
// headings, repeating header rows, alt text and its title; the xlsx with ExcelJS; the CSV with papaparse)
// and holds every demo action's number, text and progress update exactly, and the figures the app itself
// works out from the same reads. axe on the page in each theme and at 360 px; a Member is not offered the
// report and is told in words who may make it; the period, the format and Download work from the keyboard.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, test } from "vitest";
import { formatUkDate, isoDate } from "../../src/domain/iso-date.ts";
import { seedActions, seedPlan } from "../../src/domain/testdata/lga-cpc-2023.ts";
import {
  buildReport,
  choosePeriods,
  reportFileName,
  type ReportFormat,
  type ReportModel,
} from "../../src/report/index.ts";
import { readDocx, unescapeXml } from "../../src/report/testdata/docx-xml.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { DEMO_TODAY } from "../../src/sandbox/seed/demo.ts";
import { loadPeriods } from "../../src/sharepoint/periods/index.ts";
import { listPlans, loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { loadReportInput } from "../../src/sharepoint/reports/index.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E, type HostPage } from "./support/harness.ts";
import { openView, said } from "./support/manage.ts";
import { scrollsSideways, visibleText, waitForHeading } from "./support/tab.ts";

const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const SRO = personByPost("Corporate Director Resources")!;
const THEMES = ["default", "dark", "contrast"] as const;
const FORMAT_LABEL: Record<ReportFormat, RegExp> = {
  docx: /^Word \(\.docx\)/,
  xlsx: /^Excel \(\.xlsx\)/,
  csv: /^CSV \(\.csv\)/,
};
/** Each seed action's text by its number. */
const SEED_TEXT = new Map<string, string>();
for (const r of seedPlan.recommendations) for (const a of r.actions) SEED_TEXT.set(a.ref, a.text);
const seedText = (ref: string): string => SEED_TEXT.get(ref) ?? "";
const APPENDIX_HEADER = "No.|Action|SRO|Target date|Progress update|Completed";

/** Open the tab as `user`, go to the Plan page by its navigation link, and wait for the demo plan. */
async function openPlan(e2e: E2E, user: string): Promise<HostPage> {
  const host = await e2e.openHost({ user });
  await waitForHeading(host.tab, /^Overdue|My actions|Corporate Peer Challenge/);
  await host.tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
  await waitForHeading(host.tab, /Corporate Peer Challenge/);
  return host;
}

/** Press Tab until the focused element in the tab matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, tab: Frame, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await tab.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** Click Download (the download listener registered first) and return the file's name and bytes. */
async function downloadWith(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Uint8Array }> {
  const downloaded = page.waitForEvent("download", { timeout: 60_000 });
  await click();
  const download = await downloaded;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

/** A cell's value as text: strings as they are, anything else as ExcelJS shows it. */
function cellText(cell: ExcelJS.Cell): string {
  return typeof cell.value === "string" ? cell.value : cell.text;
}

/** A worksheet's rows as text, header first (empty cells as ""). */
function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)));
    rows.push(cells);
  });
  return rows;
}

/** The rows of a table (header first) by the number in its "No." column, checking each number is there once. */
function rowsByRef(rows: string[][]): { column: (name: string) => number; byRef: Map<string, string[]> } {
  const header = rows[0] ?? [];
  const column = (name: string): number => {
    const at = header.indexOf(name);
    assert.ok(at >= 0, `no "${name}" column in ${JSON.stringify(header)}`);
    return at;
  };
  const ref = column("No.");
  const byRef = new Map<string, string[]>();
  for (const row of rows.slice(1)) {
    const key = row[ref] ?? "";
    assert.ok(!byRef.has(key), `action ${key} is in the table twice`);
    byRef.set(key, row);
  }
  return { column, byRef };
}

/** Every demo action is in the table, its text, SRO post and progress update exactly as the seed file has them. */
function assertEveryAction(rows: string[][], model: ReportModel): void {
  const { column, byRef } = rowsByRef(rows);
  assert.equal(byRef.size, model.rows.length);
  assert.equal(byRef.size, seedActions.length);
  for (const seed of seedActions) {
    const row = byRef.get(seed.ref);
    assert.ok(row !== undefined, `action ${seed.ref} is missing`);
    assert.equal(row[column("Action")], seedText(seed.ref), `action ${seed.ref}: text`);
    assert.equal(row[column("SRO post")], seed.sro ?? "", `action ${seed.ref}: SRO post`);
    assert.equal(
      row[column("Target date (as written)")],
      seed.targetDate ?? "",
      `action ${seed.ref}: target`,
    );
    assert.equal(row[column("Progress update")], seed.progressUpdate, `action ${seed.ref}: update`);
    assert.equal(row[column("Recommendation no.")], String(seed.recommendation));
  }
}

describe("the committee report of the demo plan", () => {
  let e2e: E2E;
  let demoId = "";
  /** The report the app builds from the same reads, in Node, for today in the sandbox. */
  let model: ReportModel;
  let host: HostPage | null = null;

  /** The coordinator's report page, opened once from the Plan page's button and shared by the downloads. */
  const reportPage = async (): Promise<HostPage> => {
    if (host !== null) return host;
    const opened = await openPlan(e2e, COORDINATOR);
    const running = opened.tab.getByRole("region", { name: "Running the period" });
    await running.getByRole("button", { name: "Committee report" }).click();
    await waitForHeading(opened.tab, "Committee report");
    await opened.tab.getByRole("button", { name: "Download" }).waitFor();
    host = opened;
    return opened;
  };

  /** Download the report on the period the page chooses, in `format`, by clicking as a coordinator would. */
  const download = async (format: ReportFormat): Promise<Uint8Array> => {
    const { page, tab, errors, strayRequests } = await reportPage();
    const form = tab.locator("form[data-form='committee-report']");
    await form.getByRole("radio", { name: FORMAT_LABEL[format] }).check();
    const file = await downloadWith(page, () => form.getByRole("button", { name: "Download" }).click());
    assert.equal(file.name, reportFileName(model, format));
    await said(tab, `Downloaded ${file.name}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(strayRequests, []);
    return file.bytes;
  };

  beforeAll(async () => {
    e2e = await startE2E();
    const ctx = e2e.as(COORDINATOR);
    demoId = (await listPlans(ctx)).find((p) => /Corporate Peer Challenge/.test(p.title))!.id;
    const periods = await loadPeriods(ctx, demoId);
    const { period, previous } = choosePeriods(periods);
    model = buildReport(await loadReportInput(ctx, demoId, period, previous, DEMO_TODAY));
    // What the model is built from, checked apart from the report code: the period the page chooses (the
    // open one), the closed April period's frozen figures beside it, every seed action counted.
    const dashboard = await loadDashboard(ctx, demoId);
    assert.equal(model.periodTitle, dashboard.currentPeriod?.title);
    assert.equal(model.periodTitle, "Q1 2024/25 progress report");
    const april = dashboard.periods.find((p) => p.title === "April 2024 progress report");
    assert.ok(april?.snapshot);
    assert.deepEqual(model.previous, {
      title: april.title,
      asOf: april.snapshot.asOf,
      figures: april.snapshot,
    });
    assert.equal(model.figures.actionsTotal, seedActions.length);
    assert.equal(model.rows.length, dashboard.actions.length);
    assert.equal(model.figures.recommendationsComplete.total, seedPlan.recommendations.length);
  });
  afterAll(async () => {
    await host?.page.context().close();
    await e2e.close();
  });

  test("Word: headings, repeating header rows, alt text, its title, the figures and every action exactly", async () => {
    const doc = readDocx(await download("docx"));
    // Real headings, in order: a Title, then Heading1s and Heading2s that never skip a level.
    const headings = doc.paragraphs.filter((p) => p.style !== null && /^(Title|Heading\d)$/.test(p.style));
    assert.equal(headings[0]?.style, "Title");
    assert.equal(headings[0].text, model.planTitle);
    assert.ok(doc.document.includes('<w:pStyle w:val="Heading1"/>'));
    let level = 0;
    for (const h of headings.slice(1)) {
      const next = Number(h.style?.slice("Heading".length));
      assert.ok(next <= level + 1, `"${h.text}" skips a heading level`);
      level = next;
    }
    const titles = headings.map((h) => h.text);
    for (const heading of [
      "Headline figures",
      "Since the last report",
      "Appendix A: progress on each action",
    ])
      assert.ok(titles.includes(heading), heading);
    for (const r of seedPlan.recommendations)
      assert.ok(
        titles.includes(`Recommendation ${String(r.number)}: ${r.title}`),
        `recommendation ${r.number}`,
      );
    // Every table's first row, and only it, is a header row repeated on each page.
    assert.ok(doc.tables.length > seedPlan.recommendations.length);
    for (const table of doc.tables) {
      assert.ok(table.xml.includes("<w:tblHeader/>") || table.rows[0]?.header === true);
      assert.equal(table.rows[0]?.header, true, `table ${JSON.stringify(table.rows[0]?.cells)}`);
      assert.ok(!table.rows.slice(1).some((row) => row.header));
    }
    // Every image has alt text: the chart's says its figures in words.
    const drawings = [...doc.document.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].map((m) => m[0]);
    assert.ok(drawings.length >= 1);
    for (const drawing of drawings) {
      const descr = /<wp:docPr [^>]*descr="([^"]*)"/.exec(drawing)?.[1] ?? "";
      assert.notEqual(unescapeXml(descr).trim(), "");
    }
    assert.ok(drawings.some((d) => unescapeXml(/descr="([^"]*)"/.exec(d)?.[1] ?? "") === model.chartAltText));
    const core = doc.files["docProps/core.xml"] ?? "";
    assert.equal(
      unescapeXml(/<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? ""),
      `${model.planTitle}: ${model.periodTitle}`,
    );
    assert.match(doc.files["word/styles.xml"] ?? "", /<w:lang w:val="en-GB"/);

    // The headline figures, now and at the April report, as the app works them out.
    const headline = doc.tables[0];
    assert.ok(headline !== undefined);
    assert.deepEqual(headline.rows[0]?.cells, ["Figure", "Now", "At April 2024 progress report"]);
    assert.deepEqual(
      headline.rows.slice(1).map((r) => r.cells),
      model.headline.map((f) => [f.label, f.now, f.before ?? ""]),
    );
    const complete = `${String(model.figures.actionsCompleted)} of ${String(seedActions.length)}`;
    assert.deepEqual(headline.rows[1]?.cells.slice(0, 2), ["Actions complete", complete]);
    assert.ok(doc.allText.includes(`Figures as of: ${formatUkDate(DEMO_TODAY)}`));

    // Appendix A: one table per recommendation; every action's number, text, target and update exactly.
    const appendix = doc.tables.filter((t) => t.rows[0]?.cells.join("|") === APPENDIX_HEADER);
    assert.equal(appendix.length, seedPlan.recommendations.length);
    const rows = new Map(appendix.flatMap((t) => t.rows.slice(1)).map((r) => [r.cells[0] ?? "", r.cells]));
    assert.equal(rows.size, seedActions.length);
    for (const seed of seedActions) {
      const [, text, sro, target, update] = rows.get(seed.ref) ?? [];
      assert.equal(text, seedText(seed.ref), `action ${seed.ref}: text`);
      assert.equal(sro?.split("\n")[0] ?? "", seed.sro ?? "", `action ${seed.ref}: SRO`);
      assert.equal(target, seed.targetDate ?? "", `action ${seed.ref}: target date`);
      assert.equal(
        update,
        `${seed.progressUpdate}\nUpdate of ${formatUkDate(isoDate("2024-04-09"))}`,
        `action ${seed.ref}: update`,
      );
      assert.ok(doc.allText.includes(seedText(seed.ref)));
      assert.ok(doc.allText.includes(seed.progressUpdate));
    }
    assert.ok(doc.allText.includes("SIT is supporting the Mayor's Office and the Mayor"));
  });

  test("Excel: Summary, Actions and Updates sheets; the figures and every action exactly", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download("xlsx")).slice().buffer);
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ["Summary", "Actions", "Updates"],
    );
    const summary = sheetRows(book.getWorksheet("Summary")!);
    const figureRows = summary.slice(summary.findIndex((r) => r[0] === "Figure"));
    assert.deepEqual(figureRows[0]?.slice(0, 3), ["Figure", "Now", "At April 2024 progress report"]);
    for (const figure of model.headline) {
      const row = figureRows.find((r) => r[0] === figure.label);
      assert.deepEqual(row?.slice(1, 3), [figure.now, figure.before ?? ""], figure.label);
    }
    const complete = `${String(model.figures.actionsCompleted)} of ${String(seedActions.length)}`;
    assert.equal(figureRows.find((r) => r[0] === "Actions complete")?.[1], complete);

    const actions = book.getWorksheet("Actions")!;
    assertEveryAction(sheetRows(actions), model);
    // Filters on, the header frozen, widths set, dates as dates.
    assert.ok(actions.autoFilter !== undefined);
    const view = actions.views[0];
    assert.ok(view?.state === "frozen");
    assert.equal(view.ySplit, 1);
    assert.ok(actions.columns.every((c) => (c.width ?? 0) > 0));
    const header = sheetRows(actions)[0] ?? [];
    const updateDate = actions.getRow(2).getCell(header.indexOf("Update date") + 1).value;
    assert.ok(updateDate instanceof Date);
    assert.equal(updateDate.toISOString().slice(0, 10), "2024-04-09");

    const updates = book.getWorksheet("Updates")!;
    assert.equal(sheetRows(updates)[0]?.[0], "No.");
    assert.equal(updates.actualRowCount - 1, model.updates.length);
  });

  test("CSV: UTF-8 with a byte-order mark, one row per action, every action exactly", async () => {
    const raw = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await download("csv"));
    assert.equal(raw.charAt(0), "\uFEFF");
    const parsed = Papa.parse<string[]>(raw.slice(1), { skipEmptyLines: true });
    assert.deepEqual(parsed.errors, []);
    assertEveryAction(parsed.data, model);
    assert.ok(raw.includes("Mayor's Office"));
  });

  for (const theme of THEMES)
    test(`axe: the committee report page, ${theme} theme`, async () => {
      const { page, tab } = await openView(
        e2e,
        COORDINATOR,
        `?view=report&planId=${demoId}`,
        "Committee report",
        { theme },
      );
      await tab.getByRole("button", { name: "Download" }).waitFor();
      const { passes, violations } = await axeViolations(tab);
      assert.ok(passes > 10);
      assert.deepEqual(violations, []);
      await page.context().close();
    });

  test("at 360 px, the committee report page does not scroll sideways and passes axe", async () => {
    const { page, tab } = await openView(
      e2e,
      COORDINATOR,
      `?view=report&planId=${demoId}`,
      "Committee report",
      { width: "phone" },
      { width: 420, height: 800 },
    );
    await tab.getByRole("button", { name: "Download" }).waitFor();
    assert.equal(await tab.evaluate(() => document.documentElement.clientWidth), 360);
    assert.equal(await scrollsSideways(tab), false);
    assert.deepEqual((await axeViolations(tab)).violations, []);
    await page.context().close();
  });

  test("a Member is not offered the report, and is told in words that it is for coordinators", async () => {
    const plan = await openPlan(e2e, SRO.upn);
    assert.equal(await plan.tab.getByRole("button", { name: "Committee report" }).count(), 0);
    assert.equal(await plan.tab.getByRole("heading", { name: "Running the period" }).count(), 0);
    await plan.page.context().close();

    const { page, tab } = await openView(
      e2e,
      SRO.upn,
      `?view=report&planId=${demoId}`,
      "Action Plan Tracker",
    );
    await tab
      .getByText("Only the plan's coordinators (site Owners) can make the committee report.")
      .waitFor({ timeout: 15_000 });
    assert.match(await visibleText(tab), /For coordinators only/);
    assert.equal(await tab.locator("form").count(), 0);
    assert.equal(await tab.getByRole("button", { name: "Download" }).count(), 0);
    await page.context().close();
  });

  test("the period, the format and Download work from the keyboard alone", async () => {
    const { page, tab, errors } = await openView(
      e2e,
      COORDINATOR,
      `?view=report&planId=${demoId}`,
      "Committee report",
    );
    const form = "form[data-form='committee-report']";
    const select = tab.locator(`${form} select`);
    await select.waitFor();
    // Newest first: the open Q1 period is chosen; the closed April one is the next down.
    assert.match(await select.locator("option:checked").innerText(), /^Q1 2024\/25 progress report \(open;/);
    await tabTo(page, tab, `${form} select`);
    await page.keyboard.press("ArrowDown");
    assert.match(await select.locator("option:checked").innerText(), /^April 2024 progress report \(closed/);
    await tabTo(page, tab, `${form} input[type='radio']`);
    assert.equal(await tab.evaluate(() => (document.activeElement as HTMLInputElement).value), "docx");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    assert.equal(await tab.locator(`${form} input[type='radio']:checked`).getAttribute("value"), "csv");
    await tabTo(page, tab, `${form} button[type='submit']`);
    const file = await downloadWith(page, () => page.keyboard.press("Enter"));
    assert.equal(file.name, `${model.planTitle} - April 2024 progress report.csv`.replace(/\s+/g, " "));
    await said(tab, `Downloaded ${file.name}`);
    const raw = new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.bytes);
    const parsed = Papa.parse<string[]>(raw.slice(1), { skipEmptyLines: true });
    assertEveryAction(parsed.data, model);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
