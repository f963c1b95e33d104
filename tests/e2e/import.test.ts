// A coordinator imports plans from files chosen in the browser, in the three shapes councils keep them: an
// action-plan table (the LGA report, as CSV and as a workbook with merged recommendation cells), a delivery
// plan (areas, activities, milestones) and a programme plan CSV with a byte-order mark and no SRO column.
// Also: a file with errors, a Word file renamed .xlsx, and the same file imported again into its plan.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { zipSync } from "fflate";
import type { Frame } from "playwright-core";
import { afterAll, beforeAll, describe, test } from "vitest";
import { csv, utf8, xlsx } from "../../src/import/testdata/fixtures.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { DEMO_TODAY, demoCoordinator } from "../../src/sandbox/seed/demo.ts";
import { loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { listPlans } from "../../src/sharepoint/plans/index.ts";
import { startE2E, type E2E, type HostPage } from "./support/harness.ts";
import { visibleText, waitForHeading } from "./support/tab.ts";

const COORDINATOR = demoCoordinator();
const SIT = personByPost("Acting Director SIT")!;
const CSV_TYPE = "text/csv";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, import.meta.url)));
const LGA_CSV = read("../../data/lga-cpc-2023-progress-april-2024.csv");
const DELIVERY_CSV = read("../../src/import/testdata/delivery-plan.csv");
const PROGRAMME_CSV = read("../../src/import/testdata/programme-plan.csv");
/** Writing a plan of 64 actions through the sandbox takes a few seconds; leave plenty. */
const WRITE_TIMEOUT = 90_000;

/** Part of the LGA report as a workbook, each recommendation a merged cell down its actions' rows. */
async function lgaWorkbook(): Promise<Uint8Array> {
  return xlsx({
    name: "Action plan",
    rows: [
      ["LGA Corporate Peer Challenge – workbook version"],
      ["Recommendation", "Ref", "Action", "SRO", "Target date", "Progress update"],
      [
        "1. Strategic Vision",
        "1.1",
        "Publish a long-term Strategic Vision",
        "Acting Director SIT",
        "May-24",
        "Project team set up.",
      ],
      [
        null,
        "1.2",
        "Align the strategic plan to the vision",
        "Acting Director SIT",
        "Quarterly",
        "Waiting for the vision.",
      ],
      [
        "2. Medium Term Financial Strategy",
        "2.1",
        "Complete the new MTFS",
        "Corporate Director Resources",
        "Jan-24",
        "Complete - agreed at Full Council.",
      ],
      [
        null,
        "2.2",
        "Review the MTFS against the vision",
        "Corporate Director Resources",
        "Sept-24",
        "To follow the vision.",
      ],
      [
        null,
        "2.3",
        "Revisit business rate scenario planning",
        "Corporate Director Resources",
        "Mar-24",
        "Modelling updated.",
      ],
    ],
    merges: ["A3:A4", "A5:A7"],
  });
}

/** A file with errors: a ref used twice and a milestone before any action. */
const ERRORS_CSV = csv([
  ["Ref", "Activity", "Key milestones", "Lead officer", "Deadline"],
  ["Priority area 1: Finance", "", "", "", ""],
  ["(a)", "", "Milestone with no activity", "Head of Lighthouses", "Oct-24"],
  ["1.1", "Set the budget", "", "Head of Lighthouses", "Feb-25"],
  ["1.1", "Set the budget again", "", "Head of Lighthouses", "Mar-25"],
  ["1.2", "Review fees", "", "Head of Lighthouses", "Apr-25"],
]);

/** A Word document (a zip holding word/document.xml) saved with an .xlsx name. */
function wordFile(): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  return zipSync({
    "[Content_Types].xml": text(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    "word/document.xml": text(
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
    ),
  });
}

/** What the tab shows, for failure messages. */
async function shown(tab: Frame): Promise<string> {
  return (await visibleText(tab)).slice(0, 3000);
}

async function choose(tab: Frame, name: string, bytes: Uint8Array, mimeType: string): Promise<void> {
  await tab.getByLabel("Plan file").setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
}

