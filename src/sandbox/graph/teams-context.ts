// What every Teams handler of the Graph emulator shares: the state, the throttle, the clock, and the small
// rules Graph applies the same way everywhere (who the caller is, how a user is named in a bind, the 404s).
import { SANDBOX_CLIENT_ID } from "../auth.ts";
import { personByIdOrUpn, personByUpn, TENANT, type Person } from "../directory.ts";
import type { Caller, SandboxRequest, SandboxResponse } from "../http.ts";
import type { TeamsCatalog } from "./catalog.ts";
import { graphError, graphUnauthenticated } from "./errors.ts";
import type { TeamsState } from "./teams-state.ts";
import { throttled, type TeamsOperation, type TeamsThrottle } from "./throttle.ts";

/** The state, catalog, throttle and clock the Teams handlers work with. */
export interface TeamsContext {
  state: TeamsState;
  catalog: TeamsCatalog;
  throttle: TeamsThrottle;
  now: () => Date;
}

/** Graph names its own host in @odata.context whatever host served the request. */
export const METADATA = "https://graph.microsoft.com/v1.0/$metadata";

/** The Entra app a token speaks for: its appid claim (every sandbox delegated token carries the tab's). */
export function callerAppId(caller: Caller): string {
  return caller.kind === "app" ? caller.appId : SANDBOX_CLIENT_ID;
}

/** The signed-in person of a delegated call; undefined for app-only calls. */
export function signedInPerson(caller: Caller): Person | undefined {
  return caller.kind === "user" ? personByUpn(caller.upn) : undefined;
}

/**
 * The caller of a Teams request, once the request is counted against its Teams limits; Graph's 401 when it
 * carried no usable token, its 429 when it is over one of the limits.
 */
export function admit(
  ctx: TeamsContext,
  req: SandboxRequest,
  operation: TeamsOperation,
  resource?: string,
): { caller: Caller } | { error: SandboxResponse } {
  const caller = req.caller;
  if (caller === null) return { error: graphUnauthenticated(req) };
  const userId = signedInPerson(caller)?.id;
  const verdict = ctx.throttle.admit(operation, {
    appId: callerAppId(caller),
    ...(userId === undefined ? {} : { userId }),
    ...(resource === undefined ? {} : { resource }),
  });
  return verdict.ok ? { caller } : { error: throttled(req, verdict.retryAfterSeconds) };
}

/**
 * The user a bind names: https://graph.microsoft.com/v1.0/users('<id or upn>') or …/users/<id or upn>.
 * Undefined when the text is not a users bind; null when it is one but names nobody.
 */
export function userFromBind(bind: string): Person | null | undefined {
  const match = /^https:\/\/graph\.microsoft\.com\/(?:v1\.0|beta)\/users(?:\('([^']+)'\)|\/([^/?#]+))$/i.exec(
    bind,
  );
  if (match === null) return undefined;
  const key = decodeURIComponent(match[1] ?? match[2] ?? "");
  return personByIdOrUpn(key) ?? null;
}

/** The person a path segment names (object id or UPN), as /users/{id | userPrincipalName} resolves it. */
export function userFromSegment(segment: string): Person | undefined {
  const keyed = /^users\('(.*)'\)$/i.exec(segment);
  return personByIdOrUpn(keyed === null ? segment : (keyed[1] ?? ""));
}

/** The directory's 404 for a user key that names nobody. */
export function userNotFound(req: SandboxRequest, key: string): SandboxResponse {
  return graphError(
    404,
    "Request_ResourceNotFound",
    `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
    req,
  );
}

/**
 * Teams' answer when a person in the request has no Teams licence, as reported for chat creation and
 * message posts ("Failed to get license information for the user...").
 */
export function noTeamsLicence(req: SandboxRequest): SandboxResponse {
  return graphError(
    403,
    "Forbidden",
    "Failed to get license information for the user. Ensure user has a valid Office365 license assigned to them.",
    req,
  );
}

/** Graph's 405 for a method a Teams resource does not take. */
export function methodNotAllowed(req: SandboxRequest, allow: string): SandboxResponse {
  return graphError(405, "UnknownError", "Method not allowed.", req, { allow });
}

/** The tenant every chat and identity in the sandbox belongs to. */
export const TENANT_ID = TENANT.id;

/** Split a Graph path (no query) into its non-empty segments. */
export function segmentsOf(path: string): string[] {
  const queryAt = path.indexOf("?");
  return (queryAt === -1 ? path : path.slice(0, queryAt)).split("/").filter((s) => s !== "");
}
