// The action page as an SRO and a coordinator use it: the summary and the updates first, each form behind
// its button (one open at a time, beside the history on a wide screen); one path to completion, confirmed;
// a completed action offers no "Mark complete" or "Ask to move"; a coordinator reopens it with a reason,
// which the history records; a late update is flagged in words; axe in every theme and at 360 px.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Frame } from "playwright-core";
import { isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { loadActionHistory, loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { importPlan } from "../../src/sharepoint/import/index.ts";
import { createPeriod } from "../../src/sharepoint/periods/index.ts";
import { generatedPlan, MEMBERS } from "../integration/fixtures.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { openActionForm, scrollsSideways, visibleText, waitForHeading } from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;
const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const THEMES = ["default", "dark", "contrast"] as const;

const box = async (tab: Frame, selector: string) => {
  const found = await tab.locator(selector).first().boundingBox();
  assert.ok(found, selector);
  return found;
};
const offered = (tab: Frame) =>
  tab.getByRole("group", { name: "What you can do" }).getByRole("button").allInnerTexts();

describe("the action page", () => {
  let e2e: E2E;
  let open: { id: string; ref: string }[] = [];

  beforeAll(async () => {
    e2e = await startE2E();
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, isoDate("2024-04-10"));
    open = mine
      .filter((m) => m.record.action.completedOn === null && m.record.latest?.reportedStatus !== "Completed")
      .map((m) => ({ id: m.record.action.id, ref: m.record.action.ref }));
    assert.ok(open.length >= 3);
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("the summary and the updates come first; one form opens at a time, beside the history", async () => {
    const action = open[0]!;
    const { page, tab, errors } = await e2e.openHost({
      user: SRO.upn,
      frame: "deep-link",
      action: action.id,
    });
    await waitForHeading(tab, `Action ${action.ref}`);
    assert.equal(await tab.locator("form").count(), 0, "no form is open on arrival");
    assert.deepEqual(await offered(tab), ["Post an update", "Ask to move the target date", "Mark complete"]);
    const updates = await box(tab, "#updates-heading");
    const history = await box(tab, "#target-history-heading");
    assert.ok(updates.y < history.y, "the updates are above the target date history");
    assert.ok(updates.y < 900, `the updates start on the first screen (at ${String(updates.y)} px)`);

    await openActionForm(tab, "Post an update");
    const form = await box(tab, "form[data-form='update']");
    const beside = await box(tab, "#updates-heading");
    assert.ok(beside.x > form.x + form.width - 1, "on a wide screen the history is beside the form");
    await openActionForm(tab, "Mark complete");
    assert.equal(await tab.locator("form").count(), 1, "opening another form closes the first");
    await tab.locator("[data-panel]").getByRole("button", { name: "Cancel" }).click();
    assert.equal(await tab.locator("form").count(), 0);
    assert.equal(await tab.evaluate(() => document.activeElement?.textContent), "Mark complete");
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test("an update with status Completed is confirmed and completes the action; a coordinator reopens it", async () => {
    const action = open[1]!;
    const sro = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: action.id });
    await waitForHeading(sro.tab, `Action ${action.ref}`);
    await openActionForm(sro.tab, "Post an update");
    const form = sro.tab.locator("form[data-form='update']");
    await form.getByLabel("What has happened since the last update").fill("Adopted by Cabinet on 9 April.");
    await form.getByLabel("Status").selectOption("Completed");
    await form.getByText("Completed marks the action complete today").waitFor();
    await form.getByRole("button", { name: "Save and mark complete" }).click();
    const confirm = sro.tab.getByRole("group", { name: `Mark action ${action.ref} complete?` });
    await confirm.getByText("It will show as complete from 10 April 2024").waitFor();
    assert.deepEqual((await axeViolations(sro.tab)).violations, [], "the confirmation passes axe");
    await confirm.getByRole("button", { name: "Go back" }).click();
    await confirm.waitFor({ state: "detached" });
    assert.equal(await sro.tab.evaluate(() => document.activeElement?.textContent), "Save and mark complete");
    assert.equal((await loadActionHistory(e2e.as(SRO.upn), action.id)).record.action.completedOn, null);
    await form.getByRole("button", { name: "Save and mark complete" }).click();
    await confirm.getByRole("button", { name: "Yes, mark it complete" }).click();
    await sro.tab.getByText("Your update has been saved.").waitFor({ timeout: 15_000 });
    await confirm.waitFor({ state: "detached" });
    const done = await loadActionHistory(e2e.as(SRO.upn), action.id);
    assert.equal(done.record.action.completedOn, "2024-04-10", "completed with a completion date");
    assert.equal(done.updates[0]?.percentComplete, 100);
    assert.deepEqual(await offered(sro.tab), ["Post an update"], "no Mark complete or Ask to move");
    await sro.page.context().close();

    const coordinator = await e2e.openHost({ user: COORDINATOR, frame: "deep-link", action: action.id });
    await waitForHeading(coordinator.tab, `Action ${action.ref}`);
    await openActionForm(coordinator.tab, "Reopen");
    const reopen = coordinator.tab.locator("form[data-form='reopen']");
    await reopen.getByRole("button", { name: "Reopen" }).click();
    await reopen.getByText("Say why the action is reopened").waitFor();
    await reopen.getByLabel("Why it is reopened").fill("Cabinet's decision was called in by scrutiny.");
    await reopen.getByLabel("Status from now").selectOption("Delayed");
    await reopen.getByRole("button", { name: "Reopen" }).click();
    await coordinator.tab.getByText("The action is reopened.").waitFor({ timeout: 15_000 });
    const newest = coordinator.tab.locator("ol[aria-label='Updates, newest first'] > li").first();
    assert.match(await newest.innerText(), /By you, \d{1,2} \w+ \d{4} at \d\d:\d\d/, "who and when, at once");
    // Read again from SharePoint: each update names its author and the time it was written (UK time).
    const reread = await e2e.openHost({ user: COORDINATOR, frame: "deep-link", action: action.id });
    await waitForHeading(reread.tab, `Action ${action.ref}`);
    const bylines = await reread.tab.locator("ol[aria-label='Updates, newest first'] > li").allInnerTexts();
    await reread.page.context().close();
    assert.match(bylines[0] ?? "", /By Siobhan O.Connor, \d{1,2} \w+ \d{4} at \d\d:\d\d/);
    assert.match(bylines[1] ?? "", new RegExp(`By ${SRO.displayName}, `));
    assert.doesNotMatch(bylines.join("\n"), /@northbridge\.gov\.uk/);
    assert.match(await newest.innerText(), /Reopened: Cabinet's decision was called in by scrutiny\./);
    assert.match(await newest.innerText(), /Delayed/);
    const after = await loadActionHistory(e2e.as(COORDINATOR), action.id);
    assert.equal(after.record.action.completedOn, null);
    assert.deepEqual(await offered(coordinator.tab), [
      "Post an update",
      "Ask to move the target date",
      "Mark complete",
    ]);
    await coordinator.page.context().close();
  });

  test("an update owed past the period's deadline says how late, on the action page and My actions", async () => {
    const holder = MEMBERS[0] ?? "";
    const owner = e2e.as(COORDINATOR);
    const { planId } = await importPlan(owner, generatedPlan("Late updates plan", 1, 1, ["Late post"]));
    await createPeriod(owner, planId, {
      title: "Q4 2023/24",
      startsOn: "2024-01-01",
      updateDeadline: "2024-04-01",
      reportDate: "2024-04-25",
    });
    const mine = await loadMyActions(e2e.as(holder), holder, isoDate("2024-04-10"));
    const late = mine.find((m) => m.record.planTitle === "Late updates plan");
    assert.ok(late, "the holder has the action");
    const { page, tab } = await e2e.openHost({
      user: holder,
      frame: "deep-link",
      action: late.record.action.id,
    });
    await waitForHeading(tab, `Action ${late.record.action.ref}`);
    await tab.getByText("Update 9 days late.").waitFor();
    assert.match(await visibleText(tab), /The update for Q4 2023\/24 was due by 1 April 2024\./);
    await page.context().close();
    const home = await e2e.openHost({ user: holder });
    await home.tab.getByText("Update 9 days late").first().waitFor({ timeout: 15_000 });
    await home.page.context().close();
  });

  for (const theme of THEMES)
    test(`axe: the action page with each form open, ${theme} theme`, async () => {
      const action = open[2]!;
      const { page, tab } = await e2e.openHost({
        user: SRO.upn,
        frame: "deep-link",
        action: action.id,
        theme,
      });
      await waitForHeading(tab, `Action ${action.ref}`);
      assert.deepEqual((await axeViolations(tab)).violations, [], "closed");
      for (const button of ["Post an update", "Ask to move the target date", "Mark complete"]) {
        await openActionForm(tab, button);
        assert.deepEqual((await axeViolations(tab)).violations, [], button);
      }
      await page.context().close();
    });

  test("at 360 px the action page with a form open does not scroll sideways and passes axe", async () => {
    const action = open[2]!;
    const { page, tab } = await e2e.openHost(
      { user: SRO.upn, frame: "deep-link", action: action.id, width: "phone" },
      { width: 360, height: 780 },
    );
    await waitForHeading(tab, `Action ${action.ref}`);
    await openActionForm(tab, "Post an update");
    assert.equal(await scrollsSideways(tab), false);
    const form = await box(tab, "form[data-form='update']");
    const updates = await box(tab, "#updates-heading");
    assert.ok(updates.y > form.y, "on a phone the history follows the form");
    assert.deepEqual((await axeViolations(tab)).violations, []);
    await page.context().close();
  });
});
