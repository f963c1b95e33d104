// `actionplan doctor`: checks a site's set-up as the app will use it and says in words what is missing.
import { createGraphClient } from "../../notify/graph-client.ts";
import {
  readCatalogCheckSettings,
  SANDBOX_CLIENT_ID,
  SettingsError,
  type CatalogCheckSettings,
} from "../../notify/reminders/settings.ts";
import { loadSroPosts } from "../../sharepoint/posts/index.ts";
import type { IsoDate } from "../../domain/index.ts";
import { graphTokenSourceFor, isSandboxSite, readTenantSettings, tokenSourceFor } from "../auth.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs, UsageError } from "../command.ts";
import {
  checkLists,
  checkPosts,
  checkTabConfig,
  checkTeamsApp,
  checkToken,
  type CheckResult,
} from "../doctor/checks.ts";
import { checkCertificate } from "../doctor/certificate.ts";
import { checkLastRun } from "../doctor/last-run.ts";
import { checkSenderSignIn, signInStepFor } from "../doctor/sender-sign-in.ts";
import { checkSiteGrant } from "../doctor/site-grant.ts";
import { notifySettingsFor, siteSchema, todayFor } from "../site.ts";
import { createSharePoint, dataContext } from "../../sharepoint/core/index.ts";
import { z } from "zod";

const specs = {
  site: {
    type: "string",
    value: "URL",
    help: "the site, e.g. https://contoso.sharepoint.com/sites/improvement",
  },
  "tab-url": {
    type: "string",
    value: "URL",
    help: "where the tab is hosted (default ACTIONPLAN_TAB_URL; the sandbox's own tab)",
  },
  channel: {
    type: "string",
    choices: {
      chat: "(default) check as the reminder sender (a person, delegated) does",
      activity: "check as the daily job does with the activity feed: the app, with its certificate",
    },
  },
  app: {
    type: "boolean",
    help: [
      "check as the daily job signs in whatever the channel: the app (against a tenant,",
      "with ACTIONPLAN_CERT_PATH, which on its own already signs in as the app)",
    ],
  },
  "reminder-sender": {
    type: "string",
    value: "UPN",
    alone: true,
    help: [
      "the account provision --reminder-sender was given (default ACTIONPLAN_SENDER_UPN):",
      "it must hold Contribute on the Reminder Log and Reminder Runs; not named, a",
      "Contribute grant there is taken to be the sender's",
    ],
  },
  as: {
    type: "string",
    value: "UPN",
    help: "against the sandbox: whom to act as; against a tenant: who signs in",
  },
  json: { type: "boolean", help: "print { ok, checks: [{ check, ok, lines, warnings }] }" },
} as const satisfies OptionSpecs;

const help = `Usage: actionplan doctor --site <url> [--tab-url <url>] [--channel chat|activity] [--app]
                        [--reminder-sender <upn>] [--as <upn>] [--json]

Checks a site's set-up for Action Plan Tracker and says what is missing, each with what to do:
  SharePoint token, Graph token  the signed-in identity's permissions (the token's scp for a person, roles
                                 for the app) against the README's permissions table; what it lacks is
                                 said with who may grant admin consent (Microsoft Graph application
                                 permissions: a Privileged Role Administrator or Global Administrator) and
                                 the address, https://login.microsoftonline.com/<tenant>/adminconsent?client_id=<app>
  app's site grant               (signing in as the app) its Sites.Selected grant reaches the site at
                                 \`manage\`, as the daily job writes it; if not, the Graph calls a SharePoint
                                 Administrator makes to grant it
  lists                          the lists, columns, indexes, versioning and permissions provision sets
                                 (as the app, whose grant cannot read who may write a list, a warning)
  SRO posts                      every post has a holder (a vacant post's actions get no reminders)
  tab's config.json              reachable beside the tab's index.html, naming this site and this app
  last reminder run              the Reminder Runs list's last run finished on or after the last working day
                                 before today (UK bank holidays); a site never run yet is a warning
  reminder sender's sign-in      (--channel chat) the daily job's last renewal of the sender's sign-in, as
                                 it records it in Reminder Runs: a failure when Entra ID refused it (with
                                 the sign-in step to repeat), a warning after 60 days without one (Entra ID
                                 refuses a sign-in unused for 90)
  app's certificate              (signing in as the app, ACTIONPLAN_CERT_PATH) its end date: a warning from
                                 30 days before it, a failure once it has ended
  Teams app                      in the organisation's catalog, with its catalog id (deep links use it:
                                 ACTIONPLAN_TEAMS_CATALOG_ID, a failure when set to another); with --channel
                                 activity, installed for the SROs (the daily job installs it where missing,
                                 so that is a warning); in the chat channel a token that may not read the
                                 catalog (HTTP 403) is a warning
Changes nothing. Exits 0 when every check passes, 1 with the list of what failed.

${optionsHelp(specs)}

Settings: ACTIONPLAN_TENANT_ID, ACTIONPLAN_CLIENT_ID (and ACTIONPLAN_CERT_PATH for the app), as for the
other commands; ACTIONPLAN_TEAMS_APP_ID and ACTIONPLAN_UPDATE_FORM_URL as for the reminders, and
ACTIONPLAN_TEAMS_CATALOG_ID (the app's id in the catalog, which card buttons open it by): as the app
(--app, --channel activity) it may be unset, and the Teams app check says what to set it to.`;

