// The sandbox's one HTTP server: tokens, the directory, the SharePoint REST emulator and the Graph emulator,
// with the faults (latency, 429/503 with Retry-After) and the browser rules (CORS) of the real services.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { GRAPH_AUDIENCE, TokenAuthority } from "./auth.ts";
import { DIRECTORY, personByIdOrUpn, TENANT } from "./directory.ts";
import { graphError, graphUnauthenticated } from "./graph/errors.ts";
import { graphPermissionRefusal } from "./graph/permissions.ts";
import { graphWrongAudience, resolveScopes, spUnauthorized, spWrongAudience } from "./audiences.ts";
import { createGraphTeams } from "./graph/teams.ts";
import { createGraphSites } from "./graph/sites.ts";
import { handleGraphUsers } from "./graph/users.ts";
import { jsonBody, jsonResponse, STATUS_TEXT, type SandboxRequest, type SandboxResponse } from "./http.ts";
import { handleInbox } from "./inbox.ts";
import { corsHeaders, faultResponse, lowerHeaders, preflight, readBody } from "./server-http.ts";
import { spError } from "./sharepoint/format.ts";
import { handleSharePoint, type SharePointOptions } from "./sharepoint/router.ts";
import { createSite } from "./sharepoint/site.ts";
import { SandboxStore } from "./store.ts";
import { createTeamsHost } from "./teams-host/routes.ts";
import { londonDate, shiftedClock } from "../lib/clock.ts";

export interface SandboxOptions {
  port: number;
  host?: string;
  dataDir: string;
  /** The list view threshold; SharePoint Online's is 5,000. */
  threshold: number;
  latencyMs: number;
  /** Share of requests (0–1) answered with 429 or 503 and Retry-After. */
  faultRate: number;
  /** The Retry-After, in seconds, sent with injected faults. */
  retryAfterSeconds: number;
  now?: () => Date;
  /** The sandbox's "today" (YYYY-MM-DD): the date its clock starts on, for running a plan from the past. */
  today?: string;
  /** Random source for fault injection, so tests can make it deterministic. */
  random?: () => number;
  /** The built tab the Teams host at /teams frames (default dist/tab). */
  tabDir?: string;
}

export interface RunningSandbox {
  url: string;
  store: SandboxStore;
  stats: SandboxStats;
  close: () => Promise<void>;
}

export interface SandboxStats {
  requests: number;
  sharePointRequests: number;
  graphRequests: number;
  faultsInjected: number;
}

/** The site every sandbox starts with; the app's plans live here. */
export const DEFAULT_SITE = "improvement";

const siteRequestSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]{1,64}$/i),
  title: z.string().min(1).max(255).optional(),
});

const tokenRequestSchema = z.union([
  z.object({ user: z.string().min(3), scope: z.string().optional() }).strict(),
  z.object({ app: z.string().min(1), scope: z.string().optional() }).strict(),
]);

function indexPage(url: string): SandboxResponse {
  const lines = [
    "Action Plan Tracker sandbox",
    "",
    `SharePoint REST  ${url}/sites/${DEFAULT_SITE}/_api/web`,
    `Microsoft Graph  ${url}/graph/v1.0/me`,
    `Tokens           POST ${url}/sandbox/token {"user":"<upn>","scope":"<resource>/.default"} or {"app":"<client id>","scope":…}`,
    `Directory        ${url}/sandbox/people`,
    `Teams inbox      ${url}/sandbox/inbox`,
    `Teams host       ${url}/teams (the tab, as Teams frames it)`,
  ];
  return { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: lines.join("\n") };
}

