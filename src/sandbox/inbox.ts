// /sandbox/inbox: what each person of the sandbox tenant would see in Teams — their one-on-one chats with
// the cards rendered by the Adaptive Cards renderer, and their activity feed — plus /sandbox/inbox.json for
// tests, and the renderer's browser bundle served from node_modules (nothing is loaded from the internet).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DIRECTORY, personByIdOrUpn } from "./directory.ts";
import type { TeamsState } from "./graph/teams-state.ts";
import { jsonResponse, type SandboxRequest, type SandboxResponse } from "./http.ts";
import { INBOX_SCRIPT, renderInboxPage } from "./inbox-page.ts";
import { inboxOf } from "./inbox-view.ts";
import { ACTION_PLAN_TEAMS_APP } from "./graph/catalog.ts";
import { withLocalLinks } from "./teams-links.ts";

const HTML = "text/html; charset=utf-8";
// The page runs only the two scripts the sandbox serves; card JSON travels in inert application/json blocks.
const PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'",
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
};

/** Answers /sandbox/inbox, /sandbox/inbox.json and /sandbox/assets/*; null for other paths. */
export function handleInbox(state: TeamsState, req: SandboxRequest, path: string): SandboxResponse | null {
  const routes: Record<string, () => SandboxResponse> = {
    "/sandbox/inbox": () => page(state, req),
    "/sandbox/inbox.json": () => json(state, req),
    "/sandbox/assets/adaptivecards.js": () => asset(rendererBundle(), "text/javascript; charset=utf-8"),
    "/sandbox/assets/inbox.js": () => asset(INBOX_SCRIPT, "text/javascript; charset=utf-8"),
  };
  const answer = routes[path];
  if (answer === undefined) return null;
  if (req.method !== "GET" && req.method !== "HEAD") {
    return jsonResponse(
      405,
      { error: "method_not_allowed", error_description: "Use GET." },
      { allow: "GET" },
    );
  }
  return answer();
}

function page(state: TeamsState, req: SandboxRequest): SandboxResponse {
  const key = req.url.searchParams.get("user");
  if (key === null || key.trim() === "") {
    return {
      status: 200,
      headers: { "content-type": HTML, ...PAGE_HEADERS },
      body: renderInboxPage(DIRECTORY, null),
    };
  }
  const person = personByIdOrUpn(key.trim());
  if (person === undefined) {
    const body = renderInboxPage(DIRECTORY, null, `Nobody in the directory has the address ${key}.`);
    return { status: 404, headers: { "content-type": HTML, ...PAGE_HEADERS }, body };
  }
  return {
    status: 200,
    headers: { "content-type": HTML, ...PAGE_HEADERS },
    // The page opens Teams deep links to the sandbox's app in the local host, as the Teams client would: by
    // the app's id in the catalog, as Teams knows an organisation's app.
    body: renderInboxPage(
      DIRECTORY,
      withLocalLinks(inboxOf(state, person), {
        origin: req.url.origin,
        catalogAppId: ACTION_PLAN_TEAMS_APP.id,
      }),
    ),
  };
}

function json(state: TeamsState, req: SandboxRequest): SandboxResponse {
  const key = req.url.searchParams.get("user");
  if (key === null || key.trim() === "") {
    return jsonResponse(400, { error: "invalid_request", error_description: "Give ?user=<upn or id>." });
  }
  const person = personByIdOrUpn(key.trim());
  if (person === undefined) {
    return jsonResponse(404, { error: "not_found", error_description: `Nobody in the directory is ${key}.` });
  }
  return jsonResponse(200, inboxOf(state, person), { "cache-control": "no-store" });
}

function asset(body: string, contentType: string): SandboxResponse {
  return { status: 200, headers: { "content-type": contentType, "cache-control": "max-age=3600" }, body };
}

let bundle: string | undefined;

/** The renderer's own minified browser build (UMD, global AdaptiveCards), read once from node_modules. */
function rendererBundle(): string {
  if (bundle === undefined) {
    const packageJson = createRequire(import.meta.url).resolve("adaptivecards/package.json");
    bundle = readFileSync(join(dirname(packageJson), "dist", "adaptivecards.min.js"), "utf8");
  }
  return bundle;
}
