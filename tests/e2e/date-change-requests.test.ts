// Moving a target date, as the SRO and the coordinator do it: the SRO asks for a date already past and is
// told why not, asks properly, sees the request waiting (its date and reason) and withdraws it, then asks
// again; the coordinator is told in Teams, declines without a reason and is asked for one, declines with one,
// which the SRO is told and shown; approving a request whose "from" date has moved since is refused in words.
// axe on the waiting request and the decline in each theme, and at 360 px no sideways scroll.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Frame } from "playwright-core";
import { isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { requestDateChange, reviseTargetDate } from "../../src/sharepoint/date-changes/index.ts";
import { loadActionHistory, loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { listPlans } from "../../src/sharepoint/plans/index.ts";
import type { ActionRecord } from "../../src/sharepoint/schema/index.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { openView, said } from "./support/manage.ts";
import { openActionForm, scrollsSideways, visibleText, waitForHeading } from "./support/tab.ts";

const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const SRO = personByPost("Corporate Director Resources")!;
const THEMES = ["default", "dark", "contrast"] as const;
const FORM = "form[data-form='date-change']";

/** The texts of the chat messages `upn` has had from `sender` (the sandbox's inbox). */
async function messagesFrom(e2e: E2E, upn: string, sender: string): Promise<string[]> {
  const response = await fetch(`${e2e.sandbox.url}/sandbox/inbox.json?user=${encodeURIComponent(upn)}`);
  const inbox = (await response.json()) as {
    chats: { with: { upn: string }[]; messages: { from: { upn: string } | null; text: string }[] }[];
  };
  return inbox.chats
    .filter((c) => c.with.some((w) => w.upn.toLowerCase() === sender))
    .flatMap((c) => c.messages.filter((m) => m.from?.upn.toLowerCase() === sender).map((m) => m.text));
}

async function ask(tab: Frame, date: string, reason: string): Promise<void> {
  const form = tab.locator(FORM);
  await form.getByLabel("New target date").fill(date);
  await form.getByLabel("Reason for the change").fill(reason);
  await form.getByRole("button", { name: "Ask to move the date" }).click();
}

describe("date-change requests", () => {
  let e2e: E2E;
  let demoId = "";
  // The journey's action, and the one whose request goes stale.
  let journey: ActionRecord;
  let stale: ActionRecord;
  const planView = () => `?view=plan&planId=${demoId}`;

  beforeAll(async () => {
    e2e = await startE2E();
    demoId = (await listPlans(e2e.as(COORDINATOR))).find((p) => /Corporate Peer Challenge/.test(p.title))!.id;
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, isoDate("2024-04-10"));
    const open = mine
      .filter(
        (m) =>
          m.record.action.completedOn === null &&
          m.record.latest?.reportedStatus !== "Completed" &&
          m.record.action.planId === demoId,
      )
      .map((m) => m.record);
    assert.ok(open.length >= 2);
    [journey, stale] = open as [ActionRecord, ActionRecord];
    await requestDateChange(e2e.as(SRO.upn), stale, {
      toText: "31 March 2025",
      reason: "The supplier's contract was extended.",
      requestedOn: "2024-04-10",
    });
  });
  afterAll(async () => {
    await e2e.close();
  });

  for (const theme of THEMES)
    test(`axe: a waiting request on the action page and a decline being written, ${theme} theme`, async () => {
      const sro = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: stale.action.id, theme });
      await waitForHeading(sro.tab, `Action ${stale.action.ref}`);
      await openActionForm(sro.tab, "Ask to move the target date");
      await sro.tab.locator(FORM).getByRole("button", { name: "Withdraw the request" }).waitFor();
      assert.deepEqual((await axeViolations(sro.tab)).violations, []);
      await sro.page.context().close();

      const { page, tab } = await openView(e2e, COORDINATOR, planView(), /Corporate Peer Challenge/, {
        theme,
      });
      await tab.getByRole("button", { name: `Decline the new date for action ${stale.action.ref}` }).click();
      await tab.getByRole("button", { name: "Decline the request" }).click();
      await tab.getByText("Give the reason for declining the request.").waitFor();
      const { passes, violations } = await axeViolations(tab);
      assert.ok(passes > 10);
      assert.deepEqual(violations, []);
      await page.context().close();
    });

  test("at 360 px the waiting request and the queue do not scroll sideways and pass axe", async () => {
    const phone = { width: 420, height: 800 };
    const sro = await e2e.openHost(
      { user: SRO.upn, frame: "deep-link", action: stale.action.id, width: "phone" },
      phone,
    );
    await waitForHeading(sro.tab, `Action ${stale.action.ref}`);
    await openActionForm(sro.tab, "Ask to move the target date");
    await sro.tab.locator(FORM).getByRole("button", { name: "Withdraw the request" }).waitFor();
    assert.equal(await sro.tab.evaluate(() => document.documentElement.clientWidth), 360);
    assert.equal(await scrollsSideways(sro.tab), false);
    assert.deepEqual((await axeViolations(sro.tab)).violations, []);
    await sro.page.context().close();

    const { page, tab } = await openView(
      e2e,
      COORDINATOR,
      planView(),
      /Corporate Peer Challenge/,
      { width: "phone" },
      phone,
    );
    await tab.getByRole("button", { name: `Decline the new date for action ${stale.action.ref}` }).click();
    await tab.getByLabel(/^Reason for declining the request/).waitFor();
    assert.equal(await scrollsSideways(tab), false);
    assert.deepEqual((await axeViolations(tab)).violations, []);
    await page.context().close();
  });

  test("the SRO asks, sees it waiting, withdraws, asks again; the coordinator declines with a reason", async () => {
    const { ref, id } = journey.action;
    const sro = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: id });
    await waitForHeading(sro.tab, `Action ${ref}`);
    await openActionForm(sro.tab, "Ask to move the target date");
    const form = sro.tab.locator(FORM);
    // A date already past is refused at the field, in words.
    await ask(sro.tab, "1 April 2024", "The consultation closes later than planned.");
    await form.getByText("The new date must be after today (10 April 2024): 1 April 2024 is not.").waitFor();
    assert.equal(await sro.tab.evaluate(() => document.activeElement?.getAttribute("name")), "newTargetDate");

    await ask(sro.tab, "31 January 2025", "The consultation closes later than planned.");
    await said(sro.tab, "Your request has been sent to the plan's coordinators.");
    await form
      .getByText(/A request to move this date to 31 January 2025 \(asked 10 April 2024\) is waiting/)
      .waitFor();
    assert.match(await form.innerText(), /Reason: The consultation closes later than planned\./);
    assert.equal(await form.getByLabel("New target date").count(), 0, "no second request is offered");
    assert.match(
      (await messagesFrom(e2e, COORDINATOR, SRO.upn.toLowerCase())).join("\n"),
      new RegExp(
        `Action ${ref.replace(/\./g, "\\.")}: the SRO asks to move the target date .* to 31 January 2025`,
      ),
    );

    await form.getByRole("button", { name: "Withdraw the request" }).click();
    await said(sro.tab, "Your request has been withdrawn.");
    assert.match(await visibleText(sro.tab), /to 31 January 2025 — withdrawn by the SRO on 10 April 2024/);
    await ask(sro.tab, "28 February 2025", "The consultation now closes in January.");
    await form.getByText(/A request to move this date to 28 February 2025/).waitFor();
    assert.deepEqual(sro.errors, []);
    await sro.page.context().close();

    const coordinator = await openView(e2e, COORDINATOR, planView(), /Corporate Peer Challenge/);
    const tab = coordinator.tab;
    // The queue names who asked by name, not by sign-in address.
    const queued = tab.locator("li[data-date-change-id]").filter({ hasText: `Action ${ref}:` });
    assert.match(await queued.innerText(), new RegExp(`by ${SRO.displayName}\\. Reason:`));
    assert.doesNotMatch(await queued.innerText(), /@northbridge\.gov\.uk/);
    await tab.getByRole("button", { name: `Decline the new date for action ${ref}` }).click();
    await tab.getByRole("button", { name: "Decline the request" }).click();
    await tab.getByText("Give the reason for declining the request.").waitFor();
    assert.equal(await tab.evaluate(() => document.activeElement?.getAttribute("name")), "declineReason");
    await tab
      .getByLabel(`Reason for declining the request for action ${ref}`)
      .fill("The budget ends in December.");
    await tab.getByRole("button", { name: "Decline the request" }).click();
    await said(tab, `The request for action ${ref} was declined. The SRO has been told in Teams.`);
    assert.deepEqual(coordinator.errors, []);
    await coordinator.page.context().close();

    const told = await messagesFrom(e2e, SRO.upn.toLowerCase(), COORDINATOR);
    assert.match(told.join("\n"), /was declined\. Reason: The budget ends in December\./);
    const history = await loadActionHistory(e2e.as(SRO.upn), id);
    assert.deepEqual(
      history.dateChanges.map((c) => [c.status, c.decisionNote]),
      [
        ["declined", "The budget ends in December."],
        ["withdrawn", undefined],
      ],
    );
    const again = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: id });
    await waitForHeading(again.tab, `Action ${ref}`);
    await again.tab.getByText("Reason for declining: The budget ends in December.").waitFor();
    // Who asked and who decided, by name, in the target date history.
    const decided = new RegExp(
      `${SRO.displayName} asked to move from .* — declined by Siobhan O.Connor on 10 April 2024`,
    );
    assert.match(await visibleText(again.tab), decided);
    await again.page.context().close();
  });

  test("approving a request whose date has moved since it was made is refused in words", async () => {
    // On the action page the coordinator sees the request waiting, and is pointed to the plan view.
    const page1 = await e2e.openHost({ user: COORDINATOR, frame: "deep-link", action: stale.action.id });
    await waitForHeading(page1.tab, `Action ${stale.action.ref}`);
    await openActionForm(page1.tab, "Ask to move the target date");
    await page1.tab.getByText("only the person who asked can withdraw it").waitFor();
    assert.equal(await page1.tab.getByRole("button", { name: "Withdraw the request" }).count(), 0);
    assert.deepEqual((await axeViolations(page1.tab)).violations, []);
    await page1.page.context().close();
    const owner = e2e.as(COORDINATOR);
    const current = (await loadActionHistory(owner, stale.action.id)).record;
    await reviseTargetDate(
      owner,
      current,
      "30 November 2024",
      "Agreed at the programme board",
      isoDate("2024-04-10"),
    );
    const { page, tab, errors } = await openView(e2e, COORDINATOR, planView(), /Corporate Peer Challenge/);
    await tab.getByRole("button", { name: `Approve the new date for action ${stale.action.ref}` }).click();
    await tab.getByRole("button", { name: "Yes, approve" }).click();
    const alert = tab.getByRole("alert").filter({ hasText: "This request was made to move the date from" });
    await alert.waitFor({ timeout: 15_000 });
    assert.match(
      await alert.innerText(),
      /Nothing was changed for action .*but the target date is now 30 November 2024\. Decline it and ask the SRO to ask again from the current date\./,
    );
    const after = await loadActionHistory(owner, stale.action.id);
    assert.equal(after.record.action.targetDate.due, "2024-11-30");
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