/** Start the sandbox; it keeps its state in options.dataDir and serves until close() is called. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const now = options.now ?? (options.today !== undefined ? shiftedClock(options.today) : () => new Date());
  const random = options.random ?? Math.random;
  const store = new SandboxStore(options.dataDir);
  store.load();
  if (!store.sites.has(DEFAULT_SITE))
    store.saveSite(createSite(DEFAULT_SITE, "Improvement", DIRECTORY, now()));
  const tokens = new TokenAuthority(options.dataDir, TENANT.id, () => now().getTime());
  const spOptions: SharePointOptions = {
    store,
    threshold: options.threshold,
    now,
    tenantId: TENANT.id,
    findPerson: (upn) => personByIdOrUpn(upn),
  };
  const stats: SandboxStats = { requests: 0, sharePointRequests: 0, graphRequests: 0, faultsInjected: 0 };
  const teams = createGraphTeams({ store, now });
  const graphSites = createGraphSites({ store, tenantId: TENANT.id });
  const teamsHost = createTeamsHost({ site: DEFAULT_SITE, tabDir: options.tabDir });

  async function handle(request: IncomingMessage, origin: string): Promise<SandboxResponse> {
    const headers = lowerHeaders(request);
    const method = (request.method ?? "GET").toUpperCase();
    const url = new URL(request.url ?? "/", origin);
    const bytes = await readBody(request);
    const body = bytes === null ? null : bytes.toString("utf8");
    stats.requests++;
    if (options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    if (method === "OPTIONS") return preflight(headers);
    const check = tokens.verify(headers.authorization);
    const sandboxReq: SandboxRequest = {
      method,
      url,
      headers,
      body: body ?? "",
      bytes: bytes ?? undefined,
      caller: check.ok ? check.caller : null,
      granted: check.ok ? check.granted : null,
    };
    const path = decodeURIComponent(url.pathname);

    const siteMatch = /^\/sites\/([^/]+)\/_api(?:\/(.*))?$/i.exec(path);
    const graphMatch = /^\/graph\/v1\.0(\/.*)?$/i.exec(path);
    if (siteMatch !== null || graphMatch !== null) {
      const kind = siteMatch !== null ? "sharepoint" : "graph";
      if (kind === "sharepoint") stats.sharePointRequests++;
      else stats.graphRequests++;
      if (options.faultRate > 0 && random() < options.faultRate) {
        stats.faultsInjected++;
        return faultResponse(kind, sandboxReq, random() < 0.5 ? 429 : 503, options.retryAfterSeconds);
      }
      if (!check.ok)
        return kind === "graph"
          ? graphUnauthenticated(sandboxReq, check.reason)
          : spUnauthorized(check.reason);
      const audience = kind === "graph" ? GRAPH_AUDIENCE : origin;
      if (!check.audiences.includes(audience))
        return kind === "graph" ? graphWrongAudience(sandboxReq) : spWrongAudience(check.audiences);
      if (body === null) {
        return kind === "graph"
          ? graphError(413, "RequestEntityTooLarge", "The request body is too large.", sandboxReq)
          : spError(
              sandboxReq,
              413,
              "-2147024882, System.OutOfMemoryException",
              "The request message is too big. The server does not allow messages larger than 52428800 bytes.",
            );
      }
      if (siteMatch !== null) {
        const site = store.sites.get((siteMatch[1] ?? "").toLowerCase());
        if (site === undefined) {
          return {
            status: 404,
            headers: { "content-type": "text/html; charset=utf-8" },
            body: "<html><body>404 NOT FOUND</body></html>",
          };
        }
        return handleSharePoint(
          spOptions,
          sandboxReq,
          site,
          `${origin}/sites/${site.name}`,
          siteMatch[2] ?? "",
        );
      }
      const graphPath = graphMatch?.[1] ?? "/";
      const denied = graphPermissionRefusal(sandboxReq, graphPath, check.granted);
      if (denied !== null) return denied;
      const answer =
        handleGraphUsers(sandboxReq, graphPath) ??
        graphSites.handle(sandboxReq, graphPath) ??
        teams.handle(sandboxReq, graphPath);
      if (answer !== null) return answer;
      const segment = graphPath.split("/").filter(Boolean)[0] ?? "";
      return graphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`, sandboxReq);
    }

    if (path === "/sandbox/token") {
      if (method !== "POST")
        return jsonResponse(405, { error: "method_not_allowed", error_description: "Use POST." });
      let parsed: z.infer<typeof tokenRequestSchema>;
      try {
        parsed = tokenRequestSchema.parse(JSON.parse(body ?? ""));
      } catch {
        return jsonResponse(400, {
          error: "invalid_request",
          error_description:
            'The body must be {"user":"<upn>","scope":"<scopes>"} or {"app":"<client id>","scope":"<scopes>"} (scope optional).',
        });
      }
      const asked = resolveScopes(parsed.scope, origin, "user" in parsed ? "user" : "app");
      if (!asked.ok)
        return jsonResponse(400, { error: "invalid_scope", error_description: asked.description });
      if ("user" in parsed) {
        const person = personByIdOrUpn(parsed.user);
        if (person === undefined) {
          return jsonResponse(400, {
            error: "invalid_grant",
            error_description: `AADSTS50034: The user account ${parsed.user} does not exist in the ${TENANT.domain} directory.`,
          });
        }
        return jsonResponse(
          200,
          tokens.issue({ kind: "user", upn: person.upn }, asked.audience, asked.scopes),
        );
      }
      return jsonResponse(
        200,
        tokens.issue({ kind: "app", appId: parsed.app }, asked.audience, asked.scopes),
      );
    }
    const hosted = await teamsHost.handle(sandboxReq, path, origin);
    if (hosted !== null) return hosted;
    const inbox = handleInbox(teams.state, sandboxReq, path);
    if (inbox !== null) return inbox;
    if (path === "/sandbox/people" && method === "GET") {
      return jsonResponse(
        200,
        DIRECTORY.map((p) => ({
          upn: p.upn,
          displayName: p.displayName,
          post: p.jobTitle,
          manager: p.managerUpn ?? null,
          siteGroup: p.siteGroup,
          interim: p.interim === true,
          teams: p.teams !== false,
        })),
      );
    }
    if (path === "/sandbox/clock" && method === "GET") {
      return jsonResponse(200, { today: londonDate(now()), now: now().toISOString(), zone: "Europe/London" });
    }
    if (path === "/sandbox/sites" && method === "POST") {
      const parsed = siteRequestSchema.safeParse(jsonBody(sandboxReq));
      if (!parsed.success) {
        return jsonResponse(400, {
          error: "invalid_request",
          error_description: 'The body must be {"name":"<letters, digits or ->","title":"<text>"}.',
        });
      }
      const name = parsed.data.name.toLowerCase();
      if (store.sites.has(name))
        return jsonResponse(409, {
          error: "conflict",
          error_description: `The site /sites/${name} already exists.`,
        });
      store.saveSite(createSite(name, parsed.data.title ?? name, DIRECTORY, now()));
      return jsonResponse(201, { url: `${origin}/sites/${name}` });
    }
    if (path === "/sandbox/stats" && method === "GET") {
      return jsonResponse(200, { ...stats, memory: process.memoryUsage() });
    }
    if (path === "/" && method === "GET") return indexPage(origin);
    return jsonResponse(404, {
      error: "not_found",
      error_description: `The sandbox serves nothing at ${path}.`,
    });
  }

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const origin = `http://${request.headers.host ?? `localhost:${String(options.port)}`}`;
    const corsOrigin = typeof request.headers.origin === "string" ? request.headers.origin : undefined;
    handle(request, origin)
      .catch((error: unknown) => {
        // A bug in the sandbox must not take it down; the client sees what SharePoint shows for an unexpected fault.
        console.error("sandbox: unexpected error", error);
        return spError(
          { headers: {} },
          500,
          "-2146233088, System.InvalidOperationException",
          "An unexpected error occurred in the sandbox.",
        );
      })
      .then((answer) => {
        const correlation = randomUUID();
        response.writeHead(answer.status, STATUS_TEXT[answer.status] ?? "", {
          sprequestguid: correlation,
          "request-id": correlation,
          ...corsHeaders(corsOrigin),
          ...answer.headers,
          "content-length": String(Buffer.byteLength(answer.body)),
        });
        response.end(answer.body);
      })
      .catch((error: unknown) => {
        console.error("sandbox: could not answer", error);
        response.destroy();
      });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://localhost:${String(address.port)}`;
  return {
    url,
    store,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          store.compact();
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
