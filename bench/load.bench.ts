// Issue 28's load figure: 20 people using the demo site at once for 60 s (40 % opening the dashboard, 40 %
// My actions, 20 % posting a progress update as SROs do before a deadline), against `actionplan sandbox` in a
// process of its own, as `npm start` runs it, with its stand-in for the Function App's timer applying the
// updates as they arrive (--apply-every). Reads must not slow as the updates pile up: the operations in the
// last 10 s against the first 10 s, and no errors.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIRECTORY, personByPost } from "../src/sandbox/directory.ts";
import { DEMO_TODAY } from "../src/sandbox/seed/demo.ts";
import { loadMyActions, type MyAction } from "../src/sharepoint/actions/index.ts";
import { createSharePoint, dataContext, type DataContext } from "../src/sharepoint/core/index.ts";
import { listPlans, loadDashboard } from "../src/sharepoint/plans/index.ts";
import { addProgressUpdate } from "../src/sharepoint/updates/index.ts";
import { startSandboxProcess } from "../tests/support/sandbox-process.ts";
import { type BenchOptions, type Figure } from "./figures.ts";

interface Sizes {
  clients: number;
  seconds: number;
  /** The sandbox's --apply-every, seconds. */
  applyEvery: number;
}

const FULL: Sizes = { clients: 20, seconds: 60, applyEvery: 10 };
const QUICK: Sizes = { clients: 4, seconds: 6, applyEvery: 2 };
const WINDOW_MS = (sizes: Sizes) => Math.min(10_000, (sizes.seconds * 1000) / 3);

type Kind = "dashboard" | "my actions" | "update";

interface Done {
  kind: Kind;
  at: number;
  ms: number;
  ok: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Run the load figures. */
export async function run({ quick }: BenchOptions): Promise<Figure[]> {
  const sizes = quick ? QUICK : FULL;
  const dataDir = mkdtempSync(join(tmpdir(), "actionplan-load-"));
  const sandbox = await startSandboxProcess(dataDir, [
    "--seed",
    "demo",
    "--apply-every",
    String(sizes.applyEvery),
  ]);
  try {
    const ctxAs = (upn: string): DataContext =>
      dataContext(
        createSharePoint({
          siteUrl: `${sandbox.url}/sites/improvement`,
          getToken: () => sandbox.token({ user: upn }),
        }),
      );
    const cmt = DIRECTORY.find((p) => p.siteGroup === "Visitors");
    if (cmt === undefined) throw new Error("The sandbox's directory has no Visitor.");
    const viewer = ctxAs(cmt.upn);
    const [plan] = await listPlans(viewer);
    if (plan === undefined) throw new Error("The demo sandbox has no plan.");
    // The demo plan's SROs, each with the actions they may post on.
    const sros: { ctx: DataContext; upn: string; actions: MyAction[] }[] = [];
    const dashboard = await loadDashboard(viewer, plan.id);
    const posts = [...new Set(dashboard.actions.map((a) => a.action.sroPost))];
    for (const post of posts) {
      const upn = post === null ? undefined : personByPost(post)?.upn;
      if (upn === undefined) continue;
      const ctx = ctxAs(upn);
      const actions = await loadMyActions(ctx, upn, DEMO_TODAY);
      if (actions.length > 0) sros.push({ ctx, upn, actions });
    }
    if (sros.length === 0) throw new Error("No SRO of the demo plan has actions.");

    const done: Done[] = [];
    const started = performance.now();
    const until = started + sizes.seconds * 1000;
    let posted = 0;
    const client = async (i: number) => {
      const sro = sros[i % sros.length];
      if (sro === undefined) return;
      for (let n = 0; performance.now() < until; n++) {
        const roll = (n * 7 + i * 3) % 10;
        const kind: Kind = roll < 4 ? "dashboard" : roll < 8 ? "my actions" : "update";
        const t0 = performance.now();
        let ok = true;
        try {
          if (kind === "dashboard") await loadDashboard(viewer, plan.id);
          else if (kind === "my actions") sro.actions = await loadMyActions(sro.ctx, sro.upn, DEMO_TODAY);
          else {
            const mine = sro.actions[n % sro.actions.length];
            if (mine !== undefined) {
              posted++;
              await addProgressUpdate(sro.ctx, mine.record, {
                date: DEMO_TODAY,
                text: `Load update ${String(posted)} from ${sro.upn}: on track, papers to CMT next week.`,
                reportedStatus: "On target",
                percentComplete: 50,
                periodId: null,
                evidenceUrl: null,
              });
            }
          }
        } catch {
          ok = false;
        }
        done.push({ kind, at: performance.now() - started, ms: performance.now() - t0, ok });
      }
    };
    await Promise.all(Array.from({ length: sizes.clients }, (_, i) => client(i)));

    const window = WINDOW_MS(sizes);
    const total = sizes.seconds * 1000;
    const first = done.filter((d) => d.at <= window);
    const last = done.filter((d) => d.at > total - window);
    const myP50 = (set: Done[]) =>
      Math.round(median(set.filter((d) => d.kind === "my actions").map((d) => d.ms)));
    const conditions = {
      clients: sizes.clients,
      seconds: sizes.seconds,
      windowSeconds: window / 1000,
      applyEverySeconds: sizes.applyEvery,
      mix: "40 % dashboard (demo plan, 64 actions), 40 % My actions, 20 % progress updates",
      sandbox: "actionplan sandbox --seed demo in its own process, no added latency",
    };
    const label = `${String(sizes.clients)} clients × ${String(sizes.seconds)} s`;
    return [
      {
        name: `load ${label}: errors`,
        value: done.filter((d) => !d.ok).length,
        unit: "errors",
        target: { op: "<=", value: 0 },
        conditions,
      },
      {
        name: `load ${label}: operations in the last window against the first`,
        value: first.length === 0 ? 0 : Math.round((last.length / first.length) * 100),
        unit: "%",
        target: { op: ">=", value: 90 },
        conditions: { ...conditions, first: first.length, last: last.length },
      },
      { name: `load ${label}: operations`, value: done.length, unit: "operations", conditions },
      { name: `load ${label}: progress updates posted`, value: posted, unit: "updates", conditions },
      { name: `load ${label}: My actions p50, first window`, value: myP50(first), unit: "ms", conditions },
      { name: `load ${label}: My actions p50, last window`, value: myP50(last), unit: "ms", conditions },
    ];
  } finally {
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
