// `actionplan reminders`: the daily reminder run (a timer calls it; a coordinator can run it by hand).
import { hostname } from "node:os";
import { z } from "zod";
import type { IsoDate } from "../../domain/index.ts";
import { cardLinksOf, SANDBOX_CLIENT_ID } from "../../notify/reminders/settings.ts";
import { activityChannel } from "../../notify/reminders/channels.ts";
import { chatChannel } from "../../notify/reminders/chat-channel.ts";
import { TEAMS_LIMITS_PER_SECOND } from "../../notify/reminders/pacing.ts";
import { signedInUser } from "../../notify/reminders/people.ts";
import { runReminders } from "../../notify/reminders/run.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import { type DataContext, refuseIfSkipped } from "../../sharepoint/core/index.ts";
import { applyPendingUpdates } from "../../sharepoint/updates/index.ts";
import {
  DEFAULT_LEASE_SECONDS,
  DEFAULT_WAIT_SECONDS,
  LeaseLost,
  RunInProgress,
} from "../../notify/reminders/run-lease.ts";
import { leaseProgress, releaseOnSignals } from "./reminders-lease.ts";
import { createGraphClient } from "../../notify/graph-client.ts";
import { findPlansByTitle, listPlans } from "../../sharepoint/plans/index.ts";
import { graphTokenSourceFor } from "../auth.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs, UsageError } from "../command.ts";
import { siteSpec } from "../common-options.ts";
import { formatRunSummary } from "./reminders-report.ts";
import {
  connect,
  isoDateOption,
  notifySettingsFor,
  reportRemoteFailure,
  reportSkipped,
  siteSchema,
  todayFor,
} from "../site.ts";

const specs = {
  site: siteSpec,
  plan: { type: "string", value: "TITLE|ID", help: "only this plan (default: every plan on the site)" },
  "as-of": {
    type: "string",
    value: "DATE",
    help: "the day to run for (default: today in Europe/London; the sandbox's date)",
  },
  "dry-run": { type: "boolean", help: "print who would get what; send and record nothing" },
  channel: {
    type: "string",
    choices: {
      chat: "(default) a card in the one-on-one chat from the signed-in sender (delegated)",
      activity: "an activity-feed notification from the app (app-only), installing it when missing",
    },
  },
  coordinator: {
    type: "string",
    value: "UPN",
    help: [
      "who gets escalations for SROs without a manager (default: ACTIONPLAN_COORDINATOR,",
      "else the plan's creator while a site Owner, else the longest-standing Owner)",
    ],
  },
  as: {
    type: "string",
    value: "UPN",
    help: "against the sandbox: the sender; against a tenant: who signs in",
  },
  wait: {
    type: "string",
    value: "SECONDS",
    help: [
      `how long to wait for another run that holds the site's reminders (default ${String(DEFAULT_WAIT_SECONDS)};`,
      "0: stop at once)",
    ],
  },
  lease: {
    type: "string",
    value: "SECONDS",
    help: [
      "how long this run's hold lasts unless renewed (it is, every third of it, while the",
      "run works); how long a killed run holds up the next (default ACTIONPLAN_LEASE_SECONDS,",
      `else ${String(DEFAULT_LEASE_SECONDS)})`,
    ],
  },
  json: {
    type: "boolean",
    help: [
      "print one JSON object: { today, dryRun, channel, sent (number), skipped",
      "[{ recipient, reason, reminders }], failed [{ recipient, reason, reminders }],",
      "owed [{ recipient, reason, reminders }] (the sender's own, not sent),",
      "recovered, reminders [{ key, recipient, role, kind, plan, action, dueOn, period }],",
      "unrouted [{ kind, planId, actionId, actionRef, dueOn, reason }] }",
    ],
  },
} as const satisfies OptionSpecs;

const help = `Usage: actionplan reminders --site <url> [--plan <title or id>] [--as-of YYYY-MM-DD] [--dry-run]
                           [--channel chat|activity] [--coordinator <upn>] [--as <upn>] [--json]
                           [--wait SECONDS] [--lease SECONDS]

Sends each person who is owed reminders one card (SRO reminders before and after target dates and update
deadlines; escalations to managers, or to the plan's coordinator), at most once per reminder: every
reminder is written to the Reminder Log before and after sending, and a run that stopped half-way is
finished by the next. Exits 1 when any delivery failed (it is retried next run). An item that cannot be
read is left out (no reminder for it) and named on stderr.

One run sends at a time for a site (the scheduled run, another coordinator's, or "Chase now" in the tab):
a run holds the site's lease in the Reminder Runs list while it works. A run that finds it held waits,
saying on stderr who holds it, and goes ahead once it is free; after --wait seconds it stops, saying who
holds it and until when, and exits 75. A run that was killed holds it only until its lease runs out.

The signed-in sender's own reminders cannot go by chat (nobody chats with themselves): they are listed as
owed, not recorded as sent, and the next run by someone else (the reminder service account, or another
coordinator) sends them.

${optionsHelp(specs)}

Settings (environment; the sandbox has defaults for all): ACTIONPLAN_TEAMS_APP_ID (the manifest id),
ACTIONPLAN_TEAMS_CATALOG_ID (the app's App ID in the Teams admin centre, which card buttons open it by),
ACTIONPLAN_TAB_ENTITY_ID (default myActions), ACTIONPLAN_UPDATE_FORM_URL (https page of the update form),
ACTIONPLAN_GRAPH_URL (default https://graph.microsoft.com), ACTIONPLAN_COORDINATOR, ACTIONPLAN_LEASE_SECONDS.

Exit codes: 0 done; 1 a delivery failed (retried next run) or SharePoint failed; 2 usage; 75 another run
held the site's reminders for longer than --wait.`;

