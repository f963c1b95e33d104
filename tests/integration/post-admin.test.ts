// SRO posts run by a coordinator through the data layer against the sandbox: create (a holder from the
// directory added to the site with ensureUser), rename, give to a new holder, delegate and end the cover,
// split a post written as two moving chosen actions, and find vacant posts and holders who have left the
// directory (Graph's /users/{upn}). Every change carries its ETag; a Member is refused by SharePoint itself.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { stillInDirectory } from "../../src/notify/directory.ts";
import { createGraphClient } from "../../src/notify/graph-client.ts";
import { ConflictError } from "../../src/sharepoint/core/index.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import { loadMyWork } from "../../src/sharepoint/actions/index.ts";
import { loadDashboard, type SroPostRecord } from "../../src/sharepoint/plans/index.ts";
import {
  createSroPost,
  loadSroPosts,
  postProblems,
  splitSroPost,
  updateSroPost,
} from "../../src/sharepoint/posts/index.ts";
import { LIST_TITLES } from "../../src/sharepoint/schema/index.ts";
import { SANDBOX_PEOPLE } from "../support/targets.ts";
import { refusal } from "../support/refusal.ts";
import { generatedPlan, MEMBERS, openProvisioned, type Provisioned } from "./fixtures.ts";

const FORMER = "former.officer@northbridge.gov.uk";

