// The sandbox's stand-in for what the Teams client does with a deep link. A card sent through Graph can only
// open URLs, and its buttons are Teams deep links (src/notify/cards/deep-links.ts); no machine here reaches
// teams.microsoft.com, so the inbox sends a deep link to the sandbox's own app into the local Teams host
// (/teams), signed in as the person whose inbox it is, as Teams opens it for the person who clicked. Teams
// opens an organisation's app by its id in the catalog, so a link naming the manifest's id is left as it is:
// it opens nothing here, as it would fail in Teams.
import type { InboxView } from "./inbox-view.ts";
import type { HostFrame } from "./teams-host/protocol.ts";

/** Who follows the links, and which Teams app the sandbox hosts. */
export interface LinkContext {
  /** The sandbox's origin, e.g. http://localhost:4300. */
  origin: string;
  /**
   * The catalog id (Graph's teamsApp.id) of the app the sandbox hosts; links to other apps, or to this one by
   * its manifest id, stay as they are.
   */
  catalogAppId: string;
  /** The person who follows the link: the host signs them in. */
  upn: string;
}

// SharePoint item ids, as the host's toolbar accepts them; a tab link's sub-entity may also be a plan at some
// of its actions (`plan:3:12,15`, an escalation card's "Open the action plan").
const ACTION_ID = /^[1-9]\d{0,9}$/;
const SUB_ENTITY = /^(?:[1-9]\d{0,9}|plan:[1-9]\d{0,9}:(?:[1-9]\d{0,9},)*(?:[1-9]\d{0,9})?)$/;

function hostUrl(context: LinkContext, frame: HostFrame, actionId: string | null): string {
  const params = new URLSearchParams({ user: context.upn, frame });
  if (actionId !== null) params.set("action", actionId);
  return `${context.origin}/teams?${params.toString()}`;
}

/** The action a tab deep link's `context` names as its subEntityId, or null. */
function subEntityOf(context: string | null): string | null {
  if (context === null) return null;
  try {
    const parsed: unknown = JSON.parse(context);
    const id =
      parsed !== null && typeof parsed === "object" && "subEntityId" in parsed ? parsed.subEntityId : null;
    return typeof id === "string" && SUB_ENTITY.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** The action whose update form a dialog deep link's `url` opens, or null. */
function formActionOf(url: string | null): string | null {
  if (url === null || !URL.canParse(url)) return null;
  const actionId = new URL(url).searchParams.get("actionId");
  return actionId !== null && ACTION_ID.test(actionId) ? actionId : null;
}

/**
 * Where the sandbox opens `link`: a tab deep link (/l/entity/<app>/<entity>) to the host's personal tab, at
 * the action when it names one; a dialog deep link (/l/task/<app>?url=…) to the host's update dialog; any
 * other link, or one whose <app> is not the hosted app's catalog id (another app, or its manifest id),
 * unchanged.
 */
export function localTeamsLink(link: string, context: LinkContext): string {
  if (!URL.canParse(link)) return link;
  const url = new URL(link);
  if (url.protocol !== "https:" || url.hostname.toLowerCase() !== "teams.microsoft.com") return link;
  const [l, kind, appId] = url.pathname
    .split("/")
    .filter((part) => part !== "")
    .map(decodeURIComponent);
  if (l !== "l" || appId?.toLowerCase() !== context.catalogAppId.toLowerCase()) return link;
  if (kind === "entity") {
    const actionId = subEntityOf(url.searchParams.get("context"));
    return hostUrl(context, actionId === null ? "personal" : "deep-link", actionId);
  }
  if (kind === "task") {
    const actionId = formActionOf(url.searchParams.get("url"));
    return actionId === null ? link : hostUrl(context, "dialog", actionId);
  }
  return link;
}

/** A copy of a card with every Action.OpenUrl's url passed through `map` (nested cards and selectActions too). */
export function mapCardUrls(
  card: Record<string, unknown>,
  map: (url: string) => string,
): Record<string, unknown> {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    return value !== null && typeof value === "object" ? mapObject(value) : value;
  };
  const mapObject = (value: object): Record<string, unknown> => {
    const copy = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    if (copy.type === "Action.OpenUrl" && typeof copy.url === "string") copy.url = map(copy.url);
    return copy;
  };
  return mapObject(card);
}

/** The inbox as the person sees it in the sandbox: card buttons and activity topics open the local host. */
export function withLocalLinks(view: InboxView, context: Omit<LinkContext, "upn">): InboxView {
  const map = (url: string) => localTeamsLink(url, { ...context, upn: view.user.upn });
  return {
    ...view,
    chats: view.chats.map((chat) => ({
      ...chat,
      messages: chat.messages.map((message) => ({
        ...message,
        cards: message.cards.map((c) => ({ ...c, card: mapCardUrls(c.card, map) })),
      })),
    })),
    activity: view.activity.map((a) => ({
      ...a,
      topic: { ...a.topic, webUrl: a.topic.webUrl === null ? null : map(a.topic.webUrl) },
    })),
  };
}
