// The notifier's settings, from the environment, checked once with a schema. Against the sandbox every one
// has a default (the sandbox's catalog app, its tab); against a tenant the app's ids and the update form's
// address must be given, and a missing one is named.
import { z } from "../../lib/zod.ts";
import type { CardLinks } from "../cards/index.ts";
import { officerPredicate, settingProblems } from "../../lib/zod-words.ts";

/** The Teams app the sandbox's catalog holds (src/sandbox/graph/catalog.ts): its manifest id. */
export const SANDBOX_TEAMS_APP_ID = "5c0f3dd7-0b1a-4e16-8bc9-64ac67cdf211";
/** The same app's id in the sandbox's catalog (Graph's teamsApp.id): what its deep links address. */
export const SANDBOX_TEAMS_CATALOG_ID = "4b2408d1-9194-44e0-99bb-243a591a5d2a";
/** The Entra app the sandbox issues app-only tokens for, and whose Teams app may notify. */
export const SANDBOX_CLIENT_ID = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";
/** The entityId of the "My actions" personal tab in the app manifest. */
export const DEFAULT_TAB_ENTITY_ID = "myActions";

/** What ACTIONPLAN_TEAMS_CATALOG_ID is and where to find it, as a missing one is named. */
const CATALOG_ID_MEANING =
  "the Teams app's id in the organisation's catalog (Teams admin centre → Manage apps → the app → App ID; `actionplan deploy`, `actionplan teams-app publish` and `actionplan doctor` print it)";

const settingsSchema = z.object({
  /** The Teams app's manifest id: activity notifications find the app in the catalog by it. */
  ACTIONPLAN_TEAMS_APP_ID: z.uuid("the Teams app's manifest id"),
  /**
   * The app's id in the organisation's catalog (Graph's teamsApp.id, not the manifest id): Teams opens an
   * organisation's app from a deep link by this id (Microsoft Learn, "Deep link to an application").
   */
  ACTIONPLAN_TEAMS_CATALOG_ID: z.uuid(CATALOG_ID_MEANING),
  /** The personal tab's entityId in the manifest. */
  ACTIONPLAN_TAB_ENTITY_ID: z._default(z.string().check(z.minLength(1)), DEFAULT_TAB_ENTITY_ID),
  /** The page showing the update form in a dialog; the action's id is added to it. */
  ACTIONPLAN_UPDATE_FORM_URL: z.url({ protocol: /^https?$/ }),
  /** Graph's root (national clouds differ). */
  ACTIONPLAN_GRAPH_URL: z._default(z.url({ protocol: /^https?$/ }), "https://graph.microsoft.com"),
  /** Who escalations go to when an SRO has no manager; otherwise chosen from the site's Owners. */
  ACTIONPLAN_COORDINATOR: z.optional(z.email()),
  /**
   * How long a run's hold on the site's reminders lasts unrenewed, in seconds (run-lease.ts): how long a
   * killed run holds up the next one.
   */
  ACTIONPLAN_LEASE_SECONDS: z.optional(
    z.coerce.number("a number of seconds").check(z.int(), z.gte(2), z.lte(3600)),
  ),
});

/** The same settings before the app is in the catalog: the catalog id may be missing (doctor finds it). */
const catalogCheckSchema = z.extend(settingsSchema, {
  ACTIONPLAN_TEAMS_CATALOG_ID: z.optional(z.uuid(CATALOG_ID_MEANING)),
});

/** The notifier's settings, checked. */
export type NotifySettings = z.infer<typeof settingsSchema>;
/** The settings for checking the app in the catalog, where the catalog id is what is being looked for. */
export type CatalogCheckSettings = z.infer<typeof catalogCheckSchema>;

/** Read the settings for a site: sandbox defaults for a local site, required values for a tenant. */
export function readNotifySettings(
  siteUrl: string,
  sandbox: boolean,
  env: NodeJS.ProcessEnv = process.env,
): NotifySettings {
  return readWith(settingsSchema, siteUrl, sandbox, env);
}

/** As readNotifySettings, but a tenant's ACTIONPLAN_TEAMS_CATALOG_ID may be missing: for `doctor`. */
export function readCatalogCheckSettings(
  siteUrl: string,
  sandbox: boolean,
  env: NodeJS.ProcessEnv = process.env,
): CatalogCheckSettings {
  return readWith(catalogCheckSchema, siteUrl, sandbox, env);
}

function readWith<S extends z.ZodMiniType>(
  schema: S,
  siteUrl: string,
  sandbox: boolean,
  env: NodeJS.ProcessEnv,
): z.infer<S> {
  const origin = new URL(siteUrl).origin;
  const defaults: Record<string, string> = sandbox
    ? {
        ACTIONPLAN_TEAMS_APP_ID: SANDBOX_TEAMS_APP_ID,
        ACTIONPLAN_TEAMS_CATALOG_ID: SANDBOX_TEAMS_CATALOG_ID,
        ACTIONPLAN_UPDATE_FORM_URL: `${origin}/tab/?view=update`,
        ACTIONPLAN_GRAPH_URL: `${origin}/graph`,
      }
    : {};
  const given = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name.startsWith("ACTIONPLAN_") && value !== ""),
  );
  const result = schema.safeParse({ ...defaults, ...given }, { error: officerPredicate });
  if (result.success) return result.data;
  const problems = settingProblems(result.error.issues);
  throw new SettingsError(`reminders need these settings:\n${problems.join("\n")}`);
}

/** A setting is missing or malformed; the message lists every one. */
export class SettingsError extends Error {}

/** The card links the settings give: deep links address the app by its catalog id. */
export function cardLinksOf(settings: NotifySettings): CardLinks {
  return {
    catalogAppId: settings.ACTIONPLAN_TEAMS_CATALOG_ID,
    manifestAppId: settings.ACTIONPLAN_TEAMS_APP_ID,
    myActionsEntityId: settings.ACTIONPLAN_TAB_ENTITY_ID,
    updateFormUrl: settings.ACTIONPLAN_UPDATE_FORM_URL,
  };
}
