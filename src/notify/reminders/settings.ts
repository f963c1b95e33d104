// The notifier's settings, from the environment, checked once with a schema. Against the sandbox every one
// has a default (the sandbox's catalog app, its tab); against a tenant the app's ids and the update form's
// address must be given, and a missing one is named.
import { z } from "../../lib/zod.ts";
import type { CardLinks } from "../cards/index.ts";
import { officerPredicate, settingProblems } from "../../lib/zod-words.ts";

/** The Teams app the sandbox's catalog holds (src/sandbox/graph/catalog.ts): its manifest id. */
export const SANDBOX_TEAMS_APP_ID = "5c0f3dd7-0b1a-4e16-8bc9-64ac67cdf211";
/** The Entra app the sandbox issues app-only tokens for, and whose Teams app may notify. */
export const SANDBOX_CLIENT_ID = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";
/** The entityId of the "My actions" personal tab in the app manifest. */
export const DEFAULT_TAB_ENTITY_ID = "myActions";

const settingsSchema = z.object({
  /** The Teams app's manifest id: deep links open it, and activity notifications find it in the catalog. */
  ACTIONPLAN_TEAMS_APP_ID: z.uuid("the Teams app's manifest id"),
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

/** The notifier's settings, checked. */
export type NotifySettings = z.infer<typeof settingsSchema>;

/** Read the settings for a site: sandbox defaults for a local site, required values for a tenant. */
export function readNotifySettings(
  siteUrl: string,
  sandbox: boolean,
  env: NodeJS.ProcessEnv = process.env,
): NotifySettings {
  const origin = new URL(siteUrl).origin;
  const defaults: Record<string, string> = sandbox
    ? {
        ACTIONPLAN_TEAMS_APP_ID: SANDBOX_TEAMS_APP_ID,
        ACTIONPLAN_UPDATE_FORM_URL: `${origin}/tab/?view=update`,
        ACTIONPLAN_GRAPH_URL: `${origin}/graph`,
      }
    : {};
  const given = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name.startsWith("ACTIONPLAN_") && value !== ""),
  );
  const result = settingsSchema.safeParse({ ...defaults, ...given }, { error: officerPredicate });
  if (result.success) return result.data;
  const problems = settingProblems(result.error.issues);
  throw new SettingsError(`reminders need these settings:\n${problems.join("\n")}`);
}

/** A setting is missing or malformed; the message lists every one. */
export class SettingsError extends Error {}

/** The card links the settings give. */
export function cardLinksOf(settings: NotifySettings): CardLinks {
  return {
    appId: settings.ACTIONPLAN_TEAMS_APP_ID,
    myActionsEntityId: settings.ACTIONPLAN_TAB_ENTITY_ID,
    updateFormUrl: settings.ACTIONPLAN_UPDATE_FORM_URL,
  };
}
