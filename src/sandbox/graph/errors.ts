// Response helpers shared by every Graph emulator (users, chats, messages, activity notifications), so all
// of them carry the headers and error shape the Graph gateway adds to every answer.
// Error body, as Graph documents it ("Microsoft Graph error responses and resource types"):
//   {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}
import { randomUUID } from "node:crypto";
import type { SandboxRequest, SandboxResponse } from "../http.ts";

/** The Content-Type Graph sends with its JSON payloads. */
export const GRAPH_CONTENT_TYPE =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

// What Graph sends in WWW-Authenticate on a 401: where to get a token, and for which resource (Graph's app id).
const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", ' +
  'client_id="00000003-0000-0000-c000-000000000000"';

interface Correlation {
  requestId: string;
  clientRequestId: string;
}

// Graph gives each response a fresh request-id and echoes the caller's client-request-id; when the caller
// sent none, the client-request-id it returns equals the request-id.
function correlate(req: SandboxRequest): Correlation {
  const requestId = randomUUID();
  const sent = req.headers["client-request-id"];
  return { requestId, clientRequestId: sent !== undefined && sent !== "" ? sent : requestId };
}

function correlationHeaders(c: Correlation): Record<string, string> {
  return { "request-id": c.requestId, "client-request-id": c.clientRequestId };
}

/** A Graph JSON response (200, 201...) with Graph's headers; `headers` add to or override them. */
export function graphJson(
  status: number,
  body: unknown,
  req: SandboxRequest,
  headers: Record<string, string> = {},
): SandboxResponse {
  return {
    status,
    headers: {
      "content-type": GRAPH_CONTENT_TYPE,
      "odata-version": "4.0",
      ...correlationHeaders(correlate(req)),
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

/** A Graph response without a body (204, 202), still carrying the correlation headers. */
export function graphEmpty(
  status: number,
  req: SandboxRequest,
  headers: Record<string, string> = {},
): SandboxResponse {
  return { status, headers: { ...correlationHeaders(correlate(req)), ...headers }, body: "" };
}

/**
 * A Graph error response in Graph's error shape, with the same ids in the headers and the innerError; `inner`
 * adds what some services put before them in the innerError (Teams' own code, message and details).
 */
export function graphError(
  status: number,
  code: string,
  message: string,
  req: SandboxRequest,
  headers: Record<string, string> = {},
  inner: Record<string, unknown> = {},
): SandboxResponse {
  const c = correlate(req);
  // Graph writes the innerError date in UTC to the second, without a zone suffix: "2024-04-09T10:15:02".
  const date = new Date().toISOString().slice(0, 19);
  const body = {
    error: {
      code,
      message,
      innerError: { ...inner, date, "request-id": c.requestId, "client-request-id": c.clientRequestId },
    },
  };
  return {
    status,
    headers: { "content-type": GRAPH_CONTENT_TYPE, ...correlationHeaders(c), ...headers },
    body: JSON.stringify(body),
  };
}

/** Why a token was not taken, when the caller knows (the token check's reasons). */
export type GraphTokenProblem = "missing" | "invalid" | "expired" | "notYetValid" | "otherTenant";

/**
 * Graph's 401 for a request without a usable bearer token. Graph tells apart no token at all, a token out of
 * its lifetime (before `nbf` or after `exp`: "Access token has expired or is not yet valid.", as Graph answers,
 * e.g. github.com/besscroft/diyfile/issues/1), and one it could not validate. A token issued by another
 * tenant is, to the sandbox's one-tenant Graph, a token from an issuer it does not trust.
 */
export function graphUnauthenticated(req: SandboxRequest, problem?: GraphTokenProblem): SandboxResponse {
  const token = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? "")?.[1];
  const message =
    token === undefined
      ? "Access token is empty."
      : problem === "expired" || problem === "notYetValid"
        ? "Access token has expired or is not yet valid."
        : problem === "otherTenant"
          ? "Access token validation failure. Invalid issuer or signature."
          : "Access token validation failure.";
  return graphError(401, "InvalidAuthenticationToken", message, req, {
    "www-authenticate": WWW_AUTHENTICATE,
  });
}
