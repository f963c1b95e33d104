// Issue "A council brings its own plan": writing an imported plan against the sandbox with 50 ms added to
// every request. A 500-row plan through the data-access layer (time, requests, write batches) and a
// 5,000-row CSV through `actionplan import` in its own process (time, the CLI's peak memory). Then reading
// files in a process of their own: a lying zip bomb refused (time, peak memory), and an honest workbook of
// about its size on disk read, to compare.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { isoDate } from "../src/domain/index.ts";
import { mapPlan, readLayout, readPlanFile } from "../src/import/index.ts";
import { xlsx } from "../src/import/testdata/fixtures.ts";
import { BEST_VALUE_AREAS, bestValueWorkbook } from "../src/import/testdata/layouts.ts";
import { lyingZip } from "../src/import/testdata/zips.ts";
import { createSharePoint, dataContext } from "../src/sharepoint/core/index.ts";
import { applyImport, type PlanImport } from "../src/sharepoint/import/index.ts";
import { provisionSite } from "../src/sharepoint/provision/index.ts";
import { generatedPlan } from "../tests/integration/fixtures.ts";
import { openSandbox } from "../tests/support/targets.ts";
import { counted, seconds, type BenchOptions, type Figure } from "./figures.ts";

const LATENCY = 50;
const POSTS = ["Corporate Director Resources", "Acting Director SIT", "Deputy CEO", "CEO"];

/** `recommendations` recommendations of 20 actions; with or without a progress update on each. */
function planOf(title: string, recommendations: number, updates: boolean): PlanImport {
  const plan = generatedPlan(title, recommendations, 20, POSTS);
  if (!updates)
    for (const r of plan.recommendations) r.actions = r.actions.map((a) => ({ ...a, update: null }));
  return plan;
}

/** A plan as councils write one: the demo CSV's columns, `rows` actions over 50 recommendations. */
function planRows(rows: number): string[][] {
  const lines = [
    [
      "Recommendation",
      "Recommendation title",
      "Ref",
      "Action",
      "Senior Responsible Officer",
      "Target date",
      "Progress update",
    ],
  ];
  const perRecommendation = rows / 50;
  for (let i = 0; i < rows; i++) {
    const rec = Math.floor(i / perRecommendation) + 1;
    const ref = `${String(rec)}.${String((i % perRecommendation) + 1)}`;
    lines.push([
      String(rec),
      `Recommendation ${String(rec)}`,
      ref,
      `Action ${ref}: deliver the council's commitment number ${String(i + 1)}, with residents`,
      POSTS[i % POSTS.length] ?? "",
      ["May-24", "Sept-24", "Mar-25", "Ongoing"][i % 4] ?? "",
      `Progress on ${ref}: on track, reported to the board.`,
    ]);
  }
  return lines;
}

/** The plan as a CSV file, its text columns quoted (the header, numbers, refs and dates not). */
function csvOf(rows: number): string {
  const quoted = new Set([1, 3, 4, 6]);
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const [header = [], ...body] = planRows(rows);
  const lines = [
    header.join(","),
    ...body.map((row) => row.map((c, i) => (quoted.has(i) ? quote(c) : c)).join(",")),
  ];
  return `${lines.join("\n")}\n`;
}

