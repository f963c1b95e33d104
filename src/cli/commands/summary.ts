// `actionplan summary`: a plan's figures on a day, as the dashboard and the committee report give them.
import { z } from "zod";
import { formatUkDate, type IsoDate, type PlanFigures } from "../../domain/index.ts";
import {
  dashboardFigures,
  findPlansByTitle,
  loadDashboard,
  plansSeenBy,
} from "../../sharepoint/plans/index.ts";
import type { PlanRecord } from "../../sharepoint/schema/index.ts";
import { type DataContext, refuseIfSkipped } from "../../sharepoint/core/index.ts";
import { loadOwnRole } from "../../sharepoint/roles.ts";
import { sayIfUnfinished, visiblePlans } from "../admin.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs, UsageError } from "../command.ts";
import { asSpec, planSpec, siteSpec } from "../common-options.ts";
import { connect, isoDateOption, reportRemoteFailure, reportSkipped, siteSchema, todayFor } from "../site.ts";

const specs = {
  site: siteSpec,
  plan: planSpec,
  "as-of": {
    type: "string",
    value: "DATE",
    help: `the day the figures are for (default: today in Europe/London; the sandbox's date)`,
  },
  as: asSpec,
  json: {
    type: "boolean",
    help: [
      `print JSON: { plan: { id, title }, asOf, figures } where figures has`,
      `asOf, actionsTotal, actionsCompleted, percentComplete, byStatus,`,
      `recommendationsComplete { complete, total, text }, overdue, delayed, dueNext30Days,`,
      `noTargetDate, milestones { total, completed, overdue, delayed },`,
      `updates { periodId, periodTitle, received, due } | null,`,
      `forecast [{ monthEnd, percentComplete }],`,
      `slippage { actionsMoved, totalDaysMoved, awaitingDecision },`,
      `withdrawn (actions a coordinator retired, left out of every other figure)`,
    ],
  },
} as const satisfies OptionSpecs;

const help = `Usage: actionplan summary --site <url> --plan <title or id> [--as-of YYYY-MM-DD] [--as <upn>] [--json]

Prints a plan's figures on a day: actions complete, recommendations fully complete ("3 of 18"), overdue,
delayed, due in the next 30 days, with no target date, updates received for the reporting period, target
dates moved, and the forecast of % complete at each month end if every open action finishes on time.
An item that cannot be read is left out of the figures and named on stderr.

${optionsHelp(specs)}`;

const schema = siteSchema.extend({
  plan: z.string().trim().min(1, "name the plan"),
  "as-of": isoDateOption.optional(),
});

async function findPlan(ctx: DataContext, key: string, site: string): Promise<PlanRecord> {
  // Archived plans are kept for reports; a plan still being imported is only the coordinators'.
  if (/^\d+$/.test(key)) {
    const byId = (await visiblePlans(ctx)).find((p) => p.id === key);
    if (byId !== undefined) return byId;
  }
  const matches = await plansSeenBy(
    (await findPlansByTitle(ctx, key)).filter((p) => p.title === key),
    () => loadOwnRole(ctx),
  );
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  const all = await visiblePlans(ctx);
  if (matches.length === 0) refuseIfSkipped(ctx.warnings, "plans", key);
  const known =
    all.length === 0
      ? "There are no plans on this site."
      : `Plans there: ${all.map((p) => `${p.id} "${p.title}"`).join(", ")}.`;
  if (matches.length > 1)
    throw new UsageError(`more than one plan is called "${key}"; give its id. ${known}`);
  throw new UsageError(`no plan "${key}" on ${site}. ${known}`);
}

function printFigures(title: string, f: PlanFigures): void {
  const rows: [string, string][] = [
    [
      "Actions complete",
      `${String(f.actionsCompleted)} of ${String(f.actionsTotal)} (${String(f.percentComplete)}%)`,
    ],
    ["Recommendations fully complete", f.recommendationsComplete.text],
    ["Overdue", String(f.overdue)],
    ["Delayed", String(f.delayed)],
    ["Due in the next 30 days", String(f.dueNext30Days)],
    ["No target date", String(f.noTargetDate)],
    [
      "Updates received",
      f.updates === null
        ? "no reporting period"
        : `${String(f.updates.received)} of ${String(f.updates.due)} (${f.updates.periodTitle})`,
    ],
    [
      "Target dates moved",
      `${String(f.slippage.actionsMoved)} actions, ${String(f.slippage.totalDaysMoved)} days in all; ${String(f.slippage.awaitingDecision)} awaiting a decision`,
    ],
  ];
  if ((f.withdrawn ?? 0) > 0) rows.push(["Withdrawn (not counted above)", String(f.withdrawn)]);
  if (f.milestones.total > 0)
    rows.push(["Milestones complete", `${String(f.milestones.completed)} of ${String(f.milestones.total)}`]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    title,
    `Figures as of ${formatUkDate(f.asOf)}`,
    "",
    ...rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`),
  ];
  lines.push(
    "",
    `By status: ${Object.entries(f.byStatus)
      .map(([status, n]) => `${status} ${String(n)}`)
      .join(", ")}`,
  );
  if (f.forecast.length > 0) {
    lines.push("", "Forecast of actions complete if every open action finishes on its target date:");
    for (const point of f.forecast)
      lines.push(
        `  ${formatUkDate(point.monthEnd).padStart(17)}  ${String(point.percentComplete).padStart(3)}%`,
      );
  }
  console.log(lines.join("\n"));
}

export const summaryCommand: Command = defineCommand({
  name: "summary",
  summary: "print a plan's figures on a day",
  help,
  options: specs,
  schema: schema,
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    try {
      const asOf = (options["as-of"] ?? (await todayFor(options.site))) as IsoDate;
      const plan = await findPlan(ctx, options.plan, options.site);
      sayIfUnfinished("summary", plan);
      const figures = dashboardFigures(await loadDashboard(ctx, plan.id), asOf);
      if (options.json)
        console.log(JSON.stringify({ plan: { id: plan.id, title: plan.title }, asOf, figures }, null, 2));
      else printFigures(plan.title, figures);
      reportSkipped("summary", ctx);
      return 0;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return reportRemoteFailure("summary", error);
    }
  },
});