describe("SRO posts run by a coordinator", () => {
  let env: Provisioned;
  let director: SroPostRecord;
  const [holder = "", other = "", third = ""] = MEMBERS;

  beforeAll(async () => {
    env = await openProvisioned();
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("a post created with a holder from the directory who was not yet on the site", async () => {
    // The outsider is in the directory but in none of the site's groups: ensureUser adds them.
    director = await createSroPost(env.ctx(), {
      title: "Director of Place",
      holderUpn: SANDBOX_PEOPLE.outsider.toUpperCase(),
    });
    assert.equal(director.title, "Director of Place");
    assert.equal(director.holderUpn, SANDBOX_PEOPLE.outsider.toLowerCase());
    assert.ok(director.holderName !== null && director.holderName.length > 0);
    assert.ok(director.etag !== undefined && director.etag.length > 0);
    const vacant = await createSroPost(env.ctx(), { title: "Monitoring Officer", holderUpn: null });
    assert.equal(vacant.holderUpn, null);
    assert.deepEqual(
      (await loadSroPosts(env.ctx("visitor"))).map((p) => p.title),
      ["Director of Place", "Monitoring Officer"],
    );
  });

  test("a duplicate title and someone not in the directory are refused in words; nothing is added", async () => {
    const duplicate = await refusal(
      createSroPost(env.ctx(), { title: "director of place", holderUpn: null }),
    );
    assert.match(String(duplicate), /already an SRO post called 'director of place'/);
    assert.ok(!(duplicate instanceof RemoteError), "said in words, not SharePoint's 500");
    const unknown = await refusal(
      createSroPost(env.ctx(), { title: "Head of Audit", holderUpn: "nobody@northbridge.gov.uk" }),
    );
    assert.match(String(unknown), /nobody@northbridge\.gov\.uk is not in the organisation's directory/);
    const renamed = await refusal(updateSroPost(env.ctx(), director, { title: "Monitoring Officer" }));
    assert.match(String(renamed), /already an SRO post called 'Monitoring Officer'/);
    assert.equal((await loadSroPosts(env.ctx())).length, 2);
  });

  test("rename, new holder, a delegate for next week, then the cover ended", async () => {
    const renamed = await updateSroPost(env.ctx(), director, { title: "Corporate Director Place" });
    assert.equal(renamed.title, "Corporate Director Place");
    assert.notEqual(renamed.etag, director.etag);
    const held = await updateSroPost(env.ctx(), renamed, { holderUpn: holder });
    assert.equal(held.holderUpn, holder);
    const delegated = await updateSroPost(env.ctx(), held, {
      delegate: { upn: other, from: isoDate("2024-05-20"), to: isoDate("2024-05-24") },
    });
    assert.equal(delegated.delegateUpn, other);
    assert.equal(delegated.delegateFrom, "2024-05-20");
    assert.equal(delegated.delegateTo, "2024-05-24");
    const self = await refusal(
      updateSroPost(env.ctx(), delegated, {
        delegate: { upn: holder, from: isoDate("2024-06-01"), to: null },
      }),
    );
    assert.match(String(self), /holds 'Corporate Director Place'; a delegate covers for the holder/);
    const backwards = await refusal(
      updateSroPost(env.ctx(), delegated, {
        delegate: { upn: third, from: isoDate("2024-06-10"), to: isoDate("2024-06-01") },
      }),
    );
    assert.match(String(backwards), /last day cannot be before its first day/);
    const ended = await updateSroPost(env.ctx(), delegated, { delegate: null });
    assert.equal(ended.delegateUpn, null);
    assert.equal(ended.delegateFrom, null);
    assert.equal(ended.delegateTo, null);
    assert.equal(ended.holderUpn, holder, "ending the cover leaves the holder");
    director = ended;
  });

  test("two coordinators change one post: the second gets ConflictError with the first's version", async () => {
    const [seen] = (await loadSroPosts(env.ctx())).filter((p) => p.id === director.id);
    await updateSroPost(env.ctx(), seen!, { holderUpn: other });
    const conflict = await refusal(updateSroPost(env.ctx(), seen!, { title: "Director of Regeneration" }));
    assert.ok(conflict instanceof ConflictError, String(conflict));
    assert.equal(conflict.subject, "SRO post");
    assert.equal(conflict.remote.status, 412);
    assert.equal((conflict.current as SroPostRecord).holderUpn, other);
    const [now] = (await loadSroPosts(env.ctx())).filter((p) => p.id === director.id);
    assert.equal(now?.title, "Corporate Director Place", "the refused rename left nothing");
    assert.equal(now.holderUpn, other, "the first change is kept");
    director = now;
  });

  test("a Member (an SRO) is refused by SharePoint: 403 to create, give away or delegate a post", async () => {
    const member = env.ctx("member");
    const create = await refusal(createSroPost(member, { title: "Member's post", holderUpn: null }));
    assert.ok(create instanceof RemoteError && create.status === 403, String(create));
    const take = await refusal(updateSroPost(member, director, { holderUpn: SANDBOX_PEOPLE.member }));
    assert.ok(take instanceof RemoteError && take.status === 403, String(take));
    const cover = await refusal(
      updateSroPost(member, director, {
        delegate: { upn: SANDBOX_PEOPLE.member, from: isoDate("2024-05-01"), to: null },
      }),
    );
    assert.ok(cover instanceof RemoteError && cover.status === 403, String(cover));
    const [now] = (await loadSroPosts(env.ctx())).filter((p) => p.id === director.id);
    assert.deepEqual(now, director);
  });

  describe("a post written as two, split into two", () => {
    let plan: ImportResult;
    let joint: SroPostRecord;
    const ids = (refs: string[]) => refs.map((r) => plan.actionIds.get(r) ?? "");

    beforeAll(async () => {
      plan = await importPlan(env.ctx(), generatedPlan("Split plan", 2, 3, ["CEO/Monitoring Officer"]));
      joint = (await loadSroPosts(env.ctx())).find((p) => p.title === "CEO/Monitoring Officer")!;
    });

    test("an action of another post, or one that does not exist, is refused and nothing changes", async () => {
      const other = await createSroPost(env.ctx(), { title: "Director of Finance", holderUpn: third });
      const dashboard = await loadDashboard(env.ctx(), plan.planId);
      const moved = dashboard.actions.find((r) => r.action.ref === "2.3")!;
      await env
        .sp("owner")
        .web.lists.getByTitle(LIST_TITLES.actions)
        .items.getById(Number(moved.action.id))
        .update({ SroPostId: Number(other.id) });
      const elsewhere = await refusal(
        splitSroPost(env.ctx(), joint, {
          keepTitle: "CEO",
          newTitle: "Monitoring Officer 2",
          newHolderUpn: null,
          moveActionIds: ids(["1.1", "2.3"]),
        }),
      );
      assert.match(String(elsewhere), /2\.3 is not under 'CEO\/Monitoring Officer'/);
      const missing = await refusal(
        splitSroPost(env.ctx(), joint, {
          keepTitle: "CEO",
          newTitle: "Monitoring Officer 2",
          newHolderUpn: null,
          moveActionIds: ["99999"],
        }),
      );
      assert.match(String(missing), /No action with id 99999/);
      assert.deepEqual((await loadSroPosts(env.ctx())).map((p) => p.title).sort(), [
        "CEO/Monitoring Officer",
        "Corporate Director Place",
        "Director of Finance",
        "Monitoring Officer",
      ]);
    });

    test("the post keeps its id and the other actions; the new post gets the chosen ones", async () => {
      const { kept, created } = await splitSroPost(env.ctx(), joint, {
        keepTitle: "CEO",
        newTitle: "Deputy Monitoring Officer",
        newHolderUpn: third,
        moveActionIds: ids(["1.2", "2.1"]),
      });
      assert.equal(kept.id, joint.id);
      assert.equal(kept.title, "CEO");
      assert.equal(kept.holderUpn, joint.holderUpn);
      assert.equal(created.title, "Deputy Monitoring Officer");
      assert.equal(created.holderUpn, third);
      const dashboard = await loadDashboard(env.ctx(), plan.planId);
      const postOf = (ref: string) => dashboard.actions.find((r) => r.action.ref === ref)?.action.sroPost;
      assert.deepEqual(["1.1", "1.2", "1.3", "2.1", "2.2"].map(postOf), [
        "CEO",
        "Deputy Monitoring Officer",
        "CEO",
        "Deputy Monitoring Officer",
        "CEO",
      ]);
      // Reminders and My actions follow: the new holder now has the moved actions.
      const work = await loadMyWork(env.ctx("member"), third, isoDate("2024-05-13"));
      assert.deepEqual(
        work.actions
          .filter((a) => a.record.action.planId === plan.planId)
          .map((a) => a.record.action.ref)
          .sort(),
        ["1.2", "2.1", "2.3"],
      );
    });

    test("a split whose post changed meanwhile is refused whole: the new post is taken away again", async () => {
      const stale = (await loadSroPosts(env.ctx())).find((p) => p.title === "CEO")!;
      await updateSroPost(env.ctx(), stale, { holderUpn: other });
      const conflict = await refusal(
        splitSroPost(env.ctx(), stale, {
          keepTitle: "Chief Executive",
          newTitle: "Electoral Services lead",
          newHolderUpn: null,
          moveActionIds: ids(["1.1"]),
        }),
      );
      assert.ok(conflict instanceof ConflictError, String(conflict));
      assert.equal(conflict.subject, "SRO post");
      const titles = (await loadSroPosts(env.ctx())).map((p) => p.title);
      assert.ok(titles.includes("CEO") && !titles.includes("Electoral Services lead"), titles.join(", "));
      const dashboard = await loadDashboard(env.ctx(), plan.planId);
      assert.equal(dashboard.actions.find((r) => r.action.ref === "1.1")?.action.sroPost, "CEO");
    });
  });

  test("vacant posts and holders who have left the directory, asked of Graph", async () => {
    // Someone who was a site user and has since left: SharePoint keeps them in the site's user list, the
    // directory no longer has them.
    const site = env.target.sandbox.store.sites.get("improvement")!;
    const formerId = site.nextPrincipalId++;
    site.users.push({
      Id: formerId,
      LoginName: `i:0#.f|membership|${FORMER}`,
      Title: "Former Officer",
      Email: FORMER,
      UserPrincipalName: FORMER,
      IsSiteAdmin: false,
      PrincipalType: 1,
    });
    env.target.sandbox.store.saveSite(site);
    const left = await createSroPost(env.ctx(), { title: "Head of Procurement", holderUpn: null });
    await env
      .sp("owner")
      .web.lists.getByTitle(LIST_TITLES.sroPosts)
      .items.getById(Number(left.id))
      .update({ HolderId: formerId });
    const graph = createGraphClient({
      baseUrl: env.target.graphUrl,
      getToken: () => env.target.token("owner"),
    });
    assert.equal(await stillInDirectory(graph, holder), true);
    assert.equal(await stillInDirectory(graph, FORMER), false);

    const asked: string[] = [];
    const posts = await loadSroPosts(env.ctx());
    const problems = await postProblems(posts, (upn) => {
      asked.push(upn);
      return stillInDirectory(graph, upn);
    });
    assert.deepEqual(
      problems.vacant.map((p) => p.title),
      ["Monitoring Officer"],
    );
    assert.deepEqual(
      problems.holderLeft.map((p) => [p.title, p.holderUpn]),
      [["Head of Procurement", FORMER]],
    );
    assert.equal(asked.length, new Set(asked).size, "each holder asked about once");
    // Giving the post to someone else clears it, though the former holder no longer resolves by name.
    const given = await updateSroPost(env.ctx(), problems.holderLeft[0]!, { holderUpn: holder });
    assert.equal(given.holderUpn, holder);
    const after = await postProblems(await loadSroPosts(env.ctx()), (upn) => stillInDirectory(graph, upn));
    assert.deepEqual(after.holderLeft, []);
  });
});
