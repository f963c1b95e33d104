// Reporting periods run by a coordinator through the data layer against the sandbox: open one (one open
// per plan), extend its deadline, close it, which refuses while SROs' date-change requests wait unless the
// coordinator says so. ETags throughout; a Member is refused by SharePoint itself.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { ConflictError } from "../../src/sharepoint/core/index.ts";
import { declineDateChange, requestDateChange } from "../../src/sharepoint/date-changes/index.ts";
import { loadAction } from "../../src/sharepoint/actions/index.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import {
  closePeriod,
  createPeriod,
  extendPeriod,
  loadPeriod,
  loadPeriods,
  RequestsWaitingError,
} from "../../src/sharepoint/periods/index.ts";
import type { DateChangeRecord, PeriodRecord } from "../../src/sharepoint/schema/index.ts";
import { refusal } from "../support/refusal.ts";
import { generatedPlan, openProvisioned, type Provisioned } from "./fixtures.ts";

describe("reporting periods run by a coordinator", () => {
  let env: Provisioned;
  let plan: ImportResult;
  let q1: PeriodRecord;
  const actionId = (ref: string) => plan.actionIds.get(ref) ?? "";

  beforeAll(async () => {
    env = await openProvisioned();
    plan = await importPlan(env.ctx(), generatedPlan("Periods plan", 2, 3, ["Director of Place"]));
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("open one with title, start, deadline and report date; a second while it is open is refused", async () => {
    q1 = await createPeriod(env.ctx(), plan.planId, {
      title: "Q1 2024/25",
      startsOn: "2024-04-01",
      updateDeadline: "2024-06-05",
      reportDate: "2024-06-18",
    });
    assert.deepEqual(
      { title: q1.title, startsOn: q1.startsOn, deadline: q1.updateDeadline, report: q1.reportDate },
      { title: "Q1 2024/25", startsOn: "2024-04-01", deadline: "2024-06-05", report: "2024-06-18" },
    );
    assert.equal(q1.state, "open");
    const second = await refusal(
      createPeriod(env.ctx(), plan.planId, {
        title: "Q2 2024/25",
        startsOn: "2024-07-01",
        updateDeadline: "2024-09-05",
        reportDate: "2024-09-18",
      }),
    );
    assert.match(String(second), /'Q1 2024\/25' is still open; close it before opening another period/);
    assert.equal((await loadPeriods(env.ctx(), plan.planId)).length, 1);
  });

  test("extend: a later deadline, a report date moved with it, and dates that do not fit refused", async () => {
    const later = await extendPeriod(env.ctx(), q1, isoDate("2024-06-12"));
    assert.equal(later.updateDeadline, "2024-06-12");
    assert.equal(later.reportDate, "2024-06-18");
    const past = await refusal(extendPeriod(env.ctx(), later, isoDate("2024-06-21")));
    assert.match(
      String(past),
      /21 June 2024 would be after the report date \(18 June 2024\); give a later report date too/,
    );
    const before = await refusal(extendPeriod(env.ctx(), later, isoDate("2024-03-29")));
    assert.match(String(before), /cannot be before 'Q1 2024\/25' starts \(1 April 2024\)/);
    const both = await extendPeriod(env.ctx(), later, isoDate("2024-06-21"), isoDate("2024-07-02"));
    assert.deepEqual([both.updateDeadline, both.reportDate], ["2024-06-21", "2024-07-02"]);
    assert.deepEqual(await loadPeriod(env.ctx(), q1.id), both);

    // Extending with the version read before the last change: told, and the newer deadline stays.
    const conflict = await refusal(extendPeriod(env.ctx(), later, isoDate("2024-06-14")));
    assert.ok(conflict instanceof ConflictError, String(conflict));
    assert.equal(conflict.subject, "reporting period");
    assert.equal((conflict.current as PeriodRecord).updateDeadline, "2024-06-21");
    q1 = both;
  });

  test("a Member (an SRO) is refused by SharePoint: 403 to open, extend or close a period", async () => {
    const member = env.ctx("member");
    // A plan with no open period, so that it is SharePoint that refuses the add.
    const other = await importPlan(env.ctx(), generatedPlan("No period yet", 1, 1, ["Director of Place"]));
    const open = await refusal(
      createPeriod(member, other.planId, {
        title: "Q9",
        startsOn: "2025-01-01",
        updateDeadline: "2025-02-01",
        reportDate: "2025-03-01",
      }),
    );
    assert.ok(open instanceof RemoteError && open.status === 403, String(open));
    assert.deepEqual(await loadPeriods(env.ctx(), other.planId), []);
    const extend = await refusal(extendPeriod(member, q1, isoDate("2024-06-28")));
    assert.ok(extend instanceof RemoteError && extend.status === 403, String(extend));
    const close = await refusal(
      closePeriod(member, q1, isoDate("2024-07-01"), { evenWithRequestsWaiting: true }),
    );
    assert.ok(close instanceof RemoteError && close.status === 403, String(close));
    assert.deepEqual(await loadPeriod(env.ctx(), q1.id), q1);
  });

  test("closing waits for date-change requests: refused naming them, unless the coordinator says so", async () => {
    const sro = env.ctx("member");
    const ask = async (ref: string): Promise<DateChangeRecord> =>
      requestDateChange(sro, await loadAction(sro, actionId(ref)), {
        toText: "Dec-24",
        reason: "Waiting for the consultation",
        requestedOn: "2024-06-20",
      });
    const first = await ask("2.2");
    await ask("1.3");
    const refused = await refusal(closePeriod(env.ctx(), q1, isoDate("2024-07-01")));
    assert.ok(refused instanceof RequestsWaitingError, String(refused));
    assert.deepEqual(refused.actionRefs, ["1.3", "2.2"]);
    assert.equal(
      refused.message,
      "'Q1 2024/25' cannot close while 2 target date change requests wait for a decision (actions 1.3, 2.2); decide them first, or close it with them waiting.",
    );
    assert.equal((await loadPeriod(env.ctx(), q1.id))?.state, "open");

    await declineDateChange(env.ctx(), first, { decidedOn: isoDate("2024-06-21"), note: "Not agreed" });
    const one = await refusal(closePeriod(env.ctx(), q1, isoDate("2024-07-01")));
    assert.match(String(one), /while 1 target date change request waits for a decision \(action 1\.3\)/);

    const closed = await closePeriod(env.ctx(), q1, isoDate("2024-07-01"), { evenWithRequestsWaiting: true });
    assert.equal(closed.period.state, "closed");
    assert.equal(closed.figures.slippage.awaitingDecision, 1);
    const stored = await loadPeriod(env.ctx(), q1.id);
    assert.equal(stored?.state, "closed");
    assert.deepEqual(stored.snapshot, closed.figures);
    const again = await refusal(extendPeriod(env.ctx(), stored, isoDate("2024-07-10")));
    assert.match(String(again), /'Q1 2024\/25' is closed; its deadline can no longer change/);
    // The next one can open now.
    const q2 = await createPeriod(env.ctx(), plan.planId, {
      title: "Q2 2024/25",
      startsOn: "2024-07-01",
      updateDeadline: "2024-09-05",
      reportDate: "2024-09-18",
    });
    assert.equal(q2.state, "open");
  });
});
