// POST and GET /chats/{id}/messages. Sending needs a delegated token: Graph allows application permissions
// on this API only for importing messages during a migration, and refuses any other app-only post.
import { personById } from "../directory.ts";
import type { SandboxRequest, SandboxResponse } from "../http.ts";
import { findChatFor } from "./chats.ts";
import { graphError, graphJson, graphUnauthenticated } from "./errors.ts";
import { parseChatMessage } from "./message-body.ts";
import {
  admit,
  METADATA,
  noTeamsLicence,
  signedInPerson,
  TENANT_ID,
  type TeamsContext,
} from "./teams-context.ts";
import type { MessageRecord } from "./teams-state.ts";

/** "Maximum allowed $top value is 50" (List messages in a chat). */
const MAX_TOP = 50;
/** The page size when $top is absent (not documented; 20 is what the service is commonly seen to use). */
const DEFAULT_TOP = 20;

// Graph's answer to an app-only chat message that is not a migration import (observed text, HTTP 401).
const APP_ONLY_REFUSAL =
  "Message POST is allowed in application-only context only for import purposes. Refer to https://docs.microsoft.com/microsoftteams/platform/graph-api/import-messages/import-external-messages-to-teams for more details.";

/** POST /chats/{id}/messages: the signed-in member sends a message (text, html, cards). */
export function postChatMessage(ctx: TeamsContext, req: SandboxRequest, chatId: string): SandboxResponse {
  const admitted = admit(ctx, req, "postChatMessage", chatId);
  if ("error" in admitted) return admitted.error;
  const { caller } = admitted;
  if (caller.kind === "app") return graphError(401, "Unauthorized", APP_ONLY_REFUSAL, req);

  const found = findChatFor(ctx, req, chatId);
  if ("error" in found) return found.error;
  const sender = signedInPerson(caller);
  if (sender === undefined) return graphUnauthenticated(req);
  if (sender.teams === false) return noTeamsLicence(req);
  const posted = parseChatMessage(req);
  if ("error" in posted) return posted.error;

  // Teams' message ids are the creation time in epoch milliseconds; two in one millisecond get the next one.
  const last = ctx.state.messagesOf(chatId)[0];
  const ms = Math.max(ctx.now().getTime(), last === undefined ? 0 : Number(last.id) + 1);
  const message: MessageRecord = {
    id: String(ms),
    chatId,
    fromUserId: sender.id,
    createdDateTime: new Date(ms).toISOString(),
    ...posted,
  };
  ctx.state.saveMessage(message);
  const context = `${METADATA}#chats('${encodeURIComponent(chatId)}')/messages/$entity`;
  return graphJson(201, { "@odata.context": context, ...messageJson(message) }, req);
}

/** GET /chats/{id}/messages: newest first, $top up to 50, paged with @odata.nextLink. */
export function listChatMessages(ctx: TeamsContext, req: SandboxRequest, chatId: string): SandboxResponse {
  const admitted = admit(ctx, req, "listChatMessages", chatId);
  if ("error" in admitted) return admitted.error;
  const found = findChatFor(ctx, req, chatId);
  if ("error" in found) return found.error;
  const query = parseQuery(req);
  if ("error" in query) return query.error;

  const all = ctx.state.messagesOf(chatId).filter(query.filter);
  const page = all.slice(query.offset, query.offset + query.top);
  const body: Record<string, unknown> = {
    "@odata.context": `${METADATA}#chats('${encodeURIComponent(chatId)}')/messages`,
    "@odata.count": all.length,
  };
  const end = query.offset + page.length;
  if (end < all.length) {
    const next = new URL(req.url.href);
    for (const name of [...next.searchParams.keys()]) {
      if (name.toLowerCase() === "$skiptoken") next.searchParams.delete(name);
    }
    next.searchParams.set("$skiptoken", Buffer.from(`chatmessages:${end}`).toString("base64url"));
    body["@odata.nextLink"] = next.href;
  }
  body.value = page.map(messageJson);
  return graphJson(200, body, req);
}

interface Query {
  top: number;
  offset: number;
  filter: (m: MessageRecord) => boolean;
}

