// Helpers for the coordinator's pages (new plan, plan settings, reporting periods, SRO posts): open the tab
// and go to one by its address inside the tab, as a link there would.
import type { Frame } from "playwright-core";
import type { E2E, HostPage, HostQuery } from "./harness.ts";
import { waitForHeading } from "./tab.ts";

/** Go to `search` (e.g. "?view=posts") inside the tab, as its links do (history, then popstate). */
export async function goTo(tab: Frame, search: string): Promise<void> {
  await tab.evaluate((to) => {
    window.history.pushState(null, "", `${window.location.pathname}${to}`);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, search);
}

/** Open the tab as `user` and go to `search`, waiting for a heading matching `heading`. */
export async function openView(
  e2e: E2E,
  user: string,
  search: string,
  heading: string | RegExp,
  query: HostQuery = {},
  size?: { width: number; height: number },
): Promise<HostPage> {
  const host = await e2e.openHost({ user, ...query }, size);
  await waitForHeading(host.tab, /^Overdue|My actions|Corporate Peer Challenge|Action Plan Tracker/);
  await goTo(host.tab, search);
  await waitForHeading(host.tab, heading);
  return host;
}

/** Wait for a status message containing `text`. */
export async function said(tab: Frame, text: string | RegExp): Promise<void> {
  await tab.getByRole("status").filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
}

/** Choose a person in a directory picker by typing part of their name. */
export async function pickPerson(tab: Frame, label: string, typed: string, upn: string): Promise<void> {
  const box = tab.getByRole("combobox", { name: label });
  await box.fill(typed);
  // Typing opens the list; a fill sets the text at once, so open it as the keyboard would.
  if ((await box.getAttribute("aria-expanded")) !== "true") await box.press("ArrowDown");
  await tab.getByRole("option", { name: new RegExp(upn.replace(/[.@]/g, "\\$&")) }).click();
}
