// The sandbox server's HTTP plumbing: reading a bounded body, headers, CORS as SharePoint Online and Graph
// answer a single-page app, and the throttling and busy faults each service returns (server.ts uses them).
import type { IncomingMessage } from "node:http";
import { graphError } from "./graph/errors.ts";
import type { SandboxRequest, SandboxResponse } from "./http.ts";
import { spError } from "./sharepoint/format.ts";

/** A request body larger than this is refused, as SharePoint refuses oversized REST requests. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

export function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** CORS as SharePoint Online and Graph answer a single-page app that calls them with a bearer token. */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (origin === undefined) return {};
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-credentials": "true",
    "access-control-expose-headers":
      "ETag, Retry-After, request-id, client-request-id, SPRequestGuid, Location, Content-Type",
    vary: "Origin",
  };
}

export function preflight(headers: Record<string, string>): SandboxResponse {
  return {
    status: 200,
    headers: {
      ...corsHeaders(headers.origin),
      "access-control-allow-methods": "GET, POST, PUT, PATCH, MERGE, DELETE, OPTIONS",
      "access-control-allow-headers":
        headers["access-control-request-headers"] ?? "Authorization, Content-Type, Accept",
      "access-control-max-age": "86400",
    },
    body: "",
  };
}

export function faultResponse(
  kind: "sharepoint" | "graph",
  req: SandboxRequest,
  status: 429 | 503,
  retryAfter: number,
): SandboxResponse {
  const headers = { "retry-after": String(retryAfter) };
  if (kind === "graph") {
    return status === 429
      ? graphError(429, "TooManyRequests", "Too many requests.", req, headers)
      : graphError(
          503,
          "serviceNotAvailable",
          "The service is temporarily unavailable. Please retry after the time in the Retry-After header.",
          req,
          headers,
        );
  }
  const response =
    status === 429
      ? spError(
          req,
          429,
          "-2147024860, Microsoft.SharePoint.SPRequestThrottledException",
          "The request has been throttled. Please retry after the time in the Retry-After header.",
        )
      : spError(
          req,
          503,
          "-2147024860, Microsoft.SharePoint.SPServerTooBusyException",
          "The server is currently too busy. Please try again later.",
        );
  return { ...response, headers: { ...response.headers, ...headers } };
}
