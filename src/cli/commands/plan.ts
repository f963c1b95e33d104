// `actionplan plan …`: a coordinator creates a plan from nothing, renames it, changes its settings, archives
// it and brings it back; `plan rec …` and `plan action …` (plan-structure.ts) edit what it holds.
import { z } from "zod";
import { formatUkDate, NATIONS, type IsoDate, type Nation } from "../../domain/index.ts";
import { createPlan, updatePlan, type PlanChanges } from "../../sharepoint/plans/index.ts";
import type { PlanRecord } from "../../sharepoint/schema/index.ts";
import { dispatcher, findPlan, planOption, reportAdminFailure } from "../admin.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs } from "../command.ts";
import { anyPlanSpec, asSpec, siteSpec } from "../common-options.ts";
import { connect, isoDateOption, reportSkipped, siteSchema } from "../site.ts";
import { structureSubcommands } from "./plan-structure.ts";

/** The options every plan sub-command ends with. */
const siteSpecs = {
  site: siteSpec,
  as: asSpec,
  json: {
    type: "boolean",
    help: ["print the plan as JSON: { id, title, referenceDate, overdueAfterMonths,", "nation, archived }"],
  },
} as const satisfies OptionSpecs;

const NATION_WORDS: Record<string, Nation> = {
  "england and wales": "England and Wales",
  england: "England and Wales",
  wales: "England and Wales",
  "england-and-wales": "England and Wales",
  scotland: "Scotland",
  "northern ireland": "Northern Ireland",
  "northern-ireland": "Northern Ireland",
  ni: "Northern Ireland",
};

const nationOption = z.string().transform((text, ctx) => {
  const nation = NATION_WORDS[text.trim().toLowerCase()];
  if (nation === undefined) {
    ctx.addIssue({
      code: "custom",
      message: `is one of ${NATIONS.map((n) => `"${n}"`).join(", ")} (whose bank holidays the plan's reminders skip)`,
    });
    return z.NEVER;
  }
  return nation;
});
const monthsOption = z.coerce
  .number()
  .int("is a whole number of months, e.g. 1")
  .min(0, "cannot be negative")
  .max(24, "is at most 24");

function describePlan(plan: PlanRecord): string {
  const months = `${String(plan.overdueAfterMonths)} month${plan.overdueAfterMonths === 1 ? "" : "s"}`;
  return `${plan.id} "${plan.title}": reference date ${formatUkDate(plan.referenceDate)}; overdue ${months} after the target date; ${plan.nation} bank holidays${plan.archived ? "; archived" : ""}`;
}

function printPlan(plan: PlanRecord, json: boolean, said: string): void {
  if (json) {
    const { etag: _etag, ...shown } = plan;
    console.log(JSON.stringify(shown, null, 2));
  } else console.log(`${said} ${describePlan(plan)}.`);
}

const createSpecs = {
  title: {
    type: "string",
    value: "TITLE",
    help: `e.g. "LGA Corporate Peer Challenge 2023 action plan"; no two plans share one`,
  },
  "reference-date": {
    type: "string",
    value: "DATE",
    help: `the day the plan's wording is read against ("April" means the April after it)`,
  },
  "overdue-after-months": {
    type: "string",
    value: "N",
    help: ["the status rule: Delayed up to N months past the target date, then Overdue", "(default 1)"],
  },
  nation: {
    type: "string",
    value: "NATION",
    help: [
      `whose bank holidays reminders skip: "England and Wales" (default),`,
      `"Scotland" or "Northern Ireland"`,
    ],
  },
  ...siteSpecs,
} as const satisfies OptionSpecs;

const createHelp = `Usage: actionplan plan create --site <url> --title <title> --reference-date YYYY-MM-DD
                            [--overdue-after-months N] [--nation <nation>] [--as <upn>] [--json]

Creates an empty plan (add recommendations and actions with \`actionplan plan rec\` and \`plan action\`, or
import them). Only the site's coordinators (its Owners) can; SharePoint refuses anyone else.

${optionsHelp(createSpecs)}`;

const createCommand: Command = defineCommand({
  name: "create",
  usageName: "plan create",
  summary: "create an empty plan",
  help: createHelp,
  options: createSpecs,
  schema: siteSchema.extend({
    title: z.string().trim().min(1, "give the plan a title"),
    "reference-date": isoDateOption,
    "overdue-after-months": monthsOption.default(1),
    nation: nationOption.default("England and Wales"),
  }),
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    try {
      const plan = await createPlan(ctx, {
        title: options.title,
        referenceDate: options["reference-date"],
        overdueAfterMonths: options["overdue-after-months"],
        nation: options.nation,
      });
      printPlan(plan, options.json, "Created plan");
      return 0;
    } catch (error) {
      return reportAdminFailure("plan create", "create plans", error);
    }
  },
});