const schema = siteSchema.extend({
  "tab-url": z.url({ protocol: /^https?$/ }).optional(),
  channel: z.enum(["chat", "activity"]).default("chat"),
  "reminder-sender": z.email().optional(),
  app: z.boolean().default(false),
});

export const doctorCommand: Command = defineCommand({
  name: "doctor",
  summary: "check a site's set-up and say what is missing",
  help,
  options: specs,
  schema: schema,
  run: async (options) => {
    const sandbox = isSandboxSite(options.site);
    const tabUrl =
      options["tab-url"] ??
      (process.env.ACTIONPLAN_TAB_URL || undefined) ??
      (sandbox ? `${new URL(options.site).origin}/tab/` : undefined);
    if (tabUrl === undefined)
      throw new UsageError(
        "say where the tab is hosted, with --tab-url https://<host>/tab/ or ACTIONPLAN_TAB_URL, so its config.json can be checked.",
      );
    const appOnly = options.app || options.channel === "activity";
    const tenant = sandbox ? null : readTenantSettings();
    // Only the app signs in with a certificate (against a tenant, ACTIONPLAN_CERT_PATH); a person has none.
    const certPath = tenant?.ACTIONPLAN_CERT_PATH;
    if (appOnly && tenant !== null && certPath === undefined)
      throw new UsageError(
        "checking as the app (--app, --channel activity) signs in with its certificate: set ACTIONPLAN_CERT_PATH to the PEM file holding it and its private key.",
      );
    // As the app, doctor finds the catalog id itself, so it is not yet needed: it says what to set.
    const settings = appOnly ? catalogCheckSettingsFor(options.site) : notifySettingsFor(options.site);
    const sharePointToken = tokenSourceFor(options.site, options.as, {
      appOnly,
      sandboxClientId: SANDBOX_CLIENT_ID,
    });
    const graphToken = graphTokenSourceFor(options.site, options.as, {
      appOnly,
      sandboxClientId: SANDBOX_CLIENT_ID,
      graphUrl: settings.ACTIONPLAN_GRAPH_URL,
    });
    const ctx = dataContext(createSharePoint({ siteUrl: options.site, getToken: sharePointToken }));
    const asApp = sandbox ? appOnly : certPath !== undefined;
    const results: CheckResult[] = [];
    if (certPath !== undefined) results.push(checkCertificate(certPath, new Date()));
    const consent =
      tenant === null
        ? undefined
        : { tenantId: tenant.ACTIONPLAN_TENANT_ID, clientId: tenant.ACTIONPLAN_CLIENT_ID };
    results.push(await checkToken("SharePoint", sharePointToken, consent));
    results.push(await checkToken("Graph", graphToken, consent));
    if (asApp)
      results.push(
        await checkSiteGrant(ctx.sp, {
          siteUrl: options.site,
          graphUrl: settings.ACTIONPLAN_GRAPH_URL,
          clientId: tenant?.ACTIONPLAN_CLIENT_ID ?? SANDBOX_CLIENT_ID,
        }),
      );
    const sender = options["reminder-sender"] ?? (process.env.ACTIONPLAN_SENDER_UPN || undefined);
    results.push(await checkLists(ctx, sender, asApp));
    // Read once: the posts' check and the Teams app's (their holders) both use them.
    const posts = loadSroPosts(ctx);
    results.push(await checkPosts(posts));
    results.push(
      await checkTabConfig(tabUrl, options.site, sandbox ? undefined : process.env.ACTIONPLAN_CLIENT_ID),
    );
    const today = (await todayFor(options.site)) as IsoDate;
    results.push(await checkLastRun(ctx, today));
    if (options.channel === "chat")
      results.push(await checkSenderSignIn(ctx, today, signInStepFor(options.site)));
    // Every channel's cards open the app by its catalog id; only the activity feed installs it for the SROs.
    const graph = createGraphClient({ baseUrl: settings.ACTIONPLAN_GRAPH_URL, getToken: graphToken });
    const holders =
      options.channel === "activity"
        ? await posts
            .then((all) => [...new Set(all.flatMap((p) => (p.holderUpn === null ? [] : [p.holderUpn])))])
            .catch(() => [])
        : null;
    const ids = {
      manifestId: settings.ACTIONPLAN_TEAMS_APP_ID,
      catalogIdSetting: settings.ACTIONPLAN_TEAMS_CATALOG_ID,
    };
    results.push(await checkTeamsApp(graph, ids, holders));
    const ok = results.every((r) => r.ok);
    if (options.json) console.log(JSON.stringify({ ok, checks: results }, null, 2));
    else console.log(formatResults(options.site, results));
    return ok ? 0 : 1;
  },
});

/** The settings with the catalog id optional, a missing or malformed one refused as notifySettingsFor does. */
function catalogCheckSettingsFor(site: string): CatalogCheckSettings {
  try {
    return readCatalogCheckSettings(site, isSandboxSite(site));
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
}

function formatResults(site: string, results: readonly CheckResult[]): string {
  const lines = [`Checked ${site}:`];
  for (const r of results) {
    lines.push(`${r.ok ? "ok  " : "FAIL"} ${r.check}`);
    lines.push(...r.lines.map((l) => `       ${l}`));
    lines.push(...(r.warnings ?? []).map((w) => `       warning: ${w}`));
  }
  const failed = results.filter((r) => !r.ok).length;
  lines.push(failed === 0 ? "Every check passed." : `${String(failed)} check(s) failed; see above.`);
  return lines.join("\n");
}
