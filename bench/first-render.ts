// One first render of the tab through the local Teams host in a new browser context (nothing cached), timed
// from the host's `initialize` and from navigation to the first screen in the DOM, with the SharePoint
// requests it made; and the median of several. The tab and dashboard benches both measure this way.
import type { Browser } from "playwright-core";
import { z } from "zod";
import type { RunningSandbox } from "../src/sandbox/server.ts";

// In every frame from document start: the host notes when the tab's `initialize` arrives; the tab notes
// when its first screen (the selector) is in the DOM.
export function probe(selector: string): string {
  return `(() => {
    if (window.top === window) {
      window.addEventListener("message", (e) => {
        if (e.data && e.data.func === "initialize" && window.__initAt === undefined) window.__initAt = Date.now();
      });
      return;
    }
    const seen = () => {
      if (window.__shownAt === undefined && document.querySelector(${JSON.stringify(selector)})) window.__shownAt = Date.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  })();`;
}

const timesSchema = z.object({ navigatedAt: z.number(), initAt: z.number(), shownAt: z.number() });

export interface Run {
  /** From the host's `initialize` to the first screen in the DOM. */
  ms: number;
  /** From the host page's navigation start to the first screen in the DOM. */
  fromNavigation: number;
  requests: number;
}

export async function firstRender(
  browser: Browser,
  sandbox: RunningSandbox,
  hostQuery: string,
  selector: string,
  savedChannelTab?: { entityId: string; contentUrl: string },
  /** How long the first screen may take before the run fails. */
  waitMs = 30_000,
): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
  await context.route("**/*", (route) =>
    route.request().url().startsWith(sandbox.url) ? route.continue() : route.abort(),
  );
  await context.addInitScript(probe(selector));
  if (savedChannelTab !== undefined)
    await context.addInitScript(
      `if (window.top === window) sessionStorage.setItem("teams-host:channel-tab", ${JSON.stringify(JSON.stringify(savedChannelTab))});`,
    );
  const page = await context.newPage();
  const before = sandbox.stats.sharePointRequests;
  await page.goto(`${sandbox.url}/teams?${hostQuery}`);
  const tab = page.frameLocator("#tab-frame");
  await tab.locator(selector).first().waitFor({ timeout: waitMs });
  const frame = page.frame({ url: /\/tab\// });
  if (frame === null) throw new Error("no tab frame");
  const times = timesSchema.parse({
    navigatedAt: await page.evaluate(() => performance.timeOrigin),
    initAt: await page.evaluate(() => (window as unknown as { __initAt?: number }).__initAt),
    shownAt: await frame.evaluate(() => (window as unknown as { __shownAt?: number }).__shownAt),
  });
  // Let anything the first screen started finish before counting its requests.
  await page.waitForTimeout(300);
  const requests = sandbox.stats.sharePointRequests - before;
  await context.close();
  return { ms: times.shownAt - times.initAt, fromNavigation: times.shownAt - times.navigatedAt, requests };
}

/** Median of `n` runs by `by` (each run is a new browser context, so nothing is cached between runs). */
export async function median(
  n: number,
  once: () => Promise<Run>,
  by: "ms" | "fromNavigation" = "ms",
): Promise<Run> {
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) runs.push(await once());
  runs.sort((a, b) => a[by] - b[by]);
  return (
    runs[Math.floor(runs.length / 2)] ?? { ms: Number.NaN, fromNavigation: Number.NaN, requests: Number.NaN }
  );
}
