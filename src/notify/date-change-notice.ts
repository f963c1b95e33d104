// Telling people about a request to move a target date: the plan's coordinators when an SRO asks, the SRO
// when a coordinator decides. Sent as the signed-in person through the reminders' chat channel (Graph posts
// chat messages only with a delegated token), one short message each with a link to the action. Browser-safe:
// nothing here reads the process environment.
import type { Client } from "@microsoft/microsoft-graph-client";
import { formatUkDate } from "../domain/iso-date.ts";
import type { TargetDate } from "../domain/types.ts";
import { tabDeepLink, type CardLinks } from "./cards/index.ts";
import { createGraphClient, graphCall } from "./graph-client.ts";
import { chatChannel } from "./reminders/chat-channel.ts";
import { signedInUser } from "./reminders/people.ts";
import { cardLinksOf, readNotifySettings } from "./reminders/settings.ts";

/** What happened to a request, and to which action. */
export interface DateChangeNotice {
  event: "requested" | "approved" | "declined";
  actionId: string;
  actionRef: string;
  from: TargetDate;
  to: TargetDate;
  /** The SRO's reason when asked; the coordinator's reason when declined. */
  reason: string;
}

/** Who was told, and who could not be (with Graph's words). */
export interface NoticeResult {
  sent: string[];
  failed: { upn: string; reason: string }[];
}

function dateWords(target: TargetDate): string {
  if (target.due !== null) return formatUkDate(target.due);
  return target.text.trim() === "" ? "no target date" : target.text.trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The message's sentence, as an officer reads it. */
export function noticeText(notice: DateChangeNotice): string {
  const move = `from ${dateWords(notice.from)} to ${dateWords(notice.to)}`;
  switch (notice.event) {
    case "requested":
      return `Action ${notice.actionRef}: the SRO asks to move the target date ${move}. Reason: ${notice.reason}`;
    case "approved":
      return `Action ${notice.actionRef}: your request to move the target date ${move} was approved.`;
    case "declined":
      return `Action ${notice.actionRef}: your request to move the target date ${move} was declined. Reason: ${notice.reason}`;
  }
}

/** The chat message's HTML: the sentence and a link that opens the action in the app. */
export function noticeHtml(notice: DateChangeNotice, links: CardLinks): string {
  const href = tabDeepLink(links, notice.actionId);
  return `<p>${escapeHtml(noticeText(notice))}</p><p><a href="${escapeHtml(href)}">Open action ${escapeHtml(notice.actionRef)}</a></p>`;
}

/**
 * Send `notice` to each recipient (but not the sender: Teams has no chat with oneself) in their one-on-one
 * chat with the signed-in sender. Each recipient is tried; one Graph refusal does not stop the others.
 */
export async function sendDateChangeNotice(
  graph: Client,
  graphUrl: string,
  links: CardLinks,
  notice: DateChangeNotice,
  recipients: readonly string[],
): Promise<NoticeResult> {
  const sender = await signedInUser(graph);
  const channel = chatChannel(graph, { baseUrl: graphUrl }, sender);
  const result: NoticeResult = { sent: [], failed: [] };
  const unique = [...new Set(recipients.map((r) => r.toLowerCase()))].filter((r) => r !== sender.upn);
  for (const upn of unique) {
    try {
      const { chatId } = await channel.prepare(upn, null);
      if (chatId === null) throw new Error("No chat could be opened.");
      const body = { body: { contentType: "html", content: noticeHtml(notice, links) } };
      await graphCall(() => graph.api(`/chats/${encodeURIComponent(chatId)}/messages`).post(body));
      result.sent.push(upn);
    } catch (error) {
      result.failed.push({ upn, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** The tab's entry: its configuration's settings (sandbox defaults when local) and a delegated token. */
export async function notifyDateChange(input: {
  siteUrl: string;
  sandbox: boolean;
  settings: Record<string, string>;
  getToken: () => Promise<string>;
  notice: DateChangeNotice;
  recipients: readonly string[];
}): Promise<NoticeResult> {
  const settings = readNotifySettings(input.siteUrl, input.sandbox, input.settings);
  const graph = createGraphClient({ baseUrl: settings.ACTIONPLAN_GRAPH_URL, getToken: input.getToken });
  return sendDateChangeNotice(
    graph,
    settings.ACTIONPLAN_GRAPH_URL,
    cardLinksOf(settings),
    input.notice,
    input.recipients,
  );
}
