// An import that stops half-way (the coordinator closes the laptop, the network drops, SharePoint throttles)
// is finished by running it again, with nothing written twice; throttled batches are retried as sent. Until
// then the plan is marked unfinished (hidden from all but coordinators); the run that finishes it clears it.
import assert from "node:assert/strict";
import { isoDate } from "../../src/domain/index.ts";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { DataContext } from "../../src/sharepoint/core/index.ts";
import { applyImport, type PlanImport, readSiteState } from "../../src/sharepoint/import/index.ts";
import { generatedPlan, openProvisioned, type Provisioned } from "./fixtures.ts";

const POSTS = ["Director of Place", "Corporate Director Resources", "Head of Housing"];
const TODAY = isoDate("2024-04-10");

/** 5 recommendations of 50 actions, and three milestones of action 1.1. */
function bigPlan(title: string): PlanImport {
  const input = generatedPlan(title, 5, 50, POSTS);
  input.recommendations[0]?.actions.push(
    ...["a", "b", "c"].map((letter) => ({
      ref: `1.1${letter}`,
      text: `Milestone ${letter} of 1.1`,
      sroPost: POSTS[0] ?? null,
      targetDateText: "Jun-24",
      parentRef: "1.1",
    })),
  );
  return input;
}

/** Everything of the plan on the site, and that no ref, update or plan is there twice. */
async function assertWhole(ctx: DataContext, input: PlanImport): Promise<void> {
  const state = await readSiteState(ctx, input.plan.title, {});
  const existing = state.existing;
  assert.ok(existing !== null);
  const refs = existing.actions.map((a) => a.action.ref);
  assert.equal(refs.length, 253);
  assert.equal(new Set(refs).size, refs.length, "no action twice");
  assert.equal(existing.recommendations.length, 5);
  assert.equal(existing.updates.length, 250);
  assert.equal(new Set(existing.updates.map((u) => u.actionId)).size, 250, "no update twice");
  const milestones = existing.actions.filter((a) => a.action.parentId !== undefined);
  const parent = existing.actions.find((a) => a.action.ref === "1.1");
  assert.deepEqual(
    milestones.map((m) => m.action.parentId),
    [parent?.action.id, parent?.action.id, parent?.action.id],
  );
  assert.equal(state.posts.length, new Set(state.posts.map((p) => p.title)).size, "no post twice");
}

