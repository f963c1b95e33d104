// The quarter's end on the demo plan's open period: a coordinator extends its deadline (the report date with
// it when the deadline passes it; another coordinator's change meanwhile is said in words and what was typed
// kept), then closes it, which is refused while a target-date change request waits until they tick that it
// may wait. axe on the page with the period open in each theme and at 360 px.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Frame } from "playwright-core";
import { addDays, formatUkDate, isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { requestDateChange } from "../../src/sharepoint/date-changes/index.ts";
import { loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { extendPeriod, loadPeriods } from "../../src/sharepoint/periods/index.ts";
import { listPlans } from "../../src/sharepoint/plans/index.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { openView, said } from "./support/manage.ts";
import { scrollsSideways } from "./support/tab.ts";

const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const OTHER_COORDINATOR = "daniel.osei@northbridge.gov.uk";
const SRO = personByPost("Corporate Director Resources")!;
const THEMES = ["default", "dark", "contrast"] as const;

async function fill(tab: Frame, form: string, label: string, value: string): Promise<void> {
  await tab.locator(`form[data-form='${form}']`).getByLabel(label).fill(value);
}

async function submit(tab: Frame, form: string, button: string): Promise<void> {
  await tab.locator(`form[data-form='${form}']`).getByRole("button", { name: button }).click();
}

describe("the open period of the demo plan", () => {
  let e2e: E2E;
  let demoId = "";
  const openPeriod = async () =>
    (await loadPeriods(e2e.as(COORDINATOR), demoId)).find((p) => p.state === "open")!;

  afterAll(async () => {
    await e2e.close();
  });
  beforeAll(async () => {
    e2e = await startE2E();
    demoId = (await listPlans(e2e.as(COORDINATOR))).find((p) => /Corporate Peer Challenge/.test(p.title))!.id;
    const ctx = e2e.as(SRO.upn);
    const mine = await loadMyActions(ctx, SRO.upn, isoDate("2024-04-10"));
    const open = mine.find((m) => m.record.action.completedOn === null && m.record.action.planId === demoId);
    assert.ok(open !== undefined);
    waitingRef = open.record.action.ref;
    await requestDateChange(ctx, open.record, {
      toText: "31 October 2024",
      reason: "The consultation closes later than planned.",
      requestedOn: "2024-04-10",
    });
  });
  let waitingRef = "";

  for (const theme of THEMES)
    test(`axe: Reporting periods with a period open, ${theme} theme`, async () => {
      const { page, tab } = await openView(
        e2e,
        COORDINATOR,
        `?view=periods&planId=${demoId}`,
        /^Reporting periods/,
        { theme },
      );
      await tab.getByRole("heading", { name: /^Open: / }).waitFor();
      await submit(tab, "extend-period", "Extend deadline");
      await tab.getByText("Enter the new update deadline").waitFor();
      const { passes, violations } = await axeViolations(tab);
      assert.ok(passes > 10);
      assert.deepEqual(violations, []);
      await page.context().close();
    });

  test("at 360 px, Reporting periods with a period open does not scroll sideways and passes axe", async () => {
    const { page, tab } = await openView(
      e2e,
      COORDINATOR,
      `?view=periods&planId=${demoId}`,
      /^Reporting periods/,
      { width: "phone" },
      { width: 420, height: 800 },
    );
    await tab.getByRole("heading", { name: /^Open: / }).waitFor();
    assert.equal(await tab.evaluate(() => document.documentElement.clientWidth), 360);
    assert.equal(await scrollsSideways(tab), false);
    assert.deepEqual((await axeViolations(tab)).violations, []);
    await page.context().close();
  });

  test("extends the deadline (and the report date with it), then closes only once told to with requests waiting", async () => {
    const period = await openPeriod();
    const { page, tab, errors } = await openView(
      e2e,
      COORDINATOR,
      `?view=periods&planId=${demoId}`,
      /^Reporting periods/,
    );
    await tab.getByRole("heading", { name: `Open: ${period.title}` }).waitFor();
    // Past the report date, with no new report date: refused in words.
    const late = addDays(period.reportDate, 7);
    await fill(tab, "extend-period", "New update deadline", formatUkDate(late));
    await submit(tab, "extend-period", "Extend deadline");
    const extend = tab.locator("form[data-form='extend-period']");
    await extend
      .getByRole("alert")
      .filter({ hasText: "give a later report date too" })
      .waitFor({ timeout: 15_000 });
    // Meanwhile another coordinator moves the report date: this save is refused as a conflict, kept.
    await extendPeriod(
      e2e.as(OTHER_COORDINATOR),
      period,
      period.updateDeadline,
      addDays(period.reportDate, 1),
    );
    await fill(tab, "extend-period", "New report date (if it moves too)", formatUkDate(addDays(late, 14)));
    await submit(tab, "extend-period", "Extend deadline");
    await extend
      .getByRole("alert")
      .filter({ hasText: "Someone else changed this reporting period" })
      .waitFor({ timeout: 15_000 });
    assert.equal(await extend.getByLabel("New update deadline").inputValue(), formatUkDate(late));
    await submit(tab, "extend-period", "Extend deadline");
    await said(tab, `Updates for ${period.title} are now due by ${formatUkDate(late)}`);
    const extended = await openPeriod();
    assert.deepEqual([extended.updateDeadline, extended.reportDate], [late, addDays(late, 14)]);

    // Closing waits for the date-change request, unless the coordinator ticks that it may wait.
    await tab.getByRole("button", { name: `Close ${period.title}` }).click();
    await tab.getByRole("button", { name: `Yes, close ${period.title}` }).click();
    const close = tab.locator("form[data-form='close-period']");
    await close
      .getByRole("alert")
      .filter({ hasText: `(action ${waitingRef})` })
      .waitFor({ timeout: 15_000 });
    assert.match(
      await close.getByRole("alert").innerText(),
      /cannot close while 1 target date change request waits/,
    );
    assert.equal((await openPeriod()).state, "open");
    await close.getByRole("checkbox", { name: /^Close it anyway/ }).check();
    await tab.getByRole("button", { name: `Close ${period.title}` }).click();
    await said(tab, `${period.title} is closed`);
    assert.equal(
      (await loadPeriods(e2e.as(COORDINATOR), demoId)).find((p) => p.id === period.id)?.state,
      "closed",
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