/** Peak resident memory (VmHWM) of a process, read from /proc while it runs; 0 where there is no /proc. */
function watchPeakRss(pid: number): () => number {
  let peak = 0;
  const read = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${String(pid)}/status`, "utf8"));
      if (match?.[1] !== undefined) peak = Math.max(peak, Number(match[1]) * 1024);
    } catch {
      // The process has exited; the last reading stands (VmHWM only ever grows).
    }
  };
  const timer = setInterval(read, 50);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

function runCli(
  args: string[],
): Promise<{ code: number | null; ms: number; peakRss: number; stdout: string; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/actionplan.mjs", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = watchPeakRss(child.pid ?? 0);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  // Only the last of it is kept: the progress lines of a big import are many.
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      resolve({ code, ms: performance.now() - started, peakRss: stop(), stdout, stderr });
    });
  });
}

const readingSchema = z.object({
  ms: z.number(),
  atRestKB: z.number(),
  peakKB: z.number(),
  rows: z.number(),
  refusal: z.string().nullable(),
});

/** readPlanFile on a file in a process of its own (bench/read-plan-file.ts): its time and peak memory. */
function readInOwnProcess(file: string): Promise<z.infer<typeof readingSchema>> {
  const script = fileURLToPath(new URL("./read-plan-file.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", script, file], (error, stdout, stderr) => {
      if (error === null) resolve(readingSchema.parse(JSON.parse(stdout)));
      else reject(new Error(`reading ${file} failed: ${stderr.slice(0, 300)}`));
    });
  });
}

/**
 * A lying zip bomb (1 GiB of zeros in 1 MB, its directory saying 4 KB) refused, and an honest workbook of
 * about that size on disk read: the refusal should take no more time or memory than the honest read.
 */
async function fileReadingFigures(folder: string, quick: boolean): Promise<Figure[]> {
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;
  const bombFile = join(folder, "lying-zip-bomb.xlsx");
  const bomb = lyingZip(await xlsx({ name: "Plan", rows: planRows(50) }));
  writeFileSync(bombFile, bomb);
  const bombRead = await readInOwnProcess(bombFile);
  if (!/zip bomb/.test(bombRead.refusal ?? ""))
    throw new Error(`the lying zip bomb was not refused as one: ${String(bombRead.refusal)}`);

  const rows = quick ? 1000 : 20_000;
  const honestFile = join(folder, `plan-${String(rows)}.xlsx`);
  const honest = await xlsx({ name: "Plan", rows: planRows(rows) });
  writeFileSync(honestFile, honest);
  const honestRead = await readInOwnProcess(honestFile);
  if (honestRead.rows !== rows + 1)
    throw new Error(
      `the honest workbook read ${String(honestRead.rows)} rows: ${String(honestRead.refusal)}`,
    );

  const what = `lying zip bomb (${String(mb(bomb.length))} MB, 1 GiB inflated, its directory says 4 KB)`;
  const bombConditions = {
    fileMB: mb(bomb.length),
    inflatesToMB: 1024,
    limitMB: 100,
    readerAtRestMB: Math.round(bombRead.atRestKB / 1024),
  };
  const honestWhat = `honest workbook, ${counted(rows)} rows (${String(mb(honest.length))} MB)`;
  const honestConditions = {
    fileMB: mb(honest.length),
    rows,
    readerAtRestMB: Math.round(honestRead.atRestKB / 1024),
  };
  return [
    {
      name: `${what}: time to refusal`,
      value: seconds(bombRead.ms),
      unit: "s",
      target: { op: "<=", value: 3 },
      conditions: bombConditions,
    },
    {
      name: `${what}: peak RSS of the reading process`,
      value: Math.round(bombRead.peakKB / 1024),
      unit: "MB",
      target: { op: "<=", value: 300 },
      conditions: bombConditions,
    },
    {
      name: `${honestWhat}: time to read`,
      value: seconds(honestRead.ms),
      unit: "s",
      conditions: honestConditions,
    },
    {
      name: `${honestWhat}: peak RSS of the reading process`,
      value: Math.round(honestRead.peakKB / 1024),
      unit: "MB",
      conditions: honestConditions,
    },
  ];
}

/** Run the import figures. */
export async function run({ quick }: BenchOptions): Promise<Figure[]> {
  const [recommendations, csvRows] = quick ? [3, 200] : [25, 5000];
  const planSize = recommendations * 20;
  const target = await openSandbox();
  const { sandbox, options } = target;
  const figures: Figure[] = [];
  const conditions = { latencyMs: LATENCY, threshold: 5000 };
  const folder = mkdtempSync(join(tmpdir(), "actionplan-import-bench-"));
  try {
    const ownerToken = await target.token("owner");
    const ctx = dataContext(
      createSharePoint({ siteUrl: target.siteUrl, getToken: () => Promise.resolve(ownerToken) }),
    );
    await provisionSite(ctx.sp);
    options.latencyMs = LATENCY;

    for (const updates of [false, true]) {
      const input = planOf(updates ? "With updates" : "New plan", recommendations, updates);
      let batches = 0;
      const before = sandbox.stats.sharePointRequests;
      const started = performance.now();
      const result = await applyImport(ctx, input, {}, { onProgress: () => (batches += 1) });
      const ms = performance.now() - started;
      if (result.changes.created.actions.length !== planSize)
        throw new Error(`the ${String(planSize)}-row import lost actions`);
      const what = updates
        ? `${counted(planSize)} rows, each with a progress update`
        : `${counted(planSize)} rows (a new plan: actions, SROs, dates)`;
      const rowConditions = { ...conditions, rows: planSize, recommendations, posts: POSTS.length };
      figures.push({
        name: `import ${what} (time)`,
        value: seconds(ms),
        unit: "s",
        conditions: rowConditions,
      });
      figures.push({
        name: `import ${what} (requests)`,
        value: sandbox.stats.sharePointRequests - before,
        unit: "requests",
        conditions: rowConditions,
      });
      figures.push({
        name: `import ${what} (write batches)`,
        value: batches,
        unit: "batches",
        // Eight stages' batches, and the write that marks the new plan finished (shown to its SROs).
        ...(updates ? {} : { target: { op: "<=" as const, value: 9 } }),
        conditions: rowConditions,
      });
    }

    const file = join(folder, `plan-${String(csvRows)}.csv`);
    writeFileSync(file, csvOf(csvRows));
    const args = ["import", file, "--site", target.siteUrl, "--as", target.upnOf("owner") ?? "", "--json"];
    const first = await runCli(args);
    if (first.code !== 0)
      throw new Error(
        `actionplan import exited ${String(first.code)}: ${first.stdout.slice(0, 300)}${first.stderr.slice(-600)}`,
      );
    // What the CLI takes before reading any file (Node, tsx and the app's modules), to read the peak against.
    const atRest = await runCli(["import", "--help"]);
    const cliConditions = {
      ...conditions,
      rows: csvRows,
      updates: csvRows,
      cliAtRestMB: Math.round(atRest.peakRss / 1024 / 1024),
    };
    // Issue 28: 5,000 rows in at most 6 s, the CLI's peak RSS at most 300 MB.
    figures.push({
      name: `actionplan import, ${counted(csvRows)} rows (time)`,
      value: seconds(first.ms),
      unit: "s",
      target: { op: "<=", value: 6 },
      conditions: cliConditions,
    });
    figures.push({
      name: `actionplan import, ${counted(csvRows)} rows (peak RSS of the CLI)`,
      value: Math.round(first.peakRss / 1024 / 1024),
      unit: "MB",
      target: { op: "<=", value: 300 },
      conditions: cliConditions,
    });
    const again = await runCli(args);
    if (!/"total": 0/.test(again.stdout))
      throw new Error(`the second ${String(csvRows)}-row import changed something`);
    figures.push({
      name: `actionplan import, ${counted(csvRows)} rows again: 0 changes (time)`,
      value: seconds(again.ms),
      unit: "s",
      conditions: cliConditions,
    });

    figures.push(...(await workbookFigures(ctx, () => sandbox.stats.sharePointRequests, conditions)));
    figures.push(...(await fileReadingFigures(folder, quick)));
  } finally {
    await target.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return figures;
}

/**
 * A Best Value workbook of five area sheets, 150 rows (25 activities, 125 milestones), read, mapped and
 * written into a new plan through the core the CLI and the tab share: time, requests and write batches.
 */
async function workbookFigures(
  ctx: Parameters<typeof applyImport>[0],
  requests: () => number,
  conditions: Record<string, number>,
): Promise<Figure[]> {
  const areas = BEST_VALUE_AREAS.map((area) => ({ name: area.name, milestones: [5, 5, 5, 5, 5] }));
  const bytes = await bestValueWorkbook({}, areas);
  const before = requests();
  const started = performance.now();
  const file = await readPlanFile(bytes, "best-value.xlsx");
  const [draft] = readLayout(file).plans;
  if (draft === undefined) throw new Error("the workbook holds no plan");
  const mapped = mapPlan(draft.sheets, {
    planTitle: "Best Value workbook (bench)",
    referenceDate: isoDate("2018-04-01"),
    today: isoDate("2018-10-10"),
    overdueAfterMonths: 1,
    posts: [],
    people: [],
  });
  if (!mapped.canWrite || mapped.counts.actions + mapped.counts.milestones !== 150)
    throw new Error(`the workbook mapped to ${JSON.stringify(mapped.counts)}, not 150 rows`);
  let batches = 0;
  await applyImport(ctx, mapped.plan, {}, { onProgress: () => (batches += 1) });
  const ms = performance.now() - started;
  const workbookConditions = { ...conditions, sheets: 5, rows: 150, activities: 25, milestones: 125 };
  return [
    {
      name: "import a 5-sheet, 150-row workbook (time)",
      value: seconds(ms),
      unit: "s",
      conditions: workbookConditions,
    },
    {
      name: "import a 5-sheet, 150-row workbook (requests)",
      value: requests() - before,
      unit: "requests",
      conditions: workbookConditions,
    },
    {
      name: "import a 5-sheet, 150-row workbook (write batches)",
      value: batches,
      unit: "batches",
      conditions: workbookConditions,
    },
  ];
}
