// SharePoint's $batch: an OData multipart/mixed body of GET parts and changesets in, one flat
// "batchresponse" part per request out, in order (the shape PnPjs's batch parser reads).
import { randomUUID } from "node:crypto";
import { STATUS_TEXT, type SandboxRequest, type SandboxResponse } from "../http.ts";

export interface BatchPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export class BatchFormatError extends Error {}

function boundaryOf(contentType: string | undefined): string | null {
  const match = /boundary="?([^";]+)"?/i.exec(contentType ?? "");
  return match?.[1] ?? null;
}

function splitParts(text: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const pieces = text.split(delimiter);
  // The text before the first delimiter is a preamble; after the closing "--" an epilogue.
  const parts: string[] = [];
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i] ?? "";
    if (piece.startsWith("--")) break;
    parts.push(piece.replace(/^\n/, ""));
  }
  return parts;
}

function readHeaders(lines: string[], from: number): { headers: Record<string, string>; next: number } {
  const headers: Record<string, string> = {};
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") return { headers, next: i + 1 };
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, next: i };
}

function readRequest(part: string): BatchPart {
  const lines = part.split("\n");
  const outer = readHeaders(lines, 0);
  const requestLine = lines[outer.next] ?? "";
  const match = /^([A-Z]+)\s+(\S+)\s+HTTP\/\d\.\d\s*$/i.exec(requestLine);
  if (match?.[1] === undefined || match[2] === undefined)
    throw new BatchFormatError(`The request line '${requestLine}' is not valid.`);
  const inner = readHeaders(lines, outer.next + 1);
  const body = lines.slice(inner.next).join("\n").trim();
  return { method: match[1].toUpperCase(), url: match[2], headers: inner.headers, body };
}

/** Read the requests of a $batch body, changesets flattened in order. */
export function parseBatch(contentType: string | undefined, rawBody: string): BatchPart[] {
  const boundary = boundaryOf(contentType);
  if (boundary === null) throw new BatchFormatError("The boundary delimiter of the batch is missing.");
  const body = rawBody.replace(/\r\n/g, "\n");
  const requests: BatchPart[] = [];
  for (const part of splitParts(body, boundary)) {
    const headerEnd = part.indexOf("\n\n");
    const headerText = headerEnd >= 0 ? part.slice(0, headerEnd) : part;
    const changeset = /content-type:\s*multipart\/mixed/i.test(headerText) ? boundaryOf(headerText) : null;
    if (changeset !== null) {
      for (const inner of splitParts(part.slice(headerEnd + 2), changeset)) requests.push(readRequest(inner));
    } else {
      requests.push(readRequest(part));
    }
  }
  if (requests.length === 0) throw new BatchFormatError("The batch contains no requests.");
  return requests;
}

/** Write the responses as SharePoint Online does: CRLF lines, one batchresponse part each. */
export function writeBatchResponse(responses: SandboxResponse[]): SandboxResponse {
  const boundary = `batchresponse_${randomUUID()}`;
  const out: string[] = [];
  for (const response of responses) {
    out.push(`--${boundary}`, "Content-Type: application/http", "Content-Transfer-Encoding: binary", "");
    out.push(`HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? ""}`.trimEnd());
    for (const [name, value] of Object.entries(response.headers)) {
      // PnPjs splits header lines on ':' and keeps only name: value pairs, as SharePoint's own never hold one.
      if (!value.includes(":") && !value.includes("\n")) out.push(`${name.toUpperCase()}: ${value}`);
    }
    out.push("", response.body);
  }
  out.push(`--${boundary}--`, "");
  return {
    status: 200,
    headers: { "content-type": `multipart/mixed; boundary=${boundary}` },
    body: out.join("\r\n"),
  };
}

/** Build the sandbox request for one part, carrying the outer request's caller. */
export function partRequest(outer: SandboxRequest, part: BatchPart): SandboxRequest {
  return {
    method: part.method,
    url: new URL(part.url, outer.url),
    headers: part.headers,
    body: part.body,
    caller: outer.caller,
    granted: outer.granted ?? null,
  };
}
