// The Graph client an import reads the directory with (src/notify/directory.ts), as the person running
// the command, at the Graph root for the site.
import type { Client } from "@microsoft/microsoft-graph-client";
import { createGraphClient } from "../../notify/graph-client.ts";
import { graphTokenSourceFor, isSandboxSite } from "../auth.ts";

export { loadDirectory, type DirectoryPerson } from "../../notify/directory.ts";

/** Graph's root for a site: ACTIONPLAN_GRAPH_URL, else the sandbox's own, else Microsoft Graph. */
export function graphUrlFor(site: string): string {
  const given = process.env.ACTIONPLAN_GRAPH_URL;
  if (given !== undefined && given !== "") return given.replace(/\/+$/, "");
  return isSandboxSite(site) ? `${new URL(site).origin}/graph` : "https://graph.microsoft.com";
}

/** A Graph client as the person running the command. */
export function directoryClient(site: string, as: string | undefined): { graph: Client; baseUrl: string } {
  const baseUrl = graphUrlFor(site);
  const graph = createGraphClient({
    baseUrl,
    getToken: graphTokenSourceFor(site, as, { graphUrl: baseUrl }),
  });
  return { graph, baseUrl };
}
