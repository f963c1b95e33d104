// Teams deep links for the card buttons. Cards sent through Graph have no bot behind them, so a button can
// only open a URL: a deep link to the personal tab (with the action as its sub-entity) or to a dialog that
// shows the update form. Formats from Microsoft Learn, "Deep link to an application":
//   tab:    https://teams.microsoft.com/l/entity/<appId>/<entityId>?context={"subEntityId":"<id>"}
//   dialog: https://teams.microsoft.com/l/task/<appId>?url=<url>&height=<h>&width=<w>&title=<title>
// with every query value URI-encoded, and each under 1,900 characters (Teams on Windows cannot open longer).
// For an app published to the organisation's catalog <appId> is its id in the catalog (Teams admin centre's
// App ID, Graph's teamsApp.id), not the manifest's id (teamsApp.externalId): Teams fails a link with that.

/** A dialog dimension: pixels, or one of Teams' named sizes. */
export type DialogDimension = number | "small" | "medium" | "large";

/** Where the card's buttons go: the app's ids and the update form's address. */
export interface CardLinks {
  /** The app's id in the organisation's Teams catalog (Graph's teamsApp.id): every deep link addresses it. */
  catalogAppId: string;
  /**
   * The manifest's "id" (Graph's teamsApp.externalId). No link uses it: the activity channel finds the app in
   * the catalog by it, and checks that the catalog's id for it is `catalogAppId`.
   */
  manifestAppId: string;
  /** The entityId of the "My actions" personal tab in the manifest. */
  myActionsEntityId: string;
  /** HTTPS address of the update form page; the action id is added as the `actionId` query parameter. */
  updateFormUrl: string;
  /** Size of the update dialog; defaults to medium wide and large high. */
  dialog?: { width?: DialogDimension; height?: DialogDimension };
}

/** Teams cannot open a deep link longer than this on Windows (Microsoft Learn, as above). */
export const MAX_DEEP_LINK_LENGTH = 1900;

const TEAMS = "https://teams.microsoft.com/l";

/** The personal tab, opened at one action when `actionId` is given (it arrives as the page's subPageId). */
export function tabDeepLink(links: CardLinks, actionId?: string): string {
  const base = `${TEAMS}/entity/${encodeURIComponent(links.catalogAppId)}/${encodeURIComponent(links.myActionsEntityId)}`;
  if (actionId === undefined) return checked(base);
  return checked(`${base}?context=${encodeURIComponent(JSON.stringify({ subEntityId: actionId }))}`);
}

/**
 * The personal tab's plan view at some of a plan's actions: the sub-entity `plan:<planId>:<id>,<id>` (the
 * tab reads it as the plan filtered to them). Too many ids for a deep link: the plan alone.
 */
export function planDeepLink(links: CardLinks, planId: string, actionIds: readonly string[]): string {
  const base = `${TEAMS}/entity/${encodeURIComponent(links.catalogAppId)}/${encodeURIComponent(links.myActionsEntityId)}`;
  const at = (subEntityId: string) =>
    `${base}?context=${encodeURIComponent(JSON.stringify({ subEntityId }))}`;
  const full = at(`plan:${planId}:${actionIds.join(",")}`);
  return checked(full.length <= MAX_DEEP_LINK_LENGTH ? full : at(`plan:${planId}:`));
}

/** Whether a page is on this machine (the local sandbox), the one place Teams pages may be plain http. */
export function isLocalPage(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "127.0.0.1";
}

/** A Teams dialog showing the update form for one action. */
export function updateDialogDeepLink(links: CardLinks, actionId: string, actionRef: string): string {
  const form = new URL(links.updateFormUrl);
  // Teams only frames HTTPS pages in a dialog; plain http is allowed for the local sandbox alone.
  if (form.protocol !== "https:" && !(isLocalPage(form) && form.protocol === "http:")) {
    throw new RangeError(`The update form must be served over HTTPS: ${links.updateFormUrl}`);
  }
  form.searchParams.set("actionId", actionId);
  const params: [string, string][] = [
    ["url", form.toString()],
    ["height", String(links.dialog?.height ?? "large")],
    ["width", String(links.dialog?.width ?? "medium")],
    ["title", `Update action ${actionRef}`],
  ];
  const query = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&");
  return checked(`${TEAMS}/task/${encodeURIComponent(links.catalogAppId)}?${query}`);
}

function checked(link: string): string {
  if (link.length > MAX_DEEP_LINK_LENGTH) {
    throw new RangeError(
      `Deep link is ${String(link.length)} characters, over Teams' ${String(MAX_DEEP_LINK_LENGTH)}`,
    );
  }
  return link;
}
