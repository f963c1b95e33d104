// `actionplan reminders`: the daily reminder run (a timer calls it; a coordinator can run it by hand).
import { z } from "zod";
import type { IsoDate } from "../../domain/index.ts";
import {
  cardLinksOf,
  readNotifySettings,
  SANDBOX_CLIENT_ID,
  SettingsError,
} from "../../notify/reminders/settings.ts";
import { activityChannel } from "../../notify/reminders/channels.ts";
import { chatChannel } from "../../notify/reminders/chat-channel.ts";
import { TEAMS_LIMITS_PER_SECOND } from "../../notify/reminders/pacing.ts";
import { signedInUser } from "../../notify/reminders/people.ts";
import { runReminders } from "../../notify/reminders/run.ts";
import { createGraphClient } from "../../notify/graph-client.ts";
import { findPlansByTitle, listPlans } from "../../sharepoint/plans.ts";
import { graphTokenSourceFor, isSandboxSite } from "../auth.ts";
import { parseOptions, UsageError, withUsageErrors, type Command } from "../command.ts";
import { formatRunSummary } from "./reminders-report.ts";
import { connect, isoDateOption, reportRemoteFailure, siteOptions, siteSchema, todayFor } from "../site.ts";

const help = `Usage: actionplan reminders --site <url> [--plan <title or id>] [--as-of YYYY-MM-DD] [--dry-run]
                           [--channel chat|activity] [--coordinator <upn>] [--as <upn>] [--json]

Sends each person who is owed reminders one card (SRO reminders before and after target dates and update
deadlines; escalations to managers, or to the plan's coordinator), at most once per reminder: every
reminder is written to the Reminder Log before and after sending, and a run that stopped half-way is
finished by the next. Exits 1 when any delivery failed (it is retried next run).

Options:
  --site URL           the site, e.g. http://localhost:4300/sites/improvement (the sandbox)
  --plan TITLE|ID      only this plan (default: every plan on the site)
  --as-of DATE         the day to run for (default: today in Europe/London; the sandbox's date)
  --dry-run            print who would get what; send and record nothing
  --channel chat       (default) a card in the one-on-one chat from the signed-in sender (delegated)
  --channel activity   an activity-feed notification from the app (app-only), installing it when missing
  --coordinator UPN    who gets escalations for SROs without a manager (default: ACTIONPLAN_COORDINATOR,
                       else the plan's creator while a site Owner, else the longest-standing Owner)
  --as UPN             against the sandbox: the sender; against a tenant: who signs in
  --json               print one JSON object: { today, dryRun, channel, sent (number), skipped
                       [{ recipient, reason, reminders }], failed [{ recipient, reason, reminders }],
                       recovered, reminders [{ key, recipient, role, kind, plan, action, dueOn, period }],
                       unrouted [{ kind, planId, actionId, actionRef, dueOn, reason }] }
  --help               show this help

Settings (environment; the sandbox has defaults for all): ACTIONPLAN_TEAMS_APP_ID (the manifest id),
ACTIONPLAN_TAB_ENTITY_ID (default myActions), ACTIONPLAN_UPDATE_FORM_URL (https page of the update form),
ACTIONPLAN_GRAPH_URL (default https://graph.microsoft.com), ACTIONPLAN_COORDINATOR.`;

const schema = siteSchema.extend({
  plan: z.string().trim().min(1).optional(),
  "as-of": isoDateOption.optional(),
  "dry-run": z.boolean().default(false),
  channel: z.enum(["chat", "activity"]).default("chat"),
  coordinator: z.email().optional(),
});

export const remindersCommand: Command = {
  name: "reminders",
  summary: "send the day's reminders and escalations in Teams",
  help,
  run: (argv) =>
    withUsageErrors("reminders", help, async () => {
      const options = parseOptions(
        argv,
        {
          ...siteOptions,
          plan: { type: "string" },
          "as-of": { type: "string" },
          "dry-run": { type: "boolean" },
          channel: { type: "string" },
          coordinator: { type: "string" },
        },
        schema,
      );
      const sandbox = isSandboxSite(options.site);
      let settings;
      try {
        settings = readNotifySettings(options.site, sandbox);
      } catch (error) {
        if (error instanceof SettingsError) throw new UsageError(error.message);
        throw error;
      }
      const ctx = connect(options.site, options.as);
      try {
        const today = (options["as-of"] ?? (await todayFor(options.site))) as IsoDate;
        const all = await listPlans(ctx);
        const plans = options.plan === undefined ? all : await pickPlan(ctx, all, options.plan);
        const baseUrl = settings.ACTIONPLAN_GRAPH_URL;
        const delegated = createGraphClient({
          baseUrl,
          getToken: graphTokenSourceFor(options.site, options.as, { graphUrl: baseUrl }),
        });
        // The activity feed is app-only: the app's client sends and reads managers too (one token for both).
        const graph =
          options.channel === "activity" && !options["dry-run"]
            ? createGraphClient({
                baseUrl,
                getToken: graphTokenSourceFor(options.site, options.as, {
                  appOnly: true,
                  sandboxClientId: SANDBOX_CLIENT_ID,
                  graphUrl: baseUrl,
                }),
              })
            : delegated;
        const links = cardLinksOf(settings);
        const channel = options["dry-run"]
          ? null
          : options.channel === "activity"
            ? activityChannel(graph, links, TEAMS_LIMITS_PER_SECOND.activityNotificationPerApp)
            : chatChannel(delegated, { baseUrl }, await signedInUser(delegated));
        const summary = await runReminders({
          ctx,
          graph,
          channel,
          plans,
          allPlans: options.plan === undefined,
          today,
          links,
          coordinator: options.coordinator ?? settings.ACTIONPLAN_COORDINATOR,
        });
        if (options.json) console.log(JSON.stringify(summary, null, 2));
        else console.log(formatRunSummary(summary));
        return summary.failed.length > 0 ? 1 : 0;
      } catch (error) {
        if (error instanceof UsageError) throw error;
        return reportRemoteFailure("reminders", error);
      }
    }),
};

async function pickPlan(
  ctx: Parameters<typeof listPlans>[0],
  all: Awaited<ReturnType<typeof listPlans>>,
  key: string,
) {
  const byId = all.filter((p) => p.id === key);
  const found = byId.length > 0 ? byId : (await findPlansByTitle(ctx, key)).filter((p) => p.title === key);
  if (found.length === 1) return found;
  const known = all.map((p) => `${p.id} "${p.title}"`).join(", ") || "none";
  throw new UsageError(
    `${found.length > 1 ? "more than one" : "no"} plan "${key}" on this site. Plans: ${known}.`,
  );
}
