// A plan's structure from the CLI alone, each command run as typed (through the CLI's main) against a sandbox:
// recommendations and actions added, edited, moved, reordered, made a milestone and back, withdrawn with a
// reason, a target date revised with one, and the action's history read back in words. Refusals are one
// sentence on stderr; a Member's is SharePoint's own 403, in words.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { isoDate, sortActions } from "../../src/domain/index.ts";
import { loadActionHistory } from "../../src/sharepoint/actions/index.ts";
import { createPlan, loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { createSroPost } from "../../src/sharepoint/posts/index.ts";
import { SANDBOX_PEOPLE } from "../support/targets.ts";
import { actionplanHere as actionplan, ok } from "../support/actionplan-cli.ts";
import { MEMBERS, openProvisioned, type Provisioned } from "./fixtures.ts";

describe("actionplan plan rec|action", () => {
  let env: Provisioned;
  let planId = "";
  let site = "";
  const as = (who = SANDBOX_PEOPLE.owner) => `--site ${site} --as ${who} --plan ${planId}`;

  beforeAll(async () => {
    env = await openProvisioned();
    site = env.target.siteUrl;
    planId = (
      await createPlan(env.ctx(), {
        title: "CLI structure plan",
        referenceDate: isoDate("2024-04-01"),
        overdueAfterMonths: 1,
        nation: "England and Wales",
      })
    ).id;
    await createSroPost(env.ctx(), { title: "Director of Finance", holderUpn: MEMBERS[0] ?? null });
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("recommendations and actions are added and shown in order", async () => {
    assert.match(
      ok(await actionplan(`plan rec add ${as()} --ref 1 --title Finance`)),
      /^Added Recommendation 1 \(id \d+\) "Finance" to plan "CLI structure plan"\.$/m,
    );
    ok(await actionplan(`plan rec add ${as()} --ref 19 --title 'Culture and values'`));
    const added = ok(
      await actionplan(
        `plan action add ${as()} --rec 1 --ref 1.1 --text 'Balance the budget' --target 'March 2025' --sro-post 'Director of Finance'`,
      ),
    );
    assert.match(
      added,
      /Added Action 1\.1 \(id \d+\) "Balance the budget": target date 'March 2025'; SRO post Director of Finance; recommendation 1\./,
    );
    ok(
      await actionplan(
        `plan action add ${as()} --rec 1 --ref 1.2 --text 'Rebuild reserves' --target Sept-24`,
      ),
    );
    ok(
      await actionplan(
        `plan action add ${as()} --milestone-of 1.1 --ref 1.1.1 --text 'Consult' --target Jan-25`,
      ),
    );
    const json = z
      .object({
        recommendations: z.array(z.object({ ref: z.string() })),
        actions: z.array(z.object({ ref: z.string() })),
      })
      .parse(JSON.parse(ok(await actionplan(`plan rec list ${as()} --json`))));
    assert.deepEqual(
      json.recommendations.map((r) => r.ref),
      ["1", "19"],
    );
    assert.deepEqual(
      json.actions.map((a) => a.ref),
      ["1.1", "1.1.1", "1.2"],
    );
  });

  test("an action is moved, reordered, made a milestone and back, withdrawn and reinstated", async () => {
    assert.match(
      ok(await actionplan(`plan action move ${as()} --action 1.2 --to-rec 19`)),
      /^Moved Action 1\.2 .*recommendation 19\.$/m,
    );
    assert.match(ok(await actionplan(`plan rec reorder ${as()} --order 19,1`)), /recommendations as 19, 1\./);
    assert.match(
      ok(await actionplan(`plan action milestone ${as()} --action 1.2 --of 1.1`)),
      /^Made Milestone 1\.2 .*milestone of 1\.1\.$/m,
    );
    assert.match(
      ok(await actionplan(`plan action unmilestone ${as()} --action 1.2`)),
      /^Made Action 1\.2 .*recommendation 1\.$/m,
    );
    assert.match(
      ok(
        await actionplan(
          `plan action retire ${as()} --action 1.2 --reason 'Merged into 1.1' --on 2024-05-01`,
        ),
      ),
      /withdrawn on 1 May 2024: Merged into 1\.1\.$/m,
    );
    assert.match(
      ok(await actionplan(`plan action reinstate ${as()} --action 1.2`)),
      /^Reinstated Action 1\.2/m,
    );
    const dashboard = await loadDashboard(env.ctx(), planId);
    assert.deepEqual(
      sortActions(dashboard.actions).map((a) => [a.action.ref, a.action.withdrawn === undefined]),
      [
        ["1.1", true],
        ["1.1.1", true],
        ["1.2", true],
      ],
    );
  });

  test("a revised target date keeps its reason, and the history says it in words", async () => {
    ok(
      await actionplan(
        `plan action revise ${as()} --action 1.1 --target 'June 2025' --reason 'Audit late' --on 2024-05-02`,
      ),
    );
    ok(await actionplan(`plan action edit ${as()} --action 1.1 --text 'Balance the 2025/26 budget'`));
    const dashboard = await loadDashboard(env.ctx(), planId);
    const a11 = dashboard.actions.find((a) => a.action.ref === "1.1");
    assert.ok(a11 !== undefined);
    assert.equal(a11.action.targetDate.text, "June 2025");
    assert.equal((await loadActionHistory(env.ctx(), a11.action.id)).dateChanges[0]?.reason, "Audit late");
    const history = ok(await actionplan(`plan action history ${as()} --action 1.1`));
    const lines = history.trim().split("\n");
    assert.equal(lines[0], "Changes to action 1.1, newest first:");
    assert.match(
      lines[1] ?? "",
      /: Text changed from 'Balance the budget' to 'Balance the 2025\/26 budget' {2}\[v3\.0\]$/,
    );
    assert.match(
      lines[2] ?? "",
      /: Target date changed from 'March 2025' to 'June 2025': Audit late {2}\[v2\.0\]$/,
    );
    assert.match(
      lines[3] ?? "",
      /: Added as action 1\.1 of recommendation 1, target date 'March 2025' {2}\[v1\.0\]$/,
    );
  });

  test("refusals are one sentence: a Member's is SharePoint's 403, a bad number names what there is", async () => {
    const member = await actionplan(`plan action edit ${as(SANDBOX_PEOPLE.member)} --action 1.1 --text Mine`);
    assert.equal(member.status, 1);
    assert.equal(
      member.stderr.trim(),
      "actionplan plan action edit: SharePoint refused: only the site's coordinators (its Owners) can change actions. Ask a coordinator, or run it as one with --as.",
    );
    const recAdd = await actionplan(`plan rec add ${as(SANDBOX_PEOPLE.member)} --ref 7 --title No`);
    assert.match(
      recAdd.stderr,
      /SharePoint refused: only the site's coordinators \(its Owners\) can add recommendations\./,
    );
    const missing = await actionplan(`plan action move ${as()} --action 9.9 --to-rec 1`);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no action 9\.9\. Its actions: 1\.1, 1\.1\.1, 1\.2\./);
    const milestone = await actionplan(`plan action milestone ${as()} --action 1.1 --of 1.2`);
    assert.equal(milestone.status, 1);
    assert.match(milestone.stderr, /action 1\.1 has milestones of its own \(1\.1\.1\)/);
  });
});
