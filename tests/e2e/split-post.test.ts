// A coordinator's SRO posts page: a post written as two ("CEO/Monitoring Officer") is split into two posts,
// choosing which of its actions go to the new one (a title already taken is refused in words, and nothing
// is split); two coordinators renaming one post (the second is told, and keeps what they typed); axe on the
// posts page with its forms open in each theme and at 360 px.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/iso-date.ts";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import { listPlans, loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { createSroPost, loadSroPosts, updateSroPost } from "../../src/sharepoint/posts/index.ts";
import type { ActionRecord } from "../../src/sharepoint/schema/index.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { goTo, openView, pickPerson, said } from "./support/manage.ts";
import { scrollsSideways, waitForHeading } from "./support/tab.ts";

const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const OTHER_COORDINATOR = "daniel.osei@northbridge.gov.uk";
const SPLIT = "CEO/Monitoring Officer";
const THEMES = ["default", "dark", "contrast"] as const;
const NEW_HOLDER =
  DIRECTORY.find((p) => p.siteGroup === "Members" && /monitoring|legal/i.test(p.jobTitle)) ??
  DIRECTORY.find((p) => p.siteGroup === "Members")!;

async function actionsOf(e2e: E2E, postId: string): Promise<ActionRecord[]> {
  const ctx = e2e.as(COORDINATOR);
  const plans = await listPlans(ctx, { includeArchived: true });
  const all = await Promise.all(plans.map((p) => loadDashboard(ctx, p.id)));
  return all.flatMap((d) => d.actions.filter((a) => a.sroPostId === postId));
}

async function postByTitle(e2e: E2E, title: string) {
  return (await loadSroPosts(e2e.as(COORDINATOR))).find((p) => p.title === title);
}

