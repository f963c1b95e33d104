// Data access against the sandbox through the real PnPjs, with the real LGA plan loaded: what each function
// returns, how many requests it costs, and that text with quotes and HTML comes back exactly as written.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate, planFigures } from "../../src/domain/index.ts";
import { SEED_AS_OF, seedPlan } from "../../src/domain/testdata/lga-cpc-2023.ts";
import { loadActionHistory, loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import { closePeriod, createPeriod, loadPeriods } from "../../src/sharepoint/periods/index.ts";
import {
  figuresInput,
  findPlansByTitle,
  listPlans,
  loadDashboard,
} from "../../src/sharepoint/plans/index.ts";
import { addProgressUpdate } from "../../src/sharepoint/updates/index.ts";
import {
  countRequests,
  generatedPlan,
  lgaPlan,
  MEMBERS,
  openProvisioned,
  type Provisioned,
} from "./fixtures.ts";

const HOSTILE = "<script>alert('x')</script> Mayor's Office & \"Partners\" -- 50% ' or 1 eq 1";

describe("data access at the demo plan's size", () => {
  let env: Provisioned;
  let lga: ImportResult;

  beforeAll(async () => {
    env = await openProvisioned();
    lga = await importPlan(env.ctx(), lgaPlan());
    const other = generatedPlan(HOSTILE, 2, 3, ["Mayor's Office", HOSTILE]);
    other.posts[0] = {
      title: "Mayor's Office",
      holderUpn: MEMBERS[0] ?? null,
      delegateUpn: MEMBERS[1] ?? null,
      delegateFrom: isoDate("2024-04-01"),
      delegateTo: null,
    };
    await importPlan(env.ctx(), other);
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("plans: every plan of the site, in one request", async () => {
    const { result, requests } = await countRequests(env, () => listPlans(env.ctx("visitor")));
    assert.equal(requests, 1);
    assert.deepEqual(result.map((p) => p.title).sort(), [HOSTILE, seedPlan.plan.title].sort());
  });

  test("a plan's dashboard is one request, with every recommendation, action, SRO and latest update", async () => {
    const { result, requests } = await countRequests(env, () =>
      loadDashboard(env.ctx("visitor"), lga.planId),
    );
    assert.equal(requests, 1);
    assert.equal(result.plan.title, seedPlan.plan.title);
    assert.equal(result.plan.referenceDate, SEED_AS_OF);
    assert.equal(result.recommendations.length, 18);
    assert.deepEqual(
      result.recommendations.slice(0, 3).map((r) => r.ref),
      ["1", "2", "3"],
    );
    assert.equal(result.actions.length, 64);
    const first = result.actions[0];
    const seedFirst = seedPlan.recommendations[0]?.actions[0];
    assert.equal(first?.action.ref, "1.1");
    assert.equal(first.action.text, seedFirst?.text);
    assert.equal(first.action.targetDate.text, seedFirst?.targetDate);
    assert.equal(first.action.sroPost, seedFirst?.sro);
    assert.equal(first.latest?.text, seedFirst?.progressUpdate);
    const post = result.sroPosts.find((p) => p.id === first.sroPostId);
    assert.ok(post?.holderUpn !== null && MEMBERS.includes(post?.holderUpn ?? ""));
    assert.equal(result.currentPeriod, null);
  });

  test("figures from the dashboard equal the domain's figures for the same plan", async () => {
    const dashboard = await loadDashboard(env.ctx(), lga.planId);
    const figures = planFigures(figuresInput(dashboard), SEED_AS_OF);
    assert.equal(figures.actionsTotal, 64);
    assert.equal(figures.recommendationsComplete.total, 18);
    assert.equal(figures.actionsCompleted, 8, "the eight updates that read as complete");
  });

  test("a plan is found by its exact title, apostrophes and HTML included", async () => {
    const found = await findPlansByTitle(env.ctx(), HOSTILE);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.title, HOSTILE);
    assert.deepEqual(await findPlansByTitle(env.ctx(), "Mayor's"), []);
  });

  test("my actions across plans, as holder and as delegate, in two requests", async () => {
    const holder = MEMBERS[0] ?? "";
    const { result, requests } = await countRequests(env, () =>
      loadMyActions(env.ctx("member"), holder, SEED_AS_OF),
    );
    assert.equal(requests, 2);
    assert.ok(result.length > 0);
    assert.ok(result.every((m) => m.post.holderUpn === holder || m.post.delegateUpn === holder));
    assert.equal(new Set(result.map((m) => m.record.planTitle)).size, 2, "actions from both plans");
    const delegate = await loadMyActions(env.ctx("member"), MEMBERS[1] ?? "", SEED_AS_OF);
    const covering = delegate.filter((m) => m.as === "delegate");
    assert.ok(covering.length > 0 && covering.every((m) => m.covering && m.post.title === "Mayor's Office"));
    assert.deepEqual(await loadMyActions(env.ctx(), "nobody@example.org", SEED_AS_OF), []);
  });

  // An action of a post the "member" principal holds: only its SRO's (or a coordinator's) update moves it.
  const heldAction = async (): Promise<string> => {
    const mine = await loadMyActions(env.ctx("member"), env.target.upnOf("member") ?? "", SEED_AS_OF);
    const held =
      mine.find((m) => m.as === "holder" && m.record.action.ref === "2.3") ??
      mine.find((m) => m.as === "holder");
    assert.ok(held !== undefined, "the member holds a post");
    return held.record.action.id;
  };

  test("an action's history is one request; a new update is one request and becomes the latest", async () => {
    const actionId = await heldAction();
    const before = await loadActionHistory(env.ctx("member"), actionId);
    assert.equal(before.updates.length, 1);
    const { requests } = await countRequests(env, () =>
      addProgressUpdate(env.ctx("member"), before.record, {
        date: "2024-06-30",
        text: HOSTILE,
        reportedStatus: "Delayed",
        percentComplete: 40,
        periodId: null,
        evidenceUrl: "https://example.org/evidence?a=1&b='2'",
      }),
    );
    assert.equal(requests, 1);
    const { result: after, requests: historyRequests } = await countRequests(env, () =>
      loadActionHistory(env.ctx("visitor"), actionId),
    );
    assert.equal(historyRequests, 1);
    assert.equal(after.updates.length, 2);
    assert.equal(after.updates[0]?.text, HOSTILE);
    assert.equal(after.updates[0].evidenceUrl, "https://example.org/evidence?a=1&b='2'");
    assert.equal(after.updates[0].authorUpn, env.target.upnOf("member"));
    assert.deepEqual(after.record.latest, {
      date: "2024-06-30",
      text: HOSTILE,
      reportedStatus: "Delayed",
      percentComplete: 40,
      periodId: null,
    });
  });

  test("an update dated before the latest joins the history without moving the latest", async () => {
    const actionId = await heldAction();
    const { record } = await loadActionHistory(env.ctx(), actionId);
    await addProgressUpdate(env.ctx(), record, {
      date: "2024-05-01",
      text: "Back-dated note",
      reportedStatus: null,
      percentComplete: null,
      periodId: null,
      evidenceUrl: null,
    });
    const after = await loadActionHistory(env.ctx(), actionId);
    assert.equal(after.updates.length, 3);
    assert.equal(after.record.latest?.date, "2024-06-30");
    assert.equal(after.record.etag, record.etag, "the action itself was not written");
  });

  test("bad update input is refused before anything is sent", async () => {
    const { record } = await loadActionHistory(env.ctx(), lga.actionIds.get("1.1") ?? "");
    const start = env.requests();
    const bad = [
      {
        date: "31/05/2024",
        text: "x",
        reportedStatus: null,
        percentComplete: null,
        periodId: null,
        evidenceUrl: null,
      },
      {
        date: "2024-05-31",
        text: "  ",
        reportedStatus: null,
        percentComplete: null,
        periodId: null,
        evidenceUrl: null,
      },
      {
        date: "2024-05-31",
        text: "x",
        reportedStatus: null,
        percentComplete: 140,
        periodId: null,
        evidenceUrl: null,
      },
      {
        date: "2024-05-31",
        text: "x",
        reportedStatus: null,
        percentComplete: null,
        periodId: null,
        evidenceUrl: "javascript:alert(1)",
      },
    ];
    for (const input of bad) await assert.rejects(addProgressUpdate(env.ctx(), record, input));
    assert.equal(env.requests(), start);
  });

  test("a reporting period is opened once, collects updates and closes with a snapshot of its figures", async () => {
    const ctx = env.ctx();
    const period = await createPeriod(ctx, lga.planId, {
      title: "Q1 2024/25",
      startsOn: "2024-04-01",
      updateDeadline: "2024-06-21",
      reportDate: "2024-07-09",
    });
    assert.equal(period.state, "open");
    await assert.rejects(
      createPeriod(ctx, lga.planId, {
        title: "Q2",
        startsOn: "2024-07-01",
        updateDeadline: "2024-09-20",
        reportDate: "2024-10-08",
      }),
      /'Q1 2024\/25' is still open/,
    );
    const dashboard = await loadDashboard(ctx, lga.planId);
    assert.equal(dashboard.currentPeriod?.id, period.id);
    const action = dashboard.actions.find((a) => a.action.ref === "1.1");
    assert.ok(action !== undefined);
    await addProgressUpdate(ctx, action, {
      date: "2024-06-15",
      text: "Vision published",
      reportedStatus: "Completed",
      percentComplete: 100,
      periodId: period.id,
      evidenceUrl: null,
    });
    const { result: closed, requests } = await countRequests(env, () =>
      closePeriod(ctx, period, isoDate("2024-07-01")),
    );
    assert.equal(requests, 2);
    assert.equal(closed.period.state, "closed");
    assert.equal(closed.figures.updates?.received, 1);
    const [stored] = await loadPeriods(ctx, lga.planId);
    assert.equal(stored?.state, "closed");
    assert.deepEqual(stored.snapshot, closed.figures);
  });
});
