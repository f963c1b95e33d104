// `actionplan deploy --env <file>` (`npm run deploy -- --env env/.env.dev`): the whole deployment to a
// council's tenant on tools Microsoft supports today: the Azure CLI with its own Bicep for Azure and Entra,
// Graph's app catalog API for the Teams app, and this CLI for the site's lists. No Agents Toolkit.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { main as packageMain } from "../../app-package/main.ts";
import { buildFunctionApp } from "../../build/function-app.ts";
import { join } from "node:path";
import { z } from "zod";
import { DeploySettingsError } from "../../deploy/env-file.ts";
import { DEPLOY_STEPS, ROLES, totalMinutes } from "../../deploy/steps.ts";
import { APP_SITE_ROLE } from "../../lib/permissions.ts";
import { describeForPeople, RemoteError } from "../../lib/remote-error.ts";
import { createSharePoint } from "../../sharepoint/core/index.ts";
import { provisionSite } from "../../sharepoint/provision/index.ts";
import { isSandboxSite, tokenSourceFor } from "../auth.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs, UsageError } from "../command.ts";
import { azCli, AzError, type Az } from "../deploy/az.ts";
import { azureResources, certificate, upload } from "../deploy/azure-steps.ts";
import {
  NeedsSomeoneElse,
  registration,
  registrationSettingsAndConsent,
  signedIn,
} from "../deploy/entra-steps.ts";
import { deployContext, type DeployContext } from "../deploy/context.ts";
import { publishToCatalog } from "../deploy/teams-step.ts";

const ROOT = new URL("../../../", import.meta.url).pathname;

const specs = {
  env: { type: "string", value: "FILE", help: `the settings file, e.g. env/.env.dev` },
  as: {
    type: "string",
    value: "UPN",
    help: [
      `who signs in to Microsoft 365 for steps 7 and 9 (device code): an Owner of the site, and a`,
      `Teams Administrator unless --teams-as names one (against the sandbox: whom to act as)`,
    ],
  },
  "teams-as": {
    type: "string",
    value: "UPN",
    help: `a different person to publish the app to the catalog (a Teams Administrator)`,
    alone: true,
  },
  review: {
    type: "boolean",
    help: [
      `submit the Teams app for an administrator's approval instead of publishing it (for a`,
      `deployer who is not a Teams Administrator)`,
    ],
  },
  check: { type: "boolean", help: `check the settings file and az's sign-in only; change nothing` },
} as const satisfies OptionSpecs;

const help = `Usage: actionplan deploy --env <file> [--as <upn>] [--teams-as <upn>] [--review] [--check]

Deploys Action Plan Tracker to a council's tenant from a settings file (env/.env.dev: fill in its first
block). Safe to run again: each step looks first, changes only what is missing, and writes what it made back
to the file, so a run stopped by a missing role resumes where it stopped. In order:
  1 az is signed in, to the app's tenant and the subscription
  2 the Entra app registration (created on the first run) and the Teams app's manifest id
  3 the Azure resources (infra/main.bicep: static website, Function App, Key Vault, monitoring, alerts)
  4 the app registration's addresses and permissions, and the tenant's consent (stops with the consent
    address for a ${ROLES.consent} when missing)
  5 the app's certificate in Key Vault, and on the app registration (again after Key Vault renews it)
  6 the tab, the app package and the daily job's bundle, built
  7 the Teams app in the organisation's catalog (created, updated when APP_VERSION went up, or left as it is)
  8 the tab to the static website, the daily job to the Function App
  9 the site's lists and permissions (provision), signed in as --as
Then it prints what is left for others (the site grant, the sender's sign-in, Teams admin centre).

${optionsHelp(specs)}

It needs the Azure CLI (az, signed in with az login) and Node ${process.versions.node.split(".")[0] ?? "20"} or later.`;

const schema = z.object({
  env: z.string({ error: "say which settings file to deploy from, e.g. --env env/.env.dev" }).min(1),
  as: z.email().optional(),
  "teams-as": z.email().optional(),
  review: z.boolean().default(false),
  check: z.boolean().default(false),
});

export interface DeployOptions {
  env: string;
  as?: string | undefined;
  teamsAs?: string | undefined;
  review: boolean;
  check: boolean;
}

export const deployCommand: Command = defineCommand({
  name: "deploy",
  summary: "deploy the app to a council's tenant from a settings file",
  help,
  options: specs,
  schema: schema,
  run: async (options) => {
    if (!existsSync(options.env))
      throw new UsageError(
        `there is no settings file at ${options.env}; copy env/.env.dev and fill in its first block.`,
      );
    return deploy({ ...options, teamsAs: options["teams-as"] }, azCli());
  },
});

