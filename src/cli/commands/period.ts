// `actionplan period …`: the quarterly cycle. A coordinator opens a reporting period (one open per plan),
// extends its deadline, and closes it, which freezes the figures the next report compares against; a period
// closed by mistake is reopened, with the reason kept, until the next one is opened.
import { z } from "zod";
import { formatUkDate, type IsoDate } from "../../domain/index.ts";
import {
  closePeriod,
  createPeriod,
  extendPeriod,
  loadPeriods,
  reopenPeriod,
} from "../../sharepoint/periods/index.ts";
import type { PeriodRecord } from "../../sharepoint/schema/index.ts";
import type { DataContext } from "../../sharepoint/core/index.ts";
import { dispatcher, findPlan, planOption, reportAdminFailure } from "../admin.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs, UsageError } from "../command.ts";
import { asSpec, siteSpec } from "../common-options.ts";
import { connect, isoDateOption, reportSkipped, siteSchema, todayFor } from "../site.ts";

const PERIOD_JSON = "{ id, title, startsOn, updateDeadline, reportDate, state }";

/** The options every period sub-command takes, after its own; `json` is what --json prints. */
function planSpecs(json: string) {
  return {
    plan: {
      type: "string",
      value: "ID|TITLE",
      help: "the plan, by its id (see `actionplan plans --all`) or its exact title",
    },
    site: siteSpec,
    as: asSpec,
    json: { type: "boolean", help: `print JSON: ${json}` },
  } as const satisfies OptionSpecs;
}

const planSchema = siteSchema.extend({ plan: planOption });

function shown(period: PeriodRecord) {
  return {
    id: period.id,
    title: period.title,
    startsOn: period.startsOn,
    updateDeadline: period.updateDeadline,
    reportDate: period.reportDate,
    state: period.state,
  };
}

function describePeriod(p: PeriodRecord): string {
  return `${p.id} "${p.title}" (${p.state}): from ${formatUkDate(p.startsOn)}, updates due ${formatUkDate(p.updateDeadline)}, report ${formatUkDate(p.reportDate)}`;
}

/** The period `key` names (id or exact title), else the plan's open one. */
async function pickPeriod(ctx: DataContext, planId: string, key: string | undefined): Promise<PeriodRecord> {
  const periods = await loadPeriods(ctx, planId);
  if (key === undefined) {
    const open = periods.filter((p) => p.state === "open").at(-1);
    if (open === undefined)
      throw new UsageError("the plan has no open period; open one with `actionplan period open`.");
    return open;
  }
  const found = periods.find((p) => p.id === key) ?? periods.find((p) => p.title === key);
  if (found === undefined)
    throw new UsageError(
      `the plan has no period "${key}". Periods: ${periods.map((p) => `${p.id} "${p.title}"`).join(", ") || "none"}.`,
    );
  return found;
}

const listSpecs = planSpecs(`[${PERIOD_JSON}]`);

const listHelp = `Usage: actionplan period list --site <url> --plan <id or title> [--as <upn>] [--json]

Lists a plan's reporting periods, oldest first, with their dates and whether each is open or closed.

${optionsHelp(listSpecs)}`;

const listCommand: Command = defineCommand({
  name: "list",
  usageName: "period list",
  summary: "list a plan's reporting periods",
  help: listHelp,
  options: listSpecs,
  schema: planSchema,
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    try {
      const plan = await findPlan(ctx, options.plan);
      const periods = await loadPeriods(ctx, plan.id);
      if (options.json) console.log(JSON.stringify(periods.map(shown), null, 2));
      else if (periods.length === 0) console.log(`"${plan.title}" has no reporting periods yet.`);
      else for (const p of periods) console.log(describePeriod(p));
      reportSkipped("period list", ctx);
      return 0;
    } catch (error) {
      return reportAdminFailure("period list", "read periods", error);
    }
  },
});

