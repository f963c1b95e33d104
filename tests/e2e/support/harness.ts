// One end-to-end run: an in-process sandbox seeded with the demo plan (as `npm start` runs it) serving the
// built tab and the local Teams host, and headless Chromium to drive them. Any request the page makes
// outside the sandbox is refused, and close() fails the file when any page it opened made such a request or
// had an uncaught error (unless that page's `allow` names it), so no test file has to check for them itself.
import assert from "node:assert/strict";
import type { Browser, Frame, Page } from "playwright-core";
import { DEMO_TODAY, demoCoordinator, seedDemo } from "../../../src/sandbox/seed/demo.ts";
import type { RunningSandbox } from "../../../src/sandbox/server.ts";
import { createSharePoint, dataContext, type DataContext } from "../../../src/sharepoint/core/index.ts";
import { sandboxToken } from "../../support/sandbox-token.ts";
import { openSandbox } from "../../support/targets.ts";
import { launchChromium } from "./browser.ts";
import { ensureTabBuilt, TAB_DIR } from "./tab-build.ts";

export interface HostQuery {
  user?: string;
  theme?: "default" | "dark" | "contrast";
  frame?: "personal" | "channel" | "configure" | "deep-link" | "dialog";
  width?: "desktop" | "phone";
  action?: string;
  /** How the host signs the tab in: Nested App Authentication (the default) or Teams SSO only. */
  signin?: "naa" | "sso";
}

/** A request the page made, with its Authorization header (to check where tokens go). */
export interface SeenRequest {
  url: string;
  authorization: string | null;
}

export interface HostPage {
  page: Page;
  /** The tab inside the host's iframe. */
  tab: Frame;
  /** Requests the page tried to make outside the sandbox (refused). */
  strayRequests: string[];
  /** Uncaught errors in the page or the tab. */
  errors: string[];
  /** Every request the page and the tab made, in order. */
  requests: SeenRequest[];
}

/** What one page may do without failing close(): an uncaught error or an outside request it expects. */
export interface Allowed {
  errors?: RegExp[];
  requests?: RegExp[];
}

export interface E2E {
  sandbox: RunningSandbox;
  browser: Browser;
  siteUrl: string;
  /** Data access as a person, for arranging and checking what the browser did. */
  as: (upn: string) => DataContext;
  /**
   * Open the host page with the toolbar set by `query`, and wait until the tab reports it has loaded. Its
   * stray requests and uncaught errors fail close(), except those `allow` expects.
   */
  openHost: (
    query: HostQuery,
    viewport?: { width: number; height: number },
    allow?: Allowed,
  ) => Promise<HostPage>;
  /** Close the browser and the sandbox; then fail if any page opened made a stray request or had an uncaught error. */
  close: () => Promise<void>;
}

// teams-js fetches its list of valid host origins from Microsoft's CDN when it loads (validOrigins.js); with
// no network it falls back to the list it carries, which is what happens here. Not the tab's own request.
const TEAMS_JS_ORIGIN_LIST = /^https:\/\/res\.cdn\.office\.net\/teams-js\/validDomains\//;

/** Start the sandbox with the demo plan, the built tab and Chromium. */
export async function startE2E(): Promise<E2E> {
  const built = ensureTabBuilt();
  const target = await openSandbox({ today: DEMO_TODAY, tabDir: TAB_DIR });
  const { sandbox, siteUrl } = target;
  const tokenFor = (upn: string) => sandboxToken(sandbox.url, { user: upn });
  const coordinator = demoCoordinator();
  await Promise.all([seedDemo(siteUrl, () => tokenFor(coordinator)), built]);
  const browser = await launchChromium();

  const opened: { query: HostQuery; host: HostPage; allow: Allowed }[] = [];
  const openHost = async (
    query: HostQuery,
    viewport = { width: 1280, height: 900 },
    allow: Allowed = {},
  ): Promise<HostPage> => {
    const context = await browser.newContext({ viewport, locale: "en-GB" });
    const page = await context.newPage();
    const strayRequests: string[] = [];
    const errors: string[] = [];
    const requests: SeenRequest[] = [];
    page.on("request", (request) => {
      void request.allHeaders().then((headers) => {
        requests.push({ url: request.url(), authorization: headers["authorization"] ?? null });
      });
    });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(sandbox.url)) return route.continue();
      if (!TEAMS_JS_ORIGIN_LIST.test(url)) strayRequests.push(url);
      return route.abort();
    });
    page.on("pageerror", (error) => errors.push(error.message));
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined));
    await page.goto(`${sandbox.url}/teams?${params.toString()}`);
    await page.waitForSelector("body[data-app-state='ready']", { timeout: 20_000 });
    const tab = page.frame({ url: /\/tab\// });
    if (tab === null) throw new Error("The host has no tab frame.");
    const host = { page, tab, strayRequests, errors, requests };
    opened.push({ query, host, allow });
    return host;
  };

  return {
    sandbox,
    browser,
    siteUrl,
    as: (upn) => dataContext(createSharePoint({ siteUrl, getToken: () => tokenFor(upn) })),
    openHost,
    close: async () => {
      await browser.close();
      await target.close();
      assert.deepEqual(unexpected(opened), [], "pages reached outside the sandbox or had uncaught errors");
    },
  };
}

/** Each opened page's stray requests and uncaught errors that its `allow` does not expect (pages with none left out). */
function unexpected(opened: { query: HostQuery; host: HostPage; allow: Allowed }[]) {
  const notIn =
    (allowed: RegExp[] = []) =>
    (text: string) =>
      !allowed.some((pattern) => pattern.test(text));
  return opened
    .map(({ query, host, allow }) => ({
      page: query,
      strayRequests: host.strayRequests.filter(notIn(allow.requests)),
      errors: host.errors.filter(notIn(allow.errors)),
    }))
    .filter((page) => page.strayRequests.length > 0 || page.errors.length > 0);
}
