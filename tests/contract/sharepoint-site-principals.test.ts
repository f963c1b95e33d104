// Contract: writes to site groups and site users are carried out as SharePoint carries them out, or refused,
// never answered 200 and dropped; and a parameter alias names what it stands for. PnPjs's own tests, run
// against the sandbox, found a group's or a user's MERGE and DELETE acknowledged with nothing changed, and
// siteUsers(@v)?@v='<login>' (PnPjs's getByLoginName) read as the literal "@v".
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { spDelete, type SPFI } from "@pnp/sp";
import "@pnp/sp/site-groups/index.js";
import "@pnp/sp/site-users/index.js";
import { createSharePoint } from "../../src/sharepoint/core/index.ts";
import { rejectsWith } from "../support/sharepoint-failure.ts";
import { contractTargets, skipOnTenant, uniqueTitle, type Target } from "../support/targets.ts";

/** The sandbox's refusal of a write it does not carry out. */
const NOT_EMULATED = /NotImplementedException/;

for (const choice of contractTargets()) {
  describe.skipIf(choice.skip !== false)(`Site groups and users, written (${choice.label})`, () => {
    let target: Target;
    let sp: SPFI;
    const groupIds: number[] = [];

    beforeAll(async () => {
      target = await choice.open();
      sp = createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner"), attempts: 1 });
    });
    afterAll(async () => {
      for (const id of groupIds) await sp.web.siteGroups.removeById(id).catch(() => undefined);
      await target.close();
    });

    test("a site group's Title and Description change with MERGE (PnPjs's update) and read back changed", async () => {
      const added = await sp.web.siteGroups.add({
        Title: uniqueTitle("Contract Principals"),
        Description: "",
      });
      groupIds.push(added.Id);
      const renamed = uniqueTitle("Contract Renamed");
      await sp.web.siteGroups.getById(added.Id).update({ Title: renamed, Description: "Changed by a test" });
      const read = await sp.web.siteGroups.getById(added.Id).select("Title", "Description")();
      assert.deepEqual(
        { Title: read.Title, Description: read.Description },
        {
          Title: renamed,
          Description: "Changed by a test",
        },
      );
      // A Member may not change the site's groups.
      const member = createSharePoint({
        siteUrl: target.siteUrl,
        getToken: () => target.token("member"),
        attempts: 1,
      });
      await rejectsWith(member.web.siteGroups.getById(added.Id).update({ Title: "Not theirs" }), 403);
    });

    test("a MERGE naming a property SP.Group does not have is SharePoint's 400, and changes nothing", async () => {
      const owners = await sp.web.associatedOwnerGroup.select("Id", "Title")();
      await rejectsWith(
        sp.web.siteGroups.getById(owners.Id).update({ Nonsense: "x" } as never),
        400,
        /InvalidClientQueryException/,
      );
      assert.equal((await sp.web.siteGroups.getById(owners.Id).select("Title")()).Title, owners.Title);
    });

    test("DELETE on a site group, and MERGE or DELETE on a site user, are refused, not acknowledged", async ({
      skip,
    }) => {
      skipOnTenant(skip, choice.kind, "refusal of writes it does not emulate");
      const added = await sp.web.siteGroups.add({
        Title: uniqueTitle("Contract Undeleted"),
        Description: "",
      });
      groupIds.push(added.Id);
      await rejectsWith(spDelete(sp.web.siteGroups.getById(added.Id)), 501, NOT_EMULATED);
      assert.equal((await sp.web.siteGroups.getById(added.Id).select("Id")()).Id, added.Id);
      const me = await sp.web.currentUser.select("Id", "Title")();
      await rejectsWith(sp.web.siteUsers.getById(me.Id).update({ Title: "Renamed" }), 501, NOT_EMULATED);
      await rejectsWith(sp.web.siteUsers.getById(me.Id).delete(), 501, NOT_EMULATED);
      assert.equal((await sp.web.siteUsers.getById(me.Id).select("Title")()).Title, me.Title);
    });

    test("siteUsers(@v)?@v='<login>' (PnPjs's getByLoginName) is that user; an unknown login is 404 naming it", async () => {
      const me = await sp.web.currentUser.select("Id", "LoginName")();
      const found = await sp.web.siteUsers.getByLoginName(me.LoginName).select("Id", "LoginName")();
      assert.deepEqual({ Id: found.Id, LoginName: found.LoginName }, { Id: me.Id, LoginName: me.LoginName });
      const nobody = "i:0#.f|membership|nobody@example.invalid";
      const missing = await rejectsWith(sp.web.siteUsers.getByLoginName(nobody)(), 404);
      assert.doesNotMatch(missing.serviceMessage, /@v/);
    });
  });
}