const openSpecs = {
  title: { type: "string", value: "TITLE", help: 'e.g. "Q2 2024/25"' },
  starts: { type: "string", value: "DATE", help: "the period's first day" },
  deadline: { type: "string", value: "DATE", help: "the update deadline" },
  "report-date": { type: "string", value: "DATE", help: "the day the report goes to the board or committee" },
  ...planSpecs(PERIOD_JSON),
} as const satisfies OptionSpecs;

const openHelp = `Usage: actionplan period open --site <url> --plan <id or title> --title <title> --starts YYYY-MM-DD
                            --deadline YYYY-MM-DD --report-date YYYY-MM-DD [--as <upn>] [--json]

Opens a reporting period: SROs owe an update for each action still open on its first day, reminders
follow its deadline. A plan has one open period at a time: close the last one first.

${optionsHelp(openSpecs)}`;

const openCommand: Command = defineCommand({
  name: "open",
  usageName: "period open",
  summary: "open a reporting period (one open per plan)",
  help: openHelp,
  options: openSpecs,
  schema: planSchema.extend({
    title: z.string().trim().min(1, 'give the period a title, e.g. "Q2 2024/25"'),
    starts: isoDateOption,
    deadline: isoDateOption,
    "report-date": isoDateOption,
  }),
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    try {
      const plan = await findPlan(ctx, options.plan);
      const period = await createPeriod(ctx, plan.id, {
        title: options.title,
        startsOn: options.starts,
        updateDeadline: options.deadline,
        reportDate: options["report-date"],
      });
      if (options.json) console.log(JSON.stringify(shown(period), null, 2));
      else console.log(`Opened ${describePeriod(period)}.`);
      return 0;
    } catch (error) {
      return reportAdminFailure("period open", "open reporting periods", error);
    }
  },
});

const extendSpecs = {
  deadline: { type: "string", value: "DATE", help: "the new update deadline" },
  "report-date": {
    type: "string",
    value: "DATE",
    help: "a new report date too (needed when the deadline passes the old one)",
  },
  period: { type: "string", value: "ID|TITLE", help: "the period (default: the plan's open one)" },
  ...planSpecs(PERIOD_JSON),
} as const satisfies OptionSpecs;

const extendHelp = `Usage: actionplan period extend --site <url> --plan <id or title> --deadline YYYY-MM-DD
                              [--report-date YYYY-MM-DD] [--period <id or title>] [--as <upn>] [--json]

Gives the open period (or the one named) a new update deadline; reminders follow it from the next run.

${optionsHelp(extendSpecs)}`;

const extendCommand: Command = defineCommand({
  name: "extend",
  usageName: "period extend",
  summary: "move the open period's update deadline",
  help: extendHelp,
  options: extendSpecs,
  schema: planSchema.extend({
    period: z.string().trim().min(1).optional(),
    deadline: isoDateOption,
    "report-date": isoDateOption.optional(),
  }),
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    try {
      const plan = await findPlan(ctx, options.plan);
      const period = await pickPeriod(ctx, plan.id, options.period);
      const extended = await extendPeriod(
        ctx,
        period,
        options.deadline as IsoDate,
        options["report-date"] as IsoDate | undefined,
      );
      if (options.json) console.log(JSON.stringify(shown(extended), null, 2));
      else console.log(`Extended ${describePeriod(extended)}.`);
      return 0;
    } catch (error) {
      return reportAdminFailure("period extend", "change reporting periods", error);
    }
  },
});

const closeSpecs = {
  period: { type: "string", value: "ID|TITLE", help: "the period (default: the plan's open one)" },
  "as-of": {
    type: "string",
    value: "DATE",
    help: ["the day the figures are frozen for (default: today in Europe/London;", "the sandbox's date)"],
  },
  "even-with-requests-waiting": {
    type: "boolean",
    help: "close it although target date change requests wait",
  },
  ...planSpecs(`{ period: ${PERIOD_JSON}, figures }`),
} as const satisfies OptionSpecs;

const closeHelp = `Usage: actionplan period close --site <url> --plan <id or title> [--period <id or title>]
                             [--as-of YYYY-MM-DD] [--even-with-requests-waiting] [--as <upn>] [--json]

Closes the open period (or the one named), freezing the plan's figures on that day: the dashboard's
"since the last report" and the next report compare against them. Refused while SROs' requests to move
target dates wait for a decision, unless --even-with-requests-waiting.

${optionsHelp(closeSpecs)}`;