/** Run the deployment; resolves to the exit code. */
export async function deploy(
  options: DeployOptions,
  az: Az,
  root = ROOT,
  out = join(root, "dist", "deploy"),
): Promise<number> {
  const log = (line: string) => {
    console.log(line);
  };
  let ctx: DeployContext;
  try {
    ctx = deployContext(options.env, az, root, log);
  } catch (error) {
    if (!(error instanceof DeploySettingsError)) throw error;
    console.error(`actionplan deploy: ${error.message}`);
    return 1;
  }
  const started = Date.now();
  let n = 0;
  const step = async <T>(title: string, work: () => Promise<T>): Promise<T> => {
    n += 1;
    const at = Date.now();
    log(`[${String(n)}/9] ${title}…`);
    const result = await work();
    log(`      done in ${((Date.now() - at) / 1000).toFixed(1)} s`);
    return result;
  };
  try {
    const deployer = await step("Azure sign-in", () => signedIn(ctx));
    if (options.check) {
      log(`${options.env}: the settings are complete and az is signed in. Nothing was changed.`);
      return 0;
    }
    await step("Entra app registration", () => registration(ctx));
    await step("Azure resources", () => azureResources(ctx, deployer));
    await step("App permissions and consent", () => registrationSettingsAndConsent(ctx));
    await step("The app's certificate", () => certificate(ctx));
    await step("Build", () => build(ctx, out));
    await step("Teams app in the catalog", () =>
      publishToCatalog(
        ctx,
        join(out, "appPackage", "action-plan-tracker.zip"),
        options.teamsAs ?? options.as,
        options.review,
      ),
    );
    await step("Upload", async () => {
      // The tab's config.json again, now with the app's catalog id (known once the app is in the catalog).
      await packageInto(ctx, out, ["site"]);
      await upload(ctx, join(out, "site"), join(out, "function-app.zip"));
    });
    await step("The site's lists", () => lists(ctx, options.as));
    log(leftForOthers(ctx));
    log(`Deployed in ${String(Math.round((Date.now() - started) / 1000))} s.`);
    return 0;
  } catch (error) {
    if (error instanceof AzError || error instanceof NeedsSomeoneElse || error instanceof UsageError) {
      console.error(`actionplan deploy: ${error.message}`);
      return 1;
    }
    if (error instanceof RemoteError) {
      console.error(`actionplan deploy: ${describeForPeople(error)} (${error.message})`);
      return 1;
    }
    throw error;
  }
}

/** The settings `npm run package` reads, from the settings file. */
function packageEnv(ctx: DeployContext): Record<string, string> {
  const s = ctx.settings;
  const env: Record<string, string | undefined> = {
    ACTIONPLAN_TEAMS_APP_ID: s.TEAMS_APP_ID,
    ACTIONPLAN_CLIENT_ID: s.AAD_APP_CLIENT_ID,
    ACTIONPLAN_TAB_URL: s.TAB_ENDPOINT === undefined ? undefined : `${s.TAB_ENDPOINT}/tab/`,
    ACTIONPLAN_SITE_URL: s.SHAREPOINT_SITE_URL,
    ACTIONPLAN_DEVELOPER_NAME: s.DEVELOPER_NAME,
    ACTIONPLAN_DEVELOPER_URL: s.DEVELOPER_URL,
    ACTIONPLAN_PRIVACY_URL: s.PRIVACY_URL,
    ACTIONPLAN_TERMS_URL: s.TERMS_URL,
    ACTIONPLAN_APP_VERSION: s.APP_VERSION,
    ACTIONPLAN_TEAMS_CATALOG_ID: s.TEAMS_APP_PUBLISHED_APP_ID,
  };
  return Object.fromEntries(
    Object.entries(env).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, v] as const])),
  );
}

/** `npm run package [args]` in this process with the settings file's values, into `out`. */
async function packageInto(ctx: DeployContext, out: string, args: string[]): Promise<void> {
  const saved = { ...process.env };
  Object.assign(process.env, packageEnv(ctx));
  let code: number;
  try {
    code = await packageMain(args, join(out, "appPackage"), join(out, "tab"), join(out, "site"));
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) Reflect.deleteProperty(process.env, key);
    Object.assign(process.env, saved);
  }
  if (code !== 0)
    throw new UsageError("the Teams app package was not written (see above), so nothing was uploaded.");
}

