// The app package's settings, from the environment, checked once with a schema: the committed manifest is a
// template, and these fill it. With no tab address, or a localhost one, unset settings take the sandbox's
// values, so `npm run package` works on a fresh clone (and says it packaged for the sandbox). For any other
// tab address the package is for a tenant: the settings naming the council's apps and the council itself
// must be given, and a sandbox value is refused, so nothing half-local is ever uploaded to Teams.
import { z } from "zod";
import { isLocalPage } from "../notify/cards/deep-links.ts";
import {
  DEFAULT_TAB_ENTITY_ID,
  SANDBOX_CLIENT_ID,
  SANDBOX_TEAMS_APP_ID,
  SANDBOX_TEAMS_CATALOG_ID,
} from "../notify/reminders/settings.ts";
import { officerPredicate, settingProblems } from "../lib/zod-words.ts";

/** Where the sandbox serves the built tab when run with `npm start`. */
export const SANDBOX_TAB_URL = "http://localhost:4300/tab/";

// Teams frames only HTTPS pages; plain http is accepted for a local sandbox alone (as the cards' links are).
const pageUrl = z.url({ protocol: /^https?$/, error: "must be a full http(s) address" }).refine((value) => {
  const url = new URL(value);
  return url.protocol === "https:" || isLocalPage(url);
}, "must use https:// (Teams frames only HTTPS pages; http is allowed for localhost alone)");

// The tab's and the site's addresses are bases that paths and queries are added to.
const noQueryOrFragment = (value: string) => {
  const url = new URL(value);
  return url.search === "" && url.hash === "";
};

const settingsSchema = z.object({
  /** The Teams app's manifest id: the package's own id (the catalog gives the app another, its catalog id). */
  ACTIONPLAN_TEAMS_APP_ID: z.uuid("must be a GUID (the Teams app's manifest id)"),
  /**
   * The app's id in the organisation's catalog (Teams admin centre → Manage apps → the app → App ID), which
   * "Chase now"'s card buttons open it by (into config.json). Known only once the app is in the catalog.
   */
  ACTIONPLAN_TEAMS_CATALOG_ID: z
    .uuid("must be a GUID (the App ID the Teams admin centre shows for the app, not its manifest id)")
    .optional(),
  /** The Entra app registration of the tab (single sign-on, Nested App Authentication). */
  ACTIONPLAN_CLIENT_ID: z.uuid("must be a GUID (the Entra app's client id)"),
  /** The base address of the built tab; its views are chosen by query string. */
  ACTIONPLAN_TAB_URL: pageUrl.refine(
    noQueryOrFragment,
    "must have no query string or #fragment (the tab adds ?view=… itself)",
  ),
  /** The "My actions" personal tab's entityId, which the reminder cards' deep links name. */
  ACTIONPLAN_TAB_ENTITY_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, "must be 1 to 64 letters, digits, dots, dashes or underscores")
    .default(DEFAULT_TAB_ENTITY_ID),
  /** Who publishes the app, as Teams shows it (at most 32 characters): the council, e.g. "Northbridge Council". */
  ACTIONPLAN_DEVELOPER_NAME: z.string().max(32, "must be at most 32 characters (Teams' limit)").optional(),
  /** The publisher's website; the tab's address when not given. */
  ACTIONPLAN_DEVELOPER_URL: pageUrl.optional(),
  /** The package's version (x.y.z); each upload to Teams must be higher than the last. package.json's when not given. */
  ACTIONPLAN_APP_VERSION: z
    .string()
    .regex(/^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/, "must be a version such as 1.4.0")
    .optional(),
  /** The council's privacy notice; the tab's address when not given. */
  ACTIONPLAN_PRIVACY_URL: pageUrl.optional(),
  /** The app's terms of use; the tab's address when not given. */
  ACTIONPLAN_TERMS_URL: pageUrl.optional(),
  /**
   * The SharePoint site holding the app's lists. Given, `npm run package` also writes the tab's config.json
   * (the site, the Entra app it signs in as with Nested App Authentication, and "Chase now"'s links).
   */
  ACTIONPLAN_SITE_URL: z
    .url({ protocol: /^https?$/, error: "must be the site's full https:// address" })
    .refine(
      (value) => value.startsWith("https:") || isLocalPage(new URL(value)),
      "must be the site's full https:// address",
    )
    .refine(noQueryOrFragment, "must have no query string or #fragment")
    .optional(),
  /** Microsoft Graph's root for national clouds; the public Graph when not given. */
  ACTIONPLAN_GRAPH_URL: z.url({ protocol: /^https$/, error: "must be a full https:// address" }).optional(),
});

