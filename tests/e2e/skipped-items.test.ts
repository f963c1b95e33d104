// Items that cannot be read, in the tab: after someone adds a Plans item with only a title and an Actions
// item whose status is not one of its choices (over REST, as an Owner), a coordinator's Plan, Dashboard and
// My actions still show everything else, with a notice naming each item and what to do; an SRO sees the
// plan without them and no notice (only a coordinator can fix them).
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Frame } from "playwright-core";
import { z } from "zod";
import { demoCoordinator } from "../../src/sandbox/seed/demo.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { axeViolations } from "./support/axe.ts";
import { waitForHeading } from "./support/tab.ts";

const COORDINATOR = demoCoordinator();
const SRO = personByPost("Corporate Director Resources")!;
const added = z.object({ Id: z.number() });

function notice(tab: Frame) {
  return tab.getByRole("status").filter({ hasText: /items? could not be read/ });
}

describe("items that cannot be read, in the tab", () => {
  let e2e: E2E;
  let badPlan: number;
  let badAction: number;

  beforeAll(async () => {
    e2e = await startE2E();
    const { sp } = e2e.as(COORDINATOR);
    const lists = sp.web.lists;
    badPlan = added.parse(await lists.getByTitle("Plans").items.add({ Title: "Added by hand" })).Id;
    // A post the coordinator holds, so that the bad action is one of theirs in My actions too.
    const me = added.parse(await sp.web.ensureUser(`i:0#.f|membership|${COORDINATOR}`));
    const post = added.parse(
      await lists.getByTitle("SRO Posts").items.add({ Title: "Bad rows test post", HolderId: me.Id }),
    );
    badAction = added.parse(
      await lists.getByTitle("Actions").items.add({
        Title: "18.9",
        Ref: "18.9",
        ActionText: "Added over REST",
        PlanId: 1,
        SroPostId: post.Id,
        ReportedStatus: "Nearly done",
      }),
    ).Id;
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("a coordinator's Plan view lists the rest and names each item in a notice announced politely", async () => {
    const { page, tab, errors } = await e2e.openHost({ user: COORDINATOR });
    await waitForHeading(tab, /^Overdue|My actions|Corporate Peer Challenge/);
    await tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
    await waitForHeading(tab, /Corporate Peer Challenge/);
    await notice(tab)
      .filter({ hasText: /Actions item/ })
      .waitFor();
    const text = await notice(tab).innerText();
    assert.match(text, /2 items could not be read/);
    assert.match(
      text,
      new RegExp(
        `Plans item ${String(badPlan)} \\("Added by hand"\\) was left out: its column "Reference date" \\(ReferenceDate\\) is empty\\. Fix or delete the item in SharePoint\\.`,
      ),
    );
    assert.match(
      text,
      new RegExp(`Actions item ${String(badAction)} \\("18\\.9"\\) was left out: .*"Nearly done"`),
    );
    assert.match(await tab.locator("body").innerText(), /Showing 64 of 64 actions/);
    assert.deepEqual((await axeViolations(tab)).violations, []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test("a coordinator's My actions and Dashboard say the same, an SRO's plan view says nothing", async () => {
    const mine = await e2e.openHost({ user: COORDINATOR });
    // A coordinator with no actions of their own lands on the plan, My actions one labelled link away.
    await waitForHeading(mine.tab, /Corporate Peer Challenge/);
    await mine.tab.getByRole("navigation").getByRole("link", { name: "My actions" }).click();
    await waitForHeading(mine.tab, "My actions");
    // The list naming each item loads after the notice's first line.
    await notice(mine.tab)
      .filter({ hasText: /Actions item/ })
      .waitFor();
    assert.match(await notice(mine.tab).innerText(), /One item could not be read[\s\S]*Actions item/);
    assert.match(await mine.tab.locator("body").innerText(), /You have no actions in any plan/);
    await mine.page.context().close();

    const dashboard = await e2e.openHost({ user: COORDINATOR, frame: "channel" });
    await waitForHeading(dashboard.tab, /Corporate Peer Challenge/);
    await notice(dashboard.tab)
      .filter({ hasText: /Actions item/ })
      .waitFor();
    assert.match(await notice(dashboard.tab).innerText(), /Actions item/);
    await dashboard.page.context().close();

    const sro = await e2e.openHost({ user: SRO.upn });
    await waitForHeading(sro.tab, /^Overdue|My actions|Corporate Peer Challenge/);
    await sro.tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
    await waitForHeading(sro.tab, /Corporate Peer Challenge/);
    await sro.tab.getByText(/Showing 64 of 64 actions/).waitFor();
    // Once the role has been read (nothing left in flight), the notice would be there if it were shown.
    await sro.page.waitForLoadState("networkidle");
    assert.equal(await notice(sro.tab).count(), 0);
    await sro.page.context().close();
  });
});
