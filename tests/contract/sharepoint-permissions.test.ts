// Contract: who may write what on a provisioned site is held by SharePoint, not only by the tab. A Member
// (an SRO) trying over REST and through PnPjs what the tab never offers is refused; the SRO's own journeys
// still work; the Owner (a coordinator) does all of it. Runs unchanged against a tenant with SP_TOKEN (an
// Owner's) and SP_MEMBER_TOKEN; provisioning there is what `actionplan provision` would do to the site.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/security/index.js";
import "@pnp/sp/site-groups/web.js";
import "@pnp/sp/site-users/web.js";
import { isoDate } from "../../src/domain/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { createSharePoint, dataContext } from "../../src/sharepoint/core/index.ts";
import { requestDateChange } from "../../src/sharepoint/date-changes/index.ts";
import { loadAction, loadMyWork } from "../../src/sharepoint/actions/index.ts";
import {
  addProgressUpdate,
  applyPendingUpdates,
  type NewUpdate,
} from "../../src/sharepoint/updates/index.ts";
import { loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { provisionSite } from "../../src/sharepoint/provision/index.ts";
import { LIST_TITLES, type ListKey } from "../../src/sharepoint/schema/index.ts";
import { contractTargets, uniqueTitle, type Principal, type Target } from "../support/targets.ts";

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    assert.ok(error instanceof RemoteError, String(error));
    return error.status;
  }
}

const update = (text: string, date = "2024-06-03"): NewUpdate => ({
  date,
  text,
  reportedStatus: "On target",
  percentComplete: 40,
  periodId: null,
  evidenceUrl: null,
});