/** The preview's counts line ("18 recommendations, 64 actions, …"). */
async function counts(tab: Frame): Promise<string> {
  const preview = tab.locator("section", { has: tab.getByRole("heading", { name: "Preview" }) });
  // The counts come first; a "Check before importing" notice below them is a status too.
  return (await preview.getByRole("status").first().innerText()).trim();
}

/** The problems table's rows as [kind, row, column, message]. */
async function problems(tab: Frame): Promise<[string, string, string, string][]> {
  const rows = tab.locator("table:has(caption) tbody tr");
  const all = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.innerText.trim())),
  );
  return all.map(([kind = "", , row = "", column = "", message = ""]): [string, string, string, string] => [
    kind,
    row,
    column,
    message,
  ]);
}

/** "Check against the site", then wait for what the import will do. */
async function checkAgainstSite(tab: Frame): Promise<string> {
  await tab.getByRole("button", { name: "Check against the site" }).click();
  const section = tab.locator("section", {
    has: tab.getByRole("heading", { name: "What the import will do" }),
  });
  await section.waitFor({ timeout: 30_000 });
  return (await section.innerText()).replace(/\s+/g, " ");
}

/** "Import", wait for "Imported", and return what it says it did. */
async function importAndWait(tab: Frame): Promise<string> {
  await tab.getByRole("button", { name: "Import", exact: true }).click();
  const done = tab.locator("section", { has: tab.getByRole("heading", { name: "Imported" }) });
  await done.waitFor({ timeout: WRITE_TIMEOUT });
  return (await done.innerText()).replace(/\s+/g, " ");
}