/** The exit code when another run holds the lease (EX_TEMPFAIL: try again later). */
export const EXIT_RUN_IN_PROGRESS = 75;

const schema = siteSchema.extend({
  plan: z.string().trim().min(1).optional(),
  "as-of": isoDateOption.optional(),
  "dry-run": z.boolean().default(false),
  channel: z.enum(["chat", "activity"]).default("chat"),
  coordinator: z.email().optional(),
  wait: z.coerce.number().int().min(0).max(86_400).default(DEFAULT_WAIT_SECONDS),
  lease: z.coerce.number().int().min(2).max(3600).optional(),
});

export const remindersCommand: Command = defineCommand({
  name: "reminders",
  summary: "send the day's reminders and escalations in Teams",
  help,
  options: specs,
  schema: schema,
  run: async (options) => {
    const settings = notifySettingsFor(options.site);
    const ctx = connect(options.site, options.as);
    try {
      const today = (options["as-of"] ?? (await todayFor(options.site))) as IsoDate;
      // Archived plans and plans still being imported are not chased: a run for every plan leaves them
      // out, and one named is refused.
      const all = await listPlans(ctx);
      const plans = options.plan === undefined ? all : await pickPlan(ctx, options.plan);
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
      const signals = releaseOnSignals();
      const summary = await runReminders({
        ctx,
        graph,
        channel,
        plans,
        allPlans: options.plan === undefined,
        today,
        links,
        coordinator: options.coordinator ?? settings.ACTIONPLAN_COORDINATOR,
        lease: {
          holder: {
            host: hostname(),
            pid: process.pid,
            run: `actionplan reminders (${options.plan === undefined ? "every plan" : `plan ${plans.map((p) => `"${p.title}"`).join(", ")}`})`,
          },
          seconds: options.lease ?? settings.ACTIONPLAN_LEASE_SECONDS ?? DEFAULT_LEASE_SECONDS,
          waitSeconds: options.wait,
          onWait: leaseProgress(options.wait),
          onAcquired: signals.hold,
          onReleaseFailure: (error) => {
            console.error(
              `actionplan reminders: could not give up the site's reminder run (${error instanceof Error ? error.message : String(error)}); the next run waits until this one's lease runs out.`,
            );
          },
        },
      }).finally(signals.done);
      if (options.json) console.log(JSON.stringify(summary, null, 2));
      else console.log(formatRunSummary(summary));
      if (!options["dry-run"]) await copyPendingUpdates(ctx);
      reportSkipped("reminders", ctx);
      return summary.failed.length > 0 ? 1 : 0;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      if (error instanceof RunInProgress) {
        console.error(`actionplan reminders: ${error.message}`);
        return EXIT_RUN_IN_PROGRESS;
      }
      if (error instanceof LeaseLost) {
        console.error(`actionplan reminders: ${error.message}`);
        return 1;
      }
      return reportRemoteFailure("reminders", error);
    }
  },
});

/**
 * The daily run also copies the SROs' updates onto their actions (pending-updates.ts) when it may: as an
 * Owner or the app. The reminders already read them either way; a sender without the right is told who
 * does it instead, and the run's exit code is the reminders' alone.
 */
async function copyPendingUpdates(ctx: DataContext): Promise<void> {
  try {
    const applied = await applyPendingUpdates(ctx);
    if (applied.actions > 0)
      console.error(
        `actionplan reminders: copied the SROs' latest updates onto ${String(applied.actions)} action(s).`,
      );
  } catch (error) {
    const refused = error instanceof RemoteError && (error.status === 401 || error.status === 403);
    console.error(
      refused
        ? "actionplan reminders: the SROs' newest updates were read but not copied onto their actions, as only a site Owner or the app may write actions; a coordinator opening the plan in Teams copies them."
        : `actionplan reminders: the SROs' newest updates could not be copied onto their actions (${error instanceof Error ? error.message : String(error)}); the next run or a coordinator opening the plan tries again.`,
    );
  }
}

async function pickPlan(ctx: Parameters<typeof listPlans>[0], key: string) {
  const all = await listPlans(ctx, { includeArchived: true, includeUnfinished: true });
  const byId = all.filter((p) => p.id === key);
  const found = byId.length > 0 ? byId : (await findPlansByTitle(ctx, key)).filter((p) => p.title === key);
  const [plan] = found;
  if (found.length === 1 && plan?.archived === true)
    throw new UsageError(
      `plan "${plan.title}" is archived, so no reminders are sent for it; bring it back with \`actionplan plan unarchive --plan ${plan.id}\` first.`,
    );
  if (found.length === 1 && plan?.importUnfinished === true)
    throw new UsageError(
      `plan "${plan.title}": import not finished: run the import again to complete it; no reminders are sent for it until then.`,
    );
  if (found.length === 1) return found;
  if (found.length === 0) refuseIfSkipped(ctx.warnings, "plans", key);
  const known = all.map((p) => `${p.id} "${p.title}"`).join(", ") || "none";
  throw new UsageError(
    `${found.length > 1 ? "more than one" : "no"} plan "${key}" on this site. Plans: ${known}.`,
  );
}
