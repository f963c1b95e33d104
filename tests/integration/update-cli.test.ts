// An SRO's update from the CLI (`actionplan update`): the holder posts one for the open period and it is the
// action's latest at once; `--complete` completes the action; someone who neither holds nor covers the post
// is refused in one sentence and nothing is written; a Visitor, even one holding a post, is refused by
// SharePoint itself.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { importPlan } from "../../src/sharepoint/import/index.ts";
import { createPeriod } from "../../src/sharepoint/periods/index.ts";
import { loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { loadSroPosts, updateSroPost } from "../../src/sharepoint/posts/index.ts";
import { actionplanHere as actionplan, ok } from "../support/actionplan-cli.ts";
import { SANDBOX_PEOPLE } from "../support/targets.ts";
import { generatedPlan, MEMBERS, openProvisioned, type Provisioned } from "./fixtures.ts";

describe("actionplan update", () => {
  let env: Provisioned;
  let planId = "";
  const as = (who: string) => `--site ${env.target.siteUrl} --as ${who} --plan ${planId}`;
  const holderOf11 = MEMBERS[0] ?? "";
  const holderOf12 = MEMBERS[1] ?? "";
  // As every reader shows it: the dashboard overlays updates not yet copied onto the action.
  const shown = async (ref: string) => {
    const found = (await loadDashboard(env.ctx(), planId)).actions.find((a) => a.action.ref === ref);
    assert.ok(found, `action ${ref}`);
    return found;
  };

  beforeAll(async () => {
    env = await openProvisioned();
    const imported = await importPlan(env.ctx(), generatedPlan("Update plan", 1, 2, ["Post A", "Post B"]));
    planId = imported.planId;
    await createPeriod(env.ctx(), planId, {
      title: "Q1 2024/25",
      startsOn: "2024-04-01",
      updateDeadline: "2024-06-05",
      reportDate: "2024-06-18",
    });
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("the holder's update is the action's latest at once, for the open period", async () => {
    const out = ok(
      await actionplan(
        `update ${as(holderOf11)} --action 1.1 --text "Draft agreed by CMT; the Mayor's Office consulted" --status 'On target' --percent 40 --date 2024-05-20`,
      ),
    );
    assert.match(out, /^Posted update \d+ on action 1\.1 \(20 May 2024, for Q1 2024\/25\)\.\n$/);
    const action = await shown("1.1");
    assert.deepEqual(action.latest, {
      date: "2024-05-20",
      text: "Draft agreed by CMT; the Mayor's Office consulted",
      reportedStatus: "On target",
      percentComplete: 40,
      periodId: "1",
    });
  });

  test("--complete completes the action on the update's date", async () => {
    ok(await actionplan(`update ${as(holderOf12)} --action 1.2 --text Done --complete --date 2024-05-21`));
    const action = await shown("1.2");
    assert.equal(action.action.completedOn, "2024-05-21");
    assert.equal(action.latest?.reportedStatus, "Completed");
  });

  test("someone who neither holds nor covers the post is refused in one sentence, and nothing is written", async () => {
    const before = (await shown("1.1")).latest;
    const run = await actionplan(`update ${as(holderOf12)} --action 1.1 --text Mine --date 2024-05-22`);
    assert.equal(run.status, 2, run.stderr);
    assert.match(
      run.stderr,
      /^actionplan update: .* neither holds nor covers the SRO post of action 1\.1 \(Post A\)/,
    );
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    assert.deepEqual((await shown("1.1")).latest, before);
  });

  test("a Visitor made a post's holder is still refused, by SharePoint itself, in words", async () => {
    const [post] = (await loadSroPosts(env.ctx())).filter((p) => p.title === "Post A");
    assert.ok(post);
    await updateSroPost(env.ctx(), post, { holderUpn: SANDBOX_PEOPLE.visitor });
    const before = (await shown("1.1")).latest;
    const run = await actionplan(`update ${as(SANDBOX_PEOPLE.visitor)} --action 1.1 --text Mine`);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(
      run.stderr,
      "actionplan update: SharePoint refused: only the site's Members (SROs) and Owners can post updates; ask a coordinator to add you to the site's Members.\n",
    );
    assert.deepEqual((await shown("1.1")).latest, before);
  });
});
