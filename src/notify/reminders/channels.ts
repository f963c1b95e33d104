// The two ways a digest reaches a person. Chat: a card in the one-on-one chat between the delegated sender
// and the recipient. Activity: an app-only notification in their Teams activity feed that opens the tab.
import type { Client } from "@microsoft/microsoft-graph-client";
import type { ReminderDigest } from "../../domain/index.ts";
import type { AdaptiveCard, CardLinks } from "../cards/index.ts";
import { tabDeepLink } from "../cards/index.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import { graphCall } from "../graph-client.ts";

/** Where a digest went, for the log: the chat's id (chat channel) or null. */
export interface Prepared {
  chatId: string | null;
}

/** One way of delivering digests. Every method throws RemoteError when Graph refuses. */
export interface DeliveryChannel {
  readonly name: "chat" | "activity";
  /**
   * The person the cards come from (chat), whom the channel cannot reach (nobody chats with themselves);
   * null when the app sends (activity) and can reach everyone.
   */
  readonly sender: string | null;
  /** Make the recipient reachable: create or reuse the chat, or install the app for them. */
  prepare(recipientUpn: string, knownChatId: string | null): Promise<Prepared>;
  /** Deliver the digest, marked with `digestId` so a later run can tell whether it arrived. */
  send(digest: ReminderDigest, card: AdaptiveCard, digestId: string, prepared: Prepared): Promise<void>;
  /**
   * When a digest marked `digestId` was delivered at or after `since`: its time, null when it was not, or
   * undefined when the channel cannot look (Graph cannot read a person's activity feed).
   */
  deliveredAt(chatId: string | null, digestId: string, since: string): Promise<string | null | undefined>;
  /** Pacing for `send`, applied by the caller. */
  readonly perSecond: number;
  /** Pacing per chat, when the channel has one. */
  readonly perChatPerSecond: number | null;
}

/** A short line for the notification or the message body: "3 actions need your attention". */
export function digestHeadline(digest: ReminderDigest): string {
  const n = new Set(digest.reminders.map((r) => r.actionId)).size;
  return `Action plan: ${String(n)} action${n === 1 ? "" : "s"} need${n === 1 ? "s" : ""} your attention`;
}

/** Stable number for activity notifications' chainId: a resend with the same id replaces, not repeats. */
export function chainIdOf(digestId: string): number {
  return Number.parseInt(digestId.slice(0, 12), 16) % 2147483647;
}

/** The app's id in the organisation's Teams catalog, from its manifest id; null when it is not there. */
export async function catalogAppId(graph: Client, manifestId: string): Promise<string | null> {
  const found = (await graphCall(() =>
    graph
      .api("/appCatalogs/teamsApps")
      .filter(`externalId eq '${manifestId.replace(/'/g, "''")}'`)
      .get(),
  )) as { value?: { id?: unknown }[] };
  const id = found.value?.[0]?.id;
  return typeof id === "string" ? id : null;
}

/**
 * Why the links' catalog id (ACTIONPLAN_TEAMS_CATALOG_ID) cannot be the app's, when the catalog gives the app
 * with the links' manifest id another one: its deep links would open nothing. One sentence without its full
 * stop (doctor lists it as a line); null when they agree.
 */
export function catalogIdMismatch(
  links: Pick<CardLinks, "catalogAppId" | "manifestAppId">,
  foundCatalogId: string,
): string | null {
  if (foundCatalogId.toLowerCase() === links.catalogAppId.toLowerCase()) return null;
  return `ACTIONPLAN_TEAMS_CATALOG_ID is ${links.catalogAppId}, but the organisation's app catalog has the Teams app ${links.manifestAppId} (ACTIONPLAN_TEAMS_APP_ID) as ${foundCatalogId}, so its cards and notifications would open nothing: set ACTIONPLAN_TEAMS_CATALOG_ID to ${foundCatalogId}`;
}

/** Whether the catalog app `catalogId` is installed for a person (so the app may notify them). */
export async function installedFor(graph: Client, upn: string, catalogId: string): Promise<boolean> {
  const installed = (await graphCall(() =>
    graph
      .api(`/users/${encodeURIComponent(upn)}/teamwork/installedApps`)
      .filter(`teamsApp/id eq '${catalogId}'`)
      .get(),
  )) as { value?: unknown[] };
  return (installed.value ?? []).length > 0;
}

/** The activity-feed channel: app-only, installing the app for the recipient when it is missing. */
export function activityChannel(graph: Client, links: CardLinks, perSecond: number): DeliveryChannel {
  let catalogId: Promise<string> | null = null;
  const findCatalogId = async (): Promise<string> => {
    const id = await catalogAppId(graph, links.manifestAppId);
    if (id === null)
      throw new Error(
        `The Teams app ${links.manifestAppId} is not in the organisation's app catalog: upload dist/appPackage/action-plan-tracker.zip in the Teams admin centre (Teams apps → Manage apps → Upload new app).`,
      );
    const mismatch = catalogIdMismatch(links, id);
    if (mismatch !== null) throw new Error(`${mismatch}.`);
    return id;
  };
  return {
    name: "activity",
    sender: null,
    perSecond,
    perChatPerSecond: null,
    async prepare(recipientUpn) {
      catalogId ??= findCatalogId();
      const appId = await catalogId;
      const user = encodeURIComponent(recipientUpn);
      if (!(await installedFor(graph, recipientUpn, appId))) {
        await graphCall(() =>
          graph.api(`/users/${user}/teamwork/installedApps`).post({
            "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${appId}`,
          }),
        ).catch((error: unknown) => {
          // Installed meanwhile (another run, or the person themselves): that is what we wanted.
          if (!(error instanceof RemoteError && error.status === 409)) throw error;
        });
      }
      return { chatId: null };
    },
    async send(digest, _card, digestId) {
      const first = digest.reminders[0];
      await graphCall(() =>
        graph
          .api(`/users/${encodeURIComponent(digest.recipientUpn)}/teamwork/sendActivityNotification`)
          .post({
            topic: { source: "text", value: "Action plan", webUrl: tabDeepLink(links, first?.actionId) },
            activityType: "remindersDue",
            chainId: chainIdOf(digestId),
            previewText: { content: digestHeadline(digest) },
            templateParameters: [{ name: "count", value: String(digest.reminders.length) }],
          }),
      );
    },
    deliveredAt: () => Promise.resolve(undefined),
  };
}
