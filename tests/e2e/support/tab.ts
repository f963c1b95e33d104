// Small helpers for reading the tab as a person sees it.
import type { Frame } from "playwright-core";

/** The tab's visible text, whitespace collapsed. */
export async function visibleText(tab: Frame): Promise<string> {
  const text = await tab.locator("body").innerText();
  return text.replace(/\s+/g, " ");
}

/** Wait until the tab shows a heading with this text. */
export async function waitForHeading(tab: Frame, name: string | RegExp): Promise<void> {
  await tab.getByRole("heading", { name }).first().waitFor({ timeout: 15_000 });
}

/** Whether the tab's page is wider than its frame (sideways scrolling). */
export async function scrollsSideways(tab: Frame): Promise<boolean> {
  return tab.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
