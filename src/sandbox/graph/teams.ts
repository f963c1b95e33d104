// The Teams part of the Graph emulator: routes chats, chat messages, installed apps, activity notifications
// and the app catalog (listing, publishing, new versions) to their handlers, over durable state and the
// documented throttling limits.
import type { Person } from "../directory.ts";
import type { SandboxRequest, SandboxResponse } from "../http.ts";
import type { SandboxStore } from "../store.ts";
import { listChatMessages, postChatMessage } from "./chat-messages.ts";
import { TeamsCatalog } from "./catalog.ts";
import { addAppDefinition, listCatalogApps, publishCatalogApp } from "./catalog-routes.ts";
import { createChat, getChat } from "./chats.ts";
import { graphError, graphUnauthenticated } from "./errors.ts";
import {
  methodNotAllowed,
  segmentsOf,
  signedInPerson,
  userFromSegment,
  userNotFound,
  type TeamsContext,
} from "./teams-context.ts";
import { TeamsState } from "./teams-state.ts";
import { installApp, listInstalledApps, sendActivityNotification } from "./teamwork.ts";
import { TeamsThrottle } from "./throttle.ts";

/** The Teams emulator of one sandbox: its state (for the inbox) and its request handler. */
export interface GraphTeams {
  state: TeamsState;
  /**
   * Answers a Graph v1.0 path it serves (publishing to the catalog answers once the package is checked);
   * null for paths that belong to other emulators.
   */
  handle: (req: SandboxRequest, path: string) => SandboxResponse | Promise<SandboxResponse> | null;
}

/** Build the Teams emulator over the sandbox store, on the sandbox clock. */
export function createGraphTeams(options: { store: SandboxStore; now: () => Date }): GraphTeams {
  const ctx: TeamsContext = {
    state: new TeamsState(options.store),
    catalog: new TeamsCatalog(options.store),
    throttle: new TeamsThrottle(options.now),
    now: options.now,
  };
  return { state: ctx.state, handle: (req, path) => route(ctx, req, path) };
}

function route(
  ctx: TeamsContext,
  req: SandboxRequest,
  path: string,
): SandboxResponse | Promise<SandboxResponse> | null {
  const segments = segmentsOf(path);
  const lower = segments.map((s) => s.toLowerCase());
  const method = req.method;

  if (lower[0] === "chats") {
    const chatId = segments[1];
    if (chatId === undefined) return method === "POST" ? createChat(ctx, req) : methodNotAllowed(req, "POST");
    if (lower.length === 2)
      return method === "GET" ? getChat(ctx, req, chatId) : methodNotAllowed(req, "GET");
    if (lower[2] === "messages" && lower.length === 3) {
      if (method === "POST") return postChatMessage(ctx, req, chatId);
      if (method === "GET") return listChatMessages(ctx, req, chatId);
      return methodNotAllowed(req, "GET, POST");
    }
    return null;
  }

  if (lower[0] === "appcatalogs" && lower[1] === "teamsapps") {
    if (lower.length === 2) {
      if (method === "GET") return listCatalogApps(ctx, req);
      if (method === "POST") return publishCatalogApp(ctx, req);
      return methodNotAllowed(req, "GET, POST");
    }
    if (lower.length === 4 && lower[3] === "appdefinitions") {
      const appId = segments[2] ?? "";
      return method === "POST" ? addAppDefinition(ctx, req, appId) : methodNotAllowed(req, "POST");
    }
    return null;
  }

  // /users/{id | upn}/teamwork/… and /me/teamwork/…
  const userAt = lower[0] === "me" ? 1 : lower[0] === "users" ? 2 : /^users\(/.test(lower[0] ?? "") ? 1 : -1;
  if (userAt === -1 || lower[userAt] !== "teamwork") return null;
  const action = lower[userAt + 1];
  const rest = lower.length - userAt - 2;
  if (action !== "installedapps" && action !== "sendactivitynotification") return null;
  if (req.caller === null) return graphUnauthenticated(req);
  const user = subjectOf(req, segments, userAt);
  if ("error" in user) return user.error;

  if (action === "sendactivitynotification" && rest === 0) {
    return method === "POST"
      ? sendActivityNotification(ctx, req, user.person)
      : methodNotAllowed(req, "POST");
  }
  if (action === "installedapps" && rest === 0) {
    if (method === "GET") return listInstalledApps(ctx, req, user.person);
    if (method === "POST") return installApp(ctx, req, user.person);
    return methodNotAllowed(req, "GET, POST");
  }
  if (action === "installedapps" && rest === 1) {
    const installationId = segments[userAt + 2] ?? "";
    return method === "GET"
      ? listInstalledApps(ctx, req, user.person, installationId)
      : methodNotAllowed(req, "GET");
  }
  return null;
}

/** The person /me or /users/{key} names, or Graph's error. */
function subjectOf(
  req: SandboxRequest,
  segments: readonly string[],
  userAt: number,
): { person: Person } | { error: SandboxResponse } {
  if (userAt === 1 && segments[0]?.toLowerCase() === "me") {
    const me = req.caller === null ? undefined : signedInPerson(req.caller);
    if (me === undefined) {
      const message = "/me request is only valid with delegated authentication flow.";
      return { error: graphError(400, "BadRequest", message, req) };
    }
    return { person: me };
  }
  // Either /users/{key}/… or the key-in-parentheses form /users('{key}')/….
  const key = (userAt === 1 ? segments[0] : segments[1]) ?? "";
  const person = userFromSegment(key);
  return person === undefined
    ? { error: userNotFound(req, key.replace(/^users\('(.*)'\)$/i, "$1")) }
    : { person };
}
