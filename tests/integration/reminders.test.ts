// Reminders as the demo's people receive them: the real Graph client and PnPjs against the sandbox, the
// cards checked in each person's inbox (/sandbox/inbox.json), and the Reminder Log making every send once.
import assert from "node:assert/strict";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { loadReminderLog } from "../../src/notify/reminders/reminder-log.ts";
import { listOf } from "../../src/sharepoint/core/index.ts";
import { cardsFrom, COORDINATOR, inboxOf, openDemo, recipientsOf, SENDER } from "./reminders-support.ts";

const FRIDAY = "2024-05-24";
const AFTER_DEADLINE = "2024-06-06";

describe("reminders for the demo plan", () => {
  let demo: Awaited<ReturnType<typeof openDemo>>;
  // Who the first Friday run reached: a second run that day finds them all already reminded.
  let fridayRecipients: string[] = [];
  beforeAll(async () => {
    demo = await openDemo();
  });
  afterAll(() => demo.close());

  test("--dry-run selects but sends and records nothing", async () => {
    const summary = await demo.run(FRIDAY, null);
    assert.equal(summary.dryRun, true);
    assert.ok(summary.reminders.length > 50);
    assert.equal(summary.sent, 0);
    for (const upn of recipientsOf(summary))
      assert.deepEqual(await cardsFrom(demo.target.sandbox.url, upn), []);
    assert.deepEqual(await loadReminderLog(demo.ctx), []);
  });

  test("24 May 2024: one card per recipient in their chat with the sender; the CEO's escalations go to the coordinator", async () => {
    const summary = await demo.run(FRIDAY, await demo.channels.chat());
    const recipients = recipientsOf(summary);
    fridayRecipients = recipients;
    assert.equal(summary.sent, recipients.length);
    assert.deepEqual(summary.failed, []);
    for (const upn of recipients) {
      const cards = await cardsFrom(demo.target.sandbox.url, upn);
      assert.equal(cards.length, 1, `${upn} has one card`);
      const mine = summary.reminders.filter((r) => r.recipient === upn);
      const text = JSON.stringify(cards[0]?.card);
      for (const r of mine.slice(0, 5)) assert.ok(text.includes(r.action), `${upn}'s card names ${r.action}`);
    }
    // The CEO holds 5.1 and has no manager: the plan's coordinator (the Owner who loaded it) is told.
    const toCoordinator = summary.reminders
      .filter((r) => r.role === "coordinator" && r.recipient === COORDINATOR)
      .map((r) => r.action);
    assert.deepEqual(toCoordinator.sort(), ["10.3", "5.1", "6.7", "9.2"]);
    assert.ok(
      summary.reminders.some((r) => r.role === "manager" && r.recipient.startsWith("adaeze.okonkwo")),
    );
    // The manager's digest names the people it is about by name, never by sign-in address.
    const managerCard = JSON.stringify((await cardsFrom(demo.target.sandbox.url, CEO))[0]?.card ?? null);
    assert.ok(
      DIRECTORY.some((p) => p.upn !== CEO && managerCard.includes(p.displayName)),
      "the digest names the people it is about",
    );
    assert.doesNotMatch(managerCard, /[a-z.]+@northbridge\.gov\.uk/);
    const log = await loadReminderLog(demo.ctx);
    assert.equal(log.length, summary.reminders.length);
    assert.ok(log.every((e) => e.status === "Sent" && e.chatId !== null && e.attempts === 1));
  });

  test("a second run the same day sends nothing, and says each recipient already had today's card", async () => {
    const summary = await demo.run(FRIDAY, await demo.channels.chat());
    assert.equal(summary.sent, 0);
    assert.deepEqual(summary.reminders, []);
    assert.deepEqual(summary.alreadyReminded.map((a) => a.recipient).sort(), [...fridayRecipients].sort());
  });

  test("the day after the 5 June deadline: the deadline's reminder caught up, in the same chats", async () => {
    const summary = await demo.run(AFTER_DEADLINE, await demo.channels.chat());
    assert.ok(summary.sent > 0);
    // Nobody ran the job on the 5th: its "due today" reminder goes now, once; "late" starts 3 working days on.
    assert.ok(summary.reminders.some((r) => r.kind === "update-due" && r.dueOn === "2024-06-05"));
    assert.ok(!summary.reminders.some((r) => r.kind === "update-late"));
    const helen = await inboxOf(demo.target.sandbox.url, "helen.fairbairn@northbridge.gov.uk");
    const chats = helen.chats.filter((c) => c.with.some((w) => w.upn === SENDER));
    assert.equal(chats.length, 1, "the chat was reused");
    assert.equal(chats[0]?.messages.length, 2);
  });
});

const CEO = "adaeze.okonkwo@northbridge.gov.uk";

