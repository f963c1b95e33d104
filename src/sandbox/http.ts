// The sandbox's own small request/response model: every emulator is a function from SandboxRequest to
// SandboxResponse, so the same handlers serve HTTP and the parts of a SharePoint $batch.

/** Who is calling, as read from the bearer token. */
export type Caller = { kind: "user"; upn: string } | { kind: "app"; appId: string };

/** What a scoped token grants: its `scp` (a person) or `roles` (an app), and the client it was issued to. */
export interface TokenGrant {
  kind: "delegated" | "application";
  permissions: readonly string[];
  /** The token's `appid`: whose Sites.Selected grants count. */
  appId: string;
}

export interface SandboxRequest {
  method: string;
  url: URL;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** The body's bytes as sent (a zip upload); `body` is them read as UTF-8. */
  bytes?: Uint8Array;
  /** Null when the request carried no valid token. */
  caller: Caller | null;
  /**
   * What the caller's token grants (its `scp` or `roles`, and its client id); null or absent for the sandbox's
   * test token, whose permissions are not checked.
   */
  granted?: TokenGrant | null;
}

export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Payload Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  503: "Service Unavailable",
};

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
  contentType = "application/json; charset=utf-8",
): SandboxResponse {
  return { status, headers: { "content-type": contentType, ...headers }, body: JSON.stringify(value) };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers, body: "" };
}

/** A request body parsed as JSON, or undefined when it is not JSON. */
export function jsonBody(req: SandboxRequest): unknown {
  try {
    return JSON.parse(req.body);
  } catch {
    return undefined;
  }
}
