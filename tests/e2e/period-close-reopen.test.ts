// Issue 30, points 2 and 12, on the demo plan's open period. A coordinator closing it before its deadline is
// asked to confirm, told how many updates are still owed and by when; one closed by mistake is reopened with
// a reason, kept with the period. An SRO whose form was open while the period closed has their save refused
// in words, with their text kept, and the closed period's figures stay as they were. axe on the
// confirmation and on the reopen form.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { formatUkDate, isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { loadActionHistory, loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { checkClosing, closePeriod, loadPeriods } from "../../src/sharepoint/periods/index.ts";
import { listPlans } from "../../src/sharepoint/plans/index.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { openView, said } from "./support/manage.ts";
import { openActionForm, waitForHeading } from "./support/tab.ts";

const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const SRO = personByPost("Corporate Director Resources")!;
const TODAY = isoDate("2024-04-10");

describe("closing a period with updates still owed, and reopening it", () => {
  let e2e: E2E;
  let demoId = "";
  const periods = async () => loadPeriods(e2e.as(COORDINATOR), demoId);
  const openPeriod = async () => (await periods()).find((p) => p.state === "open")!;

  beforeAll(async () => {
    e2e = await startE2E();
    demoId = (await listPlans(e2e.as(COORDINATOR))).find((p) => /Corporate Peer Challenge/.test(p.title))!.id;
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("a coordinator closing a period before its deadline is asked to confirm, told how many of its updates are owed", async () => {
    const period = await openPeriod();
    assert.ok(TODAY < period.updateDeadline, "the deadline is still to come");
    const owed = await checkClosing(e2e.as(COORDINATOR), period, TODAY);
    assert.ok(owed.updates !== null && owed.updates.received < owed.updates.due);
    const { due, received } = owed.updates;
    const { page, tab, errors } = await openView(
      e2e,
      COORDINATOR,
      `?view=periods&planId=${demoId}`,
      /^Reporting periods/,
    );
    await tab.getByRole("heading", { name: `Open: ${period.title}` }).waitFor();
    const form = tab.locator("form[data-form='close-period']");
    await form.getByRole("button", { name: `Close ${period.title}` }).click();
    const words = `${String(due - received)} of ${String(due)} updates are still owed for ${period.title}. Updates are due by ${formatUkDate(period.updateDeadline)}, which has not passed yet.`;
    await form.getByText(words).waitFor({ timeout: 15_000 });
    assert.equal((await openPeriod()).state, "open", "asking closes nothing");
    assert.deepEqual((await axeViolations(tab)).violations, [], "the confirmation passes axe");

    // Keep it open: the question goes, the period stays open.
    await form.getByRole("button", { name: "Keep it open" }).click();
    await form.getByText(words).waitFor({ state: "detached" });
    assert.equal((await openPeriod()).state, "open");

    // Asked again and confirmed: closed.
    await form.getByRole("button", { name: `Close ${period.title}` }).click();
    await form.getByText(words).waitFor({ timeout: 15_000 });
    if (owed.waitingRefs.length > 0) await form.getByRole("checkbox", { name: /^Close it anyway/ }).check();
    await form.getByRole("button", { name: `Yes, close ${period.title}` }).click();
    await said(tab, `${period.title} is closed`);
    assert.equal((await periods()).find((p) => p.id === period.id)?.state, "closed");
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test("a coordinator reopens a period closed by mistake, giving a reason", async () => {
    const closed = (await periods()).at(-1)!;
    assert.equal(closed.state, "closed");
    const { page, tab, errors } = await openView(
      e2e,
      COORDINATOR,
      `?view=periods&planId=${demoId}`,
      /^Reporting periods/,
    );
    await tab.getByRole("heading", { name: "No period is open" }).waitFor();
    const form = tab.locator("form[data-form='reopen-period']");
    await form.getByRole("heading", { name: `Reopen ${closed.title}` }).waitFor();
    assert.deepEqual((await axeViolations(tab)).violations, [], "the reopen form passes axe");

    // No reason: refused, nothing changes.
    await form.getByRole("button", { name: `Reopen ${closed.title}` }).click();
    await form.getByText("Say why it is being reopened").waitFor();
    assert.equal((await periods()).at(-1)?.state, "closed");

    const reason = "Closed by mistake before the deadline; 53 updates still to come.";
    await form.getByLabel("Why it is being reopened").fill(reason);
    await form.getByRole("button", { name: `Reopen ${closed.title}` }).click();
    await said(tab, `${closed.title} is open again`);
    await tab.getByRole("heading", { name: `Open: ${closed.title}` }).waitFor();
    const reopened = (await periods()).at(-1)!;
    assert.equal(reopened.state, "open");
    assert.deepEqual(reopened.reopenings, [{ on: TODAY, reason }]);
    await tab
      .locator(`li[data-period='${closed.title}']`)
      .getByText(`Reopened on ${formatUkDate(TODAY)}: “${reason}”`)
      .waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test("an SRO's update saved after the period closed is refused in words and their text is kept", async () => {
    const period = await openPeriod();
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, TODAY);
    const action = mine.find(
      (m) => m.record.action.completedOn === null && m.record.action.planId === demoId,
    );
    assert.ok(action !== undefined);
    const id = action.record.action.id;
    const sro = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: id });
    await waitForHeading(sro.tab, `Action ${action.record.action.ref}`);
    await openActionForm(sro.tab, "Post an update");
    const form = sro.tab.locator("form[data-form='update']");
    const text = "Completed: the new framework was adopted by Cabinet on 9 April.";
    await form.getByLabel("What has happened since the last update").fill(text);
    await form.getByLabel("Status").selectOption("Delayed");

    // Meanwhile the coordinator closes the period.
    const closed = await closePeriod(e2e.as(COORDINATOR), period, TODAY, { evenWithRequestsWaiting: true });
    await form.getByRole("button", { name: "Save update" }).click();
    const alert = form.getByRole("alert").filter({ hasText: "takes no more updates" });
    await alert.waitFor({ timeout: 15_000 });
    assert.match(
      await alert.innerText(),
      new RegExp(
        `Your update was not saved\\. The ${period.title.replace(/[/]/g, "\\/")} period closed at \\d\\d:\\d\\d and takes no more updates, and the next period has not been opened yet: the update can go in once a coordinator opens it\\.`,
      ),
    );
    assert.equal(await form.getByLabel("What has happened since the last update").inputValue(), text);

    // Nothing landed in the closed period: its figures are as frozen.
    const history = await loadActionHistory(e2e.as(SRO.upn), id);
    assert.equal(history.updates.filter((u) => u.text === text).length, 0);
    const after = (await periods()).find((p) => p.id === period.id)!;
    assert.deepEqual(after.snapshot, closed.figures);
    await sro.page.context().close();
  });
});
