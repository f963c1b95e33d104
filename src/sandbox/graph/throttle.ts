// Microsoft Teams' Graph throttling, as a table of documented limits enforced with sliding windows on the
// sandbox clock. A request over any of its limits gets Graph's 429 with Retry-After (the seconds until the
// window lets it through), and is not counted, so a client that waits as told succeeds.
import type { SandboxRequest, SandboxResponse } from "../http.ts";
import { graphError } from "./errors.ts";

/** Whose requests share one window: the calling app, the app on one chat, or one user on one chat. */
export type LimitScope = "app" | "appPerResource" | "userPerResource";

/** One documented limit: at most `max` requests in any `windowMs`, counted per `scope`. */
export interface TeamsLimit {
  scope: LimitScope;
  max: number;
  windowMs: number;
}

/** The Teams operations the emulator serves, each with the limits Graph applies to it. */
export type TeamsOperation =
  | "createChat"
  | "getChat"
  | "postChatMessage"
  | "listChatMessages"
  | "sendActivityNotification"
  | "listInstalledApps"
  | "installApp"
  | "listCatalogApps"
  | "publishCatalogApp";

const perSecond = (scope: LimitScope, max: number): TeamsLimit => ({ scope, max, windowMs: 1000 });

/**
 * The limits, from "Microsoft Teams service limits" in Microsoft Graph's throttling guidance
 * (learn.microsoft.com/graph/throttling-limits#microsoft-teams-service-limits, table in
 * microsoftgraph/microsoft-graph-docs-contrib includes/throttling-teams.md). Only the limits per app per
 * tenant and per resource apply: the sandbox is one tenant, so "per app across all tenants" never binds.
 * - POST 1:1/group chat message: 20 rps per app per tenant, 1 rps per app per chat; and "one request per
 *   second per user ... when doing POST message in a given chat".
 * - GET 1:1/group chat message: 20 rps per app per tenant, 1 rps per chat.
 * - POST /users/{id}/teamwork/sendActivityNotification: 5 rps per app per tenant.
 * - GET / POST installedApps for user: 30 rps per app per tenant; GET appCatalogs: 30 rps.
 * - POST /appCatalogs/teamsApps and …/appDefinitions (publishing an app or a version) are not listed either:
 *   "Other API calls for Microsoft Teams", 30 rps per app per tenant.
 * - POST /chats (chat creation) and GET /chats/{id} are not listed: "Other API calls for Microsoft Teams"
 *   (30 rps per app per tenant, 1 rps per resource, which for creation has no resource yet) and "Other GET
 *   API calls" (30 rps, 1 rps per resource).
 */
export const TEAMS_LIMITS: Readonly<Record<TeamsOperation, readonly TeamsLimit[]>> = {
  createChat: [perSecond("app", 30)],
  getChat: [perSecond("app", 30), perSecond("appPerResource", 1)],
  postChatMessage: [perSecond("app", 20), perSecond("appPerResource", 1), perSecond("userPerResource", 1)],
  listChatMessages: [perSecond("app", 20), perSecond("appPerResource", 1)],
  sendActivityNotification: [perSecond("app", 5)],
  listInstalledApps: [perSecond("app", 30)],
  installApp: [perSecond("app", 30)],
  listCatalogApps: [perSecond("app", 30)],
  publishCatalogApp: [perSecond("app", 30)],
};

/** Who is asking and about what, for the limits' scopes. */
export interface ThrottleKey {
  appId: string;
  /** The signed-in user, for delegated calls. */
  userId?: string;
  /** The chat (or other resource) the request is about. */
  resource?: string;
}

/** Sliding-window counters for the Teams limits, on the sandbox's clock. */
export class TeamsThrottle {
  // Each window keeps the times of the requests it let through, oldest first; its length never passes `max`.
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly now: () => Date,
    private readonly limits: Readonly<Record<TeamsOperation, readonly TeamsLimit[]>> = TEAMS_LIMITS,
  ) {}

  /** Let the request through (and count it), or return the seconds it must wait. */
  admit(
    operation: TeamsOperation,
    key: ThrottleKey,
  ): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const at = this.now().getTime();
    const windows: { times: number[]; limit: TeamsLimit }[] = [];
    let waitMs = 0;
    for (const limit of this.limits[operation]) {
      const name = windowName(operation, limit.scope, key);
      if (name === null) continue;
      const times = this.windows.get(name) ?? [];
      while (times.length > 0 && (times[0] ?? 0) <= at - limit.windowMs) times.shift();
      this.windows.set(name, times);
      if (times.length >= limit.max) waitMs = Math.max(waitMs, (times[0] ?? at) + limit.windowMs - at);
      windows.push({ times, limit });
    }
    if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    for (const { times } of windows) times.push(at);
    return { ok: true };
  }
}

function windowName(operation: TeamsOperation, scope: LimitScope, key: ThrottleKey): string | null {
  const app = key.appId.toLowerCase();
  if (scope === "app") return `${operation}|${app}`;
  if (key.resource === undefined) return null;
  if (scope === "appPerResource") return `${operation}|${app}|${key.resource}`;
  return key.userId === undefined ? null : `${operation}|user:${key.userId}|${key.resource}`;
}

/** Graph's answer to a throttled request: 429 TooManyRequests with Retry-After in seconds. */
export function throttled(req: SandboxRequest, retryAfterSeconds: number): SandboxResponse {
  // Teams does not always send Retry-After (a known gap); the sandbox always does, as the guidance asks
  // clients to honour it when present and the notifier must be tested against it.
  return graphError(429, "TooManyRequests", "Too many requests.", req, {
    "retry-after": String(retryAfterSeconds),
  });
}
