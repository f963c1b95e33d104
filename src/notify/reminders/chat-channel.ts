// The chat channel: the card goes into the one-on-one chat between the signed-in sender and the recipient.
// Graph sends chat messages only with a delegated token; an app-only token gets Graph's 401.
import type { Client } from "@microsoft/microsoft-graph-client";
import { z } from "../../lib/zod.ts";
import type { GraphConnection } from "../graph-client.ts";
import { graphCall, nextLinkPath } from "../graph-client.ts";
import type { DeliveryChannel } from "./channels.ts";
import { digestHeadline } from "./channels.ts";
import { TEAMS_LIMITS_PER_SECOND } from "./pacing.ts";

const CARD_TYPE = "application/vnd.microsoft.card.adaptive";
const chatSchema = z.looseObject({ id: z.string().check(z.minLength(1)) });
const pageSchema = z.object({
  value: z.array(
    z.looseObject({
      createdDateTime: z.string(),
      attachments: z._default(z.array(z.looseObject({ id: z.string() })), []),
    }),
  ),
  "@odata.nextLink": z.optional(z.string()),
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The chat channel for a signed-in sender, paced under Teams' limits unless told otherwise. */
export function chatChannel(
  graph: Client,
  connection: Pick<GraphConnection, "baseUrl">,
  sender: { id: string; upn: string },
  limits: { perSecond: number; perChatPerSecond: number } = {
    perSecond: TEAMS_LIMITS_PER_SECOND.chatMessagePerApp,
    perChatPerSecond: TEAMS_LIMITS_PER_SECOND.chatMessagePerChat,
  },
): DeliveryChannel {
  const member = (user: string) => ({
    "@odata.type": "#microsoft.graph.aadUserConversationMember",
    roles: ["owner"],
    "user@odata.bind": `https://graph.microsoft.com/v1.0/users('${user.replace(/'/g, "''")}')`,
  });
  const createChat = async (recipientUpn: string): Promise<string> => {
    // Graph returns the existing one-on-one chat when there is one, so this is create-or-reuse.
    const body = { chatType: "oneOnOne", members: [member(sender.id), member(recipientUpn)] };
    return chatSchema.parse(await graphCall(() => graph.api("/chats").post(body))).id;
  };
  return {
    name: "chat",
    // Teams has no one-on-one chat with oneself: delivery leaves the sender's own reminders owed.
    sender: sender.upn.toLowerCase(),
    perSecond: limits.perSecond,
    perChatPerSecond: limits.perChatPerSecond,
    async prepare(recipientUpn, knownChatId) {
      // A chat id from an earlier run saves a call; it is checked when the message is posted.
      return { chatId: knownChatId ?? (await createChat(recipientUpn)) };
    },
    async send(digest, card, digestId, prepared) {
      const message = {
        body: {
          contentType: "html",
          content: `<p>${escapeHtml(digestHeadline(digest))}</p><attachment id="${digestId}"></attachment>`,
        },
        attachments: [
          { id: digestId, contentType: CARD_TYPE, contentUrl: null, content: JSON.stringify(card) },
        ],
      };
      if (prepared.chatId === null) throw new Error("The chat channel was not prepared.");
      const chatId = prepared.chatId;
      await graphCall(() => graph.api(`/chats/${encodeURIComponent(chatId)}/messages`).post(message));
    },
    async deliveredAt(chatId, digestId, since) {
      if (chatId === null) return null;
      // Newest first, only messages since the entry was written Pending (less a minute for clock skew). Graph
      // filters createdDateTime with 'lt' only, so the window is on lastModifiedDateTime (never earlier than a
      // message's creation), which must then be the $orderby too or Graph ignores the filter.
      const after = new Date(Date.parse(since) - 60_000).toISOString();
      let path: string | null =
        `/chats/${encodeURIComponent(chatId)}/messages?$top=50&$orderby=lastModifiedDateTime desc&$filter=lastModifiedDateTime gt ${after}`;
      while (path !== null) {
        const current: string = path;
        const page = pageSchema.parse(await graphCall(() => graph.api(current).get()));
        const hit = page.value.find((m) => m.attachments.some((a) => a.id === digestId));
        if (hit !== undefined) return hit.createdDateTime;
        path =
          page["@odata.nextLink"] === undefined ? null : nextLinkPath(connection, page["@odata.nextLink"]);
      }
      return null;
    },
  };
}
