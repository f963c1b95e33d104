// The site's reminder lease through PnPjs against the sandbox, as two runs meet it: only one holds it, the
// other waits or is told who does; it is renewed while its run works and given back at the end; a run whose
// lease was taken over stops before sending. And the Reminder Log's unique key as the second line: two
// deliveries that bypass the lease still send no card twice.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { IsoDate } from "../../src/domain/index.ts";
import { selectDueReminders } from "../../src/domain/reminders/index.ts";
import { createGraphClient } from "../../src/notify/graph-client.ts";
import { chatChannel } from "../../src/notify/reminders/chat-channel.ts";
import { deliverDigests } from "../../src/notify/reminders/delivery.ts";
import { readLeaseItems } from "../../src/notify/reminders/lease-item.ts";
import { loadSiteReminderData } from "../../src/notify/reminders/load.ts";
import { intervalMs, Pacer, TEAMS_LIMITS_PER_SECOND } from "../../src/notify/reminders/pacing.ts";
import { signedInUser } from "../../src/notify/reminders/people.ts";
import { loadReminderLog } from "../../src/notify/reminders/reminder-log.ts";
import {
  acquireRunLease,
  LeaseLost,
  RunInProgress,
  type LeaseOptions,
} from "../../src/notify/reminders/run-lease.ts";
import { sandboxTokenSource } from "../../src/cli/auth.ts";
import { listOf } from "../../src/sharepoint/core/index.ts";
import { listPlans } from "../../src/sharepoint/plans/index.ts";
import { openProvisioned, type Provisioned } from "./fixtures.ts";
import { COORDINATOR, inboxOf, openDemo, SENDER } from "./reminders-support.ts";

const holder = (who: string, pid: number) => ({ who, host: "test-host", pid, run: "a test run" });
const lease = (who: string, pid: number, extra: Partial<LeaseOptions> = {}): LeaseOptions => ({
  holder: holder(who, pid),
  seconds: 60,
  waitSeconds: 0,
  ...extra,
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the site's reminder lease", () => {
  let env: Provisioned;
  beforeAll(async () => {
    env = await openProvisioned();
  });
  afterAll(() => env.target.close());

  test("two runs taking it at once on a new site: one holds it, the other is told who and until when", async () => {
    const ctx = env.ctx("owner");
    const outcomes = await Promise.allSettled([
      acquireRunLease(ctx, lease("first@x.gov.uk", 101)),
      acquireRunLease(ctx, lease("second@x.gov.uk", 102)),
    ]);
    const held = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    assert.equal(held.length, 1, "exactly one run holds it");
    assert.equal(refused.length, 1);
    const busy = refused[0];
    assert.ok(busy instanceof RunInProgress, String(busy));
    assert.match(busy.message, /(first|second)@x\.gov\.uk on test-host \(process 10[12]\), a test run/);
    assert.match(busy.message, /holds the run until \d+ \w+ \d{4}, \d\d:\d\d:\d\d \(UK time\)/);
    assert.equal((await readLeaseItems(ctx)).length, 1, "one lease item for the site");

    await held[0]?.release();
    const next = await acquireRunLease(ctx, lease("third@x.gov.uk", 103));
    assert.equal((await readLeaseItems(ctx))[0]?.holder.who, "third@x.gov.uk");
    await next.release();
    assert.equal((await readLeaseItems(ctx))[0]?.expiresAt, null, "released: nobody holds it");
  });

  test("a run that works longer than its lease keeps it by renewing, and gives it back at the end", async () => {
    const ctx = env.ctx("owner");
    const mine = await acquireRunLease(ctx, lease("long@x.gov.uk", 201, { seconds: 2 }));
    const firstExpiry = mine.expiresAt;
    // Work for longer than the lease lasts: renewals (every third of it) keep it.
    while (mine.expiresAt === firstExpiry) await pause(200);
    await pause(2100);
    mine.check();
    await assert.rejects(acquireRunLease(ctx, lease("other@x.gov.uk", 202)), RunInProgress);
    await mine.release();
    const other = await acquireRunLease(ctx, lease("other@x.gov.uk", 202));
    await other.release();
  });

  test("a waiting run goes ahead once the holder lets go, having said who it waited for", async () => {
    const ctx = env.ctx("owner");
    const first = await acquireRunLease(ctx, lease("first@x.gov.uk", 301));
    const waits: string[] = [];
    const second = acquireRunLease(
      ctx,
      lease("second@x.gov.uk", 302, {
        waitSeconds: 60,
        onWait: (held) => {
          waits.push(held.holder.who);
          void first.release();
        },
      }),
    );
    const held = await second;
    assert.deepEqual([...new Set(waits)], ["first@x.gov.uk"]);
    assert.equal((await readLeaseItems(ctx))[0]?.holder.who, "second@x.gov.uk");
    await held.release();
  });

  test("a run whose lease another run took over stops before it sends again", async () => {
    const ctx = env.ctx("owner");
    const mine = await acquireRunLease(ctx, lease("stalled@x.gov.uk", 401, { seconds: 3 }));
    // As if it had stalled past its expiry and another run then took the lease.
    const item = (await readLeaseItems(ctx))[0];
    assert.ok(item);
    await listOf(ctx.sp, "reminderRuns")
      .items.getById(item.itemId)
      .update({ HeldBy: "newer@x.gov.uk", ExpiresAt: new Date(Date.now() + 60_000).toISOString() });
    let stopped: unknown = null;
    for (let tries = 0; stopped === null && tries < 100; tries += 1) {
      try {
        mine.check();
        await pause(100);
      } catch (error) {
        stopped = error;
      }
    }
    assert.ok(stopped instanceof LeaseLost, "check() stops the run once its renewal is refused");
    assert.match(stopped.message, /another run took over its lease/);
    await mine.release();
    assert.equal((await readLeaseItems(ctx))[0]?.holder.who, "newer@x.gov.uk", "the new holder keeps it");
  });
});

