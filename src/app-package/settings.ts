// The app package's settings, from the environment, checked once with a schema: the committed manifest is a
// template, and these fill it. Left unset, each takes the sandbox's value, so `npm run package` works on a
// fresh clone; a council sets them for its tenant, and a malformed one is named in the error.
import { z } from "zod";
import { isLocalPage } from "../notify/cards/deep-links.ts";
import {
  DEFAULT_TAB_ENTITY_ID,
  SANDBOX_CLIENT_ID,
  SANDBOX_TEAMS_APP_ID,
} from "../notify/reminders/settings.ts";
import { officerPredicate } from "../lib/zod-words.ts";

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
  /** The Teams app's manifest id: what deep links and the org catalog know the app by. */
  ACTIONPLAN_TEAMS_APP_ID: z.uuid("must be a GUID (the Teams app's manifest id)"),
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
  /** The council's privacy notice; the tab's address when not given. */
  ACTIONPLAN_PRIVACY_URL: pageUrl.optional(),
  /** The app's terms of use; the tab's address when not given. */
  ACTIONPLAN_TERMS_URL: pageUrl.optional(),
  /**
   * The SharePoint site holding the app's lists. Given, `npm run package` also writes the tab's config.json
   * (the site, the Entra app it signs in as with Nested App Authentication, and "Chase now"'s links).
   */
  ACTIONPLAN_SITE_URL: z
    .url({ protocol: /^https$/, error: "must be the site's full https:// address" })
    .refine(noQueryOrFragment, "must have no query string or #fragment")
    .optional(),
  /** Microsoft Graph's root for national clouds; the public Graph when not given. */
  ACTIONPLAN_GRAPH_URL: z.url({ protocol: /^https$/, error: "must be a full https:// address" }).optional(),
});

/** The package settings, checked, with the tab's address ending in "/". */
export interface PackageSettings {
  teamsAppId: string;
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

/** Read and check the package settings; unset ones take the sandbox's values. */
export function readPackageSettings(env: NodeJS.ProcessEnv = process.env): PackageSettings {
  const given = Object.fromEntries(
    Object.keys(settingsSchema.shape).flatMap((name) => {
      const value = env[name]?.trim();
      return value === undefined || value === "" ? [] : [[name, value]];
    }),
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
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new PackageSettingsError(`The app package needs these settings fixed:\n${problems.join("\n")}`);
  }
  const s = result.data;
  const tabUrl = s.ACTIONPLAN_TAB_URL.endsWith("/") ? s.ACTIONPLAN_TAB_URL : `${s.ACTIONPLAN_TAB_URL}/`;
  return {
    teamsAppId: s.ACTIONPLAN_TEAMS_APP_ID.toLowerCase(),
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
 * Authentication, and the Teams app and update form that "Chase now"'s reminder cards link to.
 */
export function tabConfigFor(settings: PackageSettings): Record<string, unknown> | null {
  if (settings.siteUrl === null) return null;
  return {
    siteUrl: settings.siteUrl,
    auth: { clientId: settings.clientId },
    teamsAppId: settings.teamsAppId,
    updateFormUrl: `${settings.tabUrl}?view=update`,
    ...(settings.graphUrl === null ? {} : { graphUrl: settings.graphUrl }),
  };
}
