// Issue "A council brings its own plan": writing an imported plan against the sandbox with 50 ms added to
// every request. A 500-row plan through the data-access layer (time, requests, write batches) and a
// 5,000-row CSV through `actionplan import` in its own process (time, the CLI's peak memory).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSharePoint } from "../src/sharepoint/client.ts";
import { dataContext } from "../src/sharepoint/context.ts";
import type { PlanImport } from "../src/sharepoint/import-plan.ts";
import { applyImport } from "../src/sharepoint/import-sync.ts";
import { provisionSite } from "../src/sharepoint/provision.ts";
import { generatedPlan } from "../tests/integration/fixtures.ts";
import { openSandbox } from "../tests/support/targets.ts";
import { seconds, type Figure } from "./figures.ts";

const LATENCY = 50;
const POSTS = ["Corporate Director Resources", "Acting Director SIT", "Deputy CEO", "CEO"];

/** 25 recommendations of 20 actions; with or without a progress update on each. */
function fiveHundredRows(title: string, updates: boolean): PlanImport {
  const plan = generatedPlan(title, 25, 20, POSTS);
  if (!updates)
    for (const r of plan.recommendations) r.actions = r.actions.map((a) => ({ ...a, update: null }));
  return plan;
}

/** A plan file as councils write one: the demo CSV's columns, `rows` actions over 50 recommendations. */
function csvOf(rows: number): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const lines = [
    "Recommendation,Recommendation title,Ref,Action,Senior Responsible Officer,Target date,Progress update",
  ];
  const perRecommendation = rows / 50;
  for (let i = 0; i < rows; i++) {
    const rec = Math.floor(i / perRecommendation) + 1;
    const ref = `${String(rec)}.${String((i % perRecommendation) + 1)}`;
    lines.push(
      [
        String(rec),
        quote(`Recommendation ${String(rec)}`),
        ref,
        quote(`Action ${ref}: deliver the council's commitment number ${String(i + 1)}, with residents`),
        quote(POSTS[i % POSTS.length] ?? ""),
        ["May-24", "Sept-24", "Mar-25", "Ongoing"][i % 4] ?? "",
        quote(`Progress on ${ref}: on track, reported to the board.`),
      ].join(","),
    );
  }
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
): Promise<{ code: number | null; ms: number; peakRss: number; stdout: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/actionplan.mjs", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = watchPeakRss(child.pid ?? 0);
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      resolve({ code, ms: performance.now() - started, peakRss: stop(), stdout });
    });
  });
}

/** Run the import figures. */
export async function run(): Promise<Figure[]> {
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
      const input = fiveHundredRows(updates ? "With updates" : "New plan", updates);
      let batches = 0;
      const before = sandbox.stats.sharePointRequests;
      const started = performance.now();
      const result = await applyImport(ctx, input, {}, { onProgress: () => (batches += 1) });
      const ms = performance.now() - started;
      if (result.changes.created.actions.length !== 500) throw new Error("the 500-row import lost actions");
      const what = updates
        ? "500 rows, each with a progress update"
        : "500 rows (a new plan: actions, SROs, dates)";
      const rowConditions = { ...conditions, rows: 500, recommendations: 25, posts: POSTS.length };
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
        ...(updates ? {} : { target: { op: "<=" as const, value: 8 } }),
        conditions: rowConditions,
      });
    }

    const file = join(folder, "plan-5000.csv");
    writeFileSync(file, csvOf(5000));
    const args = ["import", file, "--site", target.siteUrl, "--as", target.upnOf("owner") ?? "", "--json"];
    const first = await runCli(args);
    if (first.code !== 0)
      throw new Error(`actionplan import exited ${String(first.code)}: ${first.stdout.slice(0, 300)}`);
    // What the CLI takes before reading any file (Node, tsx and the app's modules), to read the peak against.
    const atRest = await runCli(["import", "--help"]);
    const cliConditions = {
      ...conditions,
      rows: 5000,
      updates: 5000,
      cliAtRestMB: Math.round(atRest.peakRss / 1024 / 1024),
    };
    figures.push({
      name: "actionplan import, 5,000 rows (time)",
      value: seconds(first.ms),
      unit: "s",
      conditions: cliConditions,
    });
    figures.push({
      name: "actionplan import, 5,000 rows (peak RSS of the CLI)",
      value: Math.round(first.peakRss / 1024 / 1024),
      unit: "MB",
      conditions: cliConditions,
    });
    const again = await runCli(args);
    if (!/"total": 0/.test(again.stdout)) throw new Error("the second 5,000-row import changed something");
    figures.push({
      name: "actionplan import, 5,000 rows again: 0 changes (time)",
      value: seconds(again.ms),
      unit: "s",
      conditions: cliConditions,
    });
  } finally {
    await target.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return figures;
}