describe("SRO posts", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("a post written as two is split into two, the chosen actions moving to the new one", async () => {
    const post = await postByTitle(e2e, SPLIT);
    assert.ok(post !== undefined, `the demo has '${SPLIT}'`);
    const before = await actionsOf(e2e, post.id);
    assert.ok(before.length >= 2, "the post has actions to share out");
    const moving = before[0]!;
    const { page, tab, errors } = await openView(e2e, COORDINATOR, "?view=posts", "SRO posts");
    const item = tab.locator(`li[data-post='${SPLIT}']`);
    await item.getByRole("button", { name: `Change ${SPLIT}` }).click();
    await tab.getByRole("menuitem", { name: "Split into two posts" }).click();
    const form = tab.locator("form[data-form='split-post']");
    assert.equal(await form.getByLabel("This post's title").inputValue(), "CEO");
    assert.equal(await form.getByLabel("The new post's title").inputValue(), "Monitoring Officer");
    await form
      .getByRole("checkbox", { name: new RegExp(`^Action ${moving.action.ref.replace(".", "\\.")}:`) })
      .check();

    // "CEO" is another post's title already: refused in words, nothing split, what was typed kept.
    await form.getByRole("button", { name: "Split post" }).click();
    await form
      .getByRole("alert")
      .filter({ hasText: "There is already an SRO post called 'CEO'" })
      .waitFor({ timeout: 15_000 });
    assert.equal((await postByTitle(e2e, SPLIT))?.id, post.id, "the post is as it was");
    assert.equal(await postByTitle(e2e, "Monitoring Officer"), undefined, "no new post is left behind");

    await form.getByLabel("This post's title").fill("Chief Executive");
    await pickPerson(tab, "The new post's holder", NEW_HOLDER.displayName, NEW_HOLDER.upn);
    await form.getByRole("button", { name: "Split post" }).click();
    await said(
      tab,
      `'${SPLIT}' is now two posts: 'Chief Executive' and 'Monitoring Officer', which has 1 action.`,
    );
    await tab
      .locator("li[data-post='Monitoring Officer']")
      .getByText(`Held by ${NEW_HOLDER.displayName}`)
      .waitFor();

    const kept = await postByTitle(e2e, "Chief Executive");
    const created = await postByTitle(e2e, "Monitoring Officer");
    assert.equal(kept?.id, post.id, "the post keeps its id under its new title");
    assert.equal(kept.holderUpn, post.holderUpn, "and its holder");
    assert.equal(created?.holderUpn, NEW_HOLDER.upn);
    assert.deepEqual(
      (await actionsOf(e2e, created.id)).map((a) => a.action.id),
      [moving.action.id],
    );
    assert.deepEqual(
      (await actionsOf(e2e, post.id)).map((a) => a.action.id).sort(),
      before
        .slice(1)
        .map((a) => a.action.id)
        .sort(),
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test("two coordinators rename the same post: the second is told in words and keeps what they typed", async () => {
    const title = "Deputy CEO";
    const { page, tab } = await openView(e2e, COORDINATOR, "?view=posts", "SRO posts");
    const item = tab.locator(`li[data-post='${title}']`);
    await item.getByRole("button", { name: `Change ${title}` }).click();
    await tab.getByRole("menuitem", { name: "Rename" }).click();
    const form = tab.locator("form[data-form='rename-post']");
    await form.getByLabel("New title").fill("Deputy Chief Executive");
    // Meanwhile, another coordinator sets a delegate on it.
    const theirs = (await loadSroPosts(e2e.as(OTHER_COORDINATOR))).find((p) => p.title === title)!;
    const cover = DIRECTORY.find((p) => p.siteGroup === "Members" && p.upn !== theirs.holderUpn)!;
    await updateSroPost(e2e.as(OTHER_COORDINATOR), theirs, {
      delegate: { upn: cover.upn, from: isoDate("2024-04-22"), to: null },
    });
    await form.getByRole("button", { name: "Rename post" }).click();
    await form
      .getByRole("alert")
      .filter({ hasText: "Someone else changed this SRO post" })
      .waitFor({ timeout: 15_000 });
    assert.equal(await form.getByLabel("New title").inputValue(), "Deputy Chief Executive");
    await item
      .getByText(/Delegate: .* from 22 April 2024 until further notice\./)
      .waitFor({ timeout: 15_000 });
    await form.getByRole("button", { name: "Rename post" }).click();
    await said(tab, `'${title}' is now called 'Deputy Chief Executive'.`);
    const now = await postByTitle(e2e, "Deputy Chief Executive");
    assert.equal(now?.delegateUpn, cover.upn, "their delegate is kept");
    await page.context().close();
  });

  test("posts with no holder, and holders who have left the directory, are flagged in words", async () => {
    const vacant = "Vacant post for the flags test";
    await createSroPost(e2e.as(COORDINATOR), { title: vacant, holderUpn: null });
    const leaver = (await loadSroPosts(e2e.as(COORDINATOR))).find((p) => p.holderUpn !== null)!;
    const host = await e2e.openHost({ user: COORDINATOR });
    // The leaver is gone from Graph's directory (their account deleted): /users no longer lists them.
    await host.page.context().route(
      (url) => url.pathname.includes("/graph/") && url.pathname.endsWith("/users"),
      async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { value: { userPrincipalName: string }[] };
        body.value = body.value.filter((u) => u.userPrincipalName.toLowerCase() !== leaver.holderUpn);
        await route.fulfill({ response, json: body });
      },
    );
    await waitForHeading(host.tab, /^Overdue|My actions|Corporate Peer Challenge/);
    await goTo(host.tab, "?view=posts");
    await waitForHeading(host.tab, "SRO posts");
    const flagged = host.tab.locator(`li[data-post='${leaver.title}']`);
    await flagged.getByText("Holder has left the directory").waitFor({ timeout: 15_000 });
    assert.match(
      await flagged.innerText(),
      /no longer in the organisation's directory: give the post to someone else/,
    );
    await host.tab.locator(`li[data-post='${vacant}']`).getByText("No holder").waitFor();
    assert.match(
      await host.tab.locator("[data-post-problems]").innerText(),
      /posts?'? holders? (has|have) left the directory/,
    );
    await host.page.context().close();
  });

  for (const theme of THEMES)
    test(`axe: SRO posts with its forms open, ${theme} theme`, async () => {
      const { page, tab } = await openView(e2e, COORDINATOR, "?view=posts", "SRO posts", { theme });
      const quiet = await axeViolations(tab);
      assert.ok(quiet.passes > 10, "axe ran its rules");
      assert.deepEqual(quiet.violations, [], "the list");
      await tab.getByRole("button", { name: "New SRO post" }).click();
      await tab.locator("form[data-form='new-post']").getByRole("button", { name: "Create post" }).click();
      await tab.getByText("Give the post a title").waitFor();
      const item = tab.locator("li[data-post]").first();
      const name = await item.getAttribute("data-post");
      await item.getByRole("button", { name: `Change ${name ?? ""}` }).click();
      await tab
        .getByRole("menuitem", { name: /delegate/ })
        .first()
        .click();
      await tab.locator("form[data-form='post-delegate']").waitFor();
      await tab.getByRole("menu").waitFor({ state: "detached" });
      assert.deepEqual((await axeViolations(tab)).violations, [], "new post and delegate forms open");
      const other = tab.locator("li[data-post]").nth(1);
      await other
        .getByRole("button", { name: `Change ${(await other.getAttribute("data-post")) ?? ""}` })
        .click();
      await tab.getByRole("menuitem", { name: "Split into two posts" }).click();
      await tab.locator("form[data-form='split-post']").waitFor();
      await tab
        .locator("form[data-form='split-post'] fieldset, form[data-form='split-post'] p")
        .first()
        .waitFor();
      await tab.getByRole("combobox", { name: "The new post's holder" }).fill("a");
      await tab.getByRole("combobox", { name: "The new post's holder" }).press("ArrowDown");
      await tab.getByRole("listbox").first().waitFor();
      assert.deepEqual((await axeViolations(tab)).violations, [], "split form with the people list open");
      await page.context().close();
    });

  test("at 360 px, SRO posts does not scroll sideways and passes axe", async () => {
    const { page, tab } = await openView(
      e2e,
      COORDINATOR,
      "?view=posts",
      "SRO posts",
      { width: "phone" },
      { width: 420, height: 800 },
    );
    assert.equal(await tab.evaluate(() => document.documentElement.clientWidth), 360);
    assert.equal(await scrollsSideways(tab), false);
    const item = tab.locator("li[data-post]").first();
    await item
      .getByRole("button", { name: `Change ${(await item.getAttribute("data-post")) ?? ""}` })
      .click();
    await tab.getByRole("menuitem", { name: "Split into two posts" }).click();
    await tab.locator("form[data-form='split-post']").waitFor();
    assert.equal(await scrollsSideways(tab), false, "with the split form open");
    assert.deepEqual((await axeViolations(tab)).violations, []);
    await page.context().close();
  });
});
