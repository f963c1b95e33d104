// The tab's roles from the site's groups (one request), and an action's milestones (one request), through
// PnPjs against the sandbox.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import { loadAction } from "../../src/sharepoint/actions/index.ts";
import { loadMilestones } from "../../src/sharepoint/plans/index.ts";
import { loadSiteRole } from "../../src/sharepoint/roles.ts";
import { countRequests, lgaPlan, openProvisioned, type Provisioned } from "./fixtures.ts";

describe("roles and milestones", () => {
  let env: Provisioned;
  let imported: ImportResult;

  beforeAll(async () => {
    env = await openProvisioned();
    const plan = lgaPlan();
    const first = plan.recommendations[0];
    const parent = first?.actions[0];
    assert.ok(first !== undefined && parent !== undefined);
    first.actions.push(
      {
        ref: `${parent.ref}.2`,
        text: "Second milestone",
        sroPost: parent.sroPost,
        targetDateText: "Sept-24",
        parentRef: parent.ref,
      },
      {
        ref: `${parent.ref}.1`,
        text: "First milestone",
        sroPost: parent.sroPost,
        targetDateText: "June-24",
        parentRef: parent.ref,
      },
    );
    imported = await importPlan(env.ctx(), plan);
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("Owners are coordinators, Members SROs, Visitors viewers, anyone else nothing: one request", async () => {
    for (const [as, role] of [
      ["owner", "coordinator"],
      ["member", "sro"],
      ["visitor", "viewer"],
    ] as const) {
      const upn = env.target.upnOf(as);
      assert.ok(upn !== undefined);
      const { result, requests } = await countRequests(env, () => loadSiteRole(env.ctx(as), upn));
      assert.equal(result, role, as);
      assert.equal(requests, 1, as);
    }
    await assert.rejects(loadSiteRole(env.ctx("outsider"), env.target.upnOf("outsider") ?? ""));
  });

  test("an action's milestones, in plan order, in one request; a milestone has none", async () => {
    const plan = lgaPlan();
    const parentRef = plan.recommendations[0]?.actions[0]?.ref ?? "";
    const parent = await loadAction(env.ctx(), imported.actionIds.get(parentRef) ?? "");
    const { result, requests } = await countRequests(env, () => loadMilestones(env.ctx("visitor"), parent));
    assert.equal(requests, 1);
    assert.deepEqual(
      result.map((m) => m.action.text),
      ["First milestone", "Second milestone"],
    );
    assert.deepEqual(await loadMilestones(env.ctx(), result[0]!), []);
  });
});
