// What the configuration page saves for a channel tab: Teams' instance config (contentUrl, entityId,
// suggestedDisplayName, websiteUrl) for a plan and a default view. Pure, so it is unit-tested in Node.

/** The views a channel tab can open on. */
export const CHANNEL_VIEWS = [
  { value: "dashboard", label: "Dashboard (figures, charts and changes)" },
  { value: "plan", label: "Plan (recommendations and actions)" },
] as const;
export type ChannelView = (typeof CHANNEL_VIEWS)[number]["value"];

/** teams-js `pages.InstanceConfig`, as far as this app fills it in. */
export interface ChannelTabSettings {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

// Teams shows at most about 30 characters of a tab's name.
const MAX_NAME = 30;

/** The channel tab's settings for a plan and view; URLs are absolute, beside the tab's own page. */
export function channelTabSettings(
  plan: { id: string; title: string },
  view: ChannelView,
  tabBaseUrl: string,
): ChannelTabSettings {
  const url = new URL(`./?view=${view}&planId=${encodeURIComponent(plan.id)}`, tabBaseUrl).toString();
  const prefix = view === "dashboard" ? "Dashboard" : "Plan";
  const name = `${prefix}: ${plan.title}`;
  return {
    entityId: `${view}-${plan.id}`,
    contentUrl: url,
    websiteUrl: url,
    suggestedDisplayName: name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1).trimEnd()}…` : name,
  };
}
