// The tab's configuration, read once at start-up from config.json beside index.html and checked with a
// schema, so a deployment with a missing or wrong setting fails with the list of what is wrong. In the local
// sandbox the sandbox serves config.json; in a tenant it is written when the tab is deployed.
import { z } from "zod";

const configSchema = z.object({
  /** The SharePoint site holding the app's lists, e.g. https://contoso.sharepoint.com/sites/improvement. */
  siteUrl: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, "")),
  /**
   * Where "today" comes from when it is not the real date: the sandbox's clock (the demo runs in 2024).
   * Absent in a tenant, where today is the date in Europe/London.
   */
  clockUrl: z.url({ protocol: /^https?$/ }).optional(),
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
  const result = configSchema.safeParse(value);
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
