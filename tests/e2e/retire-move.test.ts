// A coordinator runs the plan's structure from the Plan page's "Edit plan": withdraws an overdue action with
// a reason (the Plan, its action page with its changes, and the dashboard show it as withdrawn, no longer
// overdue), moves an action to another recommendation, reorders with the keyboard, makes an action a
// milestone and back. Two coordinators editing one action: the second is told in words and keeps what they
// typed. A Member whose request reaches SharePoint is refused by SharePoint, and told so in words. axe in
// every theme and at 360 px on the edit forms and the Changes section.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Frame } from "playwright-core";
import { deriveStatus } from "../../src/domain/status.ts";
import { DEMO_TODAY } from "../../src/sandbox/seed/demo.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { dashboardFigures, loadDashboard, type Dashboard } from "../../src/sharepoint/plans/index.ts";
import type { ActionRecord } from "../../src/sharepoint/schema/index.ts";
import { sandboxToken } from "../support/sandbox-token.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { axeViolations } from "./support/axe.ts";
import { scrollsSideways, visibleText, waitForHeading } from "./support/tab.ts";

const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const OTHER_COORDINATOR = "daniel.osei@northbridge.gov.uk";
const SRO = personByPost("Corporate Director Resources")!;
const PLAN_TITLE = /Corporate Peer Challenge/;
const THEMES = ["default", "dark", "contrast"] as const;

async function openEditor(
  e2e: E2E,
  user: string,
  query: Parameters<E2E["openHost"]>[0] = {},
  size?: { width: number; height: number },
) {
  const host = await e2e.openHost({ user, ...query }, size);
  await waitForHeading(host.tab, /^Overdue|My actions|Corporate Peer Challenge/);
  await host.tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
  await waitForHeading(host.tab, PLAN_TITLE);
  await host.tab.getByRole("button", { name: "Edit plan" }).click();
  await host.tab.getByRole("button", { name: "Add a recommendation" }).waitFor({ timeout: 15_000 });
  return host;
}

/** Open the "Change …" menu of an action or milestone and choose `item`. */
async function change(tab: Frame, name: string, item: string | RegExp): Promise<void> {
  await tab.getByRole("button", { name: `Change ${name}`, exact: true }).click();
  await tab.getByRole("menuitem", { name: item }).click();
}

async function said(tab: Frame, text: string): Promise<void> {
  await tab.getByRole("status").filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
}

