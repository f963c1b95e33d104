// The tab's configuration, read once at start-up from config.json beside index.html and checked with a
// schema, so a deployment with a missing or wrong setting fails with the list of what is wrong. In the local
// sandbox the sandbox serves config.json; in a tenant `npm run package` writes it beside the app package
// (dist/appPackage/config.json) from the same settings, to be put beside index.html.
import { z } from "../../lib/zod.ts";
import { officerPredicate } from "../../lib/zod-words.ts";

const httpUrl = () => z.url({ protocol: /^https?$/, error: "must be a full http(s) address" });

const configSchema = z.object({
  /** The SharePoint site holding the app's lists, e.g. https://contoso.sharepoint.com/sites/improvement. */
  siteUrl: z.pipe(
    httpUrl(),
    z.transform((url) => url.replace(/\/+$/, "")),
  ),
  /**
   * Where "today" comes from when it is not the real date: the sandbox's clock (the demo runs in 2024).
   * Absent in a tenant, where today is the date in Europe/London.
   */
  clockUrl: z.optional(httpUrl()),
  /**
   * The Entra app the tab signs in as with Nested App Authentication (its client id). Absent, the tab uses
   * the host's own token (the local Teams host answers it with a SharePoint token).
   */
  auth: z.optional(z.object({ clientId: z.uuid("must be a GUID (the Entra app's client id)") })),
  /** The Teams app's manifest id, for the links on reminder cards sent by "Chase now". */
  teamsAppId: z.optional(z.uuid("must be a GUID (the Teams app's manifest id)")),
  /**
   * The Teams app's id in the organisation's catalog (Teams admin centre's App ID): "Chase now"'s card buttons
   * open the app by it, as Teams opens an organisation's app. Known only once the app is in the catalog.
   */
  teamsCatalogAppId: z.optional(
    z.uuid("must be a GUID (the Teams app's App ID in the Teams admin centre, not its manifest id)"),
  ),
  /** The update form's page, opened in a Teams dialog from reminder cards ("<tab>/?view=update"). */
  updateFormUrl: z.optional(httpUrl()),
  /** Microsoft Graph's root; national clouds differ. */
  graphUrl: z._default(httpUrl(), "https://graph.microsoft.com"),
});

export type TabConfig = z.infer<typeof configSchema>;

/** A configuration that is missing or invalid, with one line per problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The tab's configuration is not usable: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Check a parsed config.json; throws ConfigError listing every problem. */
export function parseTabConfig(value: unknown): TabConfig {
  const result = configSchema.safeParse(value, { error: officerPredicate });
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join(".") || "config.json"}: ${issue.message}`),
  );
}

/** Fetch and check config.json from beside the page. */
export async function loadTabConfig(baseUri: string = document.baseURI): Promise<TabConfig> {
  const response = await fetch(new URL("config.json", baseUri), { cache: "no-cache" });
  if (!response.ok)
    throw new ConfigError([`config.json could not be read (HTTP ${String(response.status)})`]);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ConfigError(["config.json is not valid JSON"]);
  }
  return parseTabConfig(body);
}
