// Unique columns as SharePoint holds them: a second item with a value a unique column already has is refused
// (in and out of a $batch), and a column is made unique only once indexed and free of duplicates.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { errorOf, listPath, openTestSite, type TestSite } from "./test-kit.ts";

let site: TestSite;
let list: string;
beforeAll(async () => {
  site = await openTestSite();
  await site.call("owner", "POST", "web/lists", { Title: "Reminder keys", BaseTemplate: 100 });
  list = listPath("Reminder keys");
  const created = await site.call("owner", "POST", `${list}/fields`, {
    Title: "ReminderKey",
    FieldTypeKind: 2,
  });
  assert.equal(created.status, 201, created.text);
  const made = await site.call("owner", "MERGE", `${list}/fields/getbyinternalnameortitle('ReminderKey')`, {
    Indexed: true,
    EnforceUniqueValues: true,
  });
  assert.equal(made.status, 204, made.text);
});
afterAll(async () => {
  await site.close();
});

const DUPLICATE = {
  code: "-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException",
  message:
    "The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [ReminderKey].",
};

describe("a unique column", () => {
  test("refuses a second item with the same value, compared without regard to case", async () => {
    assert.equal(
      (await site.call("member", "POST", `${list}/items`, { Title: "a", ReminderKey: "plan-1|2024-06" }))
        .status,
      201,
    );
    const again = await site.call("app", "POST", `${list}/items`, {
      Title: "b",
      ReminderKey: "PLAN-1|2024-06",
    });
    assert.equal(again.status, 500);
    assert.deepEqual(errorOf(again), DUPLICATE);
    const rows = await site.call("owner", "GET", `${list}/items?$select=ReminderKey`);
    assert.deepEqual(rows.json?.value, [{ ReminderKey: "plan-1|2024-06" }]);
  });

  test("refuses an update to another item's value, not an update that keeps its own", async () => {
    const other = await site.call("owner", "POST", `${list}/items`, {
      Title: "c",
      ReminderKey: "plan-2|2024-06",
    });
    const id = other.json?.Id as number;
    const clash = await site.call("owner", "MERGE", `${list}/items(${id})`, {
      ReminderKey: "plan-1|2024-06",
    });
    assert.equal(clash.status, 500);
    assert.deepEqual(errorOf(clash), DUPLICATE);
    assert.equal(
      (
        await site.call("owner", "MERGE", `${list}/items(${id})`, {
          Title: "c2",
          ReminderKey: "plan-2|2024-06",
        })
      ).status,
      204,
    );
  });

  test("in a $batch, the second of two runs writing the same key is refused, the first kept", async () => {
    const replies = await site.batch("app", [
      { method: "POST", path: `${list}/items`, body: { Title: "run A", ReminderKey: "plan-3|2024-06" } },
      { method: "POST", path: `${list}/items`, body: { Title: "run B", ReminderKey: "plan-3|2024-06" } },
    ]);
    assert.deepEqual(
      replies.map((r) => r.status),
      [201, 500],
    );
    assert.deepEqual(errorOf(replies[1] ?? { status: 0, json: null, text: "" }), DUPLICATE);
  });

  test("through ValidateUpdateListItem the clash is reported on the field and nothing is saved", async () => {
    const added = await site.call("owner", "POST", `${list}/items`, {
      Title: "form",
      ReminderKey: "plan-4|2024-06",
    });
    const id = added.json?.Id as number;
    const reply = await site.call("owner", "POST", `${list}/items(${id})/validateupdatelistitem`, {
      formValues: [
        { FieldName: "Title", FieldValue: "form, changed" },
        { FieldName: "ReminderKey", FieldValue: "plan-1|2024-06" },
      ],
    });
    assert.equal(reply.status, 200);
    const [title, key] = reply.json?.value as { HasException: boolean; ErrorMessage: string | null }[];
    assert.equal(title?.HasException, false);
    assert.deepEqual(key, {
      FieldName: "ReminderKey",
      FieldValue: "plan-1|2024-06",
      ErrorCode: -2130575169,
      ErrorMessage: "This value already exists in the list.",
      HasException: true,
      ItemId: id,
    });
    const read = await site.call("owner", "GET", `${list}/items(${id})?$select=Title,ReminderKey`);
    assert.deepEqual(read.json, { Title: "form", ReminderKey: "plan-4|2024-06" });
  });

  test("empty values never clash", async () => {
    for (const title of ["no key 1", "no key 2"])
      assert.equal((await site.call("owner", "POST", `${list}/items`, { Title: title })).status, 201);
  });
});

describe("making a column unique", () => {
  test("needs the column indexed first, as SharePoint says", async () => {
    await site.call("owner", "POST", `${list}/fields`, { Title: "Loose", FieldTypeKind: 2 });
    const field = `${list}/fields/getbyinternalnameortitle('Loose')`;
    const refused = await site.call("owner", "MERGE", field, { EnforceUniqueValues: true });
    assert.equal(refused.status, 500);
    assert.equal(errorOf(refused).message, "The field must first be indexed to enforce unique values.");
    const read = await site.call("owner", "GET", field);
    assert.equal(read.json?.EnforceUniqueValues, false);
    const born = await site.call("owner", "POST", `${list}/fields`, {
      Title: "BornUnique",
      FieldTypeKind: 2,
      EnforceUniqueValues: true,
    });
    assert.equal(errorOf(born).message, "The field must first be indexed to enforce unique values.");
  });

  test("is refused while two items hold the same value", async () => {
    const field = `${list}/fields/getbyinternalnameortitle('Title')`;
    assert.equal((await site.call("owner", "MERGE", field, { Indexed: true })).status, 204);
    await site.call("owner", "POST", `${list}/items`, { Title: "same" });
    await site.call("owner", "POST", `${list}/items`, { Title: "Same" });
    const refused = await site.call("owner", "MERGE", field, { EnforceUniqueValues: true });
    assert.equal(refused.status, 500);
    assert.match(errorOf(refused).message, /^This field contains duplicate values\./);
  });
});
