// An SRO follows the buttons of the reminder card they received: the demo's reminders for Friday 24 May
// 2024 are sent by `actionplan reminders` (as a coordinator runs it), the SRO's card is in the sandbox's
// inbox, and its Teams deep links (Action.OpenUrl, which the renderer shows as links) open the local Teams host signed in as them — "Open action" at that
// action, "Post update" in the update dialog for it — as the Teams client would.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, test } from "vitest";
import { promisify } from "node:util";
import type { BrowserContext, Page } from "playwright-core";
import { z } from "zod";
import { isoDate } from "../../src/domain/iso-date.ts";
import { loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { waitForHeading } from "./support/tab.ts";

const FRIDAY = "2024-05-24";
const SENDER = "siobhan.oconnor@northbridge.gov.uk";
const SRO = "helen.fairbairn@northbridge.gov.uk";

const summarySchema = z.object({
  sent: z.number(),
  reminders: z.array(z.object({ recipient: z.string(), role: z.string(), action: z.string() })),
});

const cardSchema = z.object({
  chats: z.array(
    z.object({
      messages: z.array(z.object({ cards: z.array(z.object({ card: z.record(z.string(), z.unknown()) })) })),
    }),
  ),
});

/** The urls of a card's buttons with this title, in the order the card shows them. */
function buttonUrls(card: unknown, title: string): string[] {
  const json = JSON.stringify(card);
  const found: string[] = [];
  JSON.parse(json, (_key, value: unknown) => {
    const action = z
      .object({ type: z.literal("Action.OpenUrl"), title: z.string(), url: z.string() })
      .safeParse(value);
    if (action.success && action.data.title.startsWith(title)) found.push(action.data.url);
    return value;
  });
  return found;
}

describe("following a reminder card's buttons", () => {
  let e2e: E2E;
  let sro: string;
  let context: BrowserContext;
  let firstActionId: string;
  let refOf: Map<string, string>;

  beforeAll(async () => {
    e2e = await startE2E();
    // As a coordinator runs it; async, because the sandbox answering it runs in this process.
    const run = await promisify(execFile)(
      process.execPath,
      ["bin/actionplan.mjs", "reminders", "--site", e2e.siteUrl, "--as-of", FRIDAY, "--as", SENDER, "--json"],
      { encoding: "utf8" },
    );
    const summary = summarySchema.parse(JSON.parse(run.stdout));
    assert.ok(summary.sent > 0);
    // The SRO the README sends people to; the run must have reminded her as an SRO.
    sro = SRO;
    assert.ok(summary.reminders.some((r) => r.role === "sro" && r.recipient === SRO));
    const inbox = cardSchema.parse(
      await (await fetch(`${e2e.sandbox.url}/sandbox/inbox.json?user=${encodeURIComponent(sro)}`)).json(),
    );
    const card = inbox.chats.flatMap((c) => c.messages.flatMap((m) => m.cards)).at(0)?.card;
    // The link as Graph holds it: a Teams deep link with the action as its sub-entity.
    const link = buttonUrls(card, "Open action").at(0) ?? "";
    assert.match(link, /^https:\/\/teams\.microsoft\.com\/l\/entity\//);
    const subEntity = z
      .object({ subEntityId: z.string() })
      .parse(JSON.parse(new URL(link).searchParams.get("context") ?? "null"));
    firstActionId = subEntity.subEntityId;
    const mine = await loadMyActions(e2e.as(sro), sro, isoDate(FRIDAY));
    refOf = new Map(mine.map((m) => [m.record.action.id, m.record.action.ref]));
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    await context.route("**/*", (route) =>
      route.request().url().startsWith(e2e.sandbox.url) ? route.continue() : route.abort(),
    );
  });
  afterAll(async () => {
    await context.close();
    await e2e.close();
  });

  async function openInbox(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${e2e.sandbox.url}/sandbox/inbox?user=${encodeURIComponent(sro)}`);
    await page.getByRole("link", { name: "Open action" }).first().waitFor({ timeout: 15_000 });
    return page;
  }

  async function hostTab(page: Page) {
    await page.waitForSelector("body[data-app-state='ready']", { timeout: 20_000 });
    const tab = page.frame({ url: /\/tab\// });
    assert.ok(tab !== null, "the host frames the tab");
    assert.equal(await page.locator("#host-user").inputValue(), sro, "signed in as the inbox's person");
    return tab;
  }

  test("“Open action” opens that action's page in Teams, signed in as the SRO", async () => {
    const page = await openInbox();
    await page.getByRole("link", { name: "Open action" }).first().click();
    await page.waitForURL(/\/teams\?/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("frame"), "deep-link");
    assert.equal(url.searchParams.get("action"), firstActionId);
    const tab = await hostTab(page);
    await waitForHeading(tab, `Action ${refOf.get(firstActionId) ?? "?"}`);
    await page.close();
  });

  test("“Post update” opens the update form for that action in the dialog", async () => {
    const page = await openInbox();
    await page.getByRole("link", { name: "Post update" }).first().click();
    await page.waitForURL(/\/teams\?/);
    assert.equal(new URL(page.url()).searchParams.get("frame"), "dialog");
    assert.equal(new URL(page.url()).searchParams.get("action"), firstActionId);
    const tab = await hostTab(page);
    await waitForHeading(tab, `Update action ${refOf.get(firstActionId) ?? "?"}`);
    assert.equal(await tab.locator("textarea").count(), 1);
    await page.close();
  });
});