describe("the Reminder Log: its unique key should two deliveries overlap, and what older runs left", () => {
  let demo: Awaited<ReturnType<typeof openDemo>>;
  beforeAll(async () => {
    demo = await openDemo();
  });
  afterAll(() => demo.close());

  test("two deliveries of the same cards at once, bypassing the lease: no card is sent twice", async () => {
    const origin = demo.target.sandbox.url;
    const other = "daniel.osei@northbridge.gov.uk";
    const data = await loadSiteReminderData(demo.ctx, await listPlans(demo.ctx));
    const digests = selectDueReminders(
      { ...data, sentKeys: [], directory: { managers: {}, coordinators: {} } },
      "2024-05-24" as IsoDate,
    ).digests.filter((d) => d.recipientUpn !== SENDER && d.recipientUpn !== other);
    assert.ok(digests.length > 3);
    const channelAs = async (sender: string) => {
      const graph = createGraphClient({
        baseUrl: `${origin}/graph`,
        getToken: sandboxTokenSource(origin, sender, "https://graph.microsoft.com/.default"),
      });
      return chatChannel(graph, { baseUrl: `${origin}/graph` }, await signedInUser(graph));
    };
    const deliver = async (sender: string, cards = digests) =>
      deliverDigests(
        {
          ctx: demo.ctx,
          channel: await channelAs(sender),
          links: demo.links,
          pacer: new Pacer(intervalMs(TEAMS_LIMITS_PER_SECOND.chatMessagePerApp), 0),
        },
        cards,
        await loadReminderLog(demo.ctx),
      );
    const cardsOf = async (upn: string) =>
      (await inboxOf(origin, upn)).chats.flatMap((c) => c.messages.flatMap((m) => m.cards)).length;

    const [first, second] = await Promise.all([deliver(SENDER), deliver(other)]);
    for (const d of digests)
      assert.ok((await cardsOf(d.recipientUpn)) <= 1, `${d.recipientUpn} has at most one card`);
    const cards = (await Promise.all(digests.map((d) => cardsOf(d.recipientUpn)))).reduce((a, b) => a + b);
    assert.equal(first.sent + second.sent, cards, "each run sent only the cards it claimed");
    // What both stood back from (had they split a card's reminders) the next run sends, once.
    const sent = new Set(
      (await loadReminderLog(demo.ctx)).filter((e) => e.status === "Sent").map((e) => e.key),
    );
    const owed = digests
      .map((d) => ({ ...d, reminders: d.reminders.filter((r) => !sent.has(r.key)) }))
      .filter((d) => d.reminders.length > 0);
    await deliver(SENDER, owed);
    for (const d of digests) assert.equal(await cardsOf(d.recipientUpn), 1, `${d.recipientUpn} has one card`);
    const log = await loadReminderLog(demo.ctx);
    assert.equal(new Set(log.map((e) => e.key)).size, log.length, "one log entry per reminder");
    assert.ok(log.every((e) => e.status === "Sent"));
  });

  test("a reminder an older run recorded Skipped for being the sender's own is sent, not taken for done", async () => {
    const day = "2024-06-13";
    const planned = await demo.run(day, null);
    const theirs = planned.reminders.find((r) => r.recipient === COORDINATOR);
    assert.ok(theirs, "the coordinator is owed reminders that day");
    // What runs before the fix wrote when the coordinator ran the run themselves.
    await listOf(demo.ctx.sp, "reminderLog").items.add({
      Title: `${theirs.kind} ${theirs.action} for ${COORDINATOR}`,
      ReminderKey: theirs.key,
      DeliveryStatus: "Skipped",
      LastError: "they are the sender: Teams has no one-on-one chat with oneself",
    });
    const summary = await demo.run(day, await demo.channels.chat());
    assert.ok(
      summary.reminders.some((r) => r.key === theirs.key),
      "selected again",
    );
    const entry = (await loadReminderLog(demo.ctx)).find((e) => e.key === theirs.key);
    assert.equal(entry?.status, "Sent");
  });
});
