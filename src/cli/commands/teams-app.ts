// `actionplan teams-app publish`: puts the Teams app package in the organisation's Teams app catalog through
// Microsoft Graph (https://learn.microsoft.com/graph/api/teamsapp-publish), or adds its new version to the app
// already there (…/teamsapp-update), signed in as a person: Graph takes no app-only token for either. What to
// do is decided by src/teams-catalog from what the catalog holds for the package's manifest id (…/
// appcatalogs-list-teamsapps), so a second deployment with the same package changes nothing and says so.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Client } from "@microsoft/microsoft-graph-client";
import { z } from "zod";
import { RemoteError } from "../../lib/remote-error.ts";
import { createGraphClient, graphCall } from "../../notify/graph-client.ts";
import { readPackageIdentity, type PackageIdentity } from "../../teams-catalog/package.ts";
import {
  planPublish,
  type CatalogEntry,
  type PublishingState,
  type PublishPlan,
} from "../../teams-catalog/plan.ts";
import { nextPatch } from "../../teams-catalog/version.ts";
import { dispatcher } from "../admin.ts";
import { graphTokenSourceFor, isSandboxSite, readTenantSettings, tenantTokenSource } from "../auth.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs, UsageError } from "../command.ts";
import type { TokenSource } from "../../sharepoint/core/index.ts";

const NAME = "teams-app publish";

const specs = {
  package: {
    type: "string",
    value: "FILE",
    help: `the app package, e.g. dist/appPackage/action-plan-tracker.zip`,
  },
  as: {
    type: "string",
    value: "UPN",
    help: [
      `against the sandbox: whom to act as (its Teams Administrator is`,
      `laura.kowalczyk@northbridge.gov.uk); against a tenant: the account to sign in with`,
    ],
  },
  review: {
    type: "boolean",
    help: [
      `submit it for an administrator's approval (Teams admin centre → Teams apps → Manage`,
      `apps) instead of publishing it`,
    ],
  },
  "graph-url": {
    type: "string",
    value: "URL",
    help: [
      `Graph's root (default ACTIONPLAN_GRAPH_URL, else https://graph.microsoft.com); the`,
      `sandbox's is http://localhost:4300/graph`,
    ],
  },
  json: {
    type: "boolean",
    help: [
      `print { catalogId, manifestId, version, outcome, publishingState, previousVersion }:`,
      `outcome created, updated or unchanged; publishingState published or submitted`,
    ],
  },
} as const satisfies OptionSpecs;

const publishHelp = `Usage: actionplan teams-app publish --package <zip> [--as <upn>] [--review] [--graph-url <url>] [--json]

Puts the Teams app package that \`npm run package\` builds in the organisation's Teams app catalog through
Microsoft Graph, or adds its new version to the app already there. Safe to run again: when the catalog
already holds the package's version it changes nothing and says so; a version lower than the catalog's is
refused, naming both. It prints the app's catalog id (Graph's teamsApp id, not the manifest id), which
deep links to the app use: set ACTIONPLAN_TEAMS_CATALOG_ID to it.

Who can: a Teams Administrator (or Global Administrator) publishes and updates the app directly. Anyone
else can only submit a new app for an administrator's approval, with --review; adding a new version needs
the role. It signs in as a person (Graph takes no app-only token for the catalog), with the app
registration's delegated Graph permission AppCatalog.Submit, consented by an administrator (README, the
permissions table).

${optionsHelp(specs)}

Signing in to a tenant reads ACTIONPLAN_TENANT_ID and ACTIONPLAN_CLIENT_ID (a device code, or the browser
with ACTIONPLAN_SIGN_IN=browser); ACTIONPLAN_CERT_PATH, the app's own sign-in, is refused here.`;

const schema = z.object({
  package: z.string().min(1, "give the app package, e.g. --package dist/appPackage/action-plan-tracker.zip"),
  as: z.string().min(3).optional(),
  review: z.boolean().default(false),
  "graph-url": z.url({ protocol: /^https?$/ }).optional(),
  json: z.boolean().default(false),
});

const graphUrlSetting = z.url({ protocol: /^https?$/ }).default("https://graph.microsoft.com");

/** Graph's root from ACTIONPLAN_GRAPH_URL (national clouds differ), else the public Graph. */
function graphUrlFromSettings(): string {
  const parsed = graphUrlSetting.safeParse(process.env.ACTIONPLAN_GRAPH_URL || undefined);
  if (!parsed.success)
    throw new UsageError(
      "ACTIONPLAN_GRAPH_URL must be Graph's root as a full address, such as https://graph.microsoft.com: correct it, or give --graph-url",
    );
  return parsed.data;
}

/** What the catalog answers for an app: its id and, expanded, its versions. */
const listSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      distributionMethod: z.string().nullish(),
      appDefinitions: z
        .array(z.object({ version: z.string(), publishingState: z.string().nullish() }))
        .default([]),
    }),
  ),
});
const createdSchema = z.object({ id: z.string() });

