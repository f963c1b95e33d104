// The Azure Function's daily run against the sandbox, with the tokens a tenant gives it: the app's own for
// SharePoint and Graph, and the reminder service account's delegated one for chat. A working day sends each
// reminder once however often the timer fires; a bank holiday sends nothing; an expired sender tells the
// coordinator in the activity feed and fails the invocation in words.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { IsoDate } from "../../src/domain/index.ts";
import {
  runDailyReminders,
  SENDER_EXPIRED_ACTIVITY,
  type DailyJob,
} from "../../src/functions/daily-reminders.ts";
import { SenderSignInExpired } from "../../src/functions/tokens.ts";
import {
  cardsFrom,
  COORDINATOR,
  demoDailyJob,
  inboxOf,
  openDemo,
  recipientsOf,
} from "./reminders-support.ts";

/** Friday 24 May 2024: reminders are due. Monday 27 May 2024: the Spring bank holiday in England. */
const WORKING_DAY = "2024-05-24" as IsoDate;
const BANK_HOLIDAY = "2024-05-27" as IsoDate;

describe("the daily reminder job (Azure Functions handler)", () => {
  let demo: Awaited<ReturnType<typeof openDemo>>;
  let job: (today: IsoDate, overrides?: Partial<DailyJob>) => DailyJob;
  const logged: string[] = [];
  beforeAll(async () => {
    demo = await openDemo();
    job = (today, overrides = {}) => demoDailyJob(demo, today, { log: (m) => logged.push(m), ...overrides });
  });
  afterAll(() => demo.close());

  test("on a bank holiday it sends nothing", async () => {
    const summary = await runDailyReminders(job(BANK_HOLIDAY));
    assert.equal(summary.reminders.length, 0);
    assert.equal(summary.sent, 0);
    assert.deepEqual((await inboxOf(demo.target.sandbox.url, COORDINATOR)).chats, []);
    assert.match(logged.at(-1) ?? "", /^2024-05-27: 0 reminder\(s\) due, 0 card\(s\) sent/);
  });

  test("on a working day each person gets one card, and a second firing that day sends none", async () => {
    const first = await runDailyReminders(job(WORKING_DAY));
    const recipients = recipientsOf(first);
    assert.ok(recipients.length > 5, "the demo has reminders due on 24 May 2024");
    assert.equal(first.sent, recipients.length);
    const again = await runDailyReminders(job(WORKING_DAY));
    assert.equal(again.sent, 0);
    for (const upn of recipients)
      assert.equal((await cardsFrom(demo.target.sandbox.url, upn)).length, 1, `${upn} has one card`);
  });

  test("with the activity channel, the app notifies each person in their activity feed, once", async () => {
    const day = "2024-05-28" as IsoDate;
    const summary = await runDailyReminders(
      job(day, { channel: "activity", tokens: { ...job(day).tokens, graphSender: null } }),
    );
    const recipients = recipientsOf(summary);
    assert.ok(recipients.length > 0);
    assert.equal(summary.sent, recipients.length);
    for (const upn of recipients) {
      const feed = (await inboxOf(demo.target.sandbox.url, upn)).activity;
      assert.equal(feed.filter((a) => a.activityType === "remindersDue").length, 1, upn);
    }
    assert.equal((await runDailyReminders(job(day, { channel: "activity" }))).sent, 0);
  });

  test("with the sender's sign-in expired, the coordinator is told and the run fails in words", async () => {
    const expired = () => Promise.reject(new SenderSignInExpired("reminders@northbridge.gov.uk", "test"));
    const run = runDailyReminders(
      job("2024-06-06" as IsoDate, { tokens: { ...job(WORKING_DAY).tokens, graphSender: expired } }),
    );
    await assert.rejects(run, /reminders@northbridge\.gov\.uk must sign in again/);
    const feed = (await inboxOf(demo.target.sandbox.url, COORDINATOR)).activity;
    const alert = feed.find((a) => a.activityType === SENDER_EXPIRED_ACTIVITY);
    assert.ok(alert, "the coordinator's activity feed has the alert");
    assert.match(
      alert.previewText,
      /No reminders were sent today: reminders@northbridge\.gov\.uk must sign in again/,
    );
  });
});