/** A repeatable random source, so the faults fall the same way every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("an import that stops half-way", () => {
  let env: Provisioned;

  beforeAll(async () => {
    env = await openProvisioned({ retryAfterSeconds: 0 });
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("stopped after the first batch of actions, it is finished by running it again", async () => {
    const input = bigPlan("Stopped plan");
    const stop = new Error("closed the laptop");
    await assert.rejects(
      applyImport(
        env.ctx(),
        input,
        {},
        {
          today: TODAY,
          onProgress: (_done, _total, stage) => {
            if (stage === "actions") throw stop;
          },
        },
      ),
      (e: unknown) => e === stop,
    );
    const partial = await readSiteState(env.ctx(), input.plan.title, {});
    assert.equal(partial.existing?.actions.length, 100, "one batch of actions was written");
    assert.equal(partial.existing.plan.importUnfinished, true, "half a plan is marked unfinished");

    const finished = await applyImport(env.ctx(), input, {}, { today: TODAY });
    assert.equal(finished.changes.created.actions.length, 150);
    assert.deepEqual(finished.changes.created.milestones, ["1.1a", "1.1b", "1.1c"]);
    assert.deepEqual(finished.changes.created.recommendations, []);
    assert.equal(finished.changes.unchanged.actions, 100);
    await assertWhole(env.ctx(), input);
    const again = await applyImport(env.ctx(), input, {}, { today: TODAY });
    assert.equal(again.changes.total, 0);
  });

  test("stopped just before its last write, running it again only marks the plan finished", async () => {
    const input = bigPlan("Nearly finished plan");
    const stop = new Error("closed the laptop");
    let total = 0;
    await assert.rejects(
      applyImport(
        env.ctx(),
        input,
        {},
        {
          today: TODAY,
          onProgress: (done, all) => {
            total = all;
            if (done === all - 1) throw stop;
          },
        },
      ),
      (e: unknown) => e === stop,
    );
    await assertWhole(env.ctx(), input);
    const whole = await readSiteState(env.ctx(), input.plan.title, {});
    assert.equal(whole.existing?.plan.importUnfinished, true, "everything is written, but not finished");

    const stages: [number, number, string][] = [];
    const rerun = await applyImport(
      env.ctx(),
      input,
      {},
      { today: TODAY, onProgress: (done, all, stage) => stages.push([done, all, stage]) },
    );
    assert.equal(rerun.changes.total, 0, "nothing of the file was left to write");
    assert.equal(rerun.written, true, "yet the run wrote: it finished the plan");
    assert.deepEqual(stages, [[1, 1, "the finished plan"]]);
    const after = await readSiteState(env.ctx(), input.plan.title, {});
    assert.equal(after.existing?.plan.importUnfinished, false);
    assert.ok(total > 250, "the first run counted its last write in the total");

    const third = await applyImport(env.ctx(), input, {}, { today: TODAY });
    assert.equal(third.written, false, "a finished plan is not written again");
  });

  test("an edited file into a finished plan never marks it unfinished: its SROs keep seeing it", async () => {
    const input = bigPlan("Live plan");
    await applyImport(env.ctx(), input, {}, { today: TODAY });
    const first = input.recommendations[0]?.actions[0];
    assert.ok(first !== undefined);
    first.text = "Reworded after the committee";
    const stages = new Set<string>();
    const edited = await applyImport(
      env.ctx(),
      input,
      {},
      { today: TODAY, onProgress: (_done, _all, stage) => stages.add(stage) },
    );
    assert.equal(edited.changes.total, 1);
    assert.deepEqual([...stages], ["changes to actions"], "no write to the plan's state");
    const state = await readSiteState(env.ctx(), input.plan.title, {});
    assert.equal(state.existing?.plan.importUnfinished, false);
  });

  test("cut off by the network while writing updates, it is finished by running it again", async () => {
    const input = bigPlan("Cut-off plan");
    await assert.rejects(
      applyImport(
        env.ctx(),
        input,
        {},
        {
          today: TODAY,
          onProgress: (_done, _total, stage) => {
            // Every request from now on is refused, retries and all, as when the connection has gone.
            if (stage === "progress updates") env.target.options.faultRate = 1;
          },
        },
      ),
    );
    env.target.options.faultRate = 0;
    const partial = await readSiteState(env.ctx(), input.plan.title, {});
    assert.equal(partial.existing?.updates.length, 100);

    const finished = await applyImport(env.ctx(), input, {}, { today: TODAY });
    assert.equal(finished.changes.created.updates.length, 150);
    assert.equal(finished.changes.created.actions.length, 0);
    await assertWhole(env.ctx(), input);
  });

  test("throttled (429 and 503 with Retry-After on a third of requests), every batch is retried and nothing doubles", async () => {
    const throttled = await openProvisioned({ retryAfterSeconds: 0, random: seeded(7) });
    try {
      throttled.target.options.faultRate = 0.3;
      const input = bigPlan("Throttled plan");
      const before = throttled.target.sandbox.stats.faultsInjected;
      const result = await applyImport(throttled.ctx(), input, {}, { today: TODAY });
      assert.ok(throttled.target.sandbox.stats.faultsInjected - before > 3, "faults were injected");
      assert.equal(result.written, true);
      throttled.target.options.faultRate = 0;
      await assertWhole(throttled.ctx(), input);
    } finally {
      await throttled.target.close();
    }
  });
});
