// The one rule for turning an address read from data (an evidence link, anything written into SharePoint
// over REST) into a link: https only, and plain http only to the local sandbox. Anything else (javascript:,
// data:, vbscript:, file:, an address that does not parse) is shown as text by every renderer: the tab,
// the cards' Action.OpenUrl, reports. Pure and browser-safe, so the tab, notify and the data layer share it.

/** Which plain-http addresses may still be links: none in a tenant, the sandbox's own origin locally. */
export type HttpAllowance = (url: URL) => boolean;

/** No plain http at all: what a tenant gets (SharePoint Online and Teams are https only). */
export const HTTPS_ONLY: HttpAllowance = () => false;

/** Whether a host is this machine: the local sandbox is the one place the app runs over plain http. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/** Plain http to any local sandbox (the data layer cannot tell which port the sandbox is on). */
export const LOCAL_HTTP: HttpAllowance = (url) => isLoopbackHost(url.hostname);

/**
 * Plain http to one origin only: the sandbox's, when the site is the local sandbox (an http address on
 * this machine); a tenant's https site allows none.
 */
export function httpToSandboxOf(siteUrl: string): HttpAllowance {
  let site: URL;
  try {
    site = new URL(siteUrl);
  } catch {
    return HTTPS_ONLY;
  }
  if (site.protocol !== "http:" || !isLoopbackHost(site.hostname)) return HTTPS_ONLY;
  return (url) => url.origin === site.origin;
}

/**
 * The href to render for an address from data, or null when it must be shown as plain text. The href is
 * the parsed address re-serialised (so what is checked is what the browser gets); addresses carrying a
 * user name or password ("https://intranet@evil.example") are refused too, as they exist to mislead.
 */
export function safeHref(
  text: string | null | undefined,
  allowHttp: HttpAllowance = HTTPS_ONLY,
): string | null {
  if (text == null || text.trim() === "") return null;
  let url: URL;
  try {
    // The URL parser strips leading spaces and control characters before reading the scheme, as browsers
    // do, so " javascript:…" is read as javascript: here too and refused.
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username !== "" || url.password !== "") return null;
  if (url.protocol === "https:") return url.href;
  if (url.protocol === "http:" && allowHttp(url)) return url.href;
  return null;
}

/** Whether an address may be stored as a link: the same rule, for write paths that refuse the rest. */
export function isSafeLink(text: string, allowHttp: HttpAllowance = HTTPS_ONLY): boolean {
  return safeHref(text, allowHttp) !== null;
}
