// Issue "Plans on SharePoint": requests and time for the app's reads, and provisioning, against the
// sandbox with 50 ms added to every request (a round trip to SharePoint Online from a council office).
import { isoDate } from "../src/domain/index.ts";
import { demoPlanImport } from "../src/sandbox/seed/demo.ts";
import { createSharePoint, dataContext } from "../src/sharepoint/core/index.ts";
import { importPlan } from "../src/sharepoint/import/index.ts";
import { loadMyActions } from "../src/sharepoint/actions/index.ts";
import { loadDashboard } from "../src/sharepoint/plans/index.ts";
import { provisionSite } from "../src/sharepoint/provision/index.ts";
import { generatedPlan, MEMBERS } from "../tests/integration/fixtures.ts";
import { seedBigPlan } from "../tests/support/big-plan.ts";
import { sandboxToken } from "../tests/support/sandbox-token.ts";
import { openSandbox } from "../tests/support/targets.ts";
import { counted, seconds, type BenchOptions, type Figure } from "./figures.ts";

const LATENCY = 50;

/** Run the data-access figures. */
export async function run({ quick }: BenchOptions): Promise<Figure[]> {
  const [plans, bigActions] = quick ? [3, 200] : [20, 5000];
  // The latency is switched on (options.latencyMs) once the data is in place.
  const target = await openSandbox();
  const { sandbox, options } = target;
  const figures: Figure[] = [];
  const conditions = { latencyMs: LATENCY, threshold: 5000 };
  try {
    const ownerToken = await target.token("owner");
    const siteUrl = (name: string) => `${sandbox.url}/sites/${name}`;
    const sp = (site: string) =>
      createSharePoint({ siteUrl: siteUrl(site), getToken: () => Promise.resolve(ownerToken) });
    const measure = async <T>(body: () => Promise<T>) => {
      const before = sandbox.stats.sharePointRequests;
      const started = performance.now();
      const result = await body();
      return { result, ms: performance.now() - started, requests: sandbox.stats.sharePointRequests - before };
    };

    // Provisioning a new site, then again (nothing to do), at 50 ms a request.
    await fetch(`${sandbox.url}/sandbox/sites`, {
      method: "POST",
      body: JSON.stringify({ name: "bench-new", title: "Bench" }),
    });
    options.latencyMs = LATENCY;
    const first = await measure(() => provisionSite(sp("bench-new")));
    figures.push({ name: "provision a new site (time)", value: seconds(first.ms), unit: "s", conditions });
    figures.push({
      name: "provision a new site (requests)",
      value: first.requests,
      unit: "requests",
      conditions,
    });
    const again = await measure(() => provisionSite(sp("bench-new")));
    if (again.result.changes.length !== 0) throw new Error("the second provisioning run changed something");
    figures.push({
      name: "provision again, nothing to change (time)",
      value: seconds(again.ms),
      unit: "s",
      target: { op: "<", value: 3 },
      conditions,
    });
    figures.push({
      name: "provision again, nothing to change (requests)",
      value: again.requests,
      unit: "requests",
      conditions,
    });

    // The demo plan's dashboard.
    options.latencyMs = 0;
    await provisionSite(sp("improvement"));
    const ctx = dataContext(sp("improvement"));
    const demo = await importPlan(ctx, demoPlanImport());
    options.latencyMs = LATENCY;
    const dashboard = await measure(() => loadDashboard(ctx, demo.planId));
    if (dashboard.result.actions.length !== 64) throw new Error("the demo dashboard lost actions");
    figures.push({
      name: "dashboard data, demo plan: 18 recommendations, 64 actions (requests)",
      value: dashboard.requests,
      unit: "requests",
      target: { op: "<=", value: 1 },
      conditions,
    });
    figures.push({
      name: "dashboard data, demo plan (time)",
      value: Math.round(dashboard.ms),
      unit: "ms",
      conditions,
    });

    // My actions across 20 plans, for an SRO who holds posts in all of them.
    options.latencyMs = 0;
    for (let i = 1; i <= plans; i++)
      await importPlan(
        ctx,
        generatedPlan(`Plan ${String(i)}`, 18, 4, [`Post ${String(i)} A`, `Post ${String(i)} B`]),
      );
    options.latencyMs = LATENCY;
    const sro = MEMBERS[0] ?? "";
    const mine = await measure(() =>
      loadMyActions(
        dataContext(
          createSharePoint({
            siteUrl: siteUrl("improvement"),
            getToken: () => sandboxToken(sandbox.url, { user: sro }),
          }),
        ),
        sro,
        isoDate("2024-04-10"),
      ),
    );
    const myConditions = { ...conditions, plans: plans + 1, actionsForThisSro: mine.result.length };
    figures.push({
      name: `my actions for one SRO across ${counted(plans)} plans (requests)`,
      value: mine.requests,
      unit: "requests",
      target: { op: "<=", value: 2 },
      conditions: myConditions,
    });
    figures.push({
      name: `my actions for one SRO across ${counted(plans)} plans (time)`,
      value: Math.round(mine.ms),
      unit: "ms",
      conditions: myConditions,
    });

    // A 5,000-action plan with 60,000 updates.
    options.latencyMs = 0;
    const big = await seedBigPlan(ctx, sandbox.store, {
      actions: bigActions,
      updatesPerAction: 12,
      recommendations: 50,
    });
    options.latencyMs = LATENCY;
    const bigDashboard = await measure(() => loadDashboard(ctx, big.seeded.planId));
    if (bigDashboard.result.actions.length !== bigActions) throw new Error("the big dashboard lost actions");
    const bigConditions = { ...conditions, actions: bigActions, updates: bigActions * 12 };
    const bigPlan = `${counted(bigActions)} actions and ${counted(bigActions * 12)} updates`;
    figures.push({
      name: `dashboard data, ${bigPlan} (requests)`,
      value: bigDashboard.requests,
      unit: "requests",
      target: { op: "<=", value: 3 },
      conditions: bigConditions,
    });
    figures.push({
      name: `dashboard data, ${bigPlan} (time)`,
      value: Math.round(bigDashboard.ms),
      unit: "ms",
      conditions: bigConditions,
    });
  } finally {
    await target.close();
  }
  return figures;
}