/** Wait until `check` holds (the plan is read again after each change), failing after 15 s. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`Timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function isOpenTop(r: ActionRecord, dashboard: Dashboard): boolean {
  return (
    r.action.parentId === undefined &&
    r.action.completedOn === null &&
    r.action.withdrawn === undefined &&
    !dashboard.actions.some((m) => m.action.parentId === r.action.id)
  );
}

describe("a coordinator withdraws, moves, reorders and nests actions", () => {
  let e2e: E2E;
  let planId: string;
  let before: Dashboard;
  let overdue: ActionRecord;

  const fresh = () => loadDashboard(e2e.as(COORDINATOR), planId);
  const byId = async (id: string) => (await fresh()).actions.find((r) => r.action.id === id)!;

  beforeAll(async () => {
    e2e = await startE2E();
    const { listPlans } = await import("../../src/sharepoint/plans/plans.ts");
    planId = (await listPlans(e2e.as(COORDINATOR))).find((p) => PLAN_TITLE.test(p.title))!.id;
    before = await fresh();
    const found = before.actions.find(
      (r) =>
        isOpenTop(r, before) &&
        deriveStatus(r.action, {
          today: DEMO_TODAY,
          reported: r.latest?.reportedStatus ?? null,
          overdueAfterMonths: before.plan.overdueAfterMonths,
        }).derived === "Overdue",
    );
    assert.ok(found !== undefined, "the demo plan has an overdue action");
    overdue = found;
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("a withdrawn action shows as withdrawn in the Plan, on its page with its changes, and on the dashboard", async () => {
    const ref = overdue.action.ref;
    const overdueBefore = dashboardFigures(before, DEMO_TODAY).overdue;
    const { page, tab, errors } = await openEditor(e2e, COORDINATOR);
    await change(tab, `action ${ref}`, "Withdraw");
    const form = tab.locator("form[data-form='withdraw-action']");
    await form.getByRole("button", { name: "Withdraw action" }).click();
    await form.getByText("Give the reason the action is being withdrawn.").waitFor();
    assert.equal(await tab.evaluate(() => document.activeElement?.getAttribute("name")), "withdrawReason");
    await form.getByLabel("Reason for withdrawing it").fill("Superseded by the new housing strategy.");
    await form.getByRole("button", { name: "Withdraw action" }).click();
    await said(tab, `Action ${ref} was withdrawn.`);
    const row = tab.locator(`[data-edit-row='action'][data-action-ref='${ref}']`);
    await row.getByText("Superseded by the new housing strategy.").waitFor({ timeout: 15_000 });

    const saved = await byId(overdue.action.id);
    assert.equal(saved.action.withdrawn?.reason, "Superseded by the new housing strategy.");
    assert.equal(saved.action.withdrawn.on, DEMO_TODAY);

    await tab.getByRole("button", { name: "Finish editing" }).click();
    const listed = tab.locator(`li[data-action-ref='${ref}']`).first();
    assert.match(await listed.innerText(), /Withdrawn/);
    assert.match(
      await listed.innerText(),
      /Withdrawn on 10 April 2024: Superseded by the new housing strategy\./,
    );
    assert.deepEqual(errors, []);
    await page.context().close();

    const action = await e2e.openHost({ user: COORDINATOR, frame: "deep-link", action: overdue.action.id });
    await waitForHeading(action.tab, `Action ${ref}`);
    await action.tab.getByRole("heading", { name: "Changes" }).waitFor();
    const changes = action.tab.getByRole("list", { name: "Changes, newest first" });
    await changes.waitFor({ timeout: 15_000 });
    const newest = await changes.getByRole("listitem").first().innerText();
    assert.match(newest, /Withdrawn/);
    assert.match(newest, /Superseded by the new housing strategy/);
    assert.match(newest, /by Siobhan O.Connor/);
    assert.match(await visibleText(action.tab), /A coordinator withdrew this action on 10 April 2024/);
    assert.equal(await action.tab.getByRole("heading", { name: "Post an update" }).count(), 0);
    await action.page.context().close();

    const board = await e2e.openHost({ user: SRO.upn, frame: "channel" });
    await waitForHeading(board.tab, PLAN_TITLE);
    await board.tab.locator(`[data-withdrawn-ref='${ref}']`).waitFor();
    const shown = await board.tab.locator("[data-figure='overdue'] dd").innerText();
    assert.equal(Number(shown.trim()), overdueBefore - 1, "a withdrawn action is not counted as overdue");
    await board.page.context().close();
  });

  test("moves an action to another recommendation, reorders with the keyboard, makes a milestone and back", async () => {
    const dashboard = await fresh();
    const recs = dashboard.recommendations;
    const moving = dashboard.actions.find(
      (r) => isOpenTop(r, dashboard) && r.action.recommendationId === recs[0]!.id,
    )!;
    const to = recs[1]!;
    const { page, tab, errors } = await openEditor(e2e, COORDINATOR);
    const ref = moving.action.ref;

    await change(tab, `action ${ref}`, "Move to another recommendation");
    const move = tab.locator("form[data-form='move-action']");
    await move.getByLabel("Move to").selectOption(to.id);
    await move.getByRole("button", { name: "Move action" }).click();
    await said(tab, `Action ${ref} was moved to recommendation ${to.ref}.`);
    assert.equal((await byId(moving.action.id)).action.recommendationId, to.id);
    const section = tab.locator(`section[data-recommendation-ref='${to.ref}']`);
    await section.locator(`[data-action-ref='${ref}']`).waitFor({ timeout: 15_000 });

    // Reorder with the keyboard alone: focus "Move down" (or "Move up" when it is last) and press Enter;
    // focus stays on the moved action's button.
    const siblings = async () =>
      section
        .locator("[data-edit-row='action']")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action-ref")));
    const was = await siblings();
    const at = was.indexOf(ref);
    assert.ok(was.length > 1 && at >= 0, `recommendation ${to.ref} has ${was.join(", ")}`);
    const direction = at < was.length - 1 ? "down" : "up";
    const button = `Move ${direction} action ${ref}`;
    await tab.getByRole("button", { name: button, exact: true }).focus();
    await page.keyboard.press("Enter");
    await said(tab, `Action ${ref} was moved ${direction}.`);
    const expected = direction === "down" ? at + 1 : at - 1;
    await until(async () => (await siblings()).indexOf(ref) === expected, "the list shows the new order");
    const now = await siblings();
    await tab.waitForFunction((name) => document.activeElement?.getAttribute("aria-label") === name, button);
    const ordered = (await fresh()).actions
      .filter((r) => r.action.recommendationId === to.id && r.action.parentId === undefined)
      .sort((a, b) => (a.action.sortOrder ?? 0) - (b.action.sortOrder ?? 0))
      .map((r) => r.action.ref);
    assert.deepEqual(ordered, now, "SortOrder in SharePoint is the order shown");

    const first = recs[0]!;
    await tab.getByRole("button", { name: `Move down recommendation ${first.ref}`, exact: true }).click();
    await said(tab, `Recommendation ${first.ref} was moved down.`);
    await until(
      async () =>
        (
          await tab
            .locator("section[data-recommendation-ref]")
            .evaluateAll((s) => s.map((x) => x.getAttribute("data-recommendation-ref")))
        )[1] === first.ref,
      "recommendation moved down",
    );
    const headings = await tab
      .locator("section[data-recommendation-ref]")
      .evaluateAll((s) => s.map((x) => x.getAttribute("data-recommendation-ref")));
    assert.equal(headings[1], first.ref);

    // Make it a milestone of another action, then an action again.
    const parent = (await fresh()).actions.find(
      (r) =>
        r.action.parentId === undefined &&
        r.action.id !== moving.action.id &&
        r.action.withdrawn === undefined,
    )!;
    await change(tab, `action ${ref}`, "Make it a milestone of another action");
    const nest = tab.locator("form[data-form='make-milestone']");
    await nest.getByLabel("Milestone of action").selectOption(parent.action.id);
    await nest.getByRole("button", { name: "Make it a milestone" }).click();
    await said(tab, `Action ${ref} is now a milestone of action ${parent.action.ref}.`);
    assert.equal((await byId(moving.action.id)).action.parentId, parent.action.id);
    await tab
      .getByRole("list", { name: `Milestones of action ${parent.action.ref}` })
      .locator(`[data-action-ref='${ref}']`)
      .waitFor({ timeout: 15_000 });

    await change(tab, `milestone ${ref}`, "Make it an action");
    await tab
      .locator("form[data-form='make-action']")
      .getByRole("button", { name: "Make it an action" })
      .click();
    await said(tab, `Milestone ${ref} is now an action.`);
    assert.equal((await byId(moving.action.id)).action.parentId, undefined);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test("revises a target date with a reason, and reinstates the withdrawn action", async () => {
    const dashboard = await fresh();
    const target = dashboard.actions.find((r) => isOpenTop(r, dashboard))!;
    const ref = target.action.ref;
    const { page, tab, errors } = await openEditor(e2e, COORDINATOR);
    await change(tab, `action ${ref}`, "Revise the target date");
    const form = tab.locator("form[data-form='revise-date']");
    await form.getByLabel("New target date").fill("Sept-25");
    await form.getByText("Read as 30 September 2025.").waitFor();
    await form.getByRole("button", { name: "Revise the target date" }).click();
    await form.getByText("Give the reason the date is being revised.").waitFor();
    await form.getByLabel("Reason for the change").fill("The board agreed a later date.");
    await form.getByRole("button", { name: "Revise the target date" }).click();
    await said(tab, `The target date of ${ref} was revised to Sept-25.`);
    const saved = await byId(target.action.id);
    assert.equal(saved.action.targetDate.due, "2025-09-30");

    await change(tab, `action ${overdue.action.ref}`, "Reinstate");
    await tab
      .locator("form[data-form='reinstate-action']")
      .getByRole("button", { name: "Reinstate action" })
      .click();
    await said(tab, `Action ${overdue.action.ref} was reinstated.`);
    assert.equal((await byId(overdue.action.id)).action.withdrawn, undefined);
    assert.deepEqual(errors, []);
    await page.context().close();

    const action = await e2e.openHost({ user: COORDINATOR, frame: "deep-link", action: target.action.id });
    await waitForHeading(action.tab, `Action ${ref}`);
    const history = action.tab.getByRole("list", { name: "Target date history, oldest first" });
    await history.getByText("The board agreed a later date.").waitFor({ timeout: 15_000 });
    const changes = action.tab.getByRole("list", { name: "Changes, newest first" });
    await changes.waitFor({ timeout: 15_000 });
    assert.match(await changes.innerText(), /Target date/i);
    await action.page.context().close();
  });

  test("two coordinators change one action: the second is told in words and keeps what they typed", async () => {
    const dashboard = await fresh();
    const target = dashboard.actions.find((r) => isOpenTop(r, dashboard))!;
    const ref = target.action.ref;
    const { page, tab } = await openEditor(e2e, COORDINATOR);
    await change(tab, `action ${ref}`, "Number, text and SRO post");
    const form = tab.locator("form[data-form='edit-action']");
    const typed = "Reworded by Siobhan after the board meeting.";
    await form.getByLabel("Action text").fill(typed);
    // Meanwhile, another coordinator changes the same action.
    await e2e
      .as(OTHER_COORDINATOR)
      .sp.web.lists.getByTitle("Actions")
      .items.getById(Number(target.action.id))
      .update({ ActionText: "Reworded by Daniel." });
    await form.getByRole("button", { name: "Save action" }).click();
    await form
      .getByRole("alert")
      .filter({ hasText: "Someone else changed this action" })
      .waitFor({ timeout: 15_000 });
    assert.equal(await form.getByLabel("Action text").inputValue(), typed, "what was typed is still there");
    // Saved again, against their version.
    await form.getByRole("button", { name: "Save action" }).click();
    await said(tab, `Action ${ref} was changed.`);
    assert.equal((await byId(target.action.id)).action.text, typed);
    await page.context().close();
  });

  test("a Member sees no Edit plan, and a Member's request that reaches SharePoint is refused there, in words", async () => {
    const member = await e2e.openHost({ user: SRO.upn });
    await waitForHeading(member.tab, /^Overdue|My actions|Corporate Peer Challenge/);
    await member.tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
    await waitForHeading(member.tab, PLAN_TITLE);
    assert.equal(await member.tab.getByRole("button", { name: "Edit plan" }).count(), 0);
    await member.page.context().close();

    // The editor open, then the requests it sends carry the Member's token instead: SharePoint decides.
    const { page, tab } = await openEditor(e2e, COORDINATOR);
    const memberToken = await sandboxToken(e2e.sandbox.url, { user: SRO.upn });
    await page.context().route(`${e2e.sandbox.url}/**/_api/**`, async (route) => {
      const headers = { ...route.request().headers(), authorization: `Bearer ${memberToken}` };
      await route.continue({ headers });
    });
    await tab.getByRole("button", { name: "Add a recommendation" }).click();
    const form = tab.locator("form[data-form='add-recommendation']");
    await form.getByLabel("Title").fill("Refused recommendation");
    await form.getByRole("button", { name: "Add recommendation" }).click();
    await form
      .getByRole("alert")
      .filter({ hasText: "Only the plan's coordinators (site Owners) can add recommendations." })
      .waitFor({ timeout: 15_000 });
    assert.equal(await form.getByLabel("Title").inputValue(), "Refused recommendation");
    assert.ok(!(await fresh()).recommendations.some((r) => r.title === "Refused recommendation"));
    await page.context().close();
  });

  for (const theme of THEMES) {
    test(`axe: the edit forms and the Changes section, ${theme} theme`, async () => {
      const dashboard = await fresh();
      const target = dashboard.actions.find((r) => isOpenTop(r, dashboard))!;
      const rec = dashboard.recommendations[0]!;
      const { page, tab } = await openEditor(e2e, COORDINATOR, { theme });
      assert.deepEqual((await axeViolations(tab)).violations, [], "the editor");
      await tab
        .getByRole("button", { name: `Add an action to recommendation ${rec.ref}`, exact: true })
        .click();
      await tab.locator("form[data-form='add-action']").getByLabel("Target date").fill("Mar-25");
      await tab
        .getByRole("button", { name: `Add a milestone to action ${target.action.ref}`, exact: true })
        .click();
      await tab.getByRole("button", { name: "Add a recommendation" }).click();
      await tab
        .locator("form[data-form='add-recommendation']")
        .getByRole("button", { name: "Add recommendation" })
        .click();
      const open = await axeViolations(tab);
      assert.ok(open.passes > 10, "axe ran its rules");
      assert.deepEqual(open.violations, [], "add forms open, one with its errors");
      await change(tab, `action ${target.action.ref}`, "Revise the target date");
      await tab.locator("form[data-form='revise-date']").waitFor();
      await change(tab, `action ${overdue.action.ref}`, "Withdraw");
      await tab.locator("form[data-form='withdraw-action']").waitFor();
      assert.deepEqual((await axeViolations(tab)).violations, [], "revise and withdraw forms open");
      await page.context().close();

      const action = await e2e.openHost({
        user: COORDINATOR,
        frame: "deep-link",
        action: overdue.action.id,
        theme,
      });
      await action.tab.getByRole("list", { name: "Changes, newest first" }).waitFor({ timeout: 15_000 });
      assert.deepEqual((await axeViolations(action.tab)).violations, [], "the action page with its Changes");
      await action.page.context().close();
    });
  }

  test("at 360 px the editor and its forms, and the Changes section, pass axe without sideways scrolling", async () => {
    const dashboard = await fresh();
    const target = dashboard.actions.find((r) => isOpenTop(r, dashboard))!;
    const { page, tab } = await openEditor(e2e, COORDINATOR, { width: "phone" }, { width: 360, height: 740 });
    await change(tab, `action ${target.action.ref}`, "Withdraw");
    await tab
      .getByRole("button", { name: `Add a milestone to action ${target.action.ref}`, exact: true })
      .click();
    await tab.locator("form[data-form='add-milestone']").waitFor();
    assert.equal(await scrollsSideways(tab), false);
    assert.deepEqual((await axeViolations(tab)).violations, []);
    await page.context().close();

    const action = await e2e.openHost(
      { user: COORDINATOR, frame: "deep-link", action: overdue.action.id, width: "phone" },
      { width: 360, height: 740 },
    );
    await action.tab.getByRole("list", { name: "Changes, newest first" }).waitFor({ timeout: 15_000 });
    assert.equal(await scrollsSideways(action.tab), false);
    assert.deepEqual((await axeViolations(action.tab)).violations, []);
    await action.page.context().close();
  });
});