/** What the command did, as --json prints it. */
export interface Published {
  catalogId: string;
  manifestId: string;
  version: string;
  outcome: "created" | "updated" | "unchanged";
  publishingState: Exclude<PublishingState, "rejected">;
  previousVersion: string | null;
}

const publishCommand: Command = defineCommand({
  name: "publish",
  usageName: NAME,
  summary: "publish the app package to the organisation's Teams app catalog, or update it",
  help: publishHelp,
  options: specs,
  schema: schema,
  run: async (options) => {
    const graphUrl = (options["graph-url"] ?? graphUrlFromSettings()).replace(/\/+$/, "");
    const outcome = await publishPackage(options.package, {
      as: options.as,
      review: options.review,
      graphUrl,
    });
    if (!outcome.ok) {
      console.error(`actionplan ${NAME}: ${outcome.message}`);
      return 1;
    }
    console.log(options.json ? JSON.stringify(outcome.result, null, 2) : outcome.said);
    return 0;
  },
});

/** What publishing did (`said` in words, with the catalog id on its own line), or why it could not. */
export type PublishOutcome = { ok: true; result: Published; said: string } | { ok: false; message: string };

/**
 * Put the package at `packageFile` in the organisation's catalog, or add its version, signed in as `as`
 * (a person): the command's work, also `actionplan deploy`'s step 7.
 */
export async function publishPackage(
  packageFile: string,
  options: { as: string | undefined; review: boolean; graphUrl: string },
): Promise<PublishOutcome> {
  const file = resolve(packageFile);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(
      `cannot read the app package ${file}: build it with \`npm run package\`, or check --package`,
    );
  }
  const read = readPackageIdentity(bytes);
  if (!read.ok)
    return {
      ok: false,
      message: `${file} is not a Teams app package: it ${read.problem}; build it with \`npm run package\` and give that file.`,
    };
  const graph = createGraphClient({
    baseUrl: options.graphUrl,
    getToken: personTokenSource(options.graphUrl, options.as),
  });
  let step: Step = "find";
  try {
    const plan = planPublish(read.identity.version, await findApp(graph, read.identity.manifestId));
    if (plan.step === "create" || plan.step === "update") step = plan.step;
    const result = await carryOut(graph, plan, bytes, read.identity, options.review);
    if (typeof result === "string") return { ok: false, message: result };
    return { ok: true, result, said: describe(result, read.identity) };
  } catch (error) {
    if (!(error instanceof RemoteError)) throw error;
    const words = describeRefusal(error, step, read.identity);
    if (words === null) throw error;
    return { ok: false, message: `${words}\n  (${error.message.slice(0, 500)})` };
  }
}

/** What the command was doing when Graph refused: finding the app, creating it, or adding a version. */
type Step = "find" | "create" | "update";

export const teamsAppCommand: Command = dispatcher({
  name: "teams-app",
  summary: "publish the Teams app to the organisation's app catalog, or update it",
  intro:
    "The Teams app in the organisation's app catalog, through Microsoft Graph: no toolkit, no upload by hand.",
  subcommands: () => [publishCommand],
});

/**
 * A person's Graph token: against the sandbox `--as`'s; against a tenant, MSAL's device code (or browser)
 * sign-in. The app's certificate is refused: Graph answers app-only tokens for the catalog with 403.
 */
function personTokenSource(graphUrl: string, as: string | undefined): TokenSource {
  if (isSandboxSite(graphUrl)) return graphTokenSourceFor(graphUrl, as, { graphUrl });
  const settings = readTenantSettings();
  if (settings.ACTIONPLAN_CERT_PATH !== undefined)
    throw new UsageError(
      "publishing to the Teams app catalog needs a person signed in, and ACTIONPLAN_CERT_PATH signs in as the app, which Graph refuses for the catalog: unset ACTIONPLAN_CERT_PATH for this command and give --as <your upn>",
    );
  return tenantTokenSource(graphUrl, settings, as);
}

/** The app with this manifest id in the organisation's catalog, with its versions; null when it is not there. */
async function findApp(graph: Client, manifestId: string): Promise<CatalogEntry | null> {
  const answer = listSchema.parse(
    await graphCall(() =>
      graph
        .api("/appCatalogs/teamsApps")
        .filter(`externalId eq '${manifestId.replace(/'/g, "''")}'`)
        .expand("appDefinitions")
        .get(),
    ),
  );
  const app = answer.value.find((a) => (a.distributionMethod ?? "organization") === "organization");
  if (app === undefined) return null;
  return {
    id: app.id,
    definitions: app.appDefinitions.map((d) => ({
      version: d.version,
      publishingState:
        d.publishingState === "submitted" || d.publishingState === "rejected"
          ? d.publishingState
          : "published",
    })),
  };
}

