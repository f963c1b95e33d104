// Contract: big lists. Paging through 12,000 items with odata.nextLink, and the list view threshold:
// unindexed filters and sorts fail as SharePoint Online fails them, indexed ones keep working.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/fields/index.js";
import { createSharePoint } from "../../src/sharepoint/core/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { contractTargets, uniqueTitle, type Target } from "../support/targets.ts";

const ITEMS = 12_000;

async function throttled(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof RemoteError, String(error));
    assert.equal(error.status, 500);
    assert.equal(error.code, "-2147024860, Microsoft.SharePoint.SPQueryThrottledException");
    assert.equal(
      error.serviceMessage,
      "The attempted operation is prohibited because it exceeds the list view threshold.",
    );
    return true;
  });
}

for (const choice of contractTargets()) {
  describe.skipIf(choice.skip !== false)(`SharePoint lists past the threshold (${choice.label})`, () => {
    let target: Target;
    let sp: SPFI;
    const title = uniqueTitle("Contract Big List");

    beforeAll(async () => {
      target = await choice.open();
      sp = createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") });
      await sp.web.lists.add(title);
      const list = sp.web.lists.getByTitle(title);
      await list.fields.addText("Region");
      await list.fields.addText("Colour");
      await list.fields.addNumber("Sequence");
      await list.fields.getByInternalNameOrTitle("Region").update({ Indexed: true });
      for (let start = 0; start < ITEMS; start += 1000) {
        const [batched, execute] = sp.batched({ maxRequests: 100 });
        const adds: Promise<unknown>[] = [];
        for (let i = start; i < start + 1000; i++) {
          adds.push(
            batched.web.lists.getByTitle(title).items.add({
              Title: `Item ${i}`,
              Region: `Region ${i % 10}`,
              Colour: i % 2 === 0 ? "Red" : "Blue",
              Sequence: i,
            }),
          );
        }
        await execute();
        await Promise.all(adds);
      }
    });
    afterAll(async () => {
      await sp.web.lists
        .getByTitle(title)
        .delete()
        .catch(() => undefined);
      await target.close();
    });

    test("the list reports 12,000 items", async () => {
      const info = await sp.web.lists.getByTitle(title).select("ItemCount")();
      assert.equal(info.ItemCount, ITEMS);
    });

    test("paging with $top and odata.nextLink returns every item exactly once, in Id order", async () => {
      const seen: number[] = [];
      let pages = 0;
      for await (const page of sp.web.lists.getByTitle(title).items.select("Id", "Sequence").top(2000)) {
        pages++;
        for (const row of page as { Id: number; Sequence: number }[]) seen.push(row.Sequence);
      }
      assert.equal(pages, 6);
      assert.equal(seen.length, ITEMS);
      assert.deepEqual(
        seen,
        Array.from({ length: ITEMS }, (_, i) => i),
      );
    });

    test("without $top SharePoint pages at 100 items", async () => {
      const first = await sp.web.lists.getByTitle(title).items.select("Id")();
      assert.equal(first.length, 100);
    });

    test("filtering on an unindexed column is refused with SPQueryThrottledException", async () => {
      await throttled(sp.web.lists.getByTitle(title).items.filter("Colour eq 'Red'").top(10)());
    });

    test("ordering by an unindexed column is refused", async () => {
      await throttled(sp.web.lists.getByTitle(title).items.orderBy("Sequence", false).top(10)());
    });

    test("an indexed condition whose matches exceed the threshold is refused", async () => {
      await throttled(sp.web.lists.getByTitle(title).items.filter("Region ne 'Region 0'").top(10)());
    });

    test("an indexed column narrows first, then unindexed conditions apply", async () => {
      const rows = await sp.web.lists
        .getByTitle(title)
        .items.select("Sequence")
        .filter("Region eq 'Region 3' and Colour eq 'Blue'")
        .top(5000)();
      assert.equal(rows.length, 1200);
      assert.ok((rows as { Sequence: number }[]).every((r) => r.Sequence % 10 === 3));
    });

    test("ordering and filtering by Id keep working", async () => {
      const rows = await sp.web.lists
        .getByTitle(title)
        .items.select("Id")
        .filter("Id gt 11990")
        .orderBy("Id", false)
        .top(5)();
      assert.deepEqual(
        rows.map((r: { Id: number }) => r.Id),
        [12000, 11999, 11998, 11997, 11996],
      );
    });

    test("an id window narrows first, so any condition can follow it however many items it matches", async () => {
      // How an action with more updates than the threshold is read (src/sharepoint/updates/update-pages.ts): the
      // window reads 5,000 rows; "Colour eq 'Red'" alone would read 12,000 and is refused above.
      const rows = await sp.web.lists
        .getByTitle(title)
        .items.select("Id", "Colour")
        .filter("(Id gt 2000) and (Id lt 7001) and (Colour eq 'Red')")
        .orderBy("Id", false)
        .top(3000)();
      assert.equal(rows.length, 2500);
      assert.ok((rows as { Colour: string }[]).every((r) => r.Colour === "Red"));
      assert.equal((rows as { Id: number }[])[0]?.Id, 6999);
    });

    test("paging a filtered indexed query follows nextLink with the filter kept", async () => {
      let count = 0;
      for await (const page of sp.web.lists
        .getByTitle(title)
        .items.select("Region")
        .filter("Region eq 'Region 7'")
        .top(500)) {
        for (const row of page as { Region: string }[]) {
          assert.equal(row.Region, "Region 7");
          count++;
        }
      }
      assert.equal(count, 1200);
    });
  });
}
