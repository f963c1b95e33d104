import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../../domain/iso-date.ts";
import { newUpdateSchema } from "../../../sharepoint/updates.ts";
import { checkUpdateForm, EMPTY_FORM, toNewUpdate } from "./update-form.ts";

const filled = { text: "Done the review.", status: "On target", percent: "40", evidenceUrl: "" } as const;

test("the form says in words what is missing or wrong", () => {
  assert.deepEqual(Object.keys(checkUpdateForm(EMPTY_FORM)).sort(), ["status", "text"]);
  assert.deepEqual(checkUpdateForm(filled), {});
  assert.match(checkUpdateForm({ ...filled, percent: "101" }).percent ?? "", /0 to 100/);
  assert.match(checkUpdateForm({ ...filled, percent: "4.5" }).percent ?? "", /whole number/);
  assert.match(checkUpdateForm({ ...filled, evidenceUrl: "javascript:alert(1)" }).evidenceUrl ?? "", /https/);
  assert.match(checkUpdateForm({ ...filled, text: "   " }).text ?? "", /Write/);
});

test("a checked form becomes an update the data access accepts", () => {
  const update = toNewUpdate(
    { ...filled, evidenceUrl: " https://example.org/a " },
    isoDate("2024-04-10"),
    "3",
  );
  assert.deepEqual(update, {
    date: "2024-04-10",
    text: "Done the review.",
    reportedStatus: "On target",
    percentComplete: 40,
    periodId: "3",
    evidenceUrl: "https://example.org/a",
  });
  assert.ok(newUpdateSchema.safeParse(update).success);
  assert.equal(toNewUpdate({ ...filled, percent: "" }, isoDate("2024-04-10"), null).percentComplete, null);
});
