// The real LGA Corporate Peer Challenge plan (64 actions, progress as of 9 April 2024) on Friday 24 May 2024,
// with Q1 2024/25 updates due on Wednesday 5 June: 7 working days before it is 24 May, because Monday
// 27 May is the spring bank holiday.
import { test } from "vitest";
import assert from "node:assert/strict";
import { isoDate } from "../iso-date.ts";
import { lgaReminderWorld, runDaily } from "../testdata/reminders.ts";
import { selectDueReminders } from "./select.ts";
import type { Reminder } from "./types.ts";

const FRIDAY = isoDate("2024-05-24");
const COMPLETED = ["2.1", "2.4", "6.2", "6.3", "13.6", "13.8", "14.1", "15.1"];
const all = (digests: { reminders: Reminder[] }[]) => digests.flatMap((d) => d.reminders);

test("the LGA plan on 24 May 2024, the job having run every day since the April report", () => {
  const sent = runDaily(lgaReminderWorld(), "2024-04-10", "2024-05-24");
  const friday = sent[FRIDAY] ?? [];
  // Every open action with a known SRO is asked for its Q1 update: 64 less 8 completed, less 8.2 ("Acting
  // Director": which one?) and 13.4 (no SRO) = 54; and the PMO hears of the CEO's three January actions,
  // now 79 working days overdue (the CEO has no manager to escalate to).
  assert.equal(friday.filter((l) => l.includes(" update-due ")).length, 54);
  assert.deepEqual(
    friday.filter((l) => !l.includes(" update-due ")),
    [
      "sit.pmo escalation-overdue 5.1 2024-05-24 (79)",
      "sit.pmo escalation-overdue 9.2 2024-05-24 (79)",
      "sit.pmo escalation-overdue 10.3 2024-05-24 (79)",
    ],
  );
  assert.ok(
    friday.every((l) => l.includes(` ${FRIDAY} `)),
    "nothing is a catch-up when the job ran every day",
  );
  // Corporate Director Resources is on leave: their 21 actions go to the deputy covering the post.
  assert.equal(friday.filter((l) => l.startsWith("resources.deputy ")).length, 21);
  assert.equal(friday.filter((l) => l.startsWith("cd.resources ")).length, 0);
  // The seven open "May-24" actions (1.1, 3.2, 4.2, 6.4, 6.5, 7.4, 9.1) were flagged 14 working days
  // ahead of Friday 31 May, on Friday 10 May; the 3-day reminder is due Tuesday 28 May.
  assert.equal(sent["2024-05-10"]?.filter((l) => l.includes(" target-near ")).length, 7);
});

test("the LGA plan on 24 May 2024 as the first run ever: one digest each, catching up once", () => {
  const selection = selectDueReminders(lgaReminderWorld(), FRIDAY);
  const recipients = selection.digests.map((d) => d.recipientUpn.split("@")[0]);
  assert.deepEqual(recipients, [
    "ad.sit",
    "cd.housing",
    "cd.hsc",
    "ceo",
    "deputy.ceo",
    "head.democratic",
    "resources.deputy",
    "sit.pmo",
  ]);
  const reminders = all(selection.digests);
  assert.equal(new Set(reminders.map((r) => r.key)).size, reminders.length, "keys are unique");
  assert.deepEqual(
    reminders.filter((r) => COMPLETED.includes(r.actionRef)),
    [],
    "completed actions get nothing",
  );
  for (const ref of new Set(reminders.map((r) => r.actionRef))) {
    const target = reminders.filter((r) => r.actionRef === ref && r.kind.startsWith("target-"));
    assert.ok(target.length <= 1, `${ref}: at most one target reminder, the latest of its series`);
  }
  // Action 7.1 "Apr-24" (due Tue 30 April): weekly from Wed 1 May, so the catch-up is Wed 22 May's.
  const a71 = reminders.filter((r) => r.actionRef === "7.1").map((r) => `${r.kind} ${r.dueOn}`);
  assert.deepEqual(a71, ["target-passed 2024-05-22", "update-due 2024-05-24"]);
  // The Mar-24 actions of Corporate Director Resources are more than a month overdue: the CEO (the post
  // holder's manager, not the deputy's) hears, once, dated the day it first applied (Wed 1 May).
  const toCeo = reminders.filter((r) => r.recipientUpn.startsWith("ceo@") && r.kind === "escalation-overdue");
  assert.deepEqual(
    toCeo.map((r) => `${r.actionRef} ${r.dueOn} ${r.sroUpn ?? ""}`),
    ["2.3", "2.5", "2.6", "4.5", "6.6", "13.7"].map(
      (ref) => `${ref} 2024-05-01 resources.deputy@towerhamlets.example`,
    ),
  );
  assert.deepEqual(
    selection.unrouted.map((u) => `${u.actionRef} ${u.kind} ${u.reason}`),
    ["8.2 update-due unknown SRO post", "13.4 target-passed no SRO post", "13.4 update-due no SRO post"],
  );
  const a11 = reminders.find((r) => r.actionRef === "1.1" && r.kind === "update-due");
  assert.equal(a11?.lastUpdateOn, "2024-04-09");
  assert.equal(a11.period?.title, "Q1 2024/25");
  assert.equal(a11.workingDaysLate, -7);
});