describe("reminders when things go wrong", () => {
  test("a run killed after half its sends is finished by the next, with nothing sent twice", async () => {
    const demo = await openDemo();
    try {
      const plan = await demo.run(FRIDAY, null);
      const half = Math.floor(recipientsOf(plan).length / 2);
      await assert.rejects(
        demo.run(FRIDAY, await demo.channels.chat(), {
          hooks: {
            afterSend: (i) => {
              if (i === half - 1) throw new Error("killed");
            },
          },
        }),
        /killed/,
      );
      const pending = (await loadReminderLog(demo.ctx)).filter((e) => e.status === "Pending");
      assert.ok(pending.length > 0, "the last send before the crash is left Pending");
      const second = await demo.run(FRIDAY, await demo.channels.chat());
      assert.equal(second.recovered, pending.length, "found in the chat, not sent again");
      assert.equal(second.sent, recipientsOf(plan).length - half);
      for (const upn of recipientsOf(plan))
        assert.equal((await cardsFrom(demo.target.sandbox.url, upn)).length, 1, upn);
      assert.ok((await loadReminderLog(demo.ctx)).every((e) => e.status === "Sent"));
    } finally {
      await demo.close();
    }
  });

  test("under a 30% fault rate, runs until clean leave every reminder sent once", async () => {
    let faulty = false;
    const demo = await openDemo({
      faultRate: 0.3,
      retryAfterSeconds: 1,
      random: () => (faulty ? Math.random() : 1),
    });
    try {
      const plan = await demo.run(FRIDAY, null);
      faulty = true;
      let runs = 0;
      for (;;) {
        runs += 1;
        const summary = await demo.run(FRIDAY, await demo.channels.chat()).catch(() => null);
        if (summary !== null && summary.failed.length === 0) break;
        assert.ok(runs < 6, "settles within a few runs");
      }
      faulty = false;
      assert.ok(demo.target.sandbox.stats.faultsInjected > 0);
      // A card whose "Sent" record was lost to a fault stays Pending (never sent twice); the next run, with
      // the faults gone, finds it in the chat, records it and sends nothing new.
      const settled = await demo.run(FRIDAY, await demo.channels.chat());
      assert.equal(settled.sent, 0);
      for (const upn of recipientsOf(plan))
        assert.equal((await cardsFrom(demo.target.sandbox.url, upn)).length, 1, upn);
      const log = await loadReminderLog(demo.ctx);
      assert.equal(log.filter((e) => e.status === "Sent").length, plan.reminders.length);
    } finally {
      await demo.close();
    }
  });

  test("chat messages with an app-only token fail as Graph refuses them, and are retried next run", async () => {
    const demo = await openDemo();
    try {
      const summary = await demo.run(FRIDAY, await demo.channels.chatAppOnly());
      assert.equal(summary.sent, 0);
      assert.ok(summary.failed.length > 0);
      assert.ok(
        summary.failed.every((f) =>
          /Graph 401 Unauthorized: Message POST is allowed in application-only context only for import/.test(
            f.reason,
          ),
        ),
      );
      assert.ok((await loadReminderLog(demo.ctx)).every((e) => e.status === "Failed"));
      const retry = await demo.run(FRIDAY, await demo.channels.chat());
      assert.equal(retry.sent, summary.failed.length);
    } finally {
      await demo.close();
    }
  });

  test("an SRO without Teams is skipped with the reason, and the run goes on", async () => {
    const demo = await openDemo();
    try {
      // Give Priya Raman's post to Chloe Bennett, who has no Teams licence.
      const { Id } = z
        .object({ Id: z.number() })
        .parse(await demo.ctx.sp.web.ensureUser("i:0#.f|membership|chloe.bennett@northbridge.gov.uk"));
      const posts = z
        .array(z.object({ Id: z.number(), Title: z.string() }))
        .parse(await listOf(demo.ctx.sp, "sroPosts").items.select("Id", "Title")());
      const post = posts.find((p) => p.Title === "Corporate Director Health and Social Care");
      assert.ok(post);
      await listOf(demo.ctx.sp, "sroPosts").items.getById(post.Id).update({ HolderId: Id });
      const summary = await demo.run(FRIDAY, await demo.channels.chat());
      assert.deepEqual(
        summary.skipped.map((s) => s.recipient),
        ["chloe.bennett@northbridge.gov.uk"],
      );
      assert.match(summary.skipped[0]?.reason ?? "", /Graph 403/);
      assert.deepEqual(summary.failed, []);
      assert.equal(summary.sent, recipientsOf(summary).length - 1);
    } finally {
      await demo.close();
    }
  });

  test("the activity channel installs the app and notifies, opening the tab", async () => {
    const demo = await openDemo();
    try {
      const summary = await demo.run(FRIDAY, demo.channels.activity());
      assert.equal(summary.sent, recipientsOf(summary).length);
      const inbox = await inboxOf(demo.target.sandbox.url, "tomasz.nowak@northbridge.gov.uk");
      assert.equal(inbox.activity.length, 1);
      assert.match(inbox.activity[0]?.previewText ?? "", /actions need your attention/);
    } finally {
      await demo.close();
    }
  });

  test("the activity channel refuses a catalog id that is not the app's, naming both ids and the fix, and notifies nobody", async () => {
    const demo = await openDemo();
    try {
      // The likeliest slip: the manifest id given as ACTIONPLAN_TEAMS_CATALOG_ID.
      const { manifestAppId, catalogAppId } = demo.links;
      const summary = await demo.run(
        FRIDAY,
        demo.channels.activity({ ...demo.links, catalogAppId: manifestAppId }),
      );
      assert.equal(summary.sent, 0);
      assert.deepEqual(summary.skipped, []);
      assert.deepEqual(new Set(summary.failed.map((f) => f.recipient)), new Set(recipientsOf(summary)));
      for (const failure of summary.failed)
        assert.equal(
          failure.reason,
          `ACTIONPLAN_TEAMS_CATALOG_ID is ${manifestAppId}, but the organisation's app catalog has the Teams app ${manifestAppId} (ACTIONPLAN_TEAMS_APP_ID) as ${catalogAppId}, so its cards and notifications would open nothing: set ACTIONPLAN_TEAMS_CATALOG_ID to ${catalogAppId}.`,
        );
      const inbox = await inboxOf(demo.target.sandbox.url, "tomasz.nowak@northbridge.gov.uk");
      assert.deepEqual(inbox.activity, []);
    } finally {
      await demo.close();
    }
  });
});
