// The body of POST /chats/{id}/messages, checked as Teams checks it: every attachment referenced from the
// message body by an <attachment id="…"></attachment> marker, an Adaptive Card's content a JSON string that
// parses as a card Teams renders (version 1.5 or lower), and the whole message under Teams' size limit.
import { z } from "zod";
import { jsonBody, type SandboxRequest, type SandboxResponse } from "../http.ts";
import { graphError } from "./errors.ts";
import type { AttachmentRecord, MessageRecord } from "./teams-state.ts";

/** The content type Teams gives Adaptive Card attachments. */
export const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

/** The newest Adaptive Card schema Teams renders in chats. */
export const MAX_CARD_VERSION = 1.5;

/**
 * Teams' limit on one chat message: "approximately 28 KB" including text, image links, mentions and card
 * content (Limits and specifications for Microsoft Teams, "Chat"); counted here as the UTF-8 bytes of the
 * body and attachment contents.
 */
export const MAX_MESSAGE_BYTES = 28 * 1024;

const attachmentSchema = z.object({
  id: z.string().min(1),
  contentType: z.string().min(1),
  content: z.string().nullish(),
  contentUrl: z.string().nullish(),
  name: z.string().nullish(),
  thumbnailUrl: z.string().nullish(),
  teamsAppId: z.string().nullish(),
});

const messageSchema = z.object({
  body: z.object({
    contentType: z
      .string()
      .transform((s) => s.toLowerCase())
      .pipe(z.enum(["text", "html"]))
      .default("text"),
    content: z.string(),
  }),
  attachments: z.array(attachmentSchema).default([]),
  importance: z.enum(["normal", "high", "urgent"]).default("normal"),
  subject: z.string().nullish(),
  mentions: z.array(z.unknown()).optional(),
});

const MESSAGE_PROPERTIES = new Set(["body", "attachments", "importance", "subject", "mentions"]);

// What Teams needs of a card to render it; the renderer ignores what it does not know.
const cardSchema = z.looseObject({
  type: z.literal("AdaptiveCard"),
  version: z.string().regex(/^\d+(\.\d+)?$/),
  body: z.array(z.looseObject({ type: z.string() })).optional(),
  actions: z.array(z.looseObject({ type: z.string() })).optional(),
});

/** What a valid POST body becomes: the parts of a MessageRecord the caller chose. */
export type PostedMessage = Pick<MessageRecord, "body" | "attachments" | "importance" | "subject">;

/** Check a POST /chats/{id}/messages body; Graph's 400 or 413 when Teams would refuse it. */
export function parseChatMessage(req: SandboxRequest): PostedMessage | { error: SandboxResponse } {
  // A body that is not JSON fails the schema below, with the same answer as one of the wrong shape.
  const json = jsonBody(req);
  if (typeof json === "object" && json !== null && !Array.isArray(json)) {
    for (const key of Object.keys(json)) {
      if (key.startsWith("@odata.") || MESSAGE_PROPERTIES.has(key)) continue;
      // OData's own wording for a property the type does not declare (or the sandbox does not emulate).
      return bad(
        req,
        `The property '${key}' does not exist on type 'microsoft.graph.chatMessage'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
  }
  const parsed = messageSchema.safeParse(json);
  if (!parsed.success) return bad(req, "Invalid request body was sent.");
  const message = parsed.data;
  if ((message.mentions ?? []).length > 0) {
    // Valid Graph, but the notifier sends none and the sandbox does not emulate them.
    return bad(req, "The sandbox does not emulate mentions in chat messages.");
  }

  for (const attachment of message.attachments) {
    if (!hasMarker(message.body.content, attachment.id)) {
      return bad(req, `Body does not contain marker for attachment with Id '${attachment.id}'.`);
    }
    if (attachment.contentType.toLowerCase() === ADAPTIVE_CARD && !isRenderableCard(attachment.content)) {
      return bad(req, `Failed to process content in attachment with Id '${attachment.id}'.`);
    }
  }

  const bytes =
    Buffer.byteLength(message.body.content) +
    message.attachments.reduce((sum, a) => sum + Buffer.byteLength(a.content ?? ""), 0);
  if (bytes > MAX_MESSAGE_BYTES) {
    // Teams' connectors and clients report this as "Request Entity too large" (HTTP 413).
    return { error: graphError(413, "RequestEntityTooLarge", "Request Entity too large.", req) };
  }

  const attachments: AttachmentRecord[] = message.attachments.map((a) => ({
    id: a.id,
    contentType: a.contentType,
    content: a.content ?? null,
    contentUrl: a.contentUrl ?? null,
    name: a.name ?? null,
    thumbnailUrl: a.thumbnailUrl ?? null,
  }));
  return {
    body: message.body,
    attachments,
    importance: message.importance,
    subject: message.subject ?? null,
  };
}

/** The parsed card of an Adaptive Card attachment, or null when it is not one or does not parse. */
export function cardOf(attachment: AttachmentRecord): Record<string, unknown> | null {
  if (attachment.contentType.toLowerCase() !== ADAPTIVE_CARD) return null;
  return parseCard(attachment.content);
}

function isRenderableCard(content: string | null | undefined): boolean {
  const card = parseCard(content);
  return card !== null && Number(card.version) <= MAX_CARD_VERSION;
}

/** An attachment's content as the card it holds (as sent, not reshaped by the schema), or null. */
function parseCard(content: string | null | undefined): Record<string, unknown> | null {
  if (content === null || content === undefined) return null;
  try {
    const card: unknown = JSON.parse(content);
    return cardSchema.safeParse(card).success ? (card as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function hasMarker(content: string, id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`<attachment\\s+id\\s*=\\s*(["'])${escaped}\\1\\s*/?>`, "i").test(content);
}

function bad(req: SandboxRequest, message: string): { error: SandboxResponse } {
  return { error: graphError(400, "BadRequest", message, req) };
}
