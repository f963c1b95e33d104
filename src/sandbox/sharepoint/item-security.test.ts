// A list's item-level settings over REST: ReadSecurity (read all items / only one's own) and WriteSecurity
// (edit all / create and edit only one's own / none), as an SRO (a Member) and a coordinator (an Owner) meet them.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { errorOf, listPath, openTestSite, type TestSite, type Who } from "./test-kit.ts";

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite();
});
afterAll(async () => {
  await site.close();
});

async function listWith(title: string, settings: { ReadSecurity?: number; WriteSecurity?: number }) {
  await site.call("owner", "POST", "web/lists", { Title: title, BaseTemplate: 100 });
  const list = listPath(title);
  const merged = await site.call("owner", "MERGE", list, settings);
  assert.equal(merged.status, 204, merged.text);
  return list;
}

async function add(who: Who, list: string, title: string): Promise<number> {
  const reply = await site.call(who, "POST", `${list}/items`, { Title: title });
  assert.equal(reply.status, 201, reply.text);
  return reply.json?.Id as number;
}

async function titles(who: Who, list: string): Promise<string[]> {
  const reply = await site.call(who, "GET", `${list}/items?$select=Title&$orderby=Id`);
  assert.equal(reply.status, 200, reply.text);
  return (reply.json?.value as { Title: string }[]).map((r) => r.Title);
}

describe("the list settings", () => {
  test("an Owner sets ReadSecurity and WriteSecurity by MERGE, leaving the rest of the list as it was", async () => {
    const list = await listWith("Settings list", { WriteSecurity: 2 });
    const read = await site.call("owner", "GET", `${list}?$select=Title,ReadSecurity,WriteSecurity`);
    assert.deepEqual(read.json, { Title: "Settings list", ReadSecurity: 1, WriteSecurity: 2 });
    const member = await site.call("member", "MERGE", list, { WriteSecurity: 1 });
    assert.equal(member.status, 403, "a Member has no ManageLists");
    const bad = await site.call("owner", "MERGE", list, { WriteSecurity: 3, Title: "Renamed" });
    assert.equal(bad.status, 400);
    assert.equal(errorOf(bad).code, "-2146233086, System.ArgumentOutOfRangeException");
    const after = await site.call("owner", "GET", `${list}?$select=Title,WriteSecurity`);
    assert.deepEqual(
      after.json,
      { Title: "Settings list", WriteSecurity: 2 },
      "a refused MERGE changes nothing",
    );
  });
});