function parseQuery(req: SandboxRequest): Query | { error: SandboxResponse } {
  const get = (option: string): string | null => {
    for (const [name, value] of req.url.searchParams) if (name.toLowerCase() === option) return value;
    return null;
  };
  for (const name of req.url.searchParams.keys()) {
    if (name.startsWith("$") && !["$top", "$skiptoken", "$orderby", "$filter"].includes(name.toLowerCase())) {
      return bad(req, `Query option '${name}' is not supported on chat messages.`);
    }
  }
  const topText = get("$top");
  const top = topText === null ? DEFAULT_TOP : /^\d+$/.test(topText) ? Number(topText) : NaN;
  if (!(top >= 1 && top <= MAX_TOP)) {
    return bad(req, `Invalid page size '${topText ?? ""}': $top must be between 1 and ${MAX_TOP}.`);
  }
  let offset = 0;
  const token = get("$skiptoken");
  if (token !== null) {
    const match = /^chatmessages:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
    if (match === null) return bad(req, "The $skiptoken is not valid.");
    offset = Number(match[1]);
  }
  // Both documented sort orders are newest first, and messages are never edited here, so they agree.
  const orderText = get("$orderby");
  const sort = /^(lastModifiedDateTime|createdDateTime)(\s+desc)?$/i.exec(
    (orderText ?? "lastModifiedDateTime desc").trim(),
  );
  if (sort === null) {
    return bad(req, "$orderby supports lastModifiedDateTime and createdDateTime in descending order only.");
  }
  const filterText = get("$filter");
  // "You can only filter results if the request URL contains $orderBy and $filter for the same property;
  // otherwise, the $filter query option is ignored." An $orderby left to its default is not in the URL.
  const sortedBy = orderText === null ? "" : (sort[1] ?? "").toLowerCase();
  const filter = filterText === null ? () => true : dateFilter(filterText, sortedBy);
  if (typeof filter === "string") return bad(req, filter);
  return { top, offset, filter };
}

/**
 * `<property> gt|lt <datetime>` clauses joined by `and`, or what is wrong with them. As Graph documents it,
 * lastModifiedDateTime takes gt and lt, createdDateTime only lt; a clause on another property than the
 * $orderby's leaves the filter ignored.
 */
function dateFilter(text: string, sortedBy: string): ((m: MessageRecord) => boolean) | string {
  const clauses = text
    .split(/\s+and\s+/i)
    .map((clause) => /^\s*(lastModifiedDateTime|createdDateTime)\s+(gt|lt)\s+(\S+)\s*$/i.exec(clause));
  const tests: ((m: MessageRecord) => boolean)[] = [];
  for (const clause of clauses) {
    const at = clause === null ? NaN : Date.parse(clause[3] ?? "");
    if (clause === null || Number.isNaN(at)) return `Invalid filter clause: ${text}`;
    const property = (clause[1] ?? "").toLowerCase();
    if (property !== sortedBy) return () => true;
    const after = (clause[2] ?? "").toLowerCase() === "gt";
    if (after && property === "createddatetime")
      return `Invalid filter clause: createdDateTime supports only the 'lt' operator: ${text}`;
    tests.push((m) => (after ? Date.parse(m.createdDateTime) > at : Date.parse(m.createdDateTime) < at));
  }
  return (m) => tests.every((t) => t(m));
}

/** Graph's chatMessage resource. */
export function messageJson(message: MessageRecord): Record<string, unknown> {
  const sender = personById(message.fromUserId);
  return {
    id: message.id,
    replyToId: null,
    etag: message.id,
    messageType: "message",
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.createdDateTime,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: message.subject,
    summary: null,
    chatId: message.chatId,
    importance: message.importance,
    locale: "en-us",
    webUrl: null,
    channelIdentity: null,
    policyViolation: null,
    eventDetail: null,
    from: {
      application: null,
      device: null,
      user: {
        "@odata.type": "#microsoft.graph.teamworkUserIdentity",
        id: message.fromUserId,
        displayName: sender?.displayName ?? null,
        userIdentityType: "aadUser",
        tenantId: TENANT_ID,
      },
    },
    body: message.body,
    attachments: message.attachments.map((a) => ({ ...a, teamsAppId: null })),
    mentions: [],
    reactions: [],
    messageHistory: [],
  };
}

function bad(req: SandboxRequest, message: string): { error: SandboxResponse } {
  return { error: graphError(400, "BadRequest", message, req) };
}