/** The package settings, checked, with the tab's address ending in "/". */
export interface PackageSettings {
  /** For a real tenant (the tab is not on localhost), not the sandbox. */
  forTenant: boolean;
  teamsAppId: string;
  /** ACTIONPLAN_TEAMS_CATALOG_ID, when given: config.json's teamsCatalogAppId. */
  teamsCatalogAppId: string | null;
  developerName: string;
  developerUrl: string;
  /** ACTIONPLAN_APP_VERSION, when given. */
  version: string | null;
  clientId: string;
  tabUrl: string;
  tabEntityId: string;
  privacyUrl: string;
  termsUrl: string;
  /** The SharePoint site, when given: the tab's config.json is written for it. */
  siteUrl: string | null;
  graphUrl: string | null;
}

/** A setting is missing or malformed; the message names every one. */
export class PackageSettingsError extends Error {}

/** What a package for a tenant must be given: the sandbox's values would leave it half-local. */
const TENANT_REQUIRED = {
  ACTIONPLAN_TEAMS_APP_ID: "the Teams app's id (a new GUID of the council's; the sandbox's is refused)",
  ACTIONPLAN_CLIENT_ID: "the Application (client) ID of the council's Entra app for the tab",
  ACTIONPLAN_DEVELOPER_NAME: "the council's name as Teams shows the publisher (at most 32 characters)",
  // Teams shows these three to every user who adds the app; the tab's own address would be a dead end.
  ACTIONPLAN_DEVELOPER_URL: "the council's website, https://…",
  ACTIONPLAN_PRIVACY_URL:
    "the council's privacy notice covering this app, https://… (docs/data-inventory.md lists what it holds)",
  ACTIONPLAN_TERMS_URL:
    "the terms of use staff agree to (e.g. the council's acceptable use policy), https://…",
} as const;

const SANDBOX_VALUES: Partial<Record<keyof typeof TENANT_REQUIRED, string>> = {
  ACTIONPLAN_TEAMS_APP_ID: SANDBOX_TEAMS_APP_ID,
  ACTIONPLAN_CLIENT_ID: SANDBOX_CLIENT_ID,
};

/** The settings a tenant's package lacks, or has with the sandbox's values, each with what it is. */
function tenantProblems(given: Record<string, string>): string[] {
  return Object.entries(TENANT_REQUIRED).flatMap(([name, what]) => {
    const value = given[name];
    if (value === undefined) return [`  ${name}: not set; set it to ${what}`];
    const sandbox = SANDBOX_VALUES[name as keyof typeof TENANT_REQUIRED];
    return sandbox !== undefined && value.toLowerCase() === sandbox.toLowerCase()
      ? [`  ${name}: is the sandbox's value; set it to ${what}`]
      : [];
  });
}

/** Whether the tab's address (given, or the sandbox's) is on this machine. */
function isLocalTab(value: string | undefined): boolean {
  if (value === undefined) return true;
  try {
    return isLocalPage(new URL(value));
  } catch {
    return false;
  }
}

/**
 * Read and check the package settings. For the sandbox (no tab address, or a localhost one) unset ones take
 * the sandbox's values; for a tenant, TENANT_REQUIRED must be given and not be the sandbox's.
 */
