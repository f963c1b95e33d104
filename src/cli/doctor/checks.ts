// What `actionplan doctor` checks of a tenant's set-up, each check one line in words: what is wrong and
// what to do. Every check runs even when an earlier one failed, so the administrator gets the whole list.
import type { Client } from "@microsoft/microsoft-graph-client";
import { z } from "zod";
import { describeCliError } from "../errors.ts";
import { consentLine, type ConsentTarget } from "./consent.ts";
import { APP_SITE_ROLE, missingPermissions, type Resource } from "../../lib/permissions.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import { catalogAppId, catalogIdMismatch, installedFor } from "../../notify/reminders/channels.ts";
import type { DataContext, TokenSource } from "../../sharepoint/core/index.ts";
import type { SroPostRecord } from "../../sharepoint/plans/index.ts";
import { checkSite } from "../../sharepoint/provision/index.ts";
import { parseTabConfig } from "../../tab/lib/config.ts";

export interface CheckResult {
  check: string;
  ok: boolean;
  /** One line per problem (or, when ok, what was found). */
  lines: string[];
  /** Passed, but worth a look (not counted as a failure). */
  warnings?: string[];
}

const claimsSchema = z.looseObject({
  scp: z.string().optional(),
  roles: z.array(z.string()).optional(),
  upn: z.string().optional(),
  preferred_username: z.string().optional(),
  appid: z.string().optional(),
  azp: z.string().optional(),
  tid: z.string().optional(),
  aud: z.string().optional(),
});
export type TokenClaims = z.infer<typeof claimsSchema>;

/** The claims of an access token (a JWT); its signature is the service's to check, not ours. */
export function tokenClaims(token: string): TokenClaims {
  const payload = token.split(".")[1];
  if (payload === undefined) throw new Error("the token is not a JWT");
  return claimsSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
}

/**
 * The token's permissions against the one permissions table, for a person (`scp`) or the app (`roles`); what
 * it lacks is said with who may consent to it, and where (`consent`: the tenant and app registration, else
 * the token's own `tid` and `appid`).
 */
export async function checkToken(
  resource: Resource,
  getToken: TokenSource,
  consent?: ConsentTarget,
): Promise<CheckResult> {
  const check = `${resource} token`;
  let claims: TokenClaims;
  try {
    claims = tokenClaims(await getToken());
  } catch (error) {
    return { check, ok: false, lines: [`no ${resource} token: ${describeCliError(error)}`] };
  }
  const app = claims.scp === undefined;
  const granted = claims.scp?.split(" ").filter(Boolean) ?? claims.roles ?? [];
  // A person's SharePoint token is held to the tab's AllSites.Manage, which every command but `provision`
  // needs (AllSites.FullControl, broader and provision's, is enough too).
  const way = app ? "app" : resource === "SharePoint" ? "tab" : "person";
  const lacking = missingPermissions(way, resource, granted);
  const who = app
    ? `the app ${claims.appid ?? ""}`.trim()
    : (claims.upn ?? claims.preferred_username ?? "a person");
  const kind = app ? "application" : "delegated";
  if (lacking.length === 0)
    return { check, ok: true, lines: [`${who} holds ${granted.join(", ") || "(none)"}`] };
  const tenantId = consent?.tenantId ?? claims.tid;
  const clientId = consent?.clientId ?? claims.appid ?? claims.azp;
  return {
    check,
    ok: false,
    lines: [
      ...lacking.map(
        (p) =>
          `${who} lacks the ${kind} permission ${resource} ${p.name} (${p.why}): add it to the app registration's API permissions and grant admin consent`,
      ),
      consentLine(
        kind,
        resource,
        tenantId === undefined || clientId === undefined ? null : { tenantId, clientId },
      ),
    ],
  };
}

/**
 * The lists, columns, indexes, versioning and permissions `provision` sets. Signed in as the app (`asApp`),
 * whose grant does not reach who may write each list (Full Control's), that is said, not failed.
 */
export async function checkLists(
  ctx: DataContext,
  reminderSender?: string,
  asApp = false,
): Promise<CheckResult> {
  const check = "lists";
  try {
    const site = await checkSite(ctx.sp, reminderSender === undefined ? {} : { reminderSender });
    const lines = [
      ...site.missing.map((m) => `not yet done: ${m}; run \`actionplan provision\``),
      ...site.problems,
    ];
    return lines.length === 0
      ? { check, ok: true, lines: ["every list, column, index and permission is as provision sets it"] }
      : { check, ok: false, lines };
  } catch (error) {
    if (asApp && error instanceof RemoteError && error.isAppPermissionRefusal)
      return {
        check,
        ok: true,
        lines: [
          `not checked: signed in as the app, whose \`${APP_SITE_ROLE}\` grant does not reach who may write each list (Full Control's)`,
        ],
        warnings: [
          "check the lists as a site Owner: run doctor without ACTIONPLAN_CERT_PATH and --app (the app's own checks are above)",
        ],
      };
    return { check, ok: false, lines: [`cannot read the site's lists: ${describeCliError(error)}`] };
  }
}

/** Every SRO post has a holder: a post without one gets no reminders, and its actions are nobody's. */
export async function checkPosts(read: Promise<readonly SroPostRecord[]>): Promise<CheckResult> {
  const check = "SRO posts";
  try {
    const posts = await read;
    const vacant = posts.filter((p) => p.holderUpn === null);
    if (vacant.length === 0)
      return { check, ok: true, lines: [`${String(posts.length)} post(s), each with a holder`] };
    return {
      check,
      ok: false,
      lines: vacant.map(
        (p) =>
          `the post "${p.title}" has no holder, so its actions get no reminders: set one with \`actionplan post hold --post "${p.title}" --holder <upn>\` or in the tab (Plan → SRO posts)`,
      ),
    };
  } catch (error) {
    return { check, ok: false, lines: [`cannot read the SRO posts: ${describeCliError(error)}`] };
  }
}

