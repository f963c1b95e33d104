// Issue 14, the committee report: for the demo plan and a 5,000-action plan, the requests and time to read
// what a report needs (50 ms added to every request, as data-access.bench.ts), and for each format the
// time to build and write the file and its size.
import { isoDate, type IsoDate } from "../src/domain/index.ts";
import {
  buildReport,
  choosePeriods,
  renderReport,
  REPORT_FORMATS,
  type ReportInput,
} from "../src/report/index.ts";
import { DEMO_TODAY, seedDemo } from "../src/sandbox/seed/demo.ts";
import { createSharePoint, dataContext, type DataContext } from "../src/sharepoint/core/index.ts";
import { closePeriod, createPeriod, loadPeriods } from "../src/sharepoint/periods/index.ts";
import { listPlans } from "../src/sharepoint/plans/index.ts";
import { loadReportInput } from "../src/sharepoint/reports/index.ts";
import { seedBigPlan } from "../tests/support/big-plan.ts";
import { openSandbox } from "../tests/support/targets.ts";
import { counted, seconds, type BenchOptions, type Figure } from "./figures.ts";

const LATENCY = 50;

/** The reads and the three files of one plan's report, as figures. */
async function reportFigures(
  label: string,
  read: () => Promise<{ input: ReportInput; ms: number; requests: number }>,
  conditions: Record<string, string | number>,
  expectedUpdates: number,
  dataTarget?: number,
): Promise<Figure[]> {
  const { input, ms, requests } = await read();
  if (input.updates.length !== expectedUpdates)
    throw new Error(
      `the ${label} report read ${String(input.updates.length)} updates, not ${String(expectedUpdates)}`,
    );
  const figures: Figure[] = [
    // As few requests as the dashboard: one $batch.
    {
      name: `report data, ${label} (requests)`,
      value: requests,
      unit: "requests",
      target: { op: "<=", value: 1 },
      conditions,
    },
    // Issue 28: the 5,000-action plan's data in at most 0.8 s.
    {
      name: `report data, ${label} (time)`,
      value: seconds(ms),
      unit: "s",
      ...(dataTarget === undefined ? {} : { target: { op: "<=" as const, value: dataTarget } }),
      conditions,
    },
  ];
  const started = performance.now();
  const model = buildReport(input);
  const buildMs = performance.now() - started;
  figures.push({ name: `report model, ${label} (time)`, value: Math.round(buildMs), unit: "ms", conditions });
  for (const format of REPORT_FORMATS) {
    const begun = performance.now();
    const bytes = await renderReport(model, format);
    const took = performance.now() - begun;
    figures.push(
      // A coordinator waits for it with a progress line; ten seconds is the most they should.
      {
        name: `report ${format}, ${label} (time)`,
        value: seconds(took),
        unit: "s",
        target: { op: "<", value: 10 },
        conditions,
      },
      {
        name: `report ${format}, ${label} (size)`,
        value: Math.round(bytes.byteLength / 1024),
        unit: "KB",
        conditions,
      },
    );
  }
  return figures;
}

/** The periods reported on (the open one, after the last closed) and the report's reads, measured. */
function reader(
  ctx: DataContext,
  planId: string,
  today: IsoDate,
  measure: <T>(body: () => Promise<T>) => Promise<{ result: T; ms: number; requests: number }>,
) {
  return async () => {
    const { period, previous } = choosePeriods(await loadPeriods(ctx, planId));
    const { result, ms, requests } = await measure(() =>
      loadReportInput(ctx, planId, period, previous, today),
    );
    return { input: result, ms, requests };
  };
}

/** Run the report figures. */
export async function run({ quick }: BenchOptions): Promise<Figure[]> {
  const bigActions = quick ? 200 : 5000;
  const target = await openSandbox({ today: DEMO_TODAY });
  const { sandbox, options } = target;
  const figures: Figure[] = [];
  try {
    const ownerToken = await target.token("owner");
    const ctx = dataContext(
      createSharePoint({ siteUrl: target.siteUrl, getToken: () => Promise.resolve(ownerToken) }),
    );
    const measure = async <T>(body: () => Promise<T>) => {
      const before = sandbox.stats.sharePointRequests;
      const started = performance.now();
      const result = await body();
      return { result, ms: performance.now() - started, requests: sandbox.stats.sharePointRequests - before };
    };

    // The demo plan: April 2024 closed with its snapshot, Q1 2024/25 open.
    await seedDemo(target.siteUrl, () => Promise.resolve(ownerToken));
    const demo = (await listPlans(ctx))[0];
    if (demo === undefined) throw new Error("the demo plan was not loaded");
    options.latencyMs = LATENCY;
    const demoConditions = { latencyMs: LATENCY, actions: 64, recommendations: 18 };
    figures.push(
      ...(await reportFigures("demo plan", reader(ctx, demo.id, DEMO_TODAY, measure), demoConditions, 64)),
    );

    // A 5,000-action plan: a closed quarter and an open one, one update per action for each (5,000 a
    // period: what one indexed query can read under the list view threshold), of 60,000 in all.
    options.latencyMs = 0;
    const big = await seedBigPlan(ctx, sandbox.store, {
      actions: bigActions,
      updatesPerAction: 12,
      recommendations: 50,
    });
    const planId = big.seeded.planId;
    const q4 = await createPeriod(ctx, planId, {
      title: "Q4 2023/24",
      startsOn: "2024-01-01",
      updateDeadline: "2024-03-29",
      reportDate: "2024-04-09",
    });
    await closePeriod(ctx, q4, isoDate("2024-03-31"));
    const q1 = await createPeriod(ctx, planId, {
      title: "Q1 2024/25",
      startsOn: "2024-04-10",
      updateDeadline: "2024-06-05",
      reportDate: "2024-06-18",
    });
    const updates = sandbox.store.sites.get("improvement")?.lists.find((l) => l.Title === "Progress Updates");
    if (updates === undefined) throw new Error("the sandbox has no Progress Updates list");
    const actionIds = new Set(big.actionIds);
    for (const item of updates.items.values()) {
      if (!actionIds.has(Number(item.values.Action))) continue;
      if (item.values.UpdateDate === "2024-03-28T12:00:00Z") item.values.Period = Number(q4.id);
      if (item.values.UpdateDate === "2024-04-28T12:00:00Z") item.values.Period = Number(q1.id);
    }
    options.latencyMs = LATENCY;
    const bigConditions = {
      latencyMs: LATENCY,
      actions: bigActions,
      updates: bigActions * 12,
      updatesPerPeriod: bigActions,
    };
    figures.push(
      ...(await reportFigures(
        `${counted(bigActions)} actions`,
        reader(ctx, planId, DEMO_TODAY, measure),
        bigConditions,
        bigActions * 2,
        0.8,
      )),
    );
  } finally {
    await target.close();
  }
  return figures;
}
