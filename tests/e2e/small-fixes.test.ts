// The small things a first-time coordinator and CMT member trip over, tried as they would: the channel tab's
// configuration page and the dashboard on a 360 px phone (nothing scrolls sideways; the forecast chart's
// text is still 12 px), the configuration page under axe in all three themes, and a second "Chase now" the
// same day, which says everyone has already had today's card instead of "sent 0, skipped 0, failed 0".
import assert from "node:assert/strict";
import type { Frame } from "playwright-core";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/iso-date.ts";
import { DEMO_TODAY, demoCoordinator } from "../../src/sandbox/seed/demo.ts";
import { DIRECTORY, personByPost } from "../../src/sandbox/directory.ts";
import { loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { addProgressUpdate } from "../../src/sharepoint/updates/index.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { scrollsSideways, visibleText, waitForHeading } from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;
const VIEWER = DIRECTORY.find((p) => p.siteGroup === "Visitors")!;
const COORDINATOR = demoCoordinator();
const PHONE = { width: 360, height: 740 };
const THEMES = ["default", "dark", "contrast"] as const;
const PLAN_TITLE = /Corporate Peer Challenge/;

/** What sticks out past the page's right edge, for the failure message. */
async function widerThanPage(tab: Frame): Promise<string[]> {
  return tab.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > edge + 0.5)
      .slice(0, 8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} right=${String(el.getBoundingClientRect().right)}`,
      );
  });
}

/** The smallest text in the dashboard's charts as drawn, in CSS pixels: their SVG text and the key. */
async function smallestChartText(tab: Frame): Promise<number> {
  await tab.locator("#forecast-chart-caption").waitFor();
  return tab.locator("body").evaluate((page) => {
    const sizes: number[] = [];
    const box = page.ownerDocument;
    for (const svg of box.querySelectorAll("figure svg[role='img']")) {
      const drawn = svg.getBoundingClientRect().width;
      const units = (svg as SVGSVGElement).viewBox.baseVal.width;
      for (const text of svg.querySelectorAll("text"))
        sizes.push(parseFloat(getComputedStyle(text).fontSize) * (drawn / units));
    }
    for (const entry of box.querySelectorAll("figure li"))
      sizes.push(parseFloat(getComputedStyle(entry).fontSize));
    return Math.min(...sizes);
  });
}

describe("small fixes, at 360 px and in every theme", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("a coordinator sets up the channel tab on a 360 px phone without scrolling sideways", async () => {
    const { page, tab, errors } = await e2e.openHost(
      { user: COORDINATOR, frame: "configure", width: "phone" },
      PHONE,
    );
    await waitForHeading(tab, "Set up the plan tab");
    await tab.getByLabel("Plan", { exact: true }).waitFor();
    assert.equal(await scrollsSideways(tab), false, (await widerThanPage(tab)).join("\n"));
    await tab.getByRole("radio", { name: /^Plan/ }).check();
    assert.match(await visibleText(tab), /The tab will be named/);
    assert.equal(await scrollsSideways(tab), false, (await widerThanPage(tab)).join("\n"));
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  for (const theme of THEMES) {
    test(`the configuration page passes axe in the ${theme} theme, on a phone`, async () => {
      const { page, tab } = await e2e.openHost(
        { user: COORDINATOR, frame: "configure", width: "phone", theme },
        PHONE,
      );
      await waitForHeading(tab, "Set up the plan tab");
      await tab.getByLabel("Plan", { exact: true }).waitFor();
      const result = await axeViolations(tab);
      assert.ok(result.passes > 10, "axe ran its rules");
      assert.deepEqual(result.violations, []);
      await page.context().close();
    });
  }

  test("a CMT member reads the dashboard's forecast chart on a 360 px phone: 12 px text, no sideways scroll", async () => {
    const { page, tab } = await e2e.openHost({ user: VIEWER.upn, frame: "channel", width: "phone" }, PHONE);
    await waitForHeading(tab, PLAN_TITLE);
    const smallest = await smallestChartText(tab);
    assert.ok(smallest >= 12, `the chart's smallest text is ${smallest.toFixed(1)} px`);
    assert.equal(await scrollsSideways(tab), false, (await widerThanPage(tab)).join("\n"));
    // Its words for screen readers and its table stay.
    const chart = tab.getByRole("img", { name: /^Actual: / });
    assert.equal(await chart.count(), 1);
    await tab.evaluate(() => {
      for (const details of document.querySelectorAll("details")) details.open = true;
    });
    const table = tab.locator("figure", { has: tab.locator("#forecast-chart-caption") }).locator("table");
    assert.match(await table.innerText(), /Forecast/);
    assert.equal(await scrollsSideways(tab), false, (await widerThanPage(tab)).join("\n"));
    await page.context().close();
  });

  test("on a desktop the chart's text is 12 px too", async () => {
    const { page, tab } = await e2e.openHost({ user: VIEWER.upn, frame: "channel" });
    await waitForHeading(tab, PLAN_TITLE);
    assert.ok((await smallestChartText(tab)) >= 12);
    await page.context().close();
  });

  test("a coordinator chases twice in a day: the second says everyone has already had today's card", async () => {
    const { page, tab, errors } = await e2e.openHost({ user: COORDINATOR });
    await waitForHeading(tab, /^Overdue|My actions|Running the period|Corporate Peer Challenge/);
    if ((await tab.getByRole("button", { name: "Chase now" }).count()) === 0) {
      await tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
      await waitForHeading(tab, PLAN_TITLE);
    }
    const chase = async (): Promise<string> => {
      await tab.getByRole("button", { name: "Chase now" }).click();
      await tab.getByRole("group", { name: "Send reminders now?" }).waitFor();
      await tab.getByRole("button", { name: "Send reminders" }).click();
      const status = tab.getByRole("region", { name: "Running the period" }).getByRole("status");
      await status.getByText(/Reminders sent: \d+/).waitFor({ timeout: 60_000 });
      const text = await status.innerText();
      await tab.getByRole("button", { name: "Chase now" }).waitFor();
      return text.replace(/\s+/g, " ");
    };
    const first = await chase();
    const sent = Number(/Reminders sent: (\d+)/.exec(first)?.[1]);
    assert.ok(sent > 0, `the first chase sent cards: ${first}`);
    assert.match(first, /Failed: 0/);

    const second = await chase();
    assert.match(
      second,
      new RegExp(
        `Reminders sent: 0\\. Skipped: ${String(sent)} \\(all already reminded today\\)\\. Failed: 0\\.`,
      ),
    );
    assert.match(
      second,
      new RegExp(
        `Nobody was sent another card: all ${String(sent)} people owed a reminder today have already had today's card, so they were skipped\\.`,
      ),
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test("an update written with bidi controls is shown as written, not reordered", async () => {
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, isoDate(DEMO_TODAY));
    const item = mine.find((m) => m.record.action.completedOn === null);
    assert.ok(item !== undefined);
    const text = "Budget agreed: \u202E000,05£\u202C for 2024\u200F/25, see \u2067minutes\u2069.";
    await addProgressUpdate(e2e.as(SRO.upn), item.record, {
      date: DEMO_TODAY,
      text,
      reportedStatus: "On target",
      percentComplete: null,
      periodId: null,
      evidenceUrl: null,
    });
    const { page, tab } = await e2e.openHost({
      user: SRO.upn,
      frame: "deep-link",
      action: item.record.action.id,
    });
    await waitForHeading(tab, `Action ${item.record.action.ref}`);
    const history = tab.getByRole("list", { name: "Updates, newest first" });
    await history.waitFor();
    const shown = await history.innerText();
    assert.match(shown, /Budget agreed: 000,05£ for 2024\/25, see minutes\./);
    assert.doesNotMatch(shown, /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/u);
    await page.context().close();
  });
});
