// The notifier's settings as its environment names them, from the tab's configuration: shared by "Chase now"
// and the date-change notices, which send through the same Graph channel.
import type { TabConfig } from "./config.ts";

/** The notifier's settings as named in its environment, from the tab's configuration. */
export function notifySettingsOf(config: TabConfig): Record<string, string> {
  const given: Record<string, string | undefined> = {
    ACTIONPLAN_TEAMS_APP_ID: config.teamsAppId,
    ACTIONPLAN_TEAMS_CATALOG_ID: config.teamsCatalogAppId,
    ACTIONPLAN_UPDATE_FORM_URL: config.updateFormUrl,
    // Against the sandbox its own Graph is the default; in a tenant the configured (or public) Graph.
    ACTIONPLAN_GRAPH_URL: config.clockUrl === undefined ? config.graphUrl : undefined,
  };
  return Object.fromEntries(
    Object.entries(given).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