/** The tab, the app package (the catalog decides whether its version is new) and the daily job's bundle. */
async function build(ctx: DeployContext, out: string): Promise<void> {
  const vite = spawnSync(
    process.execPath,
    [
      join(ctx.root, "node_modules", "vite", "bin", "vite.js"),
      "build",
      "--logLevel",
      "warn",
      "--outDir",
      join(out, "tab"),
      "--emptyOutDir",
    ],
    { cwd: ctx.root, encoding: "utf8" },
  );
  if (vite.status !== 0)
    throw new UsageError(
      `building the tab failed, so nothing was uploaded: ${(vite.stderr || vite.stdout).trim().split("\n").slice(-3).join(" ")}`,
    );
  // The catalog, not a package left from an earlier run, says whether this version is new (step 7).
  rmSync(join(out, "appPackage", "action-plan-tracker.zip"), { force: true });
  await packageInto(ctx, out, []);
  await buildFunctionApp(join(out, "function-app"));
  ctx.log(`Built the tab, the Teams app package and the daily job into ${out}.`);
}

async function lists(ctx: DeployContext, as: string | undefined): Promise<void> {
  const s = ctx.settings;
  process.env.ACTIONPLAN_TENANT_ID ??= s.AAD_APP_TENANT_ID;
  process.env.ACTIONPLAN_CLIENT_ID ??= s.AAD_APP_CLIENT_ID;
  if (as === undefined && isSandboxSite(s.SHAREPOINT_SITE_URL))
    throw new UsageError("say whom to act as on the sandbox's site, with --as <upn> (a site owner).");
  const sp = createSharePoint({
    siteUrl: s.SHAREPOINT_SITE_URL,
    getToken: tokenSourceFor(s.SHAREPOINT_SITE_URL, as),
  });
  const report = await provisionSite(
    sp,
    undefined,
    s.REMINDER_SENDER_UPN === undefined ? {} : { reminderSender: s.REMINDER_SENDER_UPN },
  );
  if (report.problems.length > 0)
    throw new UsageError(`the site's lists were provisioned with problems: ${report.problems.join("; ")}`);
  ctx.log(
    report.changes.length === 0
      ? "The site's lists were already up to date."
      : `The site's lists: ${String(report.changes.length)} change(s).`,
  );
}

/** What deploy cannot do, for the people whose role it needs, with the exact commands. */
function leftForOthers(ctx: DeployContext): string {
  const s = ctx.settings;
  const site = new URL(s.SHAREPOINT_SITE_URL);
  const lines = [
    "",
    `Left for others (README, Deploy to your tenant, steps 5–8; about ${String(totalMinutes(DEPLOY_STEPS.filter((d) => d.n >= 5)))} minutes):`,
    `  5 (${ROLES.siteAdmin}) give the app this one site, in Graph Explorer:`,
    `      GET https://graph.microsoft.com/v1.0/sites/${site.host}:${site.pathname.replace(/\/$/, "")}   (its "id")`,
    `      POST https://graph.microsoft.com/v1.0/sites/<id>/permissions`,
    `      {"roles":["write"],"grantedToIdentities":[{"application":{"id":"${s.AAD_APP_CLIENT_ID ?? ""}","displayName":"Action Plan Tracker"}}]}`,
    `      PATCH https://graph.microsoft.com/v1.0/sites/<id>/permissions/<the id it returned>   {"roles":["${APP_SITE_ROLE}"]}`,
    `      (the daily job marks SROs' updates applied, which \`write\` cannot; Graph's create has taken only read and write)`,
  ];
  if (s.REMINDER_CHANNEL === "chat")
    lines.push(
      `  6 (the reminder service account, on a device Conditional Access accepts) sign in once and save it:`,
      `      ACTIONPLAN_TENANT_ID=${s.AAD_APP_TENANT_ID ?? ""} ACTIONPLAN_CLIENT_ID=${s.AAD_APP_CLIENT_ID ?? ""} ACTIONPLAN_TOKEN_CACHE=sender-cache.json npx actionplan reminders --site ${s.SHAREPOINT_SITE_URL} --as ${s.REMINDER_SENDER_UPN ?? ""} --dry-run`,
      `      az keyvault secret set --vault-name ${s.KEY_VAULT_NAME ?? ""} -n actionplan-sender-cache -f sender-cache.json && rm sender-cache.json`,
    );
  lines.push(
    `  7 (${ROLES.teamsAdmin}) Teams admin centre: allow "Action Plan Tracker" in the staff's permission policy, pin it in the SROs' setup policy.`,
    `  8 check it: npx actionplan doctor --site ${s.SHAREPOINT_SITE_URL} --tab-url ${s.TAB_ENDPOINT ?? ""}/tab/ --channel ${s.REMINDER_CHANNEL}`,
    `      and as the daily job signs in, with the app's certificate: ACTIONPLAN_CERT_PATH=<its PEM> npx actionplan doctor --site ${s.SHAREPOINT_SITE_URL} --app`,
  );
  return lines.join("\n");
}