const closeCommand: Command = defineCommand({
  name: "close",
  usageName: "period close",
  summary: "close a period, freezing its figures",
  help: closeHelp,
  options: closeSpecs,
  schema: planSchema.extend({
    period: z.string().trim().min(1).optional(),
    "as-of": isoDateOption.optional(),
    "even-with-requests-waiting": z.boolean().default(false),
  }),
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    try {
      const plan = await findPlan(ctx, options.plan);
      const period = await pickPeriod(ctx, plan.id, options.period);
      const asOf = (options["as-of"] ?? (await todayFor(options.site))) as IsoDate;
      const closed = await closePeriod(ctx, period, asOf, {
        evenWithRequestsWaiting: options["even-with-requests-waiting"],
      });
      const f = closed.figures;
      if (options.json) console.log(JSON.stringify({ period: shown(closed.period), figures: f }, null, 2));
      else
        console.log(
          `Closed "${period.title}" on ${formatUkDate(asOf)}: ${String(f.actionsCompleted)} of ${String(f.actionsTotal)} actions complete (${String(f.percentComplete)}%), ${String(f.overdue)} overdue, ${String(f.delayed)} delayed${f.updates === null ? "" : `; updates received ${String(f.updates.received)} of ${String(f.updates.due)}`}.`,
        );
      reportSkipped("period close", ctx);
      return 0;
    } catch (error) {
      return reportAdminFailure("period close", "close reporting periods", error);
    }
  },
});

const reopenSpecs = {
  reason: { type: "string", value: "TEXT", help: "why it is reopened, kept with the period" },
  period: { type: "string", value: "ID|TITLE", help: "the period (default: the plan's latest)" },
  ...planSpecs(PERIOD_JSON),
} as const satisfies OptionSpecs;

const reopenHelp = `Usage: actionplan period reopen --site <url> --plan <id or title> --reason <text>
                              [--period <id or title>] [--as <upn>] [--json]

Reopens a period closed by mistake (by default the plan's latest), keeping the reason with it: SROs can
post updates for it again, and closing it again freezes its figures anew. Refused once the next period
has been opened.

${optionsHelp(reopenSpecs)}`;

const reopenCommand: Command = defineCommand({
  name: "reopen",
  usageName: "period reopen",
  summary: "reopen a period closed by mistake, giving the reason",
  help: reopenHelp,
  options: reopenSpecs,
  schema: planSchema.extend({
    period: z.string().trim().min(1).optional(),
    reason: z
      .string({ error: "give the reason for reopening it with --reason" })
      .trim()
      .min(1, "give the reason for reopening it with --reason"),
  }),
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    try {
      const plan = await findPlan(ctx, options.plan);
      const periods = await loadPeriods(ctx, plan.id);
      const period =
        options.period === undefined
          ? [...periods].sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1)).at(-1)
          : await pickPeriod(ctx, plan.id, options.period);
      if (period === undefined) throw new UsageError(`"${plan.title}" has no reporting periods yet.`);
      const today = (await todayFor(options.site)) as IsoDate;
      const reopened = await reopenPeriod(ctx, period, options.reason, today);
      if (options.json) console.log(JSON.stringify(shown(reopened), null, 2));
      else console.log(`Reopened ${describePeriod(reopened)}. Reason kept: ${options.reason.trim()}`);
      return 0;
    } catch (error) {
      return reportAdminFailure("period reopen", "reopen reporting periods", error);
    }
  },
});

export const periodCommand: Command = dispatcher({
  name: "period",
  summary: "list, open, extend, close and reopen a plan's reporting periods",
  intro:
    "The quarterly cycle: open a period, chase the updates (`actionplan reminders`), close it, report.\nOnly the site's coordinators (its Owners) can change periods; SharePoint itself refuses anyone else.",
  subcommands: () => [listCommand, openCommand, extendCommand, closeCommand, reopenCommand],
});
