// Contract: the coordinator's writes (plans, SRO posts, reporting periods) go through as SharePoint answers
// them, with ETags: an Owner does each; a write at a stale version gets SharePoint's 412 (ConflictError with
// the current version, nothing kept); a Member (an SRO) is refused each with SharePoint's own 403. Runs
// unchanged against a tenant with SP_TOKEN (an Owner's), SP_MEMBER_TOKEN and SP_MEMBER_UPN.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import {
  ConflictError,
  createSharePoint,
  dataContext,
  type DataContext,
} from "../../src/sharepoint/core/index.ts";
import { createPlan, loadPlan, type SroPostRecord, updatePlan } from "../../src/sharepoint/plans/index.ts";
import { closePeriod, createPeriod, extendPeriod, loadPeriod } from "../../src/sharepoint/periods/index.ts";
import { createSroPost, updateSroPost } from "../../src/sharepoint/posts/index.ts";
import { provisionSite } from "../../src/sharepoint/provision/index.ts";
import {
  LIST_TITLES,
  type ListKey,
  type PeriodRecord,
  type PlanRecord,
} from "../../src/sharepoint/schema/index.ts";
import { contractTargets, uniqueTitle, type Principal, type Target } from "../support/targets.ts";

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("the write went through");
}

function assertForbidden(error: unknown): void {
  assert.ok(error instanceof RemoteError, String(error));
  assert.equal(error.status, 403, error.message);
}

for (const choice of contractTargets()) {
  describe.skipIf(choice.skip !== false)(
    `A coordinator's writes, held by SharePoint (${choice.label})`,
    () => {
      let target: Target;
      let owner: DataContext;
      let member: DataContext;
      let memberUpn: string;
      let plan: PlanRecord;
      let post: SroPostRecord;
      let period: PeriodRecord;
      const made: [ListKey, string][] = [];
      const ctx = (who: Principal) =>
        dataContext(
          createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token(who), attempts: 1 }),
        );

      beforeAll(async () => {
        target = await choice.open();
        owner = ctx("owner");
        member = ctx("member");
        assert.deepEqual((await provisionSite(owner.sp)).problems, []);
        const upn = target.upnOf("member") ?? process.env.SP_MEMBER_UPN;
        if (upn === undefined) throw new Error("Set SP_MEMBER_UPN to the member token's UPN.");
        memberUpn = upn.toLowerCase();
      });
      afterAll(async () => {
        // Periods and posts before the plan they point at.
        for (const [key, id] of [...made].reverse())
          await owner.sp.web.lists
            .getByTitle(LIST_TITLES[key])
            .items.getById(Number(id))
            .delete()
            .catch(() => undefined);
        await target.close();
      });

      test("an Owner creates a plan, a held post and a period, and changes each", async () => {
        plan = await createPlan(owner, {
          title: uniqueTitle("Contract Coordinator Plan"),
          referenceDate: isoDate("2024-04-01"),
          overdueAfterMonths: 1,
          nation: "Scotland",
        });
        made.push(["plans", plan.id]);
        assert.equal(plan.nation, "Scotland");
        plan = await updatePlan(owner, plan, {
          title: `${plan.title} (renamed)`,
          nation: "Northern Ireland",
        });
        assert.deepEqual(await loadPlan(owner, plan.id), plan);

        post = await createSroPost(owner, { title: uniqueTitle("Contract Director"), holderUpn: memberUpn });
        made.push(["sroPosts", post.id]);
        assert.equal(post.holderUpn, memberUpn);
        post = await updateSroPost(owner, post, {
          title: `${post.title} (acting)`,
          delegate: { upn: memberUpn, from: isoDate("2024-05-20"), to: null },
          holderUpn: null,
        });
        assert.equal(post.holderUpn, null);
        assert.equal(post.delegateUpn, memberUpn);
        assert.equal(post.delegateTo, null);

        period = await createPeriod(owner, plan.id, {
          title: "Q1 2024/25",
          startsOn: "2024-04-01",
          updateDeadline: "2024-06-05",
          reportDate: "2024-06-18",
        });
        made.push(["reportingPeriods", period.id]);
        period = await extendPeriod(owner, period, isoDate("2024-06-12"));
        assert.deepEqual(await loadPeriod(owner, period.id), period);
      });

      test("a write at a stale version gets SharePoint's 412, as ConflictError with the current version", async () => {
        const fresh = await updatePlan(owner, plan, { overdueAfterMonths: 2 });
        const planConflict = await failure(updatePlan(owner, plan, { overdueAfterMonths: 3 }));
        assert.ok(planConflict instanceof ConflictError, String(planConflict));
        assert.equal(planConflict.remote.status, 412);
        assert.equal((planConflict.current as PlanRecord).overdueAfterMonths, 2);
        plan = fresh;

        const freshPost = await updateSroPost(owner, post, { delegate: null });
        const postConflict = await failure(updateSroPost(owner, post, { title: `${post.title} again` }));
        assert.ok(postConflict instanceof ConflictError, String(postConflict));
        assert.equal(postConflict.subject, "SRO post");
        assert.equal((postConflict.current as SroPostRecord).delegateUpn, null);
        post = freshPost;

        const freshPeriod = await extendPeriod(owner, period, isoDate("2024-06-14"));
        const periodConflict = await failure(extendPeriod(owner, period, isoDate("2024-06-13")));
        assert.ok(periodConflict instanceof ConflictError, String(periodConflict));
        assert.equal((periodConflict.current as PeriodRecord).updateDeadline, "2024-06-14");
        period = freshPeriod;
      });

      test("a Member is refused every one of these writes by SharePoint itself (403)", async () => {
        assertForbidden(
          await failure(
            createPlan(member, {
              title: uniqueTitle("Contract Member Plan"),
              referenceDate: isoDate("2024-04-01"),
              overdueAfterMonths: 1,
              nation: "England and Wales",
            }),
          ),
        );
        assertForbidden(await failure(updatePlan(member, plan, { archived: true })));
        assertForbidden(
          await failure(createSroPost(member, { title: uniqueTitle("Member Post"), holderUpn: null })),
        );
        assertForbidden(await failure(updateSroPost(member, post, { holderUpn: memberUpn })));
        assertForbidden(await failure(extendPeriod(member, period, isoDate("2024-06-17"))));
        assertForbidden(
          await failure(
            closePeriod(member, period, isoDate("2024-07-01"), { evenWithRequestsWaiting: true }),
          ),
        );
        assert.deepEqual(await loadPlan(owner, plan.id), plan);
        assert.deepEqual(await loadPeriod(owner, period.id), period);
      });

      test("an Owner closes the period, freezing its figures", async () => {
        const closed = await closePeriod(owner, period, isoDate("2024-06-19"));
        assert.equal(closed.period.state, "closed");
        const stored = await loadPeriod(owner, period.id);
        assert.equal(stored?.state, "closed");
        assert.deepEqual(stored.snapshot, closed.figures);
      });
    },
  );
}
