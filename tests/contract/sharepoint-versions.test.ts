// Contract: SharePoint's item versions, as change-history.ts reads them. A list's EnableVersioning is read
// and written on the list; with it on, GET …/items(n)/versions answers SP.ListItemVersion entities, newest
// (the current one) first: VersionLabel "n.0", VersionId n × 512, IsCurrentVersion, Created, the Editor as
// { LookupId, LookupValue, Email } and every field by internal name (lookups as { LookupId, LookupValue }).
// With it off, a write keeps no version. A reader without edit rights may read versions. Runs unchanged
// against a tenant (SP_TOKEN of an Owner, SP_MEMBER_TOKEN).
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/fields/index.js";
import { z } from "zod";
import { createSharePoint } from "../../src/sharepoint/core/index.ts";
import { contractTargets, uniqueTitle, type Principal, type Target } from "../support/targets.ts";

const person = z.object({ LookupId: z.number(), LookupValue: z.string(), Email: z.string() });
const version = z.looseObject({
  VersionLabel: z.string(),
  VersionId: z.number(),
  IsCurrentVersion: z.boolean(),
  Created: z.string(),
  Editor: person,
  Title: z.nullable(z.string()),
  // The versioned list's own columns (the plain list has neither).
  Note: z.nullish(z.string()),
  Target: z.nullish(z.object({ LookupId: z.number(), LookupValue: z.nullable(z.string()) })),
});

for (const choice of contractTargets()) {
  describe.skipIf(choice.skip !== false)(`Item versions (${choice.label})`, () => {
    let target: Target;
    const versioned = uniqueTitle("Contract Versions");
    const plain = uniqueTitle("Contract No Versions");
    const as = (who: Principal): SPFI =>
      createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token(who), attempts: 1 });
    const versionsOf = async (title: string, id: number, who: Principal = "owner") =>
      z.array(version).parse(await as(who).web.lists.getByTitle(title).items.getById(id).versions());
    let itemId = 0;
    let plainId = 0;

    beforeAll(async () => {
      target = await choice.open();
      const sp = as("owner");
      const created = z
        .object({ Id: z.string() })
        .parse(await sp.web.lists.add(versioned, "contract", 100, false, { EnableVersioning: true }));
      await sp.web.lists.add(plain, "contract", 100, false);
      const fields = sp.web.lists.getByTitle(versioned).fields;
      await fields.add("Note", 3, {});
      await fields.addLookup("Target", { LookupListId: created.Id, LookupFieldName: "Title" });
      itemId = z
        .object({ Id: z.number() })
        .parse(await sp.web.lists.getByTitle(versioned).items.add({ Title: "One" })).Id;
      plainId = z
        .object({ Id: z.number() })
        .parse(await sp.web.lists.getByTitle(plain).items.add({ Title: "A" })).Id;
    });
    afterAll(async () => {
      for (const title of [versioned, plain])
        await as("owner")
          .web.lists.getByTitle(title)
          .delete()
          .catch(() => undefined);
      await target.close();
    });

    test("EnableVersioning is a list property, read and written", async () => {
      const read = async (title: string) =>
        z
          .object({ EnableVersioning: z.boolean() })
          .parse(await as("owner").web.lists.getByTitle(title).select("EnableVersioning")()).EnableVersioning;
      assert.equal(await read(versioned), true);
      assert.equal(await read(plain), false);
    });

    test("each write keeps a version; versions come newest first with who, when and the values", async () => {
      const item = as("owner").web.lists.getByTitle(versioned).items.getById(itemId);
      await item.update({ Title: "Two", Note: "a note" });
      await item.update({ TargetId: itemId });
      const versions = await versionsOf(versioned, itemId);
      assert.deepEqual(
        versions.map((v) => [v.VersionLabel, v.VersionId, v.IsCurrentVersion]),
        [
          ["3.0", 1536, true],
          ["2.0", 1024, false],
          ["1.0", 512, false],
        ],
      );
      assert.deepEqual(
        versions.map((v) => [v.Title, v.Note]),
        [
          ["Two", "a note"],
          ["Two", "a note"],
          ["One", null],
        ],
      );
      const [newest, , oldest] = versions;
      assert.ok(newest !== undefined && oldest !== undefined);
      assert.deepEqual(newest.Target, { LookupId: itemId, LookupValue: "Two" });
      assert.equal(oldest.Target, null);
      const me = z.object({ Id: z.number(), Title: z.string() }).parse(await as("owner").web.currentUser());
      assert.equal(newest.Editor.LookupId, me.Id);
      assert.equal(newest.Editor.LookupValue, me.Title);
      assert.match(newest.Created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      assert.ok(newest.Created >= oldest.Created);
    });

    test("a list without versioning keeps only the current version", async () => {
      await as("owner").web.lists.getByTitle(plain).items.getById(plainId).update({ Title: "B" });
      const versions = await versionsOf(plain, plainId);
      const [only] = versions;
      assert.equal(versions.length, 1);
      assert.ok(only !== undefined);
      assert.equal(only.IsCurrentVersion, true);
      assert.equal(only.Title, "B");
    });

    test("a Member (read on the site) reads an item's versions", async () => {
      const versions = await versionsOf(versioned, itemId, "member");
      assert.equal(versions.length, 3);
    });
  });
}
