// One person's inbox as data: their chats with the messages and parsed Adaptive Cards, and their activity
// feed. The inbox page renders it and /sandbox/inbox.json returns it to tests.
import { personById, type Person } from "./directory.ts";
import { cardOf } from "./graph/message-body.ts";
import type { TeamsState } from "./graph/teams-state.ts";

/** One person's inbox, as the page shows it and /sandbox/inbox.json returns it. */
export interface InboxView {
  user: InboxPerson & { jobTitle: string; teams: boolean };
  /** Most recently active first. */
  chats: InboxChat[];
  /** Newest first. */
  activity: InboxActivity[];
}

/** A person as the inbox names them. */
export interface InboxPerson {
  id: string;
  upn: string;
  displayName: string;
}

/** One chat with the other member and its messages, newest first. */
export interface InboxChat {
  id: string;
  with: InboxPerson[];
  messages: InboxMessage[];
}

/** One message: its body as sent, as plain text, and its Adaptive Cards parsed. */
export interface InboxMessage {
  id: string;
  createdDateTime: string;
  from: InboxPerson | null;
  body: { contentType: "text" | "html"; content: string };
  /** The body as a reader sees it: tags and attachment markers removed, entities decoded. */
  text: string;
  cards: { attachmentId: string; card: Record<string, unknown> }[];
  attachments: { id: string; contentType: string }[];
}

/** One activity-feed notification. */
export interface InboxActivity {
  id: string;
  createdDateTime: string;
  actor: string;
  activityType: string;
  previewText: string;
  topic: { source: string; value: string; webUrl: string | null };
  templateParameters: { name: string; value: string }[];
}

/** Everything one person has received, for the page and for tests. */
export function inboxOf(state: TeamsState, person: Person): InboxView {
  const chats = state.chatsOf(person.id).map((chat) => ({
    id: chat.id,
    with: chat.memberIds.filter((id) => id !== person.id).map(named),
    messages: state.messagesOf(chat.id).map((m) => ({
      id: m.id,
      createdDateTime: m.createdDateTime,
      from: named(m.fromUserId),
      body: m.body,
      text: m.body.contentType === "html" ? htmlToText(m.body.content) : m.body.content,
      cards: m.attachments.flatMap((a) => {
        const card = cardOf(a);
        return card === null ? [] : [{ attachmentId: a.id, card }];
      }),
      attachments: m.attachments.map((a) => ({ id: a.id, contentType: a.contentType })),
    })),
  }));
  const lastActive = (chat: InboxChat): string => chat.messages[0]?.createdDateTime ?? "";
  chats.sort((a, b) => lastActive(b).localeCompare(lastActive(a)));
  return {
    user: {
      id: person.id,
      upn: person.upn,
      displayName: person.displayName,
      jobTitle: person.jobTitle,
      teams: person.teams !== false,
    },
    chats,
    activity: state.activityOf(person.id).map((a) => ({
      id: a.id,
      createdDateTime: a.createdDateTime,
      actor: a.actor,
      activityType: a.activityType,
      previewText: a.previewText,
      topic: a.topic,
      templateParameters: a.templateParameters,
    })),
  };
}

function named(id: string): InboxPerson {
  const person = personById(id);
  return { id, upn: person?.upn ?? "", displayName: person?.displayName ?? "Unknown user" };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Text of an HTML message body: attachment markers and tags dropped, line breaks kept, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<attachment\b[^>]*>\s*<\/attachment>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
      if (entity.startsWith("#")) {
        const code =
          entity[1]?.toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[entity.toLowerCase()] ?? whole;
    })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
