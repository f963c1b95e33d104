// What the Teams part of the Graph emulator remembers: chats, their messages, the apps installed for each
// person and the activity-feed notifications they received. Each record is its own named document in the
// sandbox store, so every write journals only that record (a run posting a thousand cards stays linear) and
// a restart, even a killed one, loses nothing that was acknowledged.
import type { SandboxStore } from "../store.ts";

/** A chat member as the emulator keeps it: the directory object id, fixed forever. */
export interface ChatRecord {
  id: string;
  chatType: "oneOnOne";
  /** Entra object ids of the two members, sorted, so a pair maps to one chat. */
  memberIds: [string, string];
  createdDateTime: string;
  lastUpdatedDateTime: string;
}

/** One attachment as it was posted (content kept as the JSON string Graph received). */
export interface AttachmentRecord {
  id: string;
  contentType: string;
  content: string | null;
  contentUrl: string | null;
  name: string | null;
  thumbnailUrl: string | null;
}

/** A chat message as posted; the sender is a directory object id. */
export interface MessageRecord {
  id: string;
  chatId: string;
  fromUserId: string;
  createdDateTime: string;
  body: { contentType: "text" | "html"; content: string };
  attachments: AttachmentRecord[];
  importance: "normal" | "high" | "urgent";
  subject: string | null;
}

/** A Teams app installed in one person's personal scope. */
export interface InstallationRecord {
  /** base64("<userId>##<teamsAppId>"), the shape Graph's installation ids decode to. */
  id: string;
  userId: string;
  teamsAppId: string;
  installedDateTime: string;
}

/** One activity-feed notification as it reached the recipient. */
export interface ActivityRecord {
  id: string;
  recipientId: string;
  /** The Entra app id the caller's token carried; the installed Teams app it matched. */
  appId: string;
  teamsAppId: string;
  /** Who Teams names as the actor: the signed-in user (delegated) or the app (app-only). */
  actor: string;
  activityType: string;
  topic: { source: "entityUrl" | "text"; value: string; webUrl: string | null };
  previewText: string;
  templateParameters: { name: string; value: string }[];
  chainId: number | null;
  createdDateTime: string;
}

const CHAT = "graph.chats/";
const MESSAGE = "graph.chatMessages/";
const INSTALLS = "graph.installedApps/";
const ACTIVITY = "graph.activity/";

/** In-memory indexes over the store's Teams documents, written through on every change. */
export class TeamsState {
  private readonly chats = new Map<string, ChatRecord>();
  private readonly chatByPair = new Map<string, string>();
  /** Oldest first; readers reverse as Graph lists newest first. */
  private readonly messages = new Map<string, MessageRecord[]>();
  private readonly installs = new Map<string, InstallationRecord[]>();
  private readonly activity = new Map<string, ActivityRecord[]>();

  constructor(private readonly store: SandboxStore) {
    // Documents were validated when written by this module; the store hands them back as plain JSON.
    for (const [name, value] of Object.entries(store.documents)) {
      if (name.startsWith(CHAT)) this.indexChat(value as ChatRecord);
      else if (name.startsWith(MESSAGE)) this.indexMessage(value as MessageRecord);
      else if (name.startsWith(INSTALLS))
        this.installs.set(name.slice(INSTALLS.length), value as InstallationRecord[]);
      else if (name.startsWith(ACTIVITY)) this.indexActivity(value as ActivityRecord);
    }
    for (const list of this.messages.values()) list.sort(byCreated);
    for (const list of this.activity.values()) list.sort(byCreated);
  }

  /** The chat with this id, if any. */
  chat(id: string): ChatRecord | undefined {
    return this.chats.get(id);
  }

  /** The one-on-one chat between two people, whichever way round they are named. */
  chatBetween(a: string, b: string): ChatRecord | undefined {
    const id = this.chatByPair.get(pairKey(a, b));
    return id === undefined ? undefined : this.chats.get(id);
  }

  /** Every chat a person is a member of. */
  chatsOf(userId: string): ChatRecord[] {
    return [...this.chats.values()].filter((c) => c.memberIds.includes(userId));
  }

  /** Keep a new chat (durably, before the answer goes out). */
  saveChat(chat: ChatRecord): void {
    this.indexChat(chat);
    this.store.saveDocument(`${CHAT}${chat.id}`, chat);
  }

  /** A chat's messages, newest first. */
  messagesOf(chatId: string): MessageRecord[] {
    return [...(this.messages.get(chatId) ?? [])].reverse();
  }

  /** Keep a posted message. */
  saveMessage(message: MessageRecord): void {
    this.indexMessage(message);
    this.store.saveDocument(`${MESSAGE}${message.chatId}/${message.id}`, message);
  }

  /** The apps installed in a person's personal scope, in installation order. */
  installationsOf(userId: string): InstallationRecord[] {
    return [...(this.installs.get(userId) ?? [])];
  }

  /** Keep an app installed for a person. */
  saveInstallation(installation: InstallationRecord): void {
    const list = [...this.installationsOf(installation.userId), installation];
    this.installs.set(installation.userId, list);
    this.store.saveDocument(`${INSTALLS}${installation.userId}`, list);
  }

  /** A person's activity feed, newest first. */
  activityOf(userId: string): ActivityRecord[] {
    return [...(this.activity.get(userId) ?? [])].reverse();
  }

  /** Record a notification; one with the chainId of an earlier one from the same app replaces it, as Teams does. */
  saveActivity(record: ActivityRecord): void {
    const earlier =
      record.chainId === null
        ? undefined
        : this.activity
            .get(record.recipientId)
            ?.find((a) => a.chainId === record.chainId && a.appId === record.appId);
    const saved = earlier === undefined ? record : { ...record, id: earlier.id };
    const list = (this.activity.get(record.recipientId) ?? []).filter((a) => a.id !== saved.id);
    list.push(saved);
    this.activity.set(record.recipientId, list);
    this.store.saveDocument(`${ACTIVITY}${record.recipientId}/${saved.id}`, saved);
  }

  private indexChat(chat: ChatRecord): void {
    this.chats.set(chat.id, chat);
    this.chatByPair.set(pairKey(...chat.memberIds), chat.id);
  }

  private indexMessage(message: MessageRecord): void {
    const list = this.messages.get(message.chatId) ?? [];
    list.push(message);
    this.messages.set(message.chatId, list);
  }

  private indexActivity(record: ActivityRecord): void {
    const list = this.activity.get(record.recipientId) ?? [];
    list.push(record);
    this.activity.set(record.recipientId, list);
  }
}

function pairKey(a: string, b: string): string {
  return [a.toLowerCase(), b.toLowerCase()].sort().join("|");
}

function byCreated(
  a: { createdDateTime: string; id: string },
  b: { createdDateTime: string; id: string },
): number {
  return a.createdDateTime.localeCompare(b.createdDateTime) || a.id.localeCompare(b.id);
}
