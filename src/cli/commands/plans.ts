// `actionplan plans`: the plans on a site, with their current reporting period.
import { z } from "zod";
import { listPlans, plansSeenBy } from "../../sharepoint/plans/index.ts";
import { loadOwnRole } from "../../sharepoint/roles.ts";
import { loadPeriods } from "../../sharepoint/periods/index.ts";
import { formatUkDate } from "../../domain/index.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs } from "../command.ts";
import { siteSpec } from "../common-options.ts";
import { connect, reportRemoteFailure, reportSkipped, siteSchema } from "../site.ts";

const specs = {
  all: { type: "boolean", help: `archived plans too (marked "archived")` },
  site: siteSpec,
  as: {
    type: "string",
    value: "UPN",
    help: `against the sandbox: whom to act as; against SharePoint Online: the account to sign in with`,
  },
  json: {
    type: "boolean",
    help: [
      `print JSON: [{ id, title, referenceDate, nation, archived, importUnfinished,`,
      `period: { id, title, updateDeadline, reportDate } | null }]`,
    ],
  },
} as const satisfies OptionSpecs;

const help = `Usage: actionplan plans --site <url> [--all] [--as <upn>] [--json]

Lists the improvement plans on a site: id, title and the reporting period open for updates. Archived plans
are left out unless --all. A plan whose import has not finished is listed only for coordinators (site
Owners), marked "import not finished: run the import again to complete it". An item that cannot be read
(e.g. a plan added by hand without a reference date) is left out and named on stderr.

${optionsHelp(specs)}`;

const UNFINISHED = "import not finished: run the import again to complete it";

export const plansCommand: Command = defineCommand({
  name: "plans",
  summary: "list the plans on a site",
  help,
  options: specs,
  schema: siteSchema.extend({ all: z.boolean().default(false) }),
  run: async (options) => {
    const ctx = connect(options.site, options.as);
    try {
      // A plan still being imported is the coordinators' alone (the role is read only if there is one).
      const every = await plansSeenBy(
        await listPlans(ctx, { includeArchived: true, includeUnfinished: true }),
        () => loadOwnRole(ctx),
      );
      const plans = options.all ? every : every.filter((p) => !p.archived);
      const hidden = every.length - plans.length;
      const rows = await Promise.all(
        plans.map(async (plan) => {
          const open = (await loadPeriods(ctx, plan.id)).filter((p) => p.state === "open").at(-1) ?? null;
          return {
            id: plan.id,
            title: plan.title,
            referenceDate: plan.referenceDate,
            nation: plan.nation,
            archived: plan.archived,
            importUnfinished: plan.importUnfinished,
            period:
              open === null
                ? null
                : {
                    id: open.id,
                    title: open.title,
                    updateDeadline: open.updateDeadline,
                    reportDate: open.reportDate,
                  },
          };
        }),
      );
      if (options.json) console.log(JSON.stringify(rows, null, 2));
      else if (rows.length === 0) console.log(`No plans on ${options.site}.`);
      else
        for (const row of rows) {
          const period =
            row.period === null
              ? "no period open"
              : `${row.period.title}, updates due ${formatUkDate(row.period.updateDeadline)}`;
          const marks = [
            ...(row.archived ? ["archived"] : []),
            ...(row.importUnfinished ? [UNFINISHED] : []),
          ];
          console.log(`${row.id.padStart(4)}  ${row.title}  (${[...marks, period].join("; ")})`);
        }
      if (!options.json && hidden > 0)
        console.log(`(${String(hidden)} archived plan${hidden === 1 ? "" : "s"} not shown: add --all.)`);
      reportSkipped("plans", ctx);
      return 0;
    } catch (error) {
      return reportRemoteFailure("plans", error);
    }
  },
});
