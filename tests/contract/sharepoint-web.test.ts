// Contract: the web's look-ups and writes through the real PnPjs client, answered as SharePoint answers them
// rather than with something else: getById on site groups and users, a group created (and removed), unknown
// paths, a bad nested $expand on one item, a list title over 255 characters, the built-in columns' fixed ids.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { spGet, SPQueryable, type SPFI } from "@pnp/sp";
import "@pnp/sp/fields/index.js";
import "@pnp/sp/site-groups/index.js";
import "@pnp/sp/site-users/index.js";
import { createSharePoint } from "../../src/sharepoint/core/index.ts";
import { rejectsWith } from "../support/sharepoint-failure.ts";
import { contractTargets, uniqueTitle, type Target } from "../support/targets.ts";

/** SharePoint's ids for the columns every list has, the same in every tenant. */
const BUILT_IN_IDS = {
  ID: "1d22ea11-1e32-424e-89ab-9fedbadb6ce1",
  Title: "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
  Created: "8c06beca-0777-48f7-91c7-6da68bc07b69",
  Modified: "28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f",
  Author: "1df5e554-ec7e-46a6-901d-d85a3881cb18",
  Editor: "d31655d1-1d5b-4511-95a1-7a09e9b75bf2",
};

for (const choice of contractTargets()) {
  describe.skipIf(choice.skip !== false)(`SharePoint web look-ups and writes (${choice.label})`, () => {
    let target: Target;
    let sp: SPFI;
    const listTitle = uniqueTitle("Contract Web");
    const groupIds: number[] = [];

    beforeAll(async () => {
      target = await choice.open();
      sp = createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") });
      await sp.web.lists.add(listTitle, "Web look-ups for contract tests", 100);
    });
    afterAll(async () => {
      await sp.web.lists
        .getByTitle(listTitle)
        .delete()
        .catch(() => undefined);
      for (const id of groupIds) await sp.web.siteGroups.removeById(id).catch(() => undefined);
      await target.close();
    });

    test("siteGroups(n) and siteUsers(n), PnPjs's getById, are that one group and user, not the collection", async () => {
      const groups: { Id: number; Title: string }[] = await sp.web.siteGroups.select("Id", "Title")();
      const group = groups[groups.length - 1]!;
      const one = await sp.web.siteGroups.getById(group.Id).select("Id", "Title")();
      assert.equal(Array.isArray(one), false);
      assert.deepEqual({ Id: one.Id, Title: one.Title }, { Id: group.Id, Title: group.Title });
      const owners = await sp.web.associatedOwnerGroup.select("Id")();
      const members: { Id: number }[] = await sp.web.siteGroups.getById(owners.Id).users.select("Id")();
      assert.ok(members.length > 0, "the owners group's users, not a 404");
      const me = await sp.web.currentUser.select("Id", "Title")();
      const user = await sp.web.siteUsers.getById(me.Id).select("Id", "Title")();
      assert.equal(Array.isArray(user), false);
      assert.equal(user.Id, me.Id);
      await rejectsWith(sp.web.siteGroups.getById(999_999)(), 404);
    });

    test("$select is honoured on the web, fields, users and groups: only what was asked for comes back", async () => {
      const keys = (value: object) =>
        Object.keys(value).filter((k) => !k.startsWith("odata.") && k !== "__metadata");
      const owners = await sp.web.associatedOwnerGroup.select("Id")();
      const me = await sp.web.currentUser.select("Id")();
      const list = sp.web.lists.getByTitle(listTitle);
      const answers: [string, object][] = [
        ["web", await sp.web.select("Title")()],
        ["current user", await sp.web.currentUser.select("Title")()],
        ["a site user", await sp.web.siteUsers.getById(me.Id).select("Email")()],
        ["site users", (await sp.web.siteUsers.select("LoginName")<object[]>())[0]!],
        ["a site group", await sp.web.siteGroups.getById(owners.Id).select("Title")()],
        ["site groups", (await sp.web.siteGroups.select("Title")<object[]>())[0]!],
        ["a group's users", (await sp.web.associatedOwnerGroup.users.select("Email")<object[]>())[0]!],
        ["a field", await list.fields.getByInternalNameOrTitle("Title").select("InternalName")()],
        ["fields", (await list.fields.select("InternalName")<object[]>())[0]!],
      ];
      const expected: Record<string, string[]> = {
        web: ["Title"],
        "current user": ["Title"],
        "a site user": ["Email"],
        "site users": ["LoginName"],
        "a site group": ["Title"],
        "site groups": ["Title"],
        "a group's users": ["Email"],
        "a field": ["InternalName"],
        fields: ["InternalName"],
      };
      assert.deepEqual(Object.fromEntries(answers.map(([what, value]) => [what, keys(value)])), expected);
      // A property the type does not have is SharePoint's 400, not the whole object.
      await rejectsWith(sp.web.currentUser.select("Nonsense")(), 400, /InvalidClientQueryException/);
      await rejectsWith(sp.web.select("Nonsense")(), 400);
    });

    test("a site group is created, is found, refuses a second of its name, and can be removed", async () => {
      const title = uniqueTitle("Contract Group");
      const added = await sp.web.siteGroups.add({ Title: title, Description: "For a contract test" });
      groupIds.push(added.Id);
      assert.equal(added.Title, title);
      const found = await sp.web.siteGroups.getById(added.Id).select("Title", "Description")();
      assert.equal(found.Title, title);
      assert.equal(found.Description, "For a contract test");
      await rejectsWith(sp.web.siteGroups.add({ Title: title }), 500, /SPException/);
      await sp.web.siteGroups.removeById(added.Id);
      await rejectsWith(sp.web.siteGroups.getById(added.Id)(), 404);
    });

    test("a path the current user does not have is 404 ResourceNotFoundException, not the user", async () => {
      await rejectsWith(
        spGet(SPQueryable(sp.web, "currentuser/nonsense")),
        404,
        /Microsoft\.SharePoint\.Client\.ResourceNotFoundException/,
      );
    });

    test("a bad nested $expand is 400 on one item as on the collection", async () => {
      const list = sp.web.lists.getByTitle(listTitle);
      const item = await list.items.add({ Title: "One" });
      const id = (item as { Id?: number; ID?: number }).Id ?? (item as { ID: number }).ID;
      await rejectsWith(list.items.select("Author/Nonsense").expand("Author")(), 400);
      await rejectsWith(list.items.getById(id).select("Author/Nonsense").expand("Author")(), 400);
    });

    test("a list title over 255 characters is refused and no list is made", async () => {
      const long = `${uniqueTitle("Contract Long")} ${"x".repeat(260)}`.slice(0, 256);
      await rejectsWith(sp.web.lists.add(long), 400);
      const titles: string[] = (await sp.web.lists.select("Title")()).map((l: { Title: string }) => l.Title);
      assert.ok(!titles.includes(long));
    });

    test("the columns every list has carry SharePoint's fixed ids", async () => {
      const fields: { InternalName: string; Id: string }[] = await sp.web.lists
        .getByTitle(listTitle)
        .fields.select("InternalName", "Id")();
      const ids = Object.fromEntries(
        fields.filter((f) => f.InternalName in BUILT_IN_IDS).map((f) => [f.InternalName, f.Id]),
      );
      assert.deepEqual(ids, BUILT_IN_IDS);
    });
  });
}