/** The tab's config.json, beside its index.html, is reachable and names this site (and this app). */
export async function checkTabConfig(
  tabUrl: string,
  siteUrl: string,
  clientId: string | undefined,
): Promise<CheckResult> {
  const check = "tab's config.json";
  const url = new URL("config.json", tabUrl.endsWith("/") ? tabUrl : `${tabUrl}/`).href;
  let body: unknown;
  try {
    const response = await fetch(url, { cache: "no-cache" });
    if (!response.ok)
      return {
        check,
        ok: false,
        lines: [
          `${url} answered HTTP ${String(response.status)}: put the config.json \`npm run package\` wrote beside the tab's index.html`,
        ],
      };
    body = await response.json();
  } catch (error) {
    return { check, ok: false, lines: [`cannot read ${url}: ${describeCliError(error)}`] };
  }
  let config;
  try {
    config = parseTabConfig(body);
  } catch (error) {
    return { check, ok: false, lines: [`${url} is not usable: ${(error as Error).message}`] };
  }
  const lines: string[] = [];
  if (config.siteUrl.toLowerCase() !== siteUrl.toLowerCase())
    lines.push(
      `${url} names the site ${config.siteUrl}, not ${siteUrl}: run \`npm run package\` with ACTIONPLAN_SITE_URL=${siteUrl} and upload its config.json`,
    );
  if (clientId !== undefined && config.auth?.clientId.toLowerCase() !== clientId.toLowerCase())
    lines.push(
      `${url} signs in as the app ${config.auth?.clientId ?? "(none)"}, not ACTIONPLAN_CLIENT_ID ${clientId}: package again and upload its config.json`,
    );
  return lines.length === 0
    ? { check, ok: true, lines: [`${url} names ${config.siteUrl}`] }
    : { check, ok: false, lines };
}

/**
 * The Teams app is in the organisation's catalog, under the catalog id the settings give its deep links
 * (`catalogIdSetting`, ACTIONPLAN_TEAMS_CATALOG_ID: found here when not yet set), and installed for the SROs
 * (`holders`; the activity feed needs it). With `holders` null (the chat channel, which installs nothing) a
 * token that may not read the catalog (a person's, without AppCatalog.Read.All) leaves it unchecked, a warning.
 */
export async function checkTeamsApp(
  graph: Client,
  ids: { manifestId: string; catalogIdSetting: string | undefined },
  holders: readonly string[] | null,
): Promise<CheckResult> {
  const check = "Teams app";
  const teamsAppId = ids.manifestId;
  let catalogId: string | null;
  try {
    catalogId = await catalogAppId(graph, teamsAppId);
  } catch (error) {
    if (holders === null && error instanceof RemoteError && error.status === 403)
      return {
        check,
        ok: true,
        lines: ["not checked: Graph refused this token the organisation's app catalog (HTTP 403)"],
        warnings: [
          "the catalog id card buttons open the app by (ACTIONPLAN_TEAMS_CATALOG_ID) is not checked: run doctor with --app, whose AppCatalog.Read.All reads the catalog",
        ],
      };
    return { check, ok: false, lines: [`cannot read the app catalog: ${describeCliError(error)}`] };
  }
  if (catalogId === null)
    return {
      check,
      ok: false,
      lines: [
        `the Teams app ${teamsAppId} is not in the organisation's app catalog: upload dist/appPackage/action-plan-tracker.zip in the Teams admin centre (Teams apps → Manage apps → Upload new app)`,
      ],
    };
  if (ids.catalogIdSetting === undefined)
    return {
      check,
      ok: false,
      lines: [
        `the Teams app ${teamsAppId} is in the catalog as ${catalogId}, and ACTIONPLAN_TEAMS_CATALOG_ID is not set: set it to ${catalogId} for the daily job (the Function App's setting) and for \`npm run package\` (config.json's teamsCatalogAppId), as card buttons open the app by it`,
      ],
    };
  const mismatch = catalogIdMismatch(
    { catalogAppId: ids.catalogIdSetting, manifestAppId: teamsAppId },
    catalogId,
  );
  if (mismatch !== null) return { check, ok: false, lines: [mismatch] };
  const idLine = `catalog id ${catalogId} (deep links use it: ACTIONPLAN_TEAMS_CATALOG_ID)`;
  if (holders === null) return { check, ok: true, lines: ["in the catalog", idLine] };
  const without: string[] = [];
  for (const upn of holders) {
    try {
      if (!(await installedFor(graph, upn, catalogId))) without.push(upn);
    } catch (error) {
      return { check, ok: false, lines: [`cannot read ${upn}'s Teams apps: ${describeCliError(error)}`] };
    }
  }
  return {
    check,
    ok: true,
    lines: [
      `in the catalog; installed for ${String(holders.length - without.length)} of ${String(holders.length)} SRO(s)`,
      idLine,
    ],
    ...(without.length === 0
      ? {}
      : {
          warnings: [
            `not yet installed for ${without.join(", ")}: the daily job installs it before their first notification (or pin it for everyone with a setup policy in the Teams admin centre)`,
          ],
        }),
  };
}
