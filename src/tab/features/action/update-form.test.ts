import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../../domain/iso-date.ts";
import { newUpdateSchema } from "../../../sharepoint/updates/index.ts";
import { checkUpdateForm, EMPTY_FORM, startingForm, toNewUpdate } from "./update-form.ts";

const filled = { text: "Done the review.", status: "On target", percent: "40", evidenceUrl: "" } as const;

test("the form says in words what is missing or wrong", () => {
  assert.deepEqual(Object.keys(checkUpdateForm(EMPTY_FORM)).sort(), ["status", "text"]);
  assert.deepEqual(checkUpdateForm(filled), {});
  assert.match(checkUpdateForm({ ...filled, percent: "101" }).percent ?? "", /0 to 100/);
  assert.match(checkUpdateForm({ ...filled, percent: "4.5" }).percent ?? "", /whole number/);
  assert.match(checkUpdateForm({ ...filled, evidenceUrl: "javascript:alert(1)" }).evidenceUrl ?? "", /https/);
  assert.match(checkUpdateForm({ ...filled, text: "   " }).text ?? "", /Write/);
});

test("an evidence link must be https (http only to the local sandbox), as the data layer requires", () => {
  const link = (evidenceUrl: string) => checkUpdateForm({ ...filled, evidenceUrl }).evidenceUrl;
  for (const bad of [
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "data:text/html,x",
    "http://example.org/x",
  ])
    assert.match(link(bad) ?? "", /https:\/\//, bad);
  assert.equal(link("https://northbridge.sharepoint.com/x.docx"), undefined);
  assert.equal(link("http://localhost:4300/x"), undefined);
});

test("an update over 60,000 characters is refused in the form with its length, and by the data layer", () => {
  const long = "a".repeat(60_001);
  assert.equal(
    checkUpdateForm({ ...filled, text: long }).text,
    "Your update is 60,001 characters long; the most it can hold is 60,000. Shorten it, or put the detail in a document and link to it.",
  );
  assert.equal(checkUpdateForm({ ...filled, text: "a".repeat(60_000) }).text, undefined);
  const refused = newUpdateSchema.safeParse(
    toNewUpdate({ ...filled, text: long }, isoDate("2024-04-10"), null),
  );
  assert.match(refused.error?.issues[0]?.message ?? "", /^The update is 60,001 characters long/);
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

test("the form starts from the status the plan shows, not only the last one reported", () => {
  const record = (due: string | null, reportedStatus: "On target" | null) => ({
    action: { completedOn: null, targetDate: { due: due === null ? null : isoDate(due), text: "" } },
    latest: reportedStatus === null ? null : { reportedStatus, percentComplete: 40 },
  });
  const today = isoDate("2024-04-10");
  const start = (r: ReturnType<typeof record>, months?: number) =>
    startingForm(r as unknown as Parameters<typeof startingForm>[0], today, months);
  assert.equal(start(record("2024-03-31", "On target")).status, "Delayed");
  assert.equal(start(record("2024-03-31", "On target")).percent, "40");
  assert.equal(start(record("2024-02-29", "On target")).status, "Overdue");
  assert.equal(start(record("2024-02-29", "On target"), 2).status, "Delayed", "the plan's own rule");
  assert.equal(start(record("2024-06-30", "On target")).status, "On target");
  assert.equal(start(record(null, null)).status, "Not started");
});
