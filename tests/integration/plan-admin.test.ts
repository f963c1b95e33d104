// A coordinator runs plans through the data layer against the sandbox: creates one from nothing, renames
// it, changes its settings, archives it (gone from the plan list, My actions and reminders; kept for
// reports) and brings it back. Two coordinators editing one plan: the second is told, nothing is lost.
// A Member is refused by SharePoint itself.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { loadSiteReminderData } from "../../src/notify/reminders/load.ts";
import { selectDueReminders } from "../../src/domain/reminders/index.ts";
import { ConflictError } from "../../src/sharepoint/core/index.ts";
import { importPlan } from "../../src/sharepoint/import/index.ts";
import { loadMyWork } from "../../src/sharepoint/actions/index.ts";
import {
  createPlan,
  dashboardFigures,
  listPlans,
  loadDashboard,
  loadPlan,
  updatePlan,
} from "../../src/sharepoint/plans/index.ts";
import type { PlanRecord } from "../../src/sharepoint/schema/index.ts";
import { refusal } from "../support/refusal.ts";
import { countRequests, generatedPlan, MEMBERS, openProvisioned, type Provisioned } from "./fixtures.ts";

describe("plans run by a coordinator", () => {
  let env: Provisioned;
  let created: PlanRecord;

  beforeAll(async () => {
    env = await openProvisioned();
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("a plan created from nothing has its title, reference date, status rule and nation", async () => {
    created = await createPlan(env.ctx(), {
      title: "Best Value improvement plan",
      referenceDate: isoDate("2024-04-01"),
      overdueAfterMonths: 2,
      nation: "Scotland",
    });
    assert.equal(created.title, "Best Value improvement plan");
    assert.equal(created.referenceDate, "2024-04-01");
    assert.equal(created.overdueAfterMonths, 2);
    assert.equal(created.nation, "Scotland");
    assert.equal(created.archived, false);
    const [listed] = await listPlans(env.ctx("visitor"));
    assert.deepEqual(listed, { ...created, etag: listed?.etag ?? "" });
    const dashboard = await loadDashboard(env.ctx(), created.id);
    assert.deepEqual(dashboard.actions, []);
    assert.equal(dashboard.plan.nation, "Scotland");
  });

  test("a second plan of the same title, or one with bad settings, is refused in words", async () => {
    const again = await refusal(
      createPlan(env.ctx(), {
        title: "best value improvement plan",
        referenceDate: isoDate("2024-04-01"),
        overdueAfterMonths: 1,
        nation: "England and Wales",
      }),
    );
    assert.match(String(again), /already a plan called 'Best Value improvement plan' \(id \d+\)/);
    const bad = await refusal(
      createPlan(env.ctx(), {
        title: "  ",
        referenceDate: "2024-02-30",
        overdueAfterMonths: 1.5,
        nation: "Wales" as "Scotland",
      }),
    );
    assert.match(String(bad), /Give the plan a title/);
    assert.match(String(bad), /'2024-02-30' is not a date/);
    assert.match(String(bad), /whole number of months/);
    assert.match(String(bad), /The nation is one of 'England and Wales', 'Scotland', 'Northern Ireland'/);
    assert.equal((await listPlans(env.ctx())).length, 1);
  });

  test("rename and settings: one write each with the ETag; the new values read back", async () => {
    const { result: renamed, requests } = await countRequests(env, () =>
      updatePlan(env.ctx(), created, { title: "Best Value improvement plan 2024" }),
    );
    assert.equal(requests, 2, "the title check, then the write");
    assert.notEqual(renamed.etag, created.etag);
    const changed = await updatePlan(env.ctx(), renamed, {
      referenceDate: isoDate("2024-06-01"),
      overdueAfterMonths: 1,
      nation: "Northern Ireland",
    });
    const read = await loadPlan(env.ctx(), created.id);
    assert.deepEqual(read, changed);
    assert.equal(read.title, "Best Value improvement plan 2024");
    assert.equal(read.nation, "Northern Ireland");
    assert.equal(read.referenceDate, "2024-06-01");
    created = changed;
  });

  test("two coordinators change one plan: the second gets ConflictError with the first's version", async () => {
    const seenByA = (await loadPlan(env.ctx("owner"), created.id))!;
    const seenByB = (await loadPlan(env.ctx("owner"), created.id))!;
    await updatePlan(env.ctx("owner"), seenByA, { overdueAfterMonths: 3 });
    const conflict = await refusal(updatePlan(env.ctx("owner"), seenByB, { nation: "Scotland" }));
    assert.ok(conflict instanceof ConflictError, String(conflict));
    assert.equal(conflict.subject, "plan");
    assert.equal(conflict.message, "Someone else changed this plan; here is their version.");
    assert.equal(conflict.remote.status, 412);
    assert.equal((conflict.current as PlanRecord).overdueAfterMonths, 3);
    const now = (await loadPlan(env.ctx(), created.id))!;
    assert.equal(now.overdueAfterMonths, 3, "the first change is kept");
    assert.equal(now.nation, "Northern Ireland", "the refused change left nothing behind");
    created = now;
  });

  test("a Member (an SRO) is refused by SharePoint: 403 to create, rename or archive", async () => {
    const member = env.ctx("member");
    const create = await refusal(
      createPlan(member, {
        title: "An SRO's own plan",
        referenceDate: isoDate("2024-04-01"),
        overdueAfterMonths: 1,
        nation: "England and Wales",
      }),
    );
    assert.ok(create instanceof RemoteError && create.status === 403, String(create));
    const rename = await refusal(updatePlan(member, created, { title: "Renamed by an SRO" }));
    assert.ok(rename instanceof RemoteError && rename.status === 403, String(rename));
    const archive = await refusal(updatePlan(env.ctx("visitor"), created, { archived: true }));
    assert.ok(archive instanceof RemoteError && archive.status === 403, String(archive));
    assert.deepEqual(await loadPlan(env.ctx(), created.id), created);
  });

  test("archived: gone from the plan list, My actions and reminders; kept for reports; back when unarchived", async () => {
    const plan = await importPlan(env.ctx(), generatedPlan("Archived one", 2, 3, ["Director of Place"]));
    const holder = MEMBERS[0] ?? "";
    const today = isoDate("2024-05-13");
    const mine = async () =>
      (await loadMyWork(env.ctx("member"), holder, today)).actions.filter(
        (a) => a.record.action.planId === plan.planId,
      ).length;
    assert.equal(await mine(), 6);
    const record = (await loadPlan(env.ctx(), plan.planId))!;
    const figuresBefore = dashboardFigures(await loadDashboard(env.ctx(), plan.planId), today);

    const archived = await updatePlan(env.ctx(), record, { archived: true });
    assert.equal(archived.archived, true);
    assert.deepEqual(
      (await listPlans(env.ctx())).map((p) => p.id),
      [created.id],
    );
    assert.deepEqual((await listPlans(env.ctx(), { includeArchived: true })).map((p) => p.title).sort(), [
      "Archived one",
      "Best Value improvement plan 2024",
    ]);
    assert.equal(await mine(), 0, "My actions leaves out the archived plan's actions");
    const { requests } = await countRequests(env, () => loadMyWork(env.ctx("member"), holder, today));
    assert.equal(requests, 2, "still two requests");
    // The reminder run reads the plans listPlans gives; the rules skip an archived plan given anyway.
    const data = await loadSiteReminderData(env.ctx(), [archived]);
    const selection = selectDueReminders(
      { ...data, directory: { managers: {}, coordinators: {} }, sentKeys: [] },
      today,
    );
    assert.deepEqual(selection.digests, []);
    const live = selectDueReminders(
      {
        ...data,
        plans: data.plans.map((p) => ({ ...p, archived: false })),
        directory: { managers: {}, coordinators: {} },
        sentKeys: [],
      },
      today,
    );
    assert.ok(live.digests.length > 0, "the same plan not archived is chased");
    // Reports still read it.
    assert.deepEqual(dashboardFigures(await loadDashboard(env.ctx(), plan.planId), today), figuresBefore);

    const back = await updatePlan(env.ctx(), archived, { archived: false });
    assert.equal(back.archived, false);
    assert.equal((await listPlans(env.ctx())).length, 2);
    assert.equal(await mine(), 6);
  });
});
