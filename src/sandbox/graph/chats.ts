// POST /chats and GET /chats/{id}: one-on-one chats as Graph creates them. Only one one-on-one chat can
// exist between two people; creating it again returns the existing chat ("Create chat", Graph v1.0).
import { z } from "zod";
import type { Person } from "../directory.ts";
import { jsonBody, type SandboxRequest, type SandboxResponse } from "../http.ts";
import { graphError, graphJson } from "./errors.ts";
import {
  admit,
  METADATA,
  noTeamsLicence,
  signedInPerson,
  TENANT_ID,
  userFromBind,
  userNotFound,
  type TeamsContext,
} from "./teams-context.ts";
import type { ChatRecord } from "./teams-state.ts";

const memberSchema = z.looseObject({
  "@odata.type": z.string().optional(),
  roles: z.array(z.string()).default([]),
  "user@odata.bind": z.string().optional(),
});

const chatSchema = z.looseObject({
  chatType: z.string().optional(),
  topic: z.string().nullish(),
  members: z.array(memberSchema).nullish(),
});

const MEMBER_TYPE = "#microsoft.graph.aadUserConversationMember";

/** POST /chats: create a one-on-one chat, or return the one the two people already have. */
export function createChat(ctx: TeamsContext, req: SandboxRequest): SandboxResponse {
  const admitted = admit(ctx, req, "createChat");
  if ("error" in admitted) return admitted.error;
  const { caller } = admitted;

  const parsed = chatSchema.safeParse(jsonBody(req));
  if (!parsed.success) return bad(req, "Invalid request body was sent.");
  const body = parsed.data;
  // OData's wording for a value outside the chatType enumeration.
  if (body.chatType === undefined || !["oneOnOne", "group"].includes(body.chatType)) {
    return bad(
      req,
      `Cannot convert the literal '${body.chatType ?? ""}' to the expected type 'microsoft.graph.chatType'.`,
    );
  }
  if (body.members === null || body.members === undefined) {
    return bad(req, "Chat members cannot be null. (Parameter 'Members')");
  }
  if (body.chatType === "group") {
    return bad(req, "The sandbox emulates one-on-one chats only (chatType 'oneOnOne').");
  }
  if (body.topic !== undefined && body.topic !== null) {
    return bad(req, "Topic can only be set on group chats.");
  }

  const people: Person[] = [];
  for (const member of body.members) {
    const type = member["@odata.type"] ?? "";
    if (`#${type.replace(/^#/, "")}`.toLowerCase() !== MEMBER_TYPE.toLowerCase()) {
      return bad(req, `The provided '${type}' for 'odata.type' is not valid for this operation.`);
    }
    const unsupported = member.roles.find((role) => role.toLowerCase() !== "owner");
    if (unsupported !== undefined) return bad(req, `The passed-in role '${unsupported}' is not supported.`);
    if (member.roles.length === 0) return bad(req, "Member roles cannot be empty. (Parameter 'Roles')");
    const bind = member["user@odata.bind"] ?? "";
    const person = userFromBind(bind);
    if (person === undefined) return bad(req, `Invalid odata.bind value '${bind}'.`);
    if (person === null)
      return userNotFound(req, bind.replace(/^.*users(?:\('|\/)/i, "").replace(/'\)$/, ""));
    people.push(person);
  }
  const [first, second, ...others] = people;
  if (first === undefined || second === undefined || others.length > 0) {
    return bad(req, "A one-on-one chat must have exactly two members.");
  }
  if (first.id === second.id) return bad(req, "Cannot create one-on-one chat with duplicate members.");
  const me = signedInPerson(caller);
  if (caller.kind === "user" && me?.id !== first.id && me?.id !== second.id) {
    // The docs require the requesting user in the members list; the exact refusal is not documented.
    return graphError(403, "Forbidden", "The signed-in user must be one of the chat members.", req);
  }
  if (first.teams === false || second.teams === false) return noTeamsLicence(req);

  const existing = ctx.state.chatBetween(first.id, second.id);
  if (existing !== undefined) return graphJson(201, chatJson(existing), req);
  const at = ctx.now().toISOString();
  const memberIds = [first.id, second.id].sort() as [string, string];
  const chat: ChatRecord = {
    id: `19:${memberIds.join("_")}@unq.gbl.spaces`,
    chatType: "oneOnOne",
    memberIds,
    createdDateTime: at,
    lastUpdatedDateTime: at,
  };
  ctx.state.saveChat(chat);
  return graphJson(201, chatJson(chat), req);
}

/** GET /chats/{id}: a chat its member (or an app) may read. */
export function getChat(ctx: TeamsContext, req: SandboxRequest, chatId: string): SandboxResponse {
  const admitted = admit(ctx, req, "getChat", chatId);
  if ("error" in admitted) return admitted.error;
  const found = findChatFor(ctx, req, chatId);
  return "error" in found ? found.error : graphJson(200, chatJson(found.chat), req);
}

/** The chat with this id if the caller may see it; Graph's 404 or 403 otherwise. */
export function findChatFor(
  ctx: TeamsContext,
  req: SandboxRequest,
  chatId: string,
): { chat: ChatRecord } | { error: SandboxResponse } {
  const chat = ctx.state.chat(chatId);
  if (chat === undefined) {
    return { error: graphError(404, "NotFound", `Chat '${chatId}' was not found.`, req) };
  }
  const caller = req.caller;
  if (caller?.kind === "user") {
    const me = signedInPerson(caller);
    if (me === undefined || !chat.memberIds.includes(me.id)) {
      return { error: graphError(403, "Forbidden", "The signed-in user is not a member of this chat.", req) };
    }
  }
  return { chat };
}

/** Graph's chat resource. */
export function chatJson(chat: ChatRecord): Record<string, unknown> {
  return {
    "@odata.context": `${METADATA}#chats/$entity`,
    id: chat.id,
    topic: null,
    createdDateTime: chat.createdDateTime,
    lastUpdatedDateTime: chat.lastUpdatedDateTime,
    chatType: chat.chatType,
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.id)}/0?tenantId=${TENANT_ID}`,
    tenantId: TENANT_ID,
    isHiddenForAllMembers: false,
    onlineMeetingInfo: null,
    viewpoint: null,
  };
}

function bad(req: SandboxRequest, message: string): SandboxResponse {
  return graphError(400, "BadRequest", message, req);
}