describe("WriteSecurity 2: create items and edit only one's own", () => {
  let list: string;
  let owners: number;
  let mine: number;
  beforeAll(async () => {
    list = await listWith("Progress like", { WriteSecurity: 2 });
    owners = await add("owner", list, "The coordinator's note");
    mine = await add("member", list, "My update");
  });

  test("a Member edits and recycles their own item", async () => {
    assert.equal(
      (await site.call("member", "MERGE", `${list}/items(${mine})`, { Title: "Typo fixed" })).status,
      204,
    );
    const spare = await add("member", list, "Spare");
    const recycled = await site.call("member", "POST", `${list}/items(${spare})/recycle`);
    assert.equal(recycled.status, 200);
    assert.match(String(recycled.json?.value), /^[0-9a-f-]{36}$/);
    assert.equal((await site.call("owner", "GET", `${list}/items(${spare})`)).status, 404);
  });

  test("a Member can neither edit, delete nor recycle another's item, alone or in a $batch", async () => {
    for (const [method, path] of [
      ["MERGE", `${list}/items(${owners})`],
      ["DELETE", `${list}/items(${owners})`],
      ["POST", `${list}/items(${owners})/recycle`],
    ] as const) {
      const reply = await site.call(
        "member",
        method,
        path,
        method === "MERGE" ? { Title: "Rewritten" } : undefined,
      );
      assert.equal(reply.status, 403, `${method} ${path}`);
      assert.match(errorOf(reply).message, /^Access denied\./);
    }
    const [batched] = await site.batch("member", [
      { method: "MERGE", path: `${list}/items(${owners})`, body: { Title: "Rewritten" } },
    ]);
    assert.equal(batched?.status, 403);
    assert.deepEqual(await titles("owner", list), ["The coordinator's note", "Typo fixed"]);
  });

  test("ValidateUpdateListItem is held to the same rule as MERGE", async () => {
    const form = (value: string) => ({
      formValues: [{ FieldName: "Title", FieldValue: value }],
      bNewDocumentUpdate: false,
    });
    const own = await site.call(
      "member",
      "POST",
      `${list}/items(${mine})/validateupdatelistitem`,
      form("Via the form"),
    );
    assert.equal(own.status, 200, own.text);
    assert.deepEqual(own.json?.value, [
      {
        FieldName: "Title",
        FieldValue: "Via the form",
        ErrorCode: 0,
        ErrorMessage: null,
        HasException: false,
        ItemId: mine,
      },
    ]);
    const theirs = await site.call(
      "member",
      "POST",
      `${list}/items(${owners})/validateupdatelistitem`,
      form("No"),
    );
    assert.equal(theirs.status, 403);
    const read = await site.call("owner", "GET", `${list}/items(${mine})?$select=Title`);
    assert.equal(read.json?.Title, "Via the form");
    await site.call("member", "MERGE", `${list}/items(${mine})`, { Title: "Typo fixed" });
  });

  test("everyone still reads every item; an Owner edits anyone's (Full Control overrides list behaviours)", async () => {
    assert.deepEqual(await titles("member2", list), ["The coordinator's note", "Typo fixed"]);
    assert.equal(
      (await site.call("owner", "MERGE", `${list}/items(${mine})`, { Title: "Checked" })).status,
      204,
    );
    assert.equal(
      (await site.call("member2", "MERGE", `${list}/items(${mine})`, { Title: "Theirs" })).status,
      403,
    );
    assert.equal((await site.call("visitor", "POST", `${list}/items`, { Title: "Visitor" })).status, 403);
  });
});

describe("WriteSecurity 4 and ReadSecurity 2", () => {
  test("WriteSecurity 4 refuses every write by a Member, not an Owner's", async () => {
    const list = await listWith("Read-only list", { WriteSecurity: 4 });
    const id = await add("owner", list, "Fixed");
    assert.equal((await site.call("member", "POST", `${list}/items`, { Title: "No" })).status, 403);
    assert.equal((await site.call("member", "MERGE", `${list}/items(${id})`, { Title: "No" })).status, 403);
    assert.deepEqual(await titles("member", list), ["Fixed"]);
  });

  test("ReadSecurity 2 shows a Member only what they created; another's item does not exist for them", async () => {
    const list = await listWith("Own items list", { ReadSecurity: 2 });
    const owners = await add("owner", list, "Owner's");
    await add("member", list, "Member's");
    await add("member2", list, "Other member's");
    assert.deepEqual(await titles("member", list), ["Member's"]);
    assert.deepEqual(await titles("owner", list), ["Owner's", "Member's", "Other member's"]);
    const theirs = await site.call("member", "GET", `${list}/items(${owners})`);
    assert.equal(theirs.status, 404);
    assert.equal(errorOf(theirs).message, "Item does not exist. It may have been deleted by another user.");
    assert.equal(
      (await site.call("member", "MERGE", `${list}/items(${owners})`, { Title: "x" })).status,
      404,
    );
  });
});

describe("lists and columns need ManageLists", () => {
  test("a Member cannot create a list, add or change a column, or delete a list", async () => {
    const list = await listWith("Managed list", {});
    assert.equal((await site.call("member", "POST", "web/lists", { Title: "Member's list" })).status, 403);
    assert.equal(
      (await site.call("member", "POST", `${list}/fields`, { Title: "Extra", FieldTypeKind: 2 })).status,
      403,
    );
    const title = `${list}/fields/getbyinternalnameortitle('Title')`;
    assert.equal((await site.call("member", "MERGE", title, { Indexed: true })).status, 403);
    assert.equal((await site.call("member", "DELETE", list)).status, 403);
    assert.equal((await site.call("owner", "MERGE", title, { Indexed: true })).status, 204);
  });
});
