// Contract: lists, fields and items through the real PnPjs client — what the app's data access relies on.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/fields/index.js";
import { createSharePoint } from "../../src/sharepoint/core/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { rejectsWith } from "../support/sharepoint-failure.ts";
import { contractTargets, uniqueTitle, type Target } from "../support/targets.ts";

for (const choice of contractTargets()) {
  describe.skipIf(choice.skip !== false)(`SharePoint lists, fields and items (${choice.label})`, () => {
    let target: Target;
    let sp: SPFI;
    const listTitle = uniqueTitle("Contract Actions");
    const plansTitle = uniqueTitle("Contract Plans");

    beforeAll(async () => {
      target = await choice.open();
      sp = createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") });
    });
    afterAll(async () => {
      for (const title of [listTitle, plansTitle]) {
        await sp.web.lists
          .getByTitle(title)
          .delete()
          .catch(() => undefined);
      }
      await target.close();
    });

    test("ensure creates a list once and finds it the second time", async () => {
      const first = await sp.web.lists.ensure(plansTitle, "Plans for contract tests");
      assert.equal(first.created, true);
      const second = await sp.web.lists.ensure(plansTitle);
      assert.equal(second.created, false);
      const info = await sp.web.lists.getByTitle(plansTitle).select("Title", "ItemCount", "Id")();
      assert.equal(info.Title, plansTitle);
      assert.equal(info.ItemCount, 0);
      await sp.web.lists.add(listTitle, "Actions for contract tests", 100);
    });

    test("a list is found by id as by title, and once deleted is gone from both", async () => {
      const title = uniqueTitle("Contract Disposable");
      const added = await sp.web.lists.add(title);
      const byId = await sp.web.lists.getById(added.Id).select("Title")();
      assert.equal(byId.Title, title);
      await sp.web.lists.getById(added.Id).delete();
      await rejectsWith(sp.web.lists.getByTitle(title)(), 404);
      await rejectsWith(sp.web.lists.getById(added.Id)(), 404);
      const titles = (await sp.web.lists.select("Title")()).map((l: { Title: string }) => l.Title);
      assert.ok(!titles.includes(title));
    });

    test("an unknown list is SharePoint's 404 System.ArgumentException", async () => {
      const error = await rejectsWith(
        sp.web.lists.getByTitle("No Such List")(),
        404,
        /System\.ArgumentException/,
      );
      assert.match(error.serviceMessage, /List 'No Such List' does not exist at site with URL/);
    });

    test("fields of every type the schema uses can be added, indexed and read back", async () => {
      const list = sp.web.lists.getByTitle(listTitle);
      const plans = await sp.web.lists.getByTitle(plansTitle).select("Id")();
      await list.fields.addText("Ref", { MaxLength: 20 });
      await list.fields.addMultilineText("Details", { RichText: false });
      await list.fields.addNumber("PercentComplete");
      await list.fields.addCurrency("Budget");
      await list.fields.addBoolean("IsMilestone");
      await list.fields.addDateTime("TargetDate");
      await list.fields.addChoice("Status", {
        Choices: ["Not started", "On target", "Delayed", "Overdue", "Completed"],
      });
      await list.fields.addMultiChoice("Themes", { Choices: ["Finance", "Governance", "Housing"] });
      await list.fields.addUrl("Evidence");
      await list.fields.addUser("SRO", { SelectionMode: 0 });
      await list.fields.addUser("Delegates", { SelectionMode: 0 });
      await list.fields.getByInternalNameOrTitle("Delegates").update({ AllowMultipleValues: true });
      await list.fields.addLookup("Plan", { LookupListId: plans.Id, LookupFieldName: "Title" });
      await list.fields.getByInternalNameOrTitle("Status").update({ Indexed: true });

      interface FieldInfo {
        InternalName: string;
        TypeAsString: string;
        Indexed: boolean;
        Choices?: string[];
      }
      const fields: FieldInfo[] = await list.fields.select(
        "InternalName",
        "TypeAsString",
        "Indexed",
        "Choices",
      )();
      const byName = new Map(fields.map((f) => [f.InternalName, f]));
      const expected: Record<string, string> = {
        Ref: "Text",
        Details: "Note",
        PercentComplete: "Number",
        Budget: "Currency",
        IsMilestone: "Boolean",
        TargetDate: "DateTime",
        Status: "Choice",
        Themes: "MultiChoice",
        Evidence: "URL",
        SRO: "User",
        Delegates: "UserMulti",
        Plan: "Lookup",
      };
      for (const [name, type] of Object.entries(expected)) {
        assert.equal(byName.get(name)?.TypeAsString, type, `field ${name}`);
      }
      assert.equal(byName.get("Status")?.Indexed, true);
      assert.deepEqual(byName.get("Status")?.Choices, [
        "Not started",
        "On target",
        "Delayed",
        "Overdue",
        "Completed",
      ]);
    });

    test("items are added, read with $select/$expand of person and lookup columns, and filtered", async () => {
      const list = sp.web.lists.getByTitle(listTitle);
      const plan = await sp.web.lists
        .getByTitle(plansTitle)
        .items.add({ Title: "LGA Corporate Peer Challenge 2023" });
      const sroUpn = target.upnOf("member");
      const sro = sroUpn === undefined ? await sp.web.currentUser() : await sp.web.ensureUser(sroUpn);
      const added = await list.items.add({
        Title: "The Mayor's Office will publish the vision",
        Ref: "1.1",
        PercentComplete: 40,
        IsMilestone: false,
        TargetDate: "2024-05-31T00:00:00Z",
        Status: "On target",
        Themes: ["Governance", "Finance"],
        Evidence: { Url: "https://example.org/vision", Description: "Vision" },
        SROId: sro.Id,
        DelegatesId: [sro.Id],
        PlanId: plan.Id,
      });
      assert.equal(typeof added.Id, "number");
      assert.equal(added["odata.etag"], '"1"');
      await list.items.add({ Title: "A second action", Ref: "1.2", Status: "Delayed", PlanId: plan.Id });

      const rows = await list.items
        .select(
          "Id",
          "Ref",
          "Title",
          "TargetDate",
          "Themes",
          "SRO/Id",
          "SRO/Title",
          "SRO/EMail",
          "Plan/Title",
          "DelegatesId",
        )
        .expand("SRO", "Plan")
        .filter("Title eq 'The Mayor''s Office will publish the vision'")();
      assert.equal(rows.length, 1);
      const row = rows[0] as Record<string, unknown>;
      assert.equal(row.Ref, "1.1");
      assert.equal(row.TargetDate, "2024-05-31T00:00:00Z");
      assert.deepEqual(row.Themes, ["Governance", "Finance"]);
      assert.deepEqual(row.DelegatesId, [sro.Id]);
      assert.equal((row.SRO as { Id: number }).Id, sro.Id);
      assert.equal((row.SRO as { Title: string }).Title, sro.Title);
      assert.equal((row.Plan as { Title: string }).Title, "LGA Corporate Peer Challenge 2023");

      const byLookup = await list.items
        .select("Ref")
        .filter(`Plan/Id eq ${plan.Id} and Status eq 'Delayed'`)();
      assert.deepEqual(
        byLookup.map((r: { Ref: string }) => r.Ref),
        ["1.2"],
      );
      const byText = await list.items
        .select("Ref")
        .filter("substringof('mayor''s', Title) or startswith(Ref, '1.2')")
        .orderBy("Ref", false)();
      assert.deepEqual(
        byText.map((r: { Ref: string }) => r.Ref),
        ["1.2", "1.1"],
      );
      const byDate = await list.items
        .select("Ref")
        .filter("TargetDate lt datetime'2024-06-01T00:00:00Z' and TargetDate ne null")();
      assert.deepEqual(
        byDate.map((r: { Ref: string }) => r.Ref),
        ["1.1"],
      );
    });

    test("a person or lookup column without $expand, or an unknown column, is refused, not ignored", async () => {
      const list = sp.web.lists.getByTitle(listTitle);
      const unexpanded = await rejectsWith(list.items.select("SRO/Title")(), 400);
      assert.match(unexpanded.serviceMessage, /\$expand/);
      const unknown = await rejectsWith(list.items.filter("NoSuchColumn eq 'x'")(), 400);
      assert.match(unknown.serviceMessage, /NoSuchColumn/);
    });

    test("a malformed or unsupported $filter is SharePoint's 400, never a silently wrong result", async () => {
      const list = sp.web.lists.getByTitle(listTitle);
      for (const filter of [
        "Ref eq",
        "Ref eq 'unterminated",
        "endswith(Ref, '1')",
        "(Ref eq '1.1'",
        "Ref eq '1.1' and",
      ]) {
        await rejectsWith(list.items.filter(filter)(), 400, /InvalidClientQueryException|SPException/);
      }
    });

    test("an update with the ETag it read succeeds; a stale ETag gets 412 and changes nothing", async () => {
      const list = sp.web.lists.getByTitle(listTitle);
      const [row] = await list.items.select("Id", "PercentComplete").filter("Ref eq '1.1'")();
      const etag = (row as Record<string, string>)["odata.etag"] ?? "";
      const id = (row as { Id: number }).Id;
      const first = await list.items.getById(id).update({ PercentComplete: 60 }, etag);
      assert.equal(first.etag, '"2"');
      const stale = await rejectsWith(
        list.items.getById(id).update({ PercentComplete: 99 }, etag),
        412,
        /ClientServiceException/,
      );
      assert.match(stale.serviceMessage, /does not match the object's ETag value/);
      const now = await list.items.getById(id).select("PercentComplete")();
      assert.equal(now.PercentComplete, 60);
      await list.items.getById(id).update({ PercentComplete: 70 }, "*");
      const after = await list.items.getById(id).select("PercentComplete")();
      assert.equal(after.PercentComplete, 70);
    });

    test("writing a property the list does not have is 400 and adds nothing", async () => {
      const list = sp.web.lists.getByTitle(listTitle);
      const before = (await list.select("ItemCount")()).ItemCount;
      const error = await rejectsWith(list.items.add({ Title: "x", Colour: "red" }), 400);
      assert.match(error.serviceMessage, /The property 'Colour' does not exist/);
      await rejectsWith(list.items.add({ Title: "x", PercentComplete: "lots" }), 400);
      assert.equal((await list.select("ItemCount")()).ItemCount, before);
    });

    test("a batch of 100 adds is answered part by part, in order", async () => {
      const list = sp.web.lists.getByTitle(plansTitle);
      const [batched, execute] = sp.batched({ maxRequests: 100 });
      const results: Promise<{ Id: number; Title: string }>[] = [];
      for (let i = 0; i < 100; i++)
        results.push(batched.web.lists.getByTitle(plansTitle).items.add({ Title: `Batch plan ${i}` }));
      const requestsBefore = target.sandbox?.stats.sharePointRequests;
      await execute();
      const added = await Promise.all(results);
      assert.deepEqual(
        added.map((a) => a.Title),
        Array.from({ length: 100 }, (_, i) => `Batch plan ${i}`),
      );
      assert.equal(new Set(added.map((a) => a.Id)).size, 100);
      if (target.sandbox !== null && requestsBefore !== undefined)
        assert.equal(target.sandbox.stats.sharePointRequests - requestsBefore, 1);
      const count = await list.items.filter("startswith(Title, 'Batch plan')").select("Id").top(500)();
      assert.equal(count.length, 100);
    });

    test("a batch mixing reads and writes returns each part's own result", async () => {
      const [batched, execute] = sp.batched();
      const read = batched.web.lists.getByTitle(listTitle).items.select("Ref").filter("Ref eq '1.2'")();
      const missing = batched.web.lists.getByTitle("No Such List").items();
      const write = batched.web.lists.getByTitle(listTitle).items.add({ Title: "Batched", Ref: "9.9" });
      await execute();
      assert.deepEqual(
        (await read).map((r: { Ref: string }) => r.Ref),
        ["1.2"],
      );
      assert.equal((await write).Ref, "9.9");
      await assert.rejects(missing, (error: unknown) => error instanceof RemoteError && error.status === 404);
    });

    test("deleting an item removes it; deleting it again is 404", async () => {
      const list = sp.web.lists.getByTitle(listTitle);
      const [row] = await list.items.select("Id").filter("Ref eq '9.9'")();
      const id = (row as { Id: number }).Id;
      await list.items.getById(id).delete();
      await rejectsWith(list.items.getById(id)(), 404);
      await rejectsWith(list.items.getById(id).delete(), 404);
    });
  });
}
