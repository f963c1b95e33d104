// The plan view and its people: an SRO asks (keyboard only) to move a date and a coordinator approves it; a
// viewer sees no edit controls; a coordinator's "Chase now" sends the cards and says what it sent; a plan
// whose import has not finished is the coordinator's alone, with a notice.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Frame, Page } from "playwright-core";
import { isoDate } from "../../src/domain/iso-date.ts";
import { DIRECTORY, personByPost } from "../../src/sandbox/directory.ts";
import { loadActionHistory, loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { listOf } from "../../src/sharepoint/core/index.ts";
import { importPlan } from "../../src/sharepoint/import/index.ts";
import { cardsFrom } from "../integration/reminders-support.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import {
  markActionComplete,
  scrollsSideways,
  tabToButton,
  visibleText,
  waitForHeading,
} from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;
const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const VIEWER = DIRECTORY.find((p) => p.siteGroup === "Visitors")!;
const PLAN_TITLE = /Corporate Peer Challenge/;

/** Press Tab until the focused element in the tab matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, tab: Frame, selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await tab.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${selector}`);
}

async function openPlan(e2e: E2E, user: string) {
  const host = await e2e.openHost({ user });
  await waitForHeading(host.tab, /^Overdue|My actions|Corporate Peer Challenge/);
  await host.tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
  await waitForHeading(host.tab, PLAN_TITLE);
  return host;
}

describe("the plan view", () => {
  let e2e: E2E;
  let actionId: string;
  let ref: string;

  beforeAll(async () => {
    e2e = await startE2E();
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, isoDate("2024-04-10"));
    const open = mine.find(
      (m) =>
        m.record.action.completedOn === null &&
        m.record.latest?.reportedStatus !== "Completed" &&
        m.record.action.ref !== "2.6",
    );
    assert.ok(open !== undefined);
    actionId = open.record.action.id;
    ref = open.record.action.ref;
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("an SRO asks to move a date with the keyboard alone, and a coordinator approves it", async () => {
    const { page, tab, errors } = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: actionId });
    await waitForHeading(tab, `Action ${ref}`);
    const form = "form[data-form='date-change']";
    // The form is behind its button: Tab to it and open it with Enter.
    await tabToButton(tab, "Ask to move the target date");
    await page.keyboard.press("Enter");
    await tabTo(page, tab, `${form} button[type='submit']`);
    await page.keyboard.press("Enter");
    await tab.getByText("Enter the new target date").first().waitFor();
    assert.equal(
      await tab.evaluate(() => document.activeElement?.getAttribute("name")),
      "newTargetDate",
      "focus goes to the first field that needs fixing",
    );
    await page.keyboard.type("30 September 2024");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Waiting for the external auditor's report, now due in August.");
    await tabTo(page, tab, `${form} button[type='submit']`, 5);
    await page.keyboard.press("Enter");
    await tab.getByText("Your request has been sent").waitFor({ timeout: 15_000 });
    assert.match(await visibleText(tab), /to 30 Sept(ember)? 2024 — waiting for a coordinator/);
    assert.deepEqual(errors, []);

    const coordinator = await openPlan(e2e, COORDINATOR);
    await coordinator.tab.getByRole("heading", { name: "Requests to move a target date" }).waitFor();
    await coordinator.tab.getByRole("button", { name: `Approve the new date for action ${ref}` }).click();
    await coordinator.tab
      .getByRole("group", { name: `Approve the new date for action ${ref}?` })
      .getByRole("button", { name: "Yes, approve" })
      .click();
    await coordinator.tab
      .getByText(`The request for action ${ref} was approved`)
      .waitFor({ timeout: 15_000 });

    const saved = await loadActionHistory(e2e.as(SRO.upn), actionId);
    assert.equal(saved.record.action.targetDate.due, "2024-09-30");
    assert.equal(saved.dateChanges[0]?.status, "approved");
    assert.deepEqual(coordinator.errors, []);
  });

  test("a viewer sees the plan and the action but no controls to change them", async () => {
    const plan = await openPlan(e2e, VIEWER.upn);
    assert.match(await visibleText(plan.tab), /Showing \d+ of \d+ actions/);
    assert.equal(await plan.tab.getByRole("heading", { name: "Running the period" }).count(), 0);
    assert.equal(await plan.tab.getByRole("button", { name: "Chase now" }).count(), 0);

    const { tab } = await e2e.openHost({ user: VIEWER.upn, frame: "deep-link", action: actionId });
    await waitForHeading(tab, `Action ${ref}`);
    await tab.getByRole("heading", { name: "Target date history" }).waitFor();
    for (const heading of ["Post an update", "Ask to move the target date", "Mark complete"])
      assert.equal(await tab.getByRole("heading", { name: heading }).count(), 0, heading);
    assert.equal(await tab.locator("form").count(), 0);
    assert.equal(await tab.getByRole("group", { name: "What you can do" }).count(), 0, "no buttons either");
  });

  test("an SRO marks an action complete with a closing note", async () => {
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, isoDate("2024-04-10"));
    const other = mine.find(
      (m) =>
        m.record.action.completedOn === null &&
        m.record.latest?.reportedStatus !== "Completed" &&
        m.record.action.id !== actionId,
    );
    assert.ok(other !== undefined);
    const id = other.record.action.id;
    const { tab } = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: id });
    await waitForHeading(tab, `Action ${other.record.action.ref}`);
    await markActionComplete(tab, "Delivered: the new policy was adopted by Cabinet on 9 April.");
    await tab.getByText("10 April 2024 · Completed · 100% complete").waitFor({ timeout: 15_000 });
    assert.equal(await tab.getByRole("heading", { name: "Mark complete" }).count(), 0);
    const saved = await loadActionHistory(e2e.as(SRO.upn), id);
    assert.equal(saved.record.action.completedOn, "2024-04-10");
    assert.equal(saved.updates[0]?.text, "Delivered: the new policy was adopted by Cabinet on 9 April.");
  });

  test("at a 360 px phone width the plan view does not scroll sideways", async () => {
    const host = await e2e.openHost({ user: COORDINATOR, width: "phone" }, { width: 420, height: 800 });
    await waitForHeading(host.tab, /^Overdue|My actions|Corporate Peer Challenge/);
    await host.tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
    await waitForHeading(host.tab, PLAN_TITLE);
    assert.equal(await scrollsSideways(host.tab), false);
  });

  test("filters and search narrow the plan's actions", async () => {
    const { tab } = await openPlan(e2e, COORDINATOR);
    const shown = async () => Number(/Showing (\d+) of/.exec(await visibleText(tab))?.[1]);
    const all = await shown();
    await tab.getByLabel("Search").fill("housing");
    assert.ok((await shown()) < all);
    await tab.getByLabel("Search").fill("");
    await tab.getByLabel("Status").selectOption("Completed");
    assert.ok((await shown()) < all);
  });

  test("a coordinator's Chase now confirms, sends as them and reports what it sent", async () => {
    const { tab, errors } = await openPlan(e2e, COORDINATOR);
    await tab.getByRole("button", { name: "Chase now" }).click();
    await tab.getByRole("group", { name: "Send reminders now?" }).waitFor();
    await tab.getByRole("button", { name: "Send reminders" }).click();
    const summary = tab.getByText(/Reminders sent: \d+/);
    await summary.waitFor({ timeout: 60_000 });
    const sent = Number(/Reminders sent: (\d+)/.exec(await summary.innerText())?.[1]);
    assert.ok(sent > 0, `some reminders were sent: ${(await visibleText(tab)).slice(0, 3000)}`);
    assert.match(await summary.innerText(), /Failed: 0/);
    const cards = await cardsFrom(e2e.sandbox.url, "helen.fairbairn@northbridge.gov.uk", COORDINATOR);
    assert.equal(cards.length, 1, "Helen has one card from the coordinator in /sandbox/inbox.json");
    assert.deepEqual(errors, []);
  });

  test("a plan whose import has not finished: the coordinator sees it marked, its SRO does not see it", async () => {
    const { planId } = await importPlan(e2e.as(COORDINATOR), {
      plan: { title: "Housing improvement plan", referenceDate: isoDate("2024-04-10") },
      posts: [{ title: "Corporate Director Resources", holderUpn: SRO.upn }],
      recommendations: [
        {
          ref: "1",
          title: "Repairs",
          description: "",
          actions: [
            {
              ref: "1.1",
              text: "Clear the repairs backlog",
              sroPost: "Corporate Director Resources",
              targetDateText: "Jan-24",
            },
          ],
        },
      ],
    });
    // As a killed import leaves it: everything before the last write is there.
    await listOf(e2e.as(COORDINATOR).sp, "plans")
      .items.getById(Number(planId))
      .update({ ImportUnfinished: true });

    const coordinator = await openPlan(e2e, COORDINATOR);
    await coordinator.tab
      .getByLabel("Plan", { exact: true })
      .selectOption({ label: "Housing improvement plan (import not finished)" });
    await waitForHeading(coordinator.tab, "Housing improvement plan");
    assert.match(
      await visibleText(coordinator.tab),
      /Import not finished: run the import again to complete it\./,
    );

    const sro = await openPlan(e2e, SRO.upn);
    assert.equal(await sro.tab.locator("option", { hasText: "Housing improvement plan" }).count(), 0);
    assert.doesNotMatch(await visibleText(sro.tab), /Housing improvement plan|Import not finished/);
    assert.deepEqual([...coordinator.errors, ...sro.errors], []);
  });
});
