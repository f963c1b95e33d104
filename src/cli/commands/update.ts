// `actionplan update`: an SRO's progress update on one of their actions, from the command line (what the
// tab's update dialog does), for the period open for updates; `--complete` marks the action complete too.
import { z } from "zod";
import { formatUkDate, isDelegateCovering, STATUSES, type IsoDate } from "../../domain/index.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import { loadPeriods } from "../../sharepoint/periods/index.ts";
import { upnOf } from "../../sharepoint/schema/index.ts";
import { loadSiteRole } from "../../sharepoint/roles.ts";
import { addProgressUpdate } from "../../sharepoint/updates/index.ts";
import { planOption, reportAdminFailure } from "../admin.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs, UsageError } from "../command.ts";
import { asSpec, planSpec, siteSpec } from "../common-options.ts";
import { connect, isoDateOption, reportSkipped, siteSchema, todayFor } from "../site.ts";
import { findAction, loadStructure } from "./plan-structure-find.ts";

const specs = {
  site: siteSpec,
  plan: planSpec,
  action: {
    type: "string",
    value: "REF|ID",
    help: 'the action or milestone, by its number ("2.3") or its id',
  },
  text: { type: "string", value: "TEXT", help: "the update, as the committee will read it" },
  status: { type: "string", value: "STATUS", help: `what you report: ${STATUSES.join(", ")}` },
  percent: { type: "string", value: "N", help: "% complete, 0-100" },
  evidence: { type: "string", value: "URL", help: "an https link to the evidence" },
  date: {
    type: "string",
    value: "DATE",
    help: "the update's date (default: today in Europe/London; the sandbox's date)",
  },
  complete: {
    type: "boolean",
    help: "also mark the action complete on that date (as --status Completed does)",
  },
  as: asSpec,
  json: {
    type: "boolean",
    help: "print JSON: { action: { id, ref }, update: { id, date, periodId }, completedOn }",
  },
} as const satisfies OptionSpecs;

const help = `Usage: actionplan update --site <url> --plan <title or id> --action <number or id> --text TEXT
                         [--status STATUS] [--percent N] [--evidence URL] [--date YYYY-MM-DD] [--complete]
                         [--as <upn>] [--json]

Posts a progress update on an action for the reporting period open for updates, as its SRO (the post's
holder, or its delegate while they cover it) or a coordinator. The update is the action's latest at once.

${optionsHelp(specs)}`;

const schema = siteSchema.extend({
  plan: planOption,
  action: z.string({ error: "name the action, e.g. --action 2.3" }).min(1),
  text: z.string({ error: "give the update's text, e.g. --text 'Draft agreed by CMT'" }).min(1),
  status: z.enum(STATUSES, { error: `expected one of: ${STATUSES.join(", ")}` }).optional(),
  percent: z
    .string()
    .regex(/^\d{1,3}$/, "expected a whole number from 0 to 100")
    .transform(Number)
    .refine((n) => n <= 100, "expected a whole number from 0 to 100")
    .optional(),
  evidence: z.string().optional(),
  date: isoDateOption.optional(),
  complete: z.boolean().default(false),
});

export const updateCommand: Command = defineCommand({
  name: "update",
  summary: "post an SRO's progress update on an action",
  help,
  options: specs,
  schema: schema,
  run: async (o) => {
    const ctx = connect(o.site, o.as);
    try {
      const date = (o.date ?? (await todayFor(o.site))) as IsoDate;
      const structure = await loadStructure(ctx, o.plan);
      const record = await findAction(ctx, structure, o.action);
      const me = await ctx.sp.web.currentUser.select("LoginName", "Email")<{
        LoginName?: string;
        Email?: string;
      }>();
      const upn = upnOf({ Name: me.LoginName ?? null, EMail: me.Email ?? null, Title: null }) ?? "";
      const post = structure.posts.find((p) => p.id === record.sroPostId) ?? null;
      const theirs =
        post !== null &&
        (post.holderUpn === upn || (post.delegateUpn === upn && isDelegateCovering(post, date)));
      if (!theirs && (await loadSiteRole(ctx, upn)) !== "coordinator")
        throw new UsageError(
          `${upn} neither holds nor covers the SRO post of action ${record.action.ref} (${post?.title ?? "no post"}) on ${formatUkDate(date)}; only its SRO or a coordinator can post its update.`,
        );
      const open = (await loadPeriods(ctx, structure.plan.id)).filter((p) => p.state === "open").at(-1);
      // One path to completion: --status Completed completes the action as --complete does (an action
      // already complete keeps its date: addProgressUpdate does not overwrite it).
      const completes = o.complete || o.status === "Completed";
      const result = await addProgressUpdate(
        ctx,
        record,
        {
          date,
          text: o.text,
          reportedStatus: completes ? "Completed" : (o.status ?? null),
          percentComplete: completes ? 100 : (o.percent ?? null),
          periodId: open?.id ?? null,
          evidenceUrl: o.evidence ?? null,
        },
        completes ? { completeOn: date } : {},
      );
      if (o.json) {
        console.log(
          JSON.stringify(
            {
              action: { id: record.action.id, ref: record.action.ref },
              update: { id: result.update.id, date, periodId: result.update.periodId },
              completedOn: result.record.action.completedOn,
            },
            null,
            2,
          ),
        );
      } else {
        const forPeriod = open === undefined ? "outside any reporting period" : `for ${open.title}`;
        const done = completes ? `; action ${record.action.ref} is complete` : "";
        console.log(
          `Posted update ${result.update.id} on action ${record.action.ref} (${formatUkDate(date)}, ${forPeriod})${done}.`,
        );
      }
      reportSkipped("update", ctx);
      return 0;
    } catch (error) {
      // Any Member may add updates; SharePoint refusing one means the person is not a Member of the site.
      if (error instanceof RemoteError && error.status === 403) {
        console.error(
          "actionplan update: SharePoint refused: only the site's Members (SROs) and Owners can post updates; ask a coordinator to add you to the site's Members.",
        );
        return 1;
      }
      return reportAdminFailure("update", "post updates", error);
    }
  },
});