for (const choice of contractTargets()) {
  describe.skipIf(choice.skip !== false)(`Who may write what, held by SharePoint (${choice.label})`, () => {
    let target: Target;
    const planTitle = uniqueTitle("Contract Permissions Plan");
    const ids = { plan: 0, recommendation: 0, mine: 0, theirs: 0, myPost: 0, theirPost: 0, ownerUpdate: 0 };
    const as = (who: Principal): SPFI =>
      createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token(who), attempts: 1 });
    const list = (who: Principal, key: ListKey) => as(who).web.lists.getByTitle(LIST_TITLES[key]);
    /** A raw REST call, as anyone with a token could make it. */
    const rest = async (who: Principal, method: string, path: string, body?: unknown): Promise<number> => {
      const response = await fetch(`${target.siteUrl}/_api/${path}`, {
        method: method === "GET" ? "GET" : "POST",
        headers: {
          Authorization: `Bearer ${await target.token(who)}`,
          Accept: "application/json;odata=nometadata",
          "Content-Type": "application/json;odata=nometadata",
          ...(method === "GET" || method === "POST" ? {} : { "X-HTTP-Method": method, "IF-MATCH": "*" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      await response.body?.cancel();
      return response.status;
    };
    const itemPath = (key: ListKey, id: number) =>
      `web/lists/getByTitle('${LIST_TITLES[key].replace(/'/g, "''")}')/items(${String(id)})`;

    beforeAll(async () => {
      target = await choice.open();
      const report = await provisionSite(as("owner"));
      assert.deepEqual(report.problems, []);
      const memberUpn = target.upnOf("member") ?? process.env.SP_MEMBER_UPN;
      if (memberUpn === undefined) throw new Error("Set SP_MEMBER_UPN to the member token's UPN.");
      const member = await as("owner").web.ensureUser(memberUpn);
      const owner = await as("owner").web.currentUser();
      const add = async (key: ListKey, values: Record<string, unknown>) =>
        ((await list("owner", key).items.add(values)) as { Id: number }).Id;
      ids.plan = await add("plans", { Title: planTitle, ReferenceDate: "2024-04-01T00:00:00Z" });
      ids.recommendation = await add("recommendations", { Title: "Governance", PlanId: ids.plan, Ref: "1" });
      ids.myPost = await add("sroPosts", {
        Title: uniqueTitle("Director of Resources"),
        HolderId: member.Id,
      });
      ids.theirPost = await add("sroPosts", {
        Title: uniqueTitle("Mayor's Office lead"),
        HolderId: owner.Id,
      });
      const action = (ref: string, post: number) =>
        add("actions", {
          Title: `Action ${ref}`,
          Ref: ref,
          PlanId: ids.plan,
          RecommendationId: ids.recommendation,
          SroPostId: post,
          TargetDateText: "Sept-24",
          DueDate: "2024-09-30T00:00:00Z",
        });
      ids.mine = await action("1.1", ids.myPost);
      ids.theirs = await action("1.2", ids.theirPost);
      ids.ownerUpdate = await add("progressUpdates", {
        Title: "1.2 2024-05-01",
        ActionId: ids.theirs,
        PlanId: ids.plan,
        UpdateDate: "2024-05-01T00:00:00Z",
        UpdateText: "The coordinator's note",
        Applied: true,
      });
    });
    afterAll(async () => {
      if (ids.plan !== 0) {
        for (const [key, id] of [
          ["actions", ids.mine],
          ["actions", ids.theirs],
          ["sroPosts", ids.myPost],
          ["sroPosts", ids.theirPost],
          ["recommendations", ids.recommendation],
          ["plans", ids.plan],
        ] as const)
          await list("owner", key)
            .items.getById(id)
            .delete()
            .catch(() => undefined);
      }
      await target.close();
    });

    test("a Member cannot edit, complete or delete any action, their own included", async () => {
      assert.equal(await rest("member", "MERGE", itemPath("actions", ids.theirs), { Title: "Renamed" }), 403);
      assert.equal(
        await rest("member", "MERGE", itemPath("actions", ids.mine), { CompletedOn: "2024-06-01T00:00:00Z" }),
        403,
      );
      assert.equal(await rest("member", "DELETE", itemPath("actions", ids.mine)), 403);
      assert.equal(
        await statusOf(
          list("member", "actions").items.getById(ids.theirs).update({ LatestUpdateText: "Done" }),
        ),
        403,
      );
      assert.equal(await statusOf(list("member", "actions").items.getById(ids.theirs).delete()), 403);
      assert.equal(
        await statusOf(list("member", "actions").items.add({ Title: "Slipped in", PlanId: ids.plan })),
        403,
      );
    });

    test("a Member cannot rename a plan, make themselves a post's holder, or open a period", async () => {
      assert.equal(
        await rest("member", "MERGE", itemPath("plans", ids.plan), { Title: "Renamed plan" }),
        403,
      );
      const me = await as("member").web.currentUser();
      assert.equal(
        await statusOf(list("member", "sroPosts").items.getById(ids.theirPost).update({ HolderId: me.Id })),
        403,
      );
      assert.equal(
        await statusOf(list("member", "reportingPeriods").items.add({ Title: "Q9", PlanId: ids.plan })),
        403,
      );
      assert.equal(await rest("member", "DELETE", itemPath("recommendations", ids.recommendation)), 403);
    });

    test("a Member can neither write 'Sent' into the Reminder Log nor read it", async () => {
      const write = await rest("member", "POST", `web/lists/getByTitle('Reminder Log')/items`, {
        Title: "Silenced",
        ReminderKey: uniqueTitle("silence"),
        DeliveryStatus: "Sent",
      });
      assert.ok(write === 403 || write === 404, `writing was answered ${String(write)}`);
      const read = await statusOf(list("member", "reminderLog").items.top(1)());
      assert.ok(read === 403 || read === 404, `reading was answered ${String(read)}`);
      assert.equal(await statusOf(list("owner", "reminderLog").items.top(1)()), 200);
    });

    test("a Member cannot change the updates list's settings back, even with a Teams site's Edit", async () => {
      // A Teams site gives its Members Edit (which includes managing lists); the sandbox's default is
      // Contribute, so give them Edit here as a tenant would have it.
      const edit = await as("owner").web.roleDefinitions.getByType(6)<{ Id: number }>();
      const members = await as("owner").web.associatedMemberGroup<{ Id: number }>();
      if (target.kind === "sandbox") await as("owner").web.roleAssignments.add(members.Id, edit.Id);
      try {
        const updates = `web/lists/getByTitle('${LIST_TITLES.progressUpdates}')`;
        assert.equal(await rest("member", "MERGE", updates, { WriteSecurity: 1 }), 403);
        assert.equal(await rest("member", "DELETE", updates), 403);
        assert.equal(
          await rest("member", "POST", `${updates}/fields`, { Title: "Approved by", FieldTypeKind: 2 }),
          403,
        );
      } finally {
        if (target.kind === "sandbox") await as("owner").web.roleAssignments.remove(members.Id, edit.Id);
      }
    });

    test("a Member edits only the updates they created", async () => {
      assert.equal(
        await rest("member", "MERGE", itemPath("progressUpdates", ids.ownerUpdate), {
          UpdateText: "Rewritten",
        }),
        403,
      );
      assert.equal(await rest("member", "DELETE", itemPath("progressUpdates", ids.ownerUpdate)), 403);
      const ctx = dataContext(as("member"));
      const { update: mine } = await addProgressUpdate(
        ctx,
        await loadAction(ctx, String(ids.mine)),
        update("First"),
      );
      assert.equal(
        await statusOf(
          list("member", "progressUpdates")
            .items.getById(Number(mine.id))
            .update({ UpdateText: "Typo fixed" }),
        ),
        200,
      );
    });

    test("an update a Member adds to another SRO's action is kept but never becomes its status", async () => {
      const ctx = dataContext(as("member"));
      await addProgressUpdate(ctx, await loadAction(ctx, String(ids.theirs)), {
        ...update("All done here", "2024-06-20"),
        reportedStatus: "Completed",
        percentComplete: 100,
      });
      const dashboard = await loadDashboard(dataContext(as("owner")), String(ids.plan));
      const theirs = dashboard.actions.find((r) => r.action.id === String(ids.theirs));
      assert.notEqual(theirs?.latest?.text, "All done here");
      assert.equal(theirs?.action.completedOn, null);
    });

    test("the SRO's own journeys work: post an update, ask to move a date, mark complete", async () => {
      const ctx = dataContext(as("member"));
      const upn = target.upnOf("member") ?? process.env.SP_MEMBER_UPN ?? "";
      const posted = await addProgressUpdate(ctx, await loadAction(ctx, String(ids.mine)), {
        ...update("Consultation closed; the Mayor's Office has replied", "2024-06-10"),
        reportedStatus: "Delayed",
      });
      const work = await loadMyWork(ctx, upn, isoDate("2024-06-11"));
      const shown = work.actions.find((a) => a.record.action.id === String(ids.mine));
      assert.equal(shown?.record.latest?.text, "Consultation closed; the Mayor's Office has replied");
      assert.equal(shown.record.latest.reportedStatus, "Delayed");

      const change = await requestDateChange(ctx, posted.record, {
        toText: "Dec-24",
        reason: "Waiting for the consultation",
        requestedOn: "2024-06-11",
      });
      assert.equal(change.status, "requested");

      await addProgressUpdate(ctx, posted.record, update("Finished", "2024-06-12"), {
        completeOn: isoDate("2024-06-12"),
      });
      const dashboard = await loadDashboard(dataContext(as("owner")), String(ids.plan));
      const mine = dashboard.actions.find((r) => r.action.id === String(ids.mine));
      assert.equal(mine?.action.completedOn, "2024-06-12");
      assert.equal(mine.latest?.text, "Finished");
      assert.ok(dashboard.pendingUpdates >= 2);
    });

    test("a Member cannot copy updates onto actions; a coordinator can, and the action then holds them", async () => {
      const member = dataContext(as("member"));
      const tried = await applyPendingUpdates(member).then(
        () => 200,
        (error: unknown) => (error instanceof RemoteError ? error.status : 0),
      );
      // The refusal is SharePoint's: the member's writes to Actions are 403; nothing was applied.
      const raw = await list("owner", "actions").items.getById(ids.mine)<{ CompletedOn: string | null }>();
      assert.equal(tried, 403);
      assert.equal(raw.CompletedOn, null);

      const applied = await applyPendingUpdates(dataContext(as("owner")));
      assert.ok(applied.actions >= 1, JSON.stringify(applied));
      assert.ok(applied.ignored >= 1, "the update on another SRO's action is not applied");
      const after = await list("owner", "actions").items.getById(ids.mine)<{
        CompletedOn: string | null;
        LatestUpdateText: string | null;
      }>();
      assert.equal(after.LatestUpdateText, "Finished");
      assert.match(after.CompletedOn ?? "", /^2024-06-12/);
      const dashboard = await loadDashboard(dataContext(as("owner")), String(ids.plan));
      assert.equal(dashboard.pendingUpdates, 0);
      const theirs = dashboard.actions.find((r) => r.action.id === String(ids.theirs));
      assert.notEqual(theirs?.latest?.text, "All done here");
    });

    test("the Owner writes actions, posts, plans and the Reminder Log", async () => {
      assert.equal(
        await rest("owner", "MERGE", itemPath("actions", ids.theirs), { Title: "Action 1.2 (revised)" }),
        204,
      );
      assert.equal(
        await rest("owner", "MERGE", itemPath("plans", ids.plan), { Title: `${planTitle} (revised)` }),
        204,
      );
      const me = await as("owner").web.currentUser();
      assert.equal(
        await statusOf(list("owner", "sroPosts").items.getById(ids.theirPost).update({ DelegateId: me.Id })),
        200,
      );
      const key = uniqueTitle("contract");
      const entry = (await list("owner", "reminderLog").items.add({
        Title: "Owner's entry",
        ReminderKey: key,
      })) as {
        Id: number;
      };
      await list("owner", "reminderLog").items.getById(entry.Id).delete();
    });

    test("provisioning again changes nothing; drift made by hand is put back", async () => {
      assert.deepEqual((await provisionSite(as("owner"))).changes, []);
      const members = await as("owner").web.associatedMemberGroup();
      const edit = await as("owner").web.roleDefinitions.getByType(6)();
      await list("owner", "actions").roleAssignments.add(members.Id, edit.Id);
      assert.equal(await rest("member", "MERGE", itemPath("actions", ids.mine), { Title: "Now I can" }), 204);
      const repaired = await provisionSite(as("owner"));
      assert.ok(
        repaired.changes.some((c) => c.startsWith("'Actions':") && c.endsWith("no longer has Edit")),
        repaired.changes.join("\n"),
      );
      assert.equal(
        await rest("member", "MERGE", itemPath("actions", ids.mine), { Title: "Not any more" }),
        403,
      );
    });
  });
}