describe("importing a plan from a file in the tab", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  /** The coordinator's Plan, then "New plan from a file". */
  async function openNewImport(): Promise<HostPage> {
    const host = await e2e.openHost({ user: COORDINATOR });
    await waitForHeading(host.tab, /^Overdue|My actions|Corporate Peer Challenge/);
    await host.tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
    await waitForHeading(host.tab, /Corporate Peer Challenge/);
    await host.tab.getByRole("button", { name: "New plan from a file" }).click();
    await waitForHeading(host.tab, "New plan from a file");
    return host;
  }

  /** From the import page: the plan's title, check, import, then "Open the plan". */
  async function importAs(tab: Frame, title: string): Promise<{ will: string; did: string }> {
    await tab.getByLabel("Plan title").fill(title);
    const will = await checkAgainstSite(tab);
    const did = await importAndWait(tab);
    await tab.getByRole("button", { name: "Open the plan" }).click();
    await waitForHeading(tab, title);
    return { will, did };
  }

  async function planId(title: string): Promise<string> {
    const plan = (await listPlans(e2e.as(COORDINATOR))).find((p) => p.title === title);
    assert.ok(plan !== undefined, `"${title}" is on the site`);
    return plan.id;
  }

  test("the LGA report as CSV imports, and shows in Plan, the plan's dashboard and its SROs' My actions", async () => {
    const title = "LGA CPC 2023 (imported in Teams)";
    const { page, tab } = await openNewImport();
    await choose(tab, "lga-cpc-2023-progress-april-2024.csv", LGA_CSV, CSV_TYPE);
    await waitForHeading(tab, "Preview");
    assert.equal(
      await counts(tab),
      "18 recommendations, 64 actions, 0 milestones, 64 progress updates and 0 SRO posts to create.",
    );
    assert.equal(
      await tab.getByLabel("Plan title").inputValue(),
      "lga-cpc-2023-progress-april-2024",
      "the title offered is the file's name",
    );
    assert.equal(await tab.getByLabel("Ref (action number)").inputValue(), "Ref");
    assert.equal(await tab.getByLabel("SRO or lead officer").inputValue(), "Senior Responsible Officer");

    // The demo plan's title is taken: the page says so and will not check.
    await tab.getByLabel("Plan title").fill("Corporate Peer Challenge – April 2024 Progress Update Report");
    await tab.getByText(/A plan with this title is on the site already/).waitFor();
    assert.equal(await tab.getByRole("button", { name: "Check against the site" }).isDisabled(), true);

    const { will, did } = await importAs(tab, title);
    assert.match(
      will,
      /18 recommendations, 64 actions, 0 milestones and 64 progress updates will be created/,
    );
    assert.match(did, new RegExp(`${title.replace(/[()]/g, "\\$&")} is on the site`));
    assert.match(did, /18 recommendations, 64 actions, 0 milestones and 64 progress updates created/);

    // Plan: the new plan's recommendations and actions.
    assert.match(await visibleText(tab), /Showing 64 of 64 actions/);
    await tab.getByRole("heading", { name: "Recommendation 2: Medium Term Financial Strategy" }).waitFor();
    const action = (await tab.locator("li[data-action-ref='2.3']").innerText()).replace(/\s+/g, " ");
    assert.match(action, /^2\.3 The Council shall revisit its scenario planning/);
    assert.match(action, /SRO: Corporate Director Resources/);
    assert.match(action, /Target: 31 March 2024/);

    // The dashboard of the new plan, as a channel tab configured for it.
    const id = await planId(title);
    const configure = await e2e.openHost({ user: COORDINATOR, frame: "configure" });
    await waitForHeading(configure.tab, "Set up the plan tab");
    await configure.tab.getByLabel("Plan", { exact: true }).selectOption(id);
    await configure.tab.getByRole("radio", { name: /^Dashboard/ }).check();
    await configure.page.waitForFunction(
      () => !(document.getElementById("host-save") as HTMLButtonElement).disabled,
    );
    await configure.page.locator("#host-save").click();
    await configure.page.waitForFunction(
      () => new URLSearchParams(location.search).get("frame") === "channel",
    );
    await configure.page.waitForSelector("body[data-app-state='ready']", { timeout: 20_000 });
    const channel = configure.page.frame({ url: /view=dashboard/ });
    assert.ok(channel !== null, "the channel tab opened the dashboard");
    await waitForHeading(channel, title);
    await channel.getByText("Actions by status (64 actions)").waitFor();
    await configure.page.context().close();

    // An SRO the file names sees the new plan's actions in My actions.
    const expected = (await loadMyActions(e2e.as(SIT.upn), SIT.upn, DEMO_TODAY)).filter(
      (m) => m.record.planTitle === title,
    );
    assert.ok(expected.length > 0, `${SIT.displayName} holds actions in the new plan`);
    const sro = await e2e.openHost({ user: SIT.upn });
    await sro.tab.locator("li[data-action-ref]").first().waitFor({ timeout: 15_000 });
    const mine = sro.tab.locator("li[data-action-ref]", { hasText: title });
    assert.equal(await mine.count(), expected.length, await shown(sro.tab));
    assert.equal(await sro.tab.locator("li[data-action-ref='1.1']", { hasText: title }).count(), 1);
    await page.context().close();
    await sro.page.context().close();
  });

  /** Each recommendation heading of the plan shown, with its actions' refs in the order listed. */
  async function planOutline(tab: Frame): Promise<[string, string[]][]> {
    return tab
      .locator("section[aria-labelledby^='rec-']")
      .evaluateAll((sections) =>
        sections.map((section): [string, string[]] => [
          section.querySelector("h3")?.textContent.trim() ?? "",
          [...section.querySelectorAll("li[data-action-ref]")].map(
            (li) => li.getAttribute("data-action-ref") ?? "",
          ),
        ]),
      );
  }

  test("part of the LGA report as a workbook, recommendations in merged cells, imports with its warnings shown", async () => {
    const title = "LGA CPC 2023 (workbook extract)";
    const { page, tab } = await openNewImport();
    await choose(tab, "lga-extract.xlsx", await lgaWorkbook(), XLSX_TYPE);
    await waitForHeading(tab, "Preview");
    assert.equal(
      await counts(tab),
      "2 recommendations, 5 actions, 0 milestones, 5 progress updates and 0 SRO posts to create.",
    );
    assert.equal(
      await tab.getByLabel("Plan title").inputValue(),
      "LGA Corporate Peer Challenge – workbook version",
    );
    assert.deepEqual(await problems(tab), [
      [
        "Warning",
        "4",
        "E (Target date)",
        '"Quarterly" is not a date the plan\'s rules understand, so the action has no due date.',
      ],
    ]);
    const { will } = await importAs(tab, title);
    assert.match(will, /2 recommendations, 5 actions, 0 milestones and 5 progress updates will be created/);
    assert.deepEqual(await planOutline(tab), [
      ["Recommendation 1: Strategic Vision", ["1.1", "1.2"]],
      ["Recommendation 2: Medium Term Financial Strategy", ["2.1", "2.2", "2.3"]],
    ]);
    const undated = (await tab.locator("li[data-action-ref='1.2']").innerText()).replace(/\s+/g, " ");
    assert.match(undated, /Target: Quarterly/, "the target is kept as written");
    await page.context().close();
  });

  test("a delivery plan (areas, activities, milestones) imports, each milestone listed under its activity", async () => {
    const title = "Northbridge Delivery Plan 2017/18 (Q2, imported)";
    const { page, tab } = await openNewImport();
    await choose(tab, "delivery-plan.csv", DELIVERY_CSV, CSV_TYPE);
    await waitForHeading(tab, "Preview");
    assert.equal(
      await counts(tab),
      "2 recommendations, 3 actions, 5 milestones, 5 progress updates and 2 SRO posts to create.",
    );
    assert.equal(
      await tab.getByLabel("Plan title").inputValue(),
      "Northbridge Council Delivery Plan 2017/18",
    );
    assert.equal(await tab.getByLabel("Milestone").inputValue(), "Key milestones");
    const found = await problems(tab);
    assert.ok(
      found.every(([kind]) => kind === "Warning"),
      JSON.stringify(found),
    );
    assert.ok(
      found.some(
        ([, row, column, message]) =>
          row === "8–9" &&
          column === "E (Deadline)" &&
          /^2 target dates are not dates the plan's rules understand \("Quarterly"\)/.test(message),
      ),
      JSON.stringify(found),
    );
    // SROs matching no post or person: a select each, to say who holds them (left vacant here).
    await tab.getByRole("group", { name: "SROs to match" }).getByLabel('"Head of Finance"').waitFor();
    const { will } = await importAs(tab, title);
    assert.match(
      will,
      /2 recommendations, 3 actions, 5 milestones and 5 progress updates will be created; 2 SRO posts will be created/,
    );
    assert.deepEqual(await planOutline(tab), [
      ["Recommendation 1: Financial sustainability", ["1.1", "1.1.a", "1.1.b", "1.2", "1.2.1", "1.2.2"]],
      ["Recommendation 2: Workforce", ["2.1", "2.1.a"]],
    ]);
    const milestone = (await tab.locator("li[data-action-ref='1.1.a']").innerText()).replace(/\s+/g, " ");
    assert.match(milestone, /^1\.1\.a Agree the budget at Full Council Completed/);
    assert.match(await visibleText(tab), /SRO: Head of Finance/);
    await page.context().close();
  });

  test("a programme plan CSV with a byte-order mark and no SRO column imports, and the same file again changes nothing", async () => {
    const title = "Digital Transformation Programme (imported)";
    const { page, tab } = await openNewImport();
    await choose(tab, "programme-plan.csv", PROGRAMME_CSV, CSV_TYPE);
    await waitForHeading(tab, "Preview");
    assert.equal(
      await counts(tab),
      "4 recommendations, 6 actions, 0 milestones, 5 progress updates and 0 SRO posts to create.",
    );
    assert.equal(
      await tab.getByLabel("Plan title").inputValue(),
      "Digital Transformation Programme – plan on a page",
      "the byte-order mark is not part of the title",
    );
    assert.equal(
      await tab.getByLabel("Ref (action number)").inputValue(),
      "Ref",
      "the BOM is not part of a header",
    );
    assert.equal(await tab.getByLabel("SRO or lead officer").inputValue(), "");
    // No SRO anywhere: the coordinator is asked to check before it can be written.
    await tab.getByText(/None of the plan's 6 actions has an SRO/).waitFor();
    assert.equal(await tab.getByRole("button", { name: "Check against the site" }).isDisabled(), true);
    await tab.getByLabel("I have checked: import it as it is").check();
    await importAs(tab, title);
    assert.deepEqual(await planOutline(tab), [
      ["Recommendation 1.1: Finance systems", ["1.1.1", "1.1.2"]],
      ["Recommendation 1.2: Customer contact", ["1.2.1"]],
      ["Recommendation 2.1: Finance systems", ["2.1.1", "2.1.2"]],
      ["Recommendation 2.2: Customer contact", ["2.2.1"]],
    ]);
    assert.match(await visibleText(tab), /1\.1\.1 Map current finance processes On target SRO: none named/);

    // The same file again, into this plan.
    await tab.getByRole("button", { name: "Update this plan from a file" }).click();
    await waitForHeading(tab, `Update ${title} from a file`);
    await choose(tab, "programme-plan.csv", PROGRAMME_CSV, CSV_TYPE);
    await waitForHeading(tab, "Preview");
    await tab.getByText("Using the mapping saved by this plan's last import.").waitFor();
    await tab.getByLabel("I have checked: import it as it is").check();
    const will = await checkAgainstSite(tab);
    assert.match(will, /The site already matches the file: importing it changes nothing\./);
    assert.equal(await tab.getByRole("button", { name: "Import", exact: true }).count(), 0);
    await page.context().close();
  });

  test("a file with errors names their rows, and nothing is checked until those rows are skipped", async () => {
    const { page, tab } = await openNewImport();
    await choose(tab, "programme-plan.csv", PROGRAMME_CSV, CSV_TYPE);
    await waitForHeading(tab, "Preview");
    // A second file chosen (the coordinator picked the wrong one) is read afresh, its own title offered.
    await choose(tab, "finance-errors.csv", utf8(ERRORS_CSV), CSV_TYPE);
    await tab.locator("tr[data-severity='error']").first().waitFor();
    assert.equal(await tab.getByLabel("Plan title").inputValue(), "finance-errors");
    const errors = (await problems(tab)).filter(([kind]) => kind === "Error");
    assert.deepEqual(errors, [
      [
        "Error",
        "3",
        "–",
        'Milestone "Milestone with no activity" has no parent: no action comes before it under its recommendation or heading.',
      ],
      ["Error", "5", "A (Ref)", 'Ref "1.1" is used twice: on row 4 and on row 5.'],
    ]);
    assert.match(await tab.locator("table caption").innerText(), /^Problems in the file: 2 errors,/);
    await tab.getByLabel("Plan title").fill("Finance plan with errors");
    const check = tab.getByRole("button", { name: "Check against the site" });
    assert.equal(await check.isDisabled(), true, "errors block the check");
    assert.match(await visibleText(tab), /Nothing can be written while the file has errors/);
    await tab.getByLabel("Skip the rows named above and import the rest").check();
    await tab.waitForFunction(() =>
      [...document.querySelectorAll("button")].some(
        (b) => b.textContent === "Check against the site" && !b.disabled,
      ),
    );
    assert.equal(
      await counts(tab),
      "1 recommendation, 2 actions, 0 milestones, 0 progress updates and 1 SRO post to create; 2 rows skipped.",
    );
    const will = await checkAgainstSite(tab);
    assert.match(will, /1 recommendation, 2 actions, 0 milestones and 0 progress updates will be created/);
    await tab.getByRole("button", { name: "Import", exact: true }).waitFor();
    await page.context().close();
  });

  test("a Word document renamed .xlsx is refused with a sentence saying what it is", async () => {
    const { page, tab } = await openNewImport();
    await choose(tab, "action-plan.xlsx", wordFile(), XLSX_TYPE);
    const notice = tab.getByText("The file could not be read.");
    await notice.waitFor();
    assert.match(await visibleText(tab), /"action-plan\.xlsx" is a Word document, not an Excel workbook\./);
    assert.equal(await tab.getByRole("heading", { name: "Preview" }).count(), 0);
    await page.context().close();
  });
});
