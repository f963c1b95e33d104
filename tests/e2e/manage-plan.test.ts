// The coordinator's whole quarter from nothing, as the issue's "Done when" says it: a coordinator creates a
// plan, adds two recommendations with three actions and a milestone (the Plan page's editor), gives a post
// to a holder and sets a delegate for next week, opens a period, the SRO posts an update, the coordinator
// closes the period and the dashboard's "Since the last report" compares with it, showing what changed after.
// (The period's extension and its refusal to close while requests wait: close-period.test.ts.)
// Then: two coordinators saving the same plan (the second is told, keeps what they typed), a Member whose
// request reaches SharePoint (refused there, said in words), and axe on every new page in each theme and
// at 360 px.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Frame } from "playwright-core";
import { DIRECTORY, personByPost } from "../../src/sandbox/directory.ts";
import { loadPeriods } from "../../src/sharepoint/periods/index.ts";
import { type Dashboard, listPlans, loadDashboard, updatePlan } from "../../src/sharepoint/plans/index.ts";
import { loadSroPosts } from "../../src/sharepoint/posts/index.ts";
import { sandboxToken } from "../support/sandbox-token.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { goTo, openView, pickPerson, said } from "./support/manage.ts";
import { markActionComplete, scrollsSideways, visibleText, waitForHeading } from "./support/tab.ts";

const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const OTHER_COORDINATOR = "daniel.osei@northbridge.gov.uk";
const SRO = personByPost("Corporate Director Resources")!;
const DELEGATE = DIRECTORY.find((p) => p.siteGroup === "Members" && p.upn !== SRO.upn)!;
const PLAN = "Waste and recycling improvement plan 2024";
const POST = "Head of Waste Services";
const THEMES = ["default", "dark", "contrast"] as const;

async function fill(tab: Frame, form: string, label: string, value: string): Promise<void> {
  await tab.locator(`form[data-form='${form}']`).getByLabel(label).fill(value);
}

async function submit(tab: Frame, form: string, button: string): Promise<void> {
  await tab.locator(`form[data-form='${form}']`).getByRole("button", { name: button }).click();
}

async function addAction(tab: Frame, recRef: string, ref: string, text: string, target: string) {
  await tab.getByRole("button", { name: `Add an action to recommendation ${recRef}`, exact: true }).click();
  const form = tab.locator("form[data-form='add-action']");
  await form.getByLabel("Action number").fill(ref);
  await form.getByLabel("Action text").fill(text);
  await form.getByLabel("SRO post").selectOption({ label: `${POST} (vacant)` });
  await form.getByLabel("Target date").fill(target);
  await form.getByRole("button", { name: "Add action" }).click();
  await said(tab, `Action ${ref} was added.`);
}

