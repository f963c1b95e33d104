// An axe scan of every view the tab has so far, in each Teams theme: no violations of WCAG 2.1 A/AA or
// axe's best practices (landmarks, one h1, headings in order).
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { startE2E, type E2E, type HostQuery } from "./support/harness.ts";
import { axeViolations } from "./support/axe.ts";
import { waitForHeading } from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;
const THEMES = ["default", "dark", "contrast"] as const;

describe("accessibility (axe) of every view in every theme", () => {
  let e2e: E2E;
  let actionId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, isoDate("2024-04-10"));
    actionId = mine.find((m) => m.record.action.ref === "2.3")!.record.action.id;
  });
  afterAll(async () => {
    await e2e.close();
  });

  const views: { name: string; query: () => HostQuery; heading: string | RegExp }[] = [
    { name: "My actions", query: () => ({ user: SRO.upn }), heading: /^Delayed/ },
    {
      name: "Action",
      query: () => ({ user: SRO.upn, frame: "deep-link", action: actionId }),
      heading: "Action 2.3",
    },
    {
      name: "Update dialog",
      query: () => ({ user: SRO.upn, frame: "dialog", action: actionId }),
      heading: "Update action 2.3",
    },
  ];

  for (const theme of THEMES) {
    for (const view of views) {
      test(`${view.name}, ${theme} theme`, async () => {
        const { page, tab } = await e2e.openHost({ ...view.query(), theme });
        await waitForHeading(tab, view.heading);
        const { passes, violations } = await axeViolations(tab);
        assert.ok(passes > 10, "axe ran its rules");
        assert.deepEqual(violations, []);
        await page.context().close();
      });
    }
  }
});
