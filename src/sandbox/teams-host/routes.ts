// What the sandbox serves for the local Teams host: the host page (/teams), its script (/teams/host.js,
// bundled from client/ on first request), and the built tab (/tab/…, from dist/tab) with the tab's
// config.json pointing at this sandbox's site and clock, and naming the Entra app the tab signs in as and the
// catalog's Teams app that "Chase now"'s cards open.
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { SANDBOX_CLIENT_ID } from "../auth.ts";
import { DIRECTORY, personByPost, TENANT } from "../directory.ts";
import { ACTION_PLAN_TEAMS_APP } from "../graph/catalog.ts";
import { jsonResponse, type SandboxRequest, type SandboxResponse } from "../http.ts";
import type { HostConfig } from "./host-config.ts";
import { hostPage } from "./page.ts";

/** Where `vite build` puts the tab (see vite.config.ts). */
export const DEFAULT_TAB_DIR = fileURLToPath(new URL("../../../dist/tab", import.meta.url));
const CLIENT_ENTRY = fileURLToPath(new URL("./client/host.ts", import.meta.url));

// Text only: the sandbox's responses are strings, and the tab's build is JavaScript, CSS, HTML and JSON.
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

const ROLES = { Members: "sro", Owners: "coordinator", Visitors: "viewer" } as const;

/** The demo's default signed-in person: an SRO with actions in the demo plan. */
const DEFAULT_SRO_POST = "Corporate Director Resources";
const DEFAULT_ACTION_ID = "1";

function hostConfig(): HostConfig {
  const people = DIRECTORY.flatMap((p) =>
    p.siteGroup === null
      ? []
      : [{ upn: p.upn, id: p.id, displayName: p.displayName, post: p.jobTitle, role: ROLES[p.siteGroup] }],
  );
  const fallback = people.find((p) => p.role === "sro") ?? people[0];
  return {
    tenantId: TENANT.id,
    clientId: SANDBOX_CLIENT_ID,
    tabUrl: "/tab/",
    defaultUpn: personByPost(DEFAULT_SRO_POST)?.upn ?? fallback?.upn ?? "",
    defaultActionId: DEFAULT_ACTION_ID,
    people,
  };
}

function html(status: number, body: string): SandboxResponse {
  return {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" },
    body,
  };
}

export interface TeamsHost {
  /** The answer for a host or tab path, or null when the path is not the host's. */
  handle: (req: SandboxRequest, path: string, origin: string) => Promise<SandboxResponse | null>;
}

/** The Teams host's routes, serving the tab from `tabDir` against the sandbox's site `site`. */
export function createTeamsHost(options: { site: string; tabDir?: string }): TeamsHost {
  const tabDir = options.tabDir ?? DEFAULT_TAB_DIR;
  let script: Promise<string> | null = null;
  const hostScript = () => {
    script ??= build({
      entryPoints: [CLIENT_ENTRY],
      bundle: true,
      format: "esm",
      target: "es2022",
      write: false,
      minify: true,
      logLevel: "silent",
    }).then((result) => result.outputFiles[0]?.text ?? "");
    return script;
  };

  function tabFile(path: string): SandboxResponse {
    const root = resolve(tabDir);
    if (!existsSync(join(root, "index.html"))) {
      return html(
        503,
        "<!doctype html><html lang='en-GB'><title>Tab not built</title><p>The tab has not been built. Run <code>npm run build:tab</code> and reload.</p></html>",
      );
    }
    const relative = decodeURIComponent(path.slice("/tab/".length));
    const file = resolve(root, relative === "" ? "index.html" : relative);
    if (file !== root && !file.startsWith(root + sep)) return jsonResponse(404, { error: "not_found" });
    const type = CONTENT_TYPES[extname(file)];
    if (!existsSync(file) || !statSync(file).isFile() || type === undefined) {
      // The tab routes by query string, so any other path is a missing file, not a page.
      return jsonResponse(404, {
        error: "not_found",
        error_description: `No file ${path} in the built tab.`,
      });
    }
    const hashed = relative.startsWith("assets/");
    return {
      status: 200,
      headers: {
        "content-type": type,
        "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      },
      body: readFileSync(file, "utf8"),
    };
  }

  return {
    handle: async (req, path, origin) => {
      if (req.method !== "GET" && req.method !== "HEAD") return null;
      if (path === "/teams" || path === "/teams/") return html(200, hostPage(hostConfig()));
      if (path === "/teams/host.js") {
        return {
          status: 200,
          headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" },
          body: await hostScript(),
        };
      }
      if (path === "/tab") return { status: 301, headers: { location: "/tab/" }, body: "" };
      if (path === "/tab/config.json") {
        return jsonResponse(
          200,
          {
            siteUrl: `${origin}/sites/${options.site}`,
            clockUrl: `${origin}/sandbox/clock`,
            auth: { clientId: SANDBOX_CLIENT_ID },
            // "Chase now"'s cards open the app as Teams does an organisation's app: by its catalog id.
            teamsAppId: ACTION_PLAN_TEAMS_APP.externalId,
            teamsCatalogAppId: ACTION_PLAN_TEAMS_APP.id,
          },
          { "cache-control": "no-cache" },
        );
      }
      if (path.startsWith("/tab/")) return tabFile(path);
      return null;
    },
  };
}
