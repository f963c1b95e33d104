// A council brings its own plan, written into the sandbox through the real PnPjs: the preview says what
// would happen and writes nothing; the import writes it; the same file again changes nothing; an edited
// file updates by ref, records a moved date as a revision and deletes nothing.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { isoDate } from "../../src/domain/index.ts";
import { afterAll, beforeAll, describe, test } from "vitest";
import {
  applyImport,
  ImportTargetError,
  loadImportMapping,
  type PlanImport,
  previewImport,
  readSiteState,
} from "../../src/sharepoint/import/index.ts";
import { createSharePoint, dataContext, listOf } from "../../src/sharepoint/core/index.ts";
import { listPlans, loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { provisionSite } from "../../src/sharepoint/provision/index.ts";
import { SCHEMA } from "../../src/sharepoint/schema/index.ts";
import {
  choosePlanSheet,
  detectMapping,
  mapSheet,
  readPlanFile,
  suggestTitle,
} from "../../src/import/index.ts";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import { openSandbox } from "../support/targets.ts";
import { countRequests, lgaPlan, openProvisioned, type Provisioned } from "./fixtures.ts";

const TODAY = isoDate("2024-04-10");
const DEMO_CSV = "data/lga-cpc-2023-progress-april-2024.csv";
const REASON = "Changed by import of lga-cpc-2023-progress-april-2024.xlsx";
const MAPPING = JSON.stringify({ sheet: "Plan", headerRow: 1, columns: { action: "Action" } });

function actionOf(input: PlanImport, ref: string) {
  const found = input.recommendations.flatMap((r) => r.actions).find((a) => a.ref === ref);
  assert.ok(found !== undefined, ref);
  return found;
}

/** The LGA plan as a coordinator edits it: new text for 1.1, another SRO for 2.1, 3.2 moved, 4.1 gone. */
function editedPlan(): PlanImport {
  const input = lgaPlan();
  actionOf(input, "1.1").text = "Publish the Strategic Vision, agreed with residents.";
  actionOf(input, "2.1").sroPost = "Chief Executive";
  actionOf(input, "3.2").targetDateText = "Dec-24";
  for (const r of input.recommendations) r.actions = r.actions.filter((a) => a.ref !== "4.1");
  return input;
}

describe("importing a plan into a site", () => {
  let env: Provisioned;
  let planId = "";

  beforeAll(async () => {
    env = await openProvisioned();
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("the demo CSV, read and mapped by the import core, previews as the whole plan", async () => {
    const file = await readPlanFile(readFileSync(DEMO_CSV), "lga-cpc-2023-progress-april-2024.csv");
    const sheet = choosePlanSheet(file);
    assert.ok(sheet !== undefined);
    const mapped = mapSheet(sheet, detectMapping(sheet), {
      planTitle: suggestTitle(file, sheet),
      referenceDate: TODAY,
      today: TODAY,
      overdueAfterMonths: 1,
      posts: [],
      people: DIRECTORY.map((p) => ({ upn: p.upn, displayName: p.displayName, jobTitle: p.jobTitle })),
    });
    assert.equal(mapped.canWrite, true);
    const preview = await previewImport(env.ctx(), mapped.plan);
    assert.deepEqual(preview.plan, { id: null, title: "lga-cpc-2023-progress-april-2024" });
    assert.equal(preview.changes.created.recommendations.length, 18);
    assert.equal(preview.changes.created.actions.length, 64);
    assert.equal(preview.changes.created.updates.length, 64);
    assert.deepEqual(await listPlans(env.ctx()), []);
  });

  test("the preview into an empty site lists everything to create, in one request, and writes nothing", async () => {
    const input = lgaPlan();
    const { result, requests } = await countRequests(env, () => previewImport(env.ctx(), input));
    assert.equal(requests, 1);
    assert.deepEqual(result.plan, { id: null, title: input.plan.title });
    const { created, changed, disappeared } = result.changes;
    assert.equal(created.recommendations.length, 18);
    assert.equal(created.actions.length, 64);
    assert.deepEqual(created.milestones, []);
    assert.equal(created.updates.length, 64);
    assert.equal(created.posts.length, input.posts.length);
    assert.deepEqual(changed, []);
    assert.deepEqual(disappeared, { recommendations: [], actions: [], milestones: [] });
    assert.equal(result.changes.total, 18 + 64 + 64 + input.posts.length);
    assert.equal((await readSiteState(env.ctx(), input.plan.title, {})).existing, null);
  });

  test("applying writes the plan in a few batches, with progress, and saves the mapping", async () => {
    const progress: [number, number, string][] = [];
    const { result, requests } = await countRequests(env, () =>
      applyImport(
        env.ctx(),
        lgaPlan(),
        {},
        {
          mapping: MAPPING,
          reason: REASON,
          today: TODAY,
          onProgress: (done, total, stage) => progress.push([done, total, stage]),
        },
      ),
    );
    planId = result.plan.id;
    assert.equal(result.written, true);
    // One read, then plan + people, posts + recommendations, actions, updates: one batch each; and last
    // the plan marked finished, so nobody but coordinators saw it before.
    assert.ok(requests <= 6, `import took ${String(requests)} requests`);
    assert.equal(progress.at(-1)?.[0], progress.at(-1)?.[1]);
    assert.deepEqual(
      [...new Set(progress.map((p) => p[2]))],
      [
        "people and the plan",
        "posts, periods and recommendations",
        "actions",
        "progress updates",
        "the finished plan",
      ],
    );
    const dashboard = await loadDashboard(env.ctx(), planId);
    assert.equal(dashboard.recommendations.length, 18);
    assert.equal(dashboard.actions.length, 64);
    const first = dashboard.actions.find((a) => a.action.ref === "1.1");
    assert.equal(first?.latest?.date, "2024-04-09");
    assert.equal(first.action.sroPost, "Acting Director SIT");
    assert.equal(await loadImportMapping(env.ctx(), planId), MAPPING);
  });

  test("applying the same plan again changes nothing and says so", async () => {
    const { result, requests } = await countRequests(env, () =>
      applyImport(env.ctx(), lgaPlan(), {}, { mapping: MAPPING, reason: REASON, today: TODAY }),
    );
    assert.equal(result.changes.total, 0);
    assert.equal(result.written, false);
    assert.equal(result.plan.id, planId);
    assert.equal(result.changes.unchanged.actions, 64);
    assert.equal(result.changes.unchanged.updates, 64);
    assert.equal(result.changes.unchanged.recommendations, 18);
    assert.ok(requests <= 3, `a second import took ${String(requests)} requests`);
  });

  test("an edited file: each change is reported by ref, the moved date is an approved revision, nothing is deleted", async () => {
    const preview = await previewImport(env.ctx(), editedPlan(), { planId });
    const changes = preview.changes.changed.map(
      (c) => `${c.ref} ${c.field}: ${String(c.from)} -> ${String(c.to)}`,
    );
    assert.deepEqual(changes, [
      `1.1 text: ${actionOf(lgaPlan(), "1.1").text} -> Publish the Strategic Vision, agreed with residents.`,
      `2.1 sroPost: ${String(actionOf(lgaPlan(), "2.1").sroPost)} -> Chief Executive`,
      `3.2 targetDate: ${actionOf(lgaPlan(), "3.2").targetDateText} -> Dec-24`,
    ]);
    assert.deepEqual(preview.changes.disappeared.actions, ["4.1"]);
    assert.deepEqual(preview.changes.created.posts, ["Chief Executive"]);
    assert.equal(preview.changes.total, 4);

    const applied = await applyImport(env.ctx(), editedPlan(), { planId }, { reason: REASON, today: TODAY });
    assert.equal(applied.written, true);
    const dashboard = await loadDashboard(env.ctx(), planId);
    assert.equal(dashboard.actions.length, 64, "4.1 is still there");
    const byRef = new Map(dashboard.actions.map((a) => [a.action.ref, a]));
    assert.equal(byRef.get("1.1")?.action.text, "Publish the Strategic Vision, agreed with residents.");
    assert.equal(byRef.get("2.1")?.action.sroPost, "Chief Executive");
    const moved = byRef.get("3.2");
    assert.equal(moved?.action.targetDate.text, "Dec-24");
    assert.equal(moved.action.targetDate.due, "2024-12-31");
    assert.equal(moved.baseline.text, actionOf(lgaPlan(), "3.2").targetDateText, "the baseline stays");
    assert.equal(dashboard.dateChanges.length, 1);
    const [revision] = dashboard.dateChanges;
    assert.equal(revision?.actionId, moved.action.id);
    assert.equal(revision.status, "approved");
    assert.equal(revision.reason, REASON);
    assert.equal(revision.to.text, "Dec-24");
    assert.equal(revision.decidedOn, TODAY);

    const again = await applyImport(env.ctx(), editedPlan(), { planId }, { reason: REASON, today: TODAY });
    assert.equal(again.changes.total, 0);
    assert.deepEqual(again.changes.disappeared.actions, ["4.1"]);
    assert.equal((await loadDashboard(env.ctx(), planId)).dateChanges.length, 1);
  });

  test("the saved mapping is replaced by the one given with the next import, and kept when none is", async () => {
    const other = JSON.stringify({ sheet: "Plan", headerRow: 2, columns: { action: "Action" } });
    const result = await applyImport(env.ctx(), editedPlan(), { planId }, { mapping: other, today: TODAY });
    assert.equal(result.changes.total, 0);
    assert.equal(result.written, true);
    assert.equal(await loadImportMapping(env.ctx(), planId), other);
    const rows: unknown[] = await listOf(env.sp(), "plans").items();
    assert.equal(rows.length, 1, "one plan, however many imports");
  });
});

describe("importing into a site provisioned before imports saved their mapping", () => {
  test("is refused before anything is written, saying to provision the site", async () => {
    const target = await openSandbox();
    try {
      const sp = createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") });
      const older = {
        version: 1,
        lists: SCHEMA.lists.map((l) =>
          l.key === "plans" ? { ...l, columns: l.columns.filter((c) => c.name !== "ImportMapping") } : l,
        ),
      };
      await provisionSite(sp, older);
      const ctx = dataContext(sp);
      await assert.rejects(
        applyImport(ctx, lgaPlan(), {}, { mapping: MAPPING, today: TODAY }),
        (e: unknown) => e instanceof ImportTargetError && /run `actionplan provision`/.test(e.message),
      );
      assert.deepEqual(await listPlans(ctx), []);
      await provisionSite(sp);
      const result = await applyImport(ctx, lgaPlan(), {}, { mapping: MAPPING, today: TODAY });
      assert.equal(await loadImportMapping(ctx, result.plan.id), MAPPING);
    } finally {
      await target.close();
    }
  });
});