describe("a coordinator runs a plan from nothing", () => {
  let e2e: E2E;
  let planId = "";
  const dashboard = (): Promise<Dashboard> => loadDashboard(e2e.as(COORDINATOR), planId);

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("creates a plan, builds it, staffs its post, runs a period and sees the change on the dashboard", async () => {
    const { page, tab, errors } = await e2e.openHost({ user: COORDINATOR });
    await waitForHeading(tab, /^Overdue|My actions|Corporate Peer Challenge/);
    await tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
    await waitForHeading(tab, /Corporate Peer Challenge/);

    // The plan, from nothing: the form says what is missing, then creates it.
    await tab.getByRole("navigation").getByRole("link", { name: "New plan" }).click();
    await waitForHeading(tab, "New plan");
    await fill(tab, "new-plan", "Reference date", "1 April");
    await submit(tab, "new-plan", "Create plan");
    await tab.getByText("Give the plan a title").waitFor();
    assert.equal(await tab.evaluate(() => document.activeElement?.getAttribute("name")), "planTitle");
    await fill(tab, "new-plan", "Title", PLAN);
    await fill(tab, "new-plan", "Reference date", "01/04/2024");
    await fill(tab, "new-plan", "Overdue after (months)", "2");
    await tab.locator("form[data-form='new-plan']").getByLabel("Bank holidays of").selectOption("Scotland");
    await submit(tab, "new-plan", "Create plan");
    await waitForHeading(tab, PLAN);
    const created = (await listPlans(e2e.as(COORDINATOR))).find((p) => p.title === PLAN);
    assert.ok(created !== undefined);
    planId = created.id;
    assert.equal(created.referenceDate, "2024-04-01");
    assert.equal(created.overdueAfterMonths, 2);
    assert.equal(created.nation, "Scotland");

    // The post, vacant for now, so the actions can name it.
    await tab.getByRole("navigation").getByRole("link", { name: "SRO posts" }).click();
    await waitForHeading(tab, "SRO posts");
    await tab.getByRole("button", { name: "New SRO post" }).click();
    await fill(tab, "new-post", "Title", POST);
    await submit(tab, "new-post", "Create post");
    await said(tab, `'${POST}' was created, vacant.`);
    const item = tab.locator(`li[data-post='${POST}']`);
    await item.getByText("No holder").waitFor();

    // Two recommendations, three actions and a milestone, on the Plan page's editor.
    await tab.getByRole("link", { name: "Back to the plan" }).click();
    await waitForHeading(tab, PLAN);
    await tab.getByRole("button", { name: "Edit plan" }).click();
    for (const [ref, title] of [
      ["1", "Recycling rates"],
      ["2", "Fleet replacement"],
    ] as const) {
      await tab.getByRole("button", { name: "Add a recommendation" }).click();
      const form = tab.locator("form[data-form='add-recommendation']");
      await form.getByLabel("Recommendation number").fill(ref);
      await form.getByLabel("Title").fill(title);
      await form.getByRole("button", { name: "Add recommendation" }).click();
      await said(tab, new RegExp(`Recommendation ${ref} was added`));
    }
    await addAction(tab, "1", "1.1", "Introduce food waste collections borough-wide.", "Sept-24");
    await addAction(tab, "1", "1.2", "Run a recycling awareness campaign.", "31 March 2025");
    await addAction(tab, "2", "2.1", "Replace the oldest refuse vehicles.", "Mar-25");
    await tab.getByRole("button", { name: "Add a milestone to action 1.1", exact: true }).click();
    const milestone = tab.locator("form[data-form='add-milestone']");
    await milestone.getByLabel("Milestone number").fill("1.1.1");
    await milestone.getByLabel("Milestone text").fill("Pilot in two wards.");
    await milestone.getByLabel("Target date").fill("June 2024");
    await milestone.getByRole("button", { name: "Add milestone" }).click();
    await said(tab, "Milestone 1.1.1 was added.");
    const built = await dashboard();
    assert.deepEqual(
      built.recommendations.map((r) => r.ref),
      ["1", "2"],
    );
    assert.deepEqual(built.actions.map((a) => a.action.ref).sort(), ["1.1", "1.1.1", "1.2", "2.1"]);

    // The post to its holder, and a delegate for next week (Monday 15 to Friday 19 April 2024).
    await tab.getByRole("navigation").getByRole("link", { name: "SRO posts" }).click();
    await waitForHeading(tab, "SRO posts");
    await item.getByRole("button", { name: `Change ${POST}` }).click();
    await tab.getByRole("menuitem", { name: "Give to someone else" }).click();
    await submit(tab, "post-holder", "Save holder");
    await tab.getByText("Choose the new holder from the directory").waitFor();
    await pickPerson(tab, "New holder", SRO.displayName.split(" ")[0] ?? "", SRO.upn);
    await submit(tab, "post-holder", "Save holder");
    await said(tab, `'${POST}' is now held by`);
    await item.getByText(`Held by ${SRO.displayName}`).waitFor();
    assert.equal(await item.getByText("No holder").count(), 0);
    await item.getByRole("button", { name: `Change ${POST}` }).click();
    await tab.getByRole("menuitem", { name: "Set a delegate" }).click();
    const delegateForm = tab.locator("form[data-form='post-delegate']");
    assert.equal(await delegateForm.getByLabel("First day of cover").inputValue(), "15/04/2024");
    assert.equal(await delegateForm.getByLabel("Last day of cover").inputValue(), "19/04/2024");
    await pickPerson(tab, "Delegate", DELEGATE.displayName, DELEGATE.upn);
    await submit(tab, "post-delegate", "Save delegate");
    await said(tab, `covers '${POST}' from 15 April 2024 to 19 April 2024`);
    await item.getByText(/Delegate: .* from 15 April 2024 to 19 April 2024\./).waitFor();
    const post = (await loadSroPosts(e2e.as(COORDINATOR))).find((p) => p.title === POST);
    assert.equal(post?.holderUpn, SRO.upn);
    assert.equal(post.delegateUpn, DELEGATE.upn);
    assert.deepEqual([post.delegateFrom, post.delegateTo], ["2024-04-15", "2024-04-19"]);

    // A reporting period.
    await tab.getByRole("navigation").getByRole("link", { name: "Reporting periods" }).click();
    await waitForHeading(tab, `Reporting periods: ${PLAN}`);
    await tab.getByRole("heading", { name: "No period is open" }).waitFor();
    const open = tab.locator("form[data-form='open-period']");
    assert.equal(await open.getByLabel("Title").inputValue(), "Q1 2024/25");
    await open.getByLabel("Update deadline").fill("30/04/2024");
    await open.getByLabel("Report date").fill("20/04/2024");
    await submit(tab, "open-period", "Open period");
    await open.getByText("The report date cannot be before the update deadline.").waitFor();
    await open.getByLabel("Report date").fill("15 May 2024");
    await submit(tab, "open-period", "Open period");
    await said(tab, "Q1 2024/25 is open: updates are due by 30 April 2024.");
    await tab.getByRole("heading", { name: "Open: Q1 2024/25" }).waitFor();
    await page.context().close();

    // The SRO completes action 1.2 with a closing note (an update for the period).
    const ids = new Map((await dashboard()).actions.map((a) => [a.action.ref, a.action.id]));
    const sro = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: ids.get("1.2")! });
    await waitForHeading(sro.tab, "Action 1.2");
    await markActionComplete(sro.tab, "Campaign ran through April; leaflets to every household.");
    await sro.tab.getByText("10 April 2024 · Completed · 100% complete").waitFor({ timeout: 15_000 });
    await sro.page.context().close();

    // The coordinator closes the period: its figures are kept.
    const again = await openView(e2e, COORDINATOR, `?view=periods&planId=${planId}`, /^Reporting periods/);
    await again.tab.getByRole("button", { name: "Close Q1 2024/25" }).click();
    await again.tab.getByRole("button", { name: "Yes, close Q1 2024/25" }).click();
    await said(again.tab, "Q1 2024/25 is closed: its figures as of 10 April 2024 are kept");
    await again.tab.getByRole("heading", { name: "No period is open" }).waitFor();
    const [closed] = await loadPeriods(e2e.as(COORDINATOR), planId);
    assert.equal(closed?.state, "closed");
    assert.equal(closed.snapshot?.actionsCompleted, 1, "the SRO's completion is in the frozen figures");

    // The dashboard compares with it; after the SRO completes another action, it says what changed.
    await goTo(again.tab, `?view=dashboard&planId=${planId}`);
    await waitForHeading(again.tab, PLAN);
    await again.tab.getByText("Compared with Q1 2024/25 (figures as of 10 April 2024)").waitFor();
    const sroAgain = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: ids.get("2.1")! });
    await waitForHeading(sroAgain.tab, "Action 2.1");
    await markActionComplete(sroAgain.tab, "Six new vehicles delivered.");
    await sroAgain.tab.getByText("10 April 2024 · Completed · 100% complete").waitFor({ timeout: 15_000 });
    await sroAgain.page.context().close();
    await again.page.context().close();
    const { tab: board } = await openView(e2e, COORDINATOR, `?view=dashboard&planId=${planId}`, PLAN);
    const row = board.locator("tr", { has: board.getByRole("rowheader", { name: "Actions complete" }) });
    await row.waitFor({ timeout: 15_000 });
    assert.match(await row.innerText(), /1\s+2\s+up 1 \(from 1\)/);
    assert.deepEqual(errors, []);
    await board.page().context().close();
  });

  test("two coordinators change the same plan: the second is told in words and keeps what they typed", async () => {
    const { page, tab } = await openView(
      e2e,
      COORDINATOR,
      `?view=plan-settings&planId=${planId}`,
      `Plan settings: ${PLAN}`,
    );
    await fill(tab, "plan-settings", "Overdue after (months)", "3");
    // Meanwhile, another coordinator renames it.
    const theirs = (await listPlans(e2e.as(OTHER_COORDINATOR))).find((p) => p.id === planId)!;
    await updatePlan(e2e.as(OTHER_COORDINATOR), theirs, { title: `${PLAN} (revised)` });
    await submit(tab, "plan-settings", "Save settings");
    const form = tab.locator("form[data-form='plan-settings']");
    await form
      .getByRole("alert")
      .filter({ hasText: "Someone else changed this plan" })
      .waitFor({ timeout: 15_000 });
    await form.getByText(`Their version: '${PLAN} (revised)'`).waitFor();
    assert.equal(await form.getByLabel("Overdue after (months)").inputValue(), "3", "what was typed stays");
    // Saved again against their version: the months change; the title typed (the old one) is what this
    // coordinator saw and kept, so they put their rename back on purpose here.
    await fill(tab, "plan-settings", "Title", `${PLAN} (revised)`);
    await submit(tab, "plan-settings", "Save settings");
    await said(tab, `The settings of '${PLAN} (revised)' were saved.`);
    const now = (await listPlans(e2e.as(COORDINATOR))).find((p) => p.id === planId)!;
    assert.equal(now.overdueAfterMonths, 3);
    assert.equal(now.title, `${PLAN} (revised)`);

    // Archived: gone from the plans My actions and reminders see, kept for reports; and back.
    await tab.getByRole("button", { name: "Archive the plan" }).click();
    await said(tab, "is archived: hidden from My actions and reminders");
    assert.ok(!(await listPlans(e2e.as(COORDINATOR))).some((p) => p.id === planId));
    assert.ok((await listPlans(e2e.as(COORDINATOR), { includeArchived: true })).some((p) => p.id === planId));
    await tab.getByRole("button", { name: "Bring the plan back" }).click();
    await said(tab, "is back");
    assert.ok((await listPlans(e2e.as(COORDINATOR))).some((p) => p.id === planId));
    await page.context().close();
  });

  test("a Member is shown no coordinator pages, and a Member's write that reaches SharePoint is refused there, in words", async () => {
    const member = await openView(e2e, SRO.upn, `?view=periods&planId=${planId}`, "Action Plan Tracker");
    assert.match(
      await visibleText(member.tab),
      /Only the plan's coordinators \(site Owners\) can open and close reporting periods/,
    );
    assert.equal(await member.tab.locator("form").count(), 0);
    await member.page.context().close();

    const { page, tab } = await openView(
      e2e,
      COORDINATOR,
      `?view=periods&planId=${planId}`,
      /^Reporting periods/,
    );
    const memberToken = await sandboxToken(e2e.sandbox.url, { user: SRO.upn });
    await page.context().route(`${e2e.sandbox.url}/**/_api/**`, async (route) => {
      await route.continue({
        headers: { ...route.request().headers(), authorization: `Bearer ${memberToken}` },
      });
    });
    const form = tab.locator("form[data-form='open-period']");
    await form.getByLabel("Title").fill("Q2 2024/25");
    await form.getByLabel("Update deadline").fill("31/07/2024");
    await form.getByLabel("Report date").fill("15/08/2024");
    await submit(tab, "open-period", "Open period");
    await form
      .getByRole("alert")
      .filter({ hasText: "Only the plan's coordinators (site Owners) can open reporting periods." })
      .waitFor({ timeout: 15_000 });
    assert.equal(await form.getByLabel("Title").inputValue(), "Q2 2024/25");
    assert.ok(!(await loadPeriods(e2e.as(COORDINATOR), planId)).some((p) => p.title === "Q2 2024/25"));
    await page.context().close();
  });

  const screens = [
    { name: "New plan", search: () => "?view=new-plan", heading: "New plan", open: "new-plan" },
    {
      name: "Plan settings",
      search: () => `?view=plan-settings&planId=${planId}`,
      heading: /^Plan settings/,
      open: "plan-settings",
    },
    {
      name: "Reporting periods",
      search: () => `?view=periods&planId=${planId}`,
      heading: /^Reporting periods/,
      open: "open-period",
    },
  ] as const;

  for (const theme of THEMES)
    for (const screen of screens)
      test(`axe: ${screen.name}, ${theme} theme, with the form's problems shown`, async () => {
        const { page, tab } = await openView(e2e, COORDINATOR, screen.search(), screen.heading, { theme });
        const quiet = await axeViolations(tab);
        assert.ok(quiet.passes > 10, "axe ran its rules");
        assert.deepEqual(quiet.violations, []);
        const form = tab.locator(`form[data-form='${screen.open}']`);
        const first = form.locator("input[name]").first();
        await first.fill("");
        await form.locator("button[type='submit']").click();
        await form
          .locator("[role='alert'], .fui-Field__validationMessage")
          .first()
          .waitFor({ timeout: 15_000 });
        assert.deepEqual((await axeViolations(tab)).violations, [], "with its problems");
        await page.context().close();
      });

  for (const screen of screens)
    test(`at 360 px, ${screen.name} does not scroll sideways and passes axe`, async () => {
      const { page, tab } = await openView(
        e2e,
        COORDINATOR,
        screen.search(),
        screen.heading,
        { width: "phone" },
        { width: 420, height: 800 },
      );
      assert.equal(await tab.evaluate(() => document.documentElement.clientWidth), 360);
      assert.equal(await scrollsSideways(tab), false);
      assert.deepEqual((await axeViolations(tab)).violations, []);
      await page.context().close();
    });
});