/** A sub-command that changes one plan named by --plan. */
function changeCommand(spec: {
  name: string;
  summary: string;
  usage: string;
  about: string;
  options: OptionSpecs;
  schema: z.ZodObject;
  changes: (options: Record<string, unknown>, plan: PlanRecord) => PlanChanges;
  said: string;
  doing: string;
}): Command {
  const specs = { plan: anyPlanSpec, ...spec.options, ...siteSpecs };
  const help = `Usage: actionplan plan ${spec.name} --site <url> --plan <id or title> ${spec.usage}[--as <upn>] [--json]

${spec.about}

${optionsHelp(specs)}`;
  const name = `plan ${spec.name}`;
  return defineCommand({
    name: spec.name,
    usageName: name,
    summary: spec.summary,
    help,
    options: specs,
    schema: siteSchema.extend({ plan: planOption }).extend(spec.schema.shape),
    run: async (parsed) => {
      const options = parsed as z.infer<typeof siteSchema> & { plan: string } & Record<string, unknown>;
      const ctx = connect(options.site, options.as);
      try {
        const plan = await findPlan(ctx, options.plan);
        const changes = spec.changes(options, plan);
        const changed = await updatePlan(ctx, plan, changes);
        printPlan(changed, options.json, Object.keys(changes).length === 0 ? "Plan" : spec.said);
        reportSkipped(name, ctx);
        return 0;
      } catch (error) {
        return reportAdminFailure(name, spec.doing, error);
      }
    },
  });
}

const renameCommand = changeCommand({
  name: "rename",
  summary: "give a plan a new title",
  usage: "--title <title> ",
  about: "Gives a plan a new title; its actions, updates and reports keep pointing at it.",
  options: { title: { type: "string", value: "TITLE", help: "the new title (no two plans share one)" } },
  schema: z.object({ title: z.string().trim().min(1, "give the new title") }),
  changes: (options) => ({ title: String(options.title) }),
  said: "Renamed plan",
  doing: "rename plans",
});

const settingsCommand = changeCommand({
  name: "settings",
  summary: "show or change a plan's reference date, status rule and nation",
  usage:
    "[--reference-date YYYY-MM-DD] [--overdue-after-months N] [--nation <nation>]\n                              ",
  about:
    "Changes the settings given and shows the plan's settings; with none given, only shows them. The status\nrule and the nation change what the dashboard counts as overdue and on which days reminders go.",
  options: {
    "reference-date": { type: "string", value: "DATE", help: "the day the plan's wording is read against" },
    "overdue-after-months": {
      type: "string",
      value: "N",
      help: "Delayed up to N months past the target date, then Overdue",
    },
    nation: {
      type: "string",
      value: "NATION",
      help: `"England and Wales", "Scotland" or "Northern Ireland"`,
    },
  },
  schema: z.object({
    "reference-date": isoDateOption.optional(),
    "overdue-after-months": monthsOption.optional(),
    nation: nationOption.optional(),
  }),
  changes: (options) => {
    const changes: PlanChanges = {};
    if (typeof options["reference-date"] === "string")
      changes.referenceDate = options["reference-date"] as IsoDate;
    if (typeof options["overdue-after-months"] === "number")
      changes.overdueAfterMonths = options["overdue-after-months"];
    if (typeof options.nation === "string") changes.nation = options.nation as Nation;
    return changes;
  },
  said: "Changed plan",
  doing: "change a plan's settings",
});

const archiveCommand = changeCommand({
  name: "archive",
  summary: "hide a plan from My actions and reminders (kept for reports)",
  usage: "",
  about:
    "Archives a plan: it no longer appears in My actions, in `actionplan plans` or in the Teams tab's plan\nlist, and no reminders are sent for it; its figures and reports stay (`actionplan summary`, `plans --all`).",
  options: {},
  schema: z.object({}),
  changes: (_options, plan) => (plan.archived ? {} : { archived: true }),
  said: "Archived plan",
  doing: "archive plans",
});

const unarchiveCommand = changeCommand({
  name: "unarchive",
  summary: "bring an archived plan back",
  usage: "",
  about: "Brings an archived plan back into My actions and the reminders.",
  options: {},
  schema: z.object({}),
  changes: (_options, plan) => (plan.archived ? { archived: false } : {}),
  said: "Brought back plan",
  doing: "unarchive plans",
});

export const planCommand: Command = dispatcher({
  name: "plan",
  summary: "create, rename, archive a plan; edit its recommendations and actions",
  intro:
    "A coordinator's changes to one plan. Only the site's coordinators (its Owners) can make them;\nSharePoint itself refuses anyone else.",
  subcommands: () => [
    createCommand,
    renameCommand,
    settingsCommand,
    archiveCommand,
    unarchiveCommand,
    ...structureSubcommands,
  ],
});
