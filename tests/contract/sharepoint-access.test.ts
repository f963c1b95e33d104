// Contract: who may do what. 401 without a valid token, 403 for people outside the site and for
// Visitors writing, Members editing items but not lists, Owners and app-only tokens managing lists.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/fields/index.js";
import { createSharePoint } from "../../src/sharepoint/core/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import {
  contractTargets,
  skipOnTenant,
  uniqueTitle,
  type Principal,
  type Target,
} from "../support/targets.ts";

function status(error: unknown): number {
  assert.ok(error instanceof RemoteError, String(error));
  return error.status;
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return status(error);
  }
}

for (const choice of contractTargets()) {
  describe.skipIf(choice.skip !== false)(`SharePoint access control (${choice.label})`, () => {
    let target: Target;
    const title = uniqueTitle("Contract Access");
    const as = (who: Principal): SPFI =>
      createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token(who), attempts: 1 });

    beforeAll(async () => {
      target = await choice.open();
      await as("owner").web.lists.add(title);
      await as("owner").web.lists.getByTitle(title).items.add({ Title: "Seeded by the owner" });
    });
    afterAll(async () => {
      await as("owner")
        .web.lists.getByTitle(title)
        .delete()
        .catch(() => undefined);
      await target.close();
    });

    test("no token, a forged token and an expired-looking token are each 401 with WWW-Authenticate", async () => {
      for (const authorization of [
        undefined,
        "Bearer not-a-token",
        "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.e30.c2ln",
      ]) {
        const response = await fetch(`${target.siteUrl}/_api/web`, {
          headers: {
            Accept: "application/json",
            ...(authorization === undefined ? {} : { Authorization: authorization }),
          },
        });
        assert.equal(response.status, 401, String(authorization));
        assert.match(response.headers.get("www-authenticate") ?? "", /^Bearer realm="/);
        await response.body?.cancel();
      }
    });

    test("PnPjs surfaces a 401 as a RemoteError the app can explain", async () => {
      const sp = createSharePoint({
        siteUrl: target.siteUrl,
        getToken: () => Promise.resolve("garbage"),
        attempts: 1,
      });
      assert.equal(await statusOf(sp.web()), 401);
    });

    test("someone outside the site's groups gets 403 even to read", async ({ skip }) => {
      skipOnTenant(skip, choice.kind, "directory of people outside the site");
      assert.equal(await statusOf(as("outsider").web.lists.getByTitle(title).items()), 403);
    });

    test("a Visitor reads but cannot add, edit or delete an item", async () => {
      const visitor = as("visitor");
      const items = await visitor.web.lists.getByTitle(title).items.select("Id", "Title")();
      assert.equal(items.length, 1);
      const id = (items[0] as { Id: number }).Id;
      const added = await statusOf(
        visitor.web.lists.getByTitle(title).items.add({ Title: "Visitor's attempt" }),
      );
      assert.equal(added, 403);
      await assert.rejects(
        visitor.web.lists.getByTitle(title).items.getById(id).update({ Title: "changed" }),
        (e: unknown) => status(e) === 403,
      );
      await assert.rejects(
        visitor.web.lists.getByTitle(title).items.getById(id).delete(),
        (e: unknown) => status(e) === 403,
      );
      const after = await as("owner").web.lists.getByTitle(title).items.select("Title")();
      assert.deepEqual(
        after.map((r: { Title: string }) => r.Title),
        ["Seeded by the owner"],
      );
    });

    test("the 403 body is SharePoint's UnauthorizedAccessException", async () => {
      try {
        await as("visitor").web.lists.getByTitle(title).items.add({ Title: "x" });
        assert.fail("a Visitor could write");
      } catch (error) {
        assert.ok(error instanceof RemoteError);
        assert.equal(error.code, "-2147024891, System.UnauthorizedAccessException");
        assert.match(error.serviceMessage, /^Access denied\./);
      }
    });

    test("a Member adds, edits and deletes items but cannot create lists or change columns", async () => {
      const member = as("member");
      const added = await member.web.lists.getByTitle(title).items.add({ Title: "Member's item" });
      await member.web.lists
        .getByTitle(title)
        .items.getById(added.Id)
        .update({ Title: "Member's item, edited" });
      await member.web.lists.getByTitle(title).items.getById(added.Id).delete();
      assert.equal(await statusOf(member.web.lists.add(uniqueTitle("Member list"))), 403);
      assert.equal(await statusOf(member.web.lists.getByTitle(title).fields.addText("Sneaky")), 403);
      assert.equal(
        await statusOf(
          member.web.lists
            .getByTitle(title)
            .fields.getByInternalNameOrTitle("Title")
            .update({ Indexed: true }),
        ),
        403,
      );
    });

    test("an app-only token has full control, and its writes are authored by the app", async ({ skip }) => {
      skipOnTenant(skip, choice.kind, "app-only token");
      const app = as("app");
      await app.web.lists.getByTitle(title).fields.addText("AppColumn");
      const added = await app.web.lists
        .getByTitle(title)
        .items.add({ Title: "From the app", AppColumn: "yes" });
      const row = await app.web.lists
        .getByTitle(title)
        .items.getById(added.Id)
        .select("Author/Title")
        .expand("Author")();
      assert.equal((row.Author as { Title: string }).Title, "SharePoint App");
    });

    test("currentUser says who the token belongs to; the site's three groups list their members", async () => {
      const member = as("member");
      const me = await member.web.currentUser();
      const expectedUpn = target.upnOf("member");
      if (expectedUpn !== undefined) assert.equal(me.UserPrincipalName, expectedUpn);
      const members = await member.web.associatedMemberGroup.users();
      assert.ok(members.some((u: { Id: number }) => u.Id === me.Id));
      const owners = await member.web.associatedOwnerGroup();
      assert.match(owners.Title, /Owners$/);
      const visitors = await member.web.associatedVisitorGroup.users();
      assert.ok(!visitors.some((u: { Id: number }) => u.Id === me.Id));
    });

    test("ensureUser adds a directory person to the site; an unknown one is 404", async () => {
      const owner = as("owner");
      const upn = target.upnOf("outsider");
      if (upn !== undefined) {
        const user = await owner.web.ensureUser(upn);
        assert.equal(user.UserPrincipalName, upn);
        const again = await owner.web.ensureUser(upn);
        assert.equal(again.Id, user.Id);
        const byId = await owner.web.siteUsers.getById(user.Id)();
        assert.equal(byId.Email.toLowerCase(), upn.toLowerCase());
      }
      assert.equal(await statusOf(owner.web.ensureUser("nobody@example.invalid")), 404);
    });
  });
}
