// The reminder run as a person reads it: words for the rules, catch-ups dated, failures with what happens next.
import assert from "node:assert/strict";
import { test } from "vitest";
import type { IsoDate } from "../../domain/index.ts";
import { OWED_TO_SENDER } from "../../notify/reminders/delivery.ts";
import type { RunSummary } from "../../notify/reminders/run.ts";
import { formatRunSummary } from "./reminders-report.ts";

const reminder = (
  recipient: string,
  action: string,
  kind: RunSummary["reminders"][number]["kind"],
  dueOn: string,
) => ({
  key: `${recipient}|${action}|${kind}`,
  recipient,
  role: kind.startsWith("escalation") ? ("manager" as const) : ("sro" as const),
  kind,
  plan: "Plan",
  action,
  dueOn,
  period: "Q1 2024/25",
});

const SUMMARY: RunSummary = {
  today: "2024-05-24" as IsoDate,
  dryRun: false,
  channel: "chat",
  sent: 1,
  skipped: [],
  owed: [],
  failed: [{ recipient: "b@x.gov.uk", reason: "Graph answered 503", reminders: 1 }],
  recovered: 2,
  alreadyReminded: [],
  reminders: [
    reminder("a@x.gov.uk", "2.10", "update-due", "2024-05-24"),
    reminder("a@x.gov.uk", "2.9", "target-passed", "2024-05-21"),
    reminder("a@x.gov.uk", "2.9", "update-due", "2024-05-24"),
    reminder("b@x.gov.uk", "4.1", "escalation-overdue", "2024-05-24"),
  ],
  unrouted: [],
};

test("one block per recipient, actions in ref order, each with its reasons in words", () => {
  const text = formatRunSummary(SUMMARY);
  assert.match(text, /^Reminders for Friday 24 May 2024, by Teams chat\./);
  assert.match(
    text,
    /a@x\.gov\.uk \(SRO\): 2 actions in one card\n {2}2\.9 {3}target date passed, due since 21 May 2024; update due \(Q1 2024\/25\)\n {2}2\.10 {2}update due \(Q1 2024\/25\)/,
  );
  assert.match(
    text,
    /b@x\.gov\.uk \(manager\): 1 action in one card\n {2}4\.1 {2}escalation: over a month overdue$/m,
  );
});

test("the end says what was sent, what an interrupted run had sent, and what failed and when it is retried", () => {
  const text = formatRunSummary(SUMMARY);
  assert.match(text, /2 cards that an interrupted run sent were found and recorded\./);
  assert.match(text, /Sent 1 card of 2 \(4 reminders\)\./);
  assert.match(text, /FAILED b@x\.gov\.uk: Graph answered 503\n1 card failed; the next run tries again\.$/);
});

test("a dry run promises nothing was sent", () => {
  const text = formatRunSummary({ ...SUMMARY, dryRun: true, sent: 0, failed: [], recovered: 0 });
  assert.match(text, /dry run, so nothing is sent and nothing recorded/);
  assert.match(text, /Would send one card each to 2 people \(4 reminders\)\. Nothing was sent\.$/);
});

test("the sender's own reminders are said to be owed to them, not sent, and who will send them", () => {
  const text = formatRunSummary({
    ...SUMMARY,
    failed: [],
    owed: [{ recipient: "b@x.gov.uk", reason: OWED_TO_SENDER, reminders: 1 }],
  });
  assert.match(
    text,
    /Owed to you \(b@x\.gov\.uk\), 1 reminder listed above: you ran this run, and Teams has no chat with yourself, so your card was not sent and is not recorded as sent: the next run by someone else \(the reminder service account, or another coordinator\) sends it\.$/,
  );
});

test("a second run the same day says everyone already had today's card", () => {
  const text = formatRunSummary({
    ...SUMMARY,
    sent: 0,
    failed: [],
    recovered: 0,
    reminders: [],
    alreadyReminded: [
      { recipient: "a@x.gov.uk", reminders: 3 },
      { recipient: "b@x.gov.uk", reminders: 1 },
    ],
  });
  assert.match(
    text,
    /No reminders are left to send: 2 people due one today already had today's card, and a card is never sent twice\./,
  );
});