/** Upload the zip to a catalog path, as Graph asks: Content-Type application/zip, the package as the body. */
function upload(graph: Client, path: string, bytes: Buffer, review: boolean): Promise<unknown> {
  const request = graph.api(path).header("Content-Type", "application/zip");
  return graphCall(() => (review ? request.query({ requiresReview: "true" }) : request).post(bytes));
}

/** Publish or update, as the plan says; a refusal (a lower or rejected version) in words. */
async function carryOut(
  graph: Client,
  plan: PublishPlan,
  bytes: Buffer,
  identity: PackageIdentity,
  review: boolean,
): Promise<Published | string> {
  const { manifestId, version } = identity;
  const state: Published["publishingState"] = review ? "submitted" : "published";
  const result = (
    catalogId: string,
    outcome: Published["outcome"],
    previousVersion: string | null,
  ): Published => ({
    catalogId,
    manifestId,
    version,
    outcome,
    publishingState: state,
    previousVersion,
  });
  switch (plan.step) {
    case "create": {
      const created = createdSchema.parse(await upload(graph, "/appCatalogs/teamsApps", bytes, review));
      return result(created.id, "created", null);
    }
    case "update":
      await upload(
        graph,
        `/appCatalogs/teamsApps/${encodeURIComponent(plan.catalogId)}/appDefinitions`,
        bytes,
        review,
      );
      return result(plan.catalogId, "updated", plan.current);
    case "unchanged":
      return { ...result(plan.catalogId, "unchanged", version), publishingState: plan.publishingState };
    case "refuseLower":
      return `the package's version ${version} is lower than ${plan.catalogVersion}, the version already in the organisation's Teams app catalog, and Teams only takes a higher one: set ACTIONPLAN_APP_VERSION to ${nextPatch(plan.catalogVersion)} or higher, run \`npm run package\`, then publish again.`;
    case "refuseRejected":
      return `an administrator rejected version ${version} of this app in the organisation's Teams app catalog: set ACTIONPLAN_APP_VERSION higher (such as ${nextPatch(version)}), run \`npm run package\`, then publish again.`;
  }
}

/** What was done, in words, with the catalog id on its own line. */
function describe(result: Published, identity: PackageIdentity): string {
  const app = `${identity.name} ${result.version} (manifest id ${result.manifestId})`;
  const first =
    result.outcome === "unchanged"
      ? result.publishingState === "published"
        ? `No change: ${app} is already published in the organisation's Teams app catalog.`
        : `No change: ${app} is already submitted, waiting for an administrator's approval in Teams admin centre (Teams apps → Manage apps).`
      : result.publishingState === "submitted"
        ? `Submitted ${app} for review${result.previousVersion === null ? "" : `, after ${result.previousVersion}`}: a Teams Administrator approves it in Teams admin centre (Teams apps → Manage apps), and then it is published.`
        : result.outcome === "created"
          ? `Published ${app} to the organisation's Teams app catalog.`
          : `Updated ${identity.name} from ${result.previousVersion ?? "its previous version"} to ${result.version} in the organisation's Teams app catalog.`;
  return `${first}\nCatalog id: ${result.catalogId} (set ACTIONPLAN_TEAMS_CATALOG_ID to it)`;
}

/** Graph's refusals the command can say what to do about; null for the rest (said by the CLI's own words). */
function describeRefusal(error: RemoteError, step: Step, identity: PackageIdentity): string | null {
  if (error.status === 400 && step !== "find")
    return `Graph refused the package: ${error.serviceMessage.replace(/\.$/, "")}. Fix the manifest (\`npm run package\` checks it against the Teams schema) and publish again.`;
  // A token without the permission: Graph's own refusal (Authorization_RequestDenied, or Teams' "Missing
  // scope permissions on the request"), whatever the step.
  if (
    error.status === 403 &&
    (error.code === "Authorization_RequestDenied" || /scope/i.test(error.serviceMessage))
  )
    return "the sign-in lacks Graph's delegated permission AppCatalog.Submit: add it to the app registration's API permissions, have an administrator grant consent, then sign in again.";
  if (error.status === 403 && step === "create")
    return "publishing to the organisation's catalog without review needs the Teams Administrator role: sign in as a Teams Administrator (or Global Administrator), or add --review to submit it for an administrator's approval.";
  if (error.status === 403 && step === "update")
    return "only a Teams Administrator (or Global Administrator) can add a new version of the app to the organisation's catalog: sign in as one with --as (--review does not lift this).";
  if (error.status === 409 && step === "create")
    return `the organisation's Teams app catalog already has an app with the manifest id ${identity.manifestId}, which its list does not show yet (Teams can take up to 48 hours to list a new app): run this again later, or update the app in Teams admin centre (Teams apps → Manage apps).`;
  if (error.status === 409 && step === "update")
    return `the organisation's Teams app catalog already holds version ${identity.version} of the app, or a higher one (another publish may have run at the same time): run this again to see where it stands.`;
  return null;
}
