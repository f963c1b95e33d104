// Issue 30, points 2 and 12, against the sandbox. A coordinator reopens a period closed by mistake with
// `actionplan period reopen`, giving the reason the period keeps; refused in words while it is open and
// once the next period has been opened. An SRO's update for a period that closed after they read it is
// refused in words by the data layer (naming the next period when there is one), and the closed period's
// frozen figures stay as they were.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { isoDate, type IsoDate } from "../../src/domain/index.ts";
import { loadAction, loadActionHistory } from "../../src/sharepoint/actions/index.ts";
import { importPlan } from "../../src/sharepoint/import/index.ts";
import { closePeriod, createPeriod, loadPeriod, loadPeriods } from "../../src/sharepoint/periods/index.ts";
import { addProgressUpdate } from "../../src/sharepoint/updates/index.ts";
import { actionplanHere as actionplan } from "../support/actionplan-cli.ts";
import { refusal } from "../support/refusal.ts";
import { SANDBOX_PEOPLE } from "../support/targets.ts";
import { generatedPlan, openProvisioned, type Provisioned } from "./fixtures.ts";

const Q1 = {
  title: "Q1 2024/25",
  startsOn: "2024-04-01",
  updateDeadline: "2024-06-05",
  reportDate: "2024-06-18",
};
const Q2 = {
  title: "Q2 2024/25",
  startsOn: "2024-07-01",
  updateDeadline: "2024-09-05",
  reportDate: "2024-09-18",
};

describe("a period closed by mistake, and an update that races the close", () => {
  let env: Provisioned;
  let site: string;
  let today: IsoDate;

  beforeAll(async () => {
    env = await openProvisioned();
    site = `--site ${env.target.siteUrl} --as ${SANDBOX_PEOPLE.owner}`;
    const clock = await fetch(`${env.target.sandbox.url}/sandbox/clock`);
    today = isoDate(z.object({ today: z.string() }).parse(await clock.json()).today);
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("a coordinator reopens a period closed by mistake with `actionplan period reopen`, giving a reason; refused once the next is opened", async () => {
    const plan = await importPlan(env.ctx(), generatedPlan("Reopen plan", 1, 2, ["Director of Place"]));
    const q1 = await createPeriod(env.ctx(), plan.planId, Q1);
    await closePeriod(env.ctx(), q1, isoDate("2024-05-01"));

    const noReason = await actionplan(`period reopen ${site} --plan ${plan.planId}`);
    assert.equal(noReason.status, 2, noReason.stderr);
    assert.match(noReason.stderr, /give the reason for reopening it with --reason/);

    const reason = "Closed by mistake before the deadline";
    const reopened = await actionplan(`period reopen ${site} --plan 'Reopen plan' --reason '${reason}'`);
    assert.equal(reopened.status, 0, reopened.stderr);
    assert.match(reopened.stdout, /^Reopened \d+ "Q1 2024\/25" \(open\): .*Reason kept: Closed by mistake/);
    const [stored] = await loadPeriods(env.ctx(), plan.planId);
    assert.equal(stored?.state, "open");
    assert.deepEqual(stored.reopenings, [{ on: today, reason }]);
    assert.equal(stored.snapshot, null, "its figures are frozen again when it closes again");

    const again = await actionplan(`period reopen ${site} --plan ${plan.planId} --reason 'Twice'`);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /^actionplan period reopen: .*'Q1 2024\/25' is open already\./);

    // Closed again and the next period opened: Q1 can no longer be reopened.
    await closePeriod(env.ctx(), stored, isoDate("2024-06-19"));
    await createPeriod(env.ctx(), plan.planId, Q2);
    const late = await actionplan(
      `period reopen ${site} --plan ${plan.planId} --period 'Q1 2024/25' --reason '${reason}'`,
    );
    assert.equal(late.status, 1);
    assert.match(
      late.stderr,
      /'Q1 2024\/25' cannot be reopened: 'Q2 2024\/25' has been opened since \(from 1 July 2024\)\. A period can be reopened only until the next one is opened\./,
    );
    const q1After = (await loadPeriods(env.ctx(), plan.planId)).find((p) => p.title === Q1.title);
    assert.equal(q1After?.state, "closed");
    assert.deepEqual(q1After.reopenings, [{ on: today, reason }], "the reason is kept after closing again");
  });

  test("an SRO's update saved after the period closed is refused in words, and the closed period's figures never change", async () => {
    const plan = await importPlan(env.ctx(), generatedPlan("Late update plan", 1, 2, ["Director of Place"]));
    const q1 = await createPeriod(env.ctx(), plan.planId, Q1);
    const sro = env.ctx("member");
    const actionId = plan.actionIds.get("1.1") ?? "";
    const seen = await loadAction(sro, actionId);
    const before = (await loadActionHistory(sro, actionId)).updates.length;
    const update = {
      date: "2024-06-20",
      text: "Completed: adopted by Cabinet.",
      reportedStatus: "Completed",
      percentComplete: 100,
      periodId: q1.id,
      evidenceUrl: null,
    } as const;

    // The coordinator closes the period while the SRO's form is open.
    const closed = await closePeriod(env.ctx(), q1, isoDate("2024-06-19"));
    const refused = await refusal(addProgressUpdate(sro, seen, update));
    assert.match(
      String(refused),
      /The Q1 2024\/25 period closed at \d\d:\d\d and takes no more updates, and the next period has not been opened yet: the update can go in once a coordinator opens it\./,
    );
    assert.equal((await loadActionHistory(sro, actionId)).updates.length, before, "nothing was added");

    // With the next period opened, the refusal says where the update goes.
    await createPeriod(env.ctx(), plan.planId, Q2);
    const named = await refusal(addProgressUpdate(sro, seen, update));
    assert.match(
      String(named),
      /The Q1 2024\/25 period closed at \d\d:\d\d and takes no more updates — it will go into Q2 2024\/25, which opens on 1 July 2024\./,
    );
    assert.equal((await loadActionHistory(sro, actionId)).updates.length, before);
    assert.deepEqual((await loadPeriod(env.ctx(), q1.id))?.snapshot, closed.figures);
  });
});
