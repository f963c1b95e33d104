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

/** On the action page, open one of its forms by its button ("Post an update", "Mark complete", …). */
export async function openActionForm(tab: Frame, button: string): Promise<void> {
  await tab.getByRole("group", { name: "What you can do" }).getByRole("button", { name: button }).click();
  await tab.locator("[data-panel] h2:focus").waitFor();
}

/** On the action page, mark the action complete with `note`, confirming when asked. */
export async function markActionComplete(tab: Frame, note: string): Promise<void> {
  await openActionForm(tab, "Mark complete");
  const form = tab.locator("form[data-form='complete']");
  await form.getByLabel("Closing note").fill(note);
  await form.getByRole("button", { name: "Mark complete" }).click();
  await tab
    .getByRole("group", { name: /complete\?$/ })
    .getByRole("button", { name: "Yes, mark it complete" })
    .click();
}

/** Press Tab (at most `limit` times) until the focused element is a button reading `text`. */
export async function tabToButton(tab: Frame, text: string, limit = 40): Promise<void> {
  const page = tab.page();
  for (let i = 0; i < limit; i++) {
    const here = await tab.evaluate(
      (t) => document.activeElement?.tagName === "BUTTON" && document.activeElement.textContent === t,
      text,
    );
    if (here) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached the button "${text}"`);
}

/**
 * From the tab's first screen, the Plan page's "New plan from a file" (a coordinator's); `planHeading`, when
 * given, is waited for on the Plan page first.
 */
export async function openNewPlanImport(tab: Frame, planHeading?: RegExp): Promise<void> {
  await waitForHeading(tab, /^Overdue|My actions|Corporate Peer Challenge/);
  await tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
  if (planHeading !== undefined) await waitForHeading(tab, planHeading);
  await tab.getByRole("button", { name: "New plan from a file" }).click();
  await waitForHeading(tab, "New plan from a file");
}