export function readPackageSettings(env: NodeJS.ProcessEnv = process.env): PackageSettings {
  const given: Record<string, string> = Object.fromEntries(
    Object.keys(settingsSchema.shape).flatMap((name) => {
      const value = env[name]?.trim();
      return value === undefined || value === "" ? [] : [[name, value]];
    }),
  );
  const forTenant = !isLocalTab(given.ACTIONPLAN_TAB_URL);
  const missing = forTenant ? tenantProblems(given) : [];
  if (forTenant && given.ACTIONPLAN_TEAMS_CATALOG_ID?.toLowerCase() === SANDBOX_TEAMS_CATALOG_ID)
    missing.push(
      "  ACTIONPLAN_TEAMS_CATALOG_ID: is the sandbox's value; set it to the App ID the Teams admin centre shows for the council's app (Manage apps), or leave it unset until the app is published",
    );
  if (forTenant && given.ACTIONPLAN_SITE_URL !== undefined && isLocalTab(given.ACTIONPLAN_SITE_URL))
    missing.push(
      "  ACTIONPLAN_SITE_URL: is on this machine (the sandbox's); a tenant's tab needs the council's https:// SharePoint site",
    );
  const result = settingsSchema.safeParse(
    {
      ACTIONPLAN_TEAMS_APP_ID: SANDBOX_TEAMS_APP_ID,
      ACTIONPLAN_CLIENT_ID: SANDBOX_CLIENT_ID,
      ACTIONPLAN_TAB_URL: SANDBOX_TAB_URL,
      ...given,
    },
    { error: officerPredicate },
  );
  if (!result.success || missing.length > 0) {
    const malformed = result.success ? [] : settingProblems(result.error.issues);
    const why = forTenant ? ` for the tab at ${given.ACTIONPLAN_TAB_URL ?? ""}` : "";
    throw new PackageSettingsError(
      `The app package${why} needs these settings fixed:\n${[...missing, ...malformed].join("\n")}`,
    );
  }
  const s = result.data;
  const tabUrl = s.ACTIONPLAN_TAB_URL.endsWith("/") ? s.ACTIONPLAN_TAB_URL : `${s.ACTIONPLAN_TAB_URL}/`;
  return {
    forTenant,
    teamsAppId: s.ACTIONPLAN_TEAMS_APP_ID.toLowerCase(),
    teamsCatalogAppId: s.ACTIONPLAN_TEAMS_CATALOG_ID?.toLowerCase() ?? null,
    developerName: s.ACTIONPLAN_DEVELOPER_NAME ?? "Action Plan Tracker",
    developerUrl: s.ACTIONPLAN_DEVELOPER_URL ?? tabUrl,
    version: s.ACTIONPLAN_APP_VERSION ?? null,
    clientId: s.ACTIONPLAN_CLIENT_ID.toLowerCase(),
    tabUrl,
    tabEntityId: s.ACTIONPLAN_TAB_ENTITY_ID,
    privacyUrl: s.ACTIONPLAN_PRIVACY_URL ?? tabUrl,
    termsUrl: s.ACTIONPLAN_TERMS_URL ?? tabUrl,
    siteUrl: s.ACTIONPLAN_SITE_URL?.replace(/\/+$/, "") ?? null,
    graphUrl: s.ACTIONPLAN_GRAPH_URL ?? null,
  };
}

/**
 * The tab's config.json for a tenant (read by src/tab/lib/config.ts): the site, the Entra app for Nested App
 * Authentication, and the Teams app (its manifest and catalog ids) and update form that "Chase now"'s
 * reminder cards link to.
 */
export function tabConfigFor(settings: PackageSettings): Record<string, unknown> | null {
  if (settings.siteUrl === null) return null;
  return {
    siteUrl: settings.siteUrl,
    auth: { clientId: settings.clientId },
    teamsAppId: settings.teamsAppId,
    ...(settings.teamsCatalogAppId === null ? {} : { teamsCatalogAppId: settings.teamsCatalogAppId }),
    updateFormUrl: `${settings.tabUrl}?view=update`,
    ...(settings.graphUrl === null ? {} : { graphUrl: settings.graphUrl }),
  };
}

/**
 * The warning for a tenant's config.json written without the app's catalog id, or null: "Chase now" refuses
 * to send until config.json has it, and it is known only once the app is in the organisation's catalog.
 */
export function catalogIdWarning(settings: PackageSettings): string | null {
  if (!settings.forTenant || settings.siteUrl === null || settings.teamsCatalogAppId !== null) return null;
  return 'Warning: config.json has no teamsCatalogAppId, so "Chase now" in the tab will refuse to send until it has: once the app is published to your organisation\'s catalog, set ACTIONPLAN_TEAMS_CATALOG_ID to the App ID the Teams admin centre shows for it (Teams apps → Manage apps → Action Plan Tracker; `actionplan teams-app publish` prints it too) and run `npm run package -- site` again.';
}
