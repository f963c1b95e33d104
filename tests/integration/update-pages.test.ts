// An action's updates a page at a time: an action with 10,000 updates opens with its newest 50 and reads
// the next 50 on request, on lists past SharePoint's 5,000-item threshold (the sandbox's default), where
// reading the action's updates whole is refused. A small action on the same list still costs one request
// and shows its updates by date, back-dated ones in their place.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/index.ts";
import { isThresholdError } from "../../src/sharepoint/core/index.ts";
import { loadActionHistory } from "../../src/sharepoint/actions/index.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import {
  addProgressUpdate,
  loadMoreUpdates,
  UPDATES_PAGE_SIZE,
  type UpdatesCursor,
} from "../../src/sharepoint/updates/index.ts";
import { seedManyUpdates } from "../support/many-updates.ts";
import { countRequests, generatedPlan, openProvisioned, type Provisioned } from "./fixtures.ts";

const MANY = 10_000;

function texts(updates: readonly { text: string }[]): string[] {
  return updates.map((u) => u.text);
}

const updateNumbers = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, i) => `Update ${String(from - i)}`);

describe(`an action with ${String(MANY)} updates`, () => {
  let env: Provisioned;
  let plan: ImportResult;
  let busy: string;

  beforeAll(async () => {
    env = await openProvisioned();
    plan = await importPlan(env.ctx(), generatedPlan("Paged plan", 2, 3, ["Director of Place"]));
    busy = plan.actionIds.get("1.2") ?? "";
    seedManyUpdates(env.target.sandbox.store, {
      actionId: Number(busy),
      planId: Number(plan.planId),
      count: MANY,
    });
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("reading all its updates at once is refused past the threshold, as SharePoint refuses it", async () => {
    const ctx = env.ctx();
    await assert.rejects(
      ctx.sp.web.lists.getByTitle("Progress Updates").items.filter(`ActionId eq ${busy}`).top(5000)(),
      isThresholdError,
    );
  });

  test("opens with its newest 50 updates, and the next 50 come on request", async () => {
    const { result: history, requests } = await countRequests(env, () => loadActionHistory(env.ctx(), busy));
    assert.equal(history.updates.length, UPDATES_PAGE_SIZE);
    // The import's own update is the oldest item; the 10,000 seeded after it are newer.
    assert.deepEqual(texts(history.updates), updateNumbers(MANY, MANY - 49));
    assert.ok(history.moreUpdates !== null, "there are older updates");
    assert.ok(requests <= 3, `${String(requests)} requests: the batch, the newest id, one batch of windows`);

    let cursor: UpdatesCursor | null = history.moreUpdates;
    const seen = new Set(history.updates.map((u) => u.id));
    for (let page = 1; page <= 3 && cursor !== null; page++) {
      const { result: next, requests: used } = await countRequests(env, () =>
        loadMoreUpdates(env.ctx(), cursor as UpdatesCursor),
      );
      assert.equal(used, 1, "one request a page");
      const newest = MANY - UPDATES_PAGE_SIZE * page;
      assert.deepEqual(texts(next.updates), updateNumbers(newest, newest - 49));
      for (const u of next.updates) {
        assert.ok(!seen.has(u.id), `update ${u.id} shown once`);
        seen.add(u.id);
      }
      cursor = next.next;
    }
  });

  test("a small action on the same list is one request, newest by date, back-dated updates in place", async () => {
    const quiet = plan.actionIds.get("2.1") ?? "";
    const before = await loadActionHistory(env.ctx(), quiet);
    await addProgressUpdate(env.ctx("member"), before.record, {
      date: "2024-06-01",
      text: "June",
      reportedStatus: "On target",
      percentComplete: 20,
      periodId: null,
      evidenceUrl: null,
    });
    await addProgressUpdate(env.ctx("member"), before.record, {
      date: "2024-05-01",
      text: "May, posted late",
      reportedStatus: "On target",
      percentComplete: 10,
      periodId: null,
      evidenceUrl: null,
    });
    const { result, requests } = await countRequests(env, () => loadActionHistory(env.ctx(), quiet));
    assert.equal(requests, 1);
    assert.deepEqual(texts(result.updates), ["June", "May, posted late", "Update for 2.1"]);
    assert.equal(result.moreUpdates, null);
  });
});

describe("paging an action's updates with the threshold at 50", () => {
  const THRESHOLD = 50;
  let env: Provisioned;
  let plan: ImportResult;

  beforeAll(async () => {
    env = await openProvisioned({ threshold: THRESHOLD }, THRESHOLD);
    plan = await importPlan(env.ctx(), generatedPlan("Small threshold", 2, 40, ["Director of Place"]));
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("an action under the threshold pages with SharePoint's own links, by date, every update once", async () => {
    const id = plan.actionIds.get("1.1") ?? "";
    seedManyUpdates(env.target.sandbox.store, {
      actionId: Number(id),
      planId: Number(plan.planId),
      count: 45,
    });
    const all = await readAll(env, id, 20);
    // The import's own update (9 April 2024) is newer than the seeded ones (from 2000): first by date.
    assert.deepEqual(texts(all), ["Update for 1.1", ...updateNumbers(45, 1)]);
  });

  test("an action past the threshold pages by id windows to its first update, every update once", async () => {
    const id = plan.actionIds.get("2.3") ?? "";
    // Another action's updates in between, so windows hold a mix and some hold none of this action's.
    const first = seedManyUpdates(env.target.sandbox.store, {
      actionId: Number(id),
      planId: Number(plan.planId),
      count: 70,
    });
    seedManyUpdates(env.target.sandbox.store, {
      actionId: Number(plan.actionIds.get("1.2") ?? ""),
      planId: Number(plan.planId),
      count: 400,
    });
    const later = seedManyUpdates(env.target.sandbox.store, {
      actionId: Number(id),
      planId: Number(plan.planId),
      count: 10,
      firstDate: isoDate("2010-01-01"),
    });
    assert.ok(first.length + later.length > THRESHOLD);
    const all = await readAll(env, id, 25);
    // Past the threshold the updates come in the order they were added, newest first.
    assert.deepEqual(texts(all), [...updateNumbers(10, 1), ...updateNumbers(70, 1), "Update for 2.3"]);
  });
});

/** Every update of an action, page by page. */
async function readAll(env: Provisioned, actionId: string, size: number) {
  const history = await loadActionHistory(env.ctx(), actionId);
  const updates = [...history.updates];
  let cursor = history.moreUpdates;
  for (let pages = 0; cursor !== null; pages++) {
    assert.ok(pages < 100, "paging ends");
    const page = await loadMoreUpdates(env.ctx(), cursor, size);
    updates.push(...page.updates);
    cursor = page.next;
  }
  assert.equal(new Set(updates.map((u) => u.id)).size, updates.length, "no update twice");
  return updates;
}
