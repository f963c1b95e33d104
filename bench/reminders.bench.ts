// Reminder figures: selection for 5,000 actions, 1,000 SROs and 60,000 updates (cold and warm, memory), and
// a send of 1,000 digests through the sandbox's Graph at Teams' documented limits, against the lower bound.
import {
  isoDate,
  parseTargetDate,
  type Action,
  type ProgressUpdate,
  type Reminder,
  type ReminderDigest,
  type ReminderInput,
} from "../src/domain/index.ts";
import { selectDueReminders } from "../src/domain/reminders/index.ts";
import { createGraphClient } from "../src/notify/graph-client.ts";
import { chatChannel } from "../src/notify/reminders/chat-channel.ts";
import { deliverDigests } from "../src/notify/reminders/delivery.ts";
import {
  chatSendLowerBoundMs,
  intervalMs,
  Pacer,
  TEAMS_LIMITS_PER_SECOND,
} from "../src/notify/reminders/pacing.ts";
import { signedInUser } from "../src/notify/reminders/people.ts";
import { loadReminderLog, type LogEntry } from "../src/notify/reminders/reminder-log.ts";
import { sandboxTokenSource } from "../src/cli/auth.ts";
import { DIRECTORY } from "../src/sandbox/directory.ts";
import { inboxOf, openDemo, SENDER } from "../tests/integration/reminders-support.ts";
import { counted, seconds, type BenchOptions, type Figure } from "./figures.ts";

const TODAY = isoDate("2024-05-24");

interface Sizes {
  actions: number;
  sros: number;
  updates: number;
  /** Digests sent through Graph. */
  digests: number;
}

const FULL: Sizes = { actions: 5000, sros: 1000, updates: 60_000, digests: 1000 };
const QUICK: Sizes = { actions: 500, sros: 100, updates: 6000, digests: 40 };

function bigInput(sizes: Sizes): ReminderInput {
  const sroPosts = Array.from({ length: sizes.sros }, (_, i) => ({
    id: `p${String(i)}`,
    title: `Post ${String(i)}`,
    holderUpn: `sro${String(i)}@council.example`,
    delegateUpn: null,
    delegateFrom: null,
    delegateTo: null,
  }));
  const months = ["Mar-24", "Apr-24", "May-24", "Jun-24", "Sept-24", "Ongoing"];
  const actions: Action[] = Array.from({ length: sizes.actions }, (_, i) => ({
    id: String(i),
    planId: "plan",
    recommendationId: String(i % 50),
    ref: `${String((i % 50) + 1)}.${String(Math.floor(i / 50) + 1)}`,
    text: `Action ${String(i)}`,
    sroPost: `Post ${String(i % sizes.sros)}`,
    targetDate: parseTargetDate(months[i % months.length] ?? "TBC", { referenceDate: isoDate("2024-04-09") }),
    completedOn: null,
  }));
  const updates: ProgressUpdate[] = [];
  // The last twelfth of the updates are in the open period.
  const old = (sizes.updates * 11) / 12;
  for (let i = 0; i < sizes.updates; i++) {
    const action = i % sizes.actions;
    updates.push({
      id: String(i),
      actionId: String(action),
      periodId: i < old ? "old" : "q1",
      date: isoDate(i < old ? "2024-04-09" : "2024-05-01"),
      text: "Update",
      reportedStatus: "On target",
      percentComplete: 50,
      evidenceUrl: null,
    });
  }
  const period = (id: string, startsOn: string, deadline: string, state: "open" | "closed") => ({
    id,
    planId: "plan",
    title: id,
    startsOn: isoDate(startsOn),
    updateDeadline: isoDate(deadline),
    reportDate: isoDate(deadline),
    state,
    snapshot: null,
  });
  return {
    plans: [{ id: "plan", title: "Big plan", referenceDate: isoDate("2024-04-09"), overdueAfterMonths: 1 }],
    actions,
    updates,
    periods: [
      period("old", "2024-01-01", "2024-04-09", "closed"),
      period("q1", "2024-04-10", "2024-06-05", "open"),
    ],
    sroPosts,
    directory: {
      managers: Object.fromEntries(
        sroPosts.map((p, i) => [p.holderUpn, `manager${String(i % 100)}@council.example`]),
      ),
      coordinators: { plan: "pmo@council.example" },
    },
    sentKeys: [],
  };
}

function selectionFigures(sizes: Sizes): Figure[] {
  const input = bigInput(sizes);
  const conditions = { actions: sizes.actions, sros: sizes.sros, updates: sizes.updates };
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const selection = selectDueReminders(input, TODAY);
  const cold = performance.now() - t0;
  const heapAfter = process.memoryUsage().heapUsed;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    selectDueReminders(input, TODAY);
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  const reminders = selection.digests.reduce((n, d) => n + d.reminders.length, 0);
  return [
    {
      name: "reminder selection, cold (first call)",
      value: Math.round(cold),
      unit: "ms",
      target: { op: "<", value: 200 },
      conditions: { ...conditions, reminders },
    },
    {
      name: "reminder selection, warm (median of 5)",
      value: Math.round(warm[2] ?? 0),
      unit: "ms",
      target: { op: "<", value: 200 },
      conditions: { ...conditions, reminders },
    },
    {
      // Heap in use right after the cold call, the 60,000-update input included (a delta is unreliable:
      // the collector may run during the call).
      name: "reminder selection, heap in use (input included)",
      value: Math.round(Math.max(heapAfter, heapBefore) / 1024 ** 2),
      unit: "MB",
      conditions,
    },
  ];
}

async function sendFigures(sizes: Sizes): Promise<Figure[]> {
  const demo = await openDemo();
  try {
    const origin = demo.target.sandbox.url;
    let calls = 0;
    let throttled = 0;
    const graph = createGraphClient({
      baseUrl: `${origin}/graph`,
      // A delegated token for Graph itself: the sandbox, like Entra, issues one token per resource and
      // Graph refuses a SharePoint one ("Invalid audience").
      getToken: sandboxTokenSource(origin, SENDER, "https://graph.microsoft.com/.default"),
      observe: (status) => {
        calls += 1;
        if (status === 429) throttled += 1;
      },
    });
    const channel = chatChannel(graph, { baseUrl: `${origin}/graph` }, await signedInUser(graph), {
      perSecond: TEAMS_LIMITS_PER_SECOND.chatMessagePerApp,
      perChatPerSecond: TEAMS_LIMITS_PER_SECOND.chatMessagePerChat,
    });
    // The directory has ~40 people, not 1,000: digests go round-robin to everyone with Teams, so the
    // per-app limit (20 messages a second) binds, as it would for 1,000 distinct people.
    const people = DIRECTORY.filter((p) => p.teams !== false && p.upn.toLowerCase() !== SENDER).map((p) =>
      p.upn.toLowerCase(),
    );
    const sample = (await demo.run("2024-05-24", null)).reminders[0];
    if (sample === undefined) throw new Error("the demo selected nothing");
    const reminder = (i: number, upn: string): Reminder => ({
      key: `bench|${String(i)}|${upn}`,
      kind: "update-due",
      recipientUpn: upn,
      role: "sro",
      dueOn: TODAY,
      planId: "1",
      planTitle: sample.plan,
      actionId: "1",
      actionRef: `B.${String(i)}`,
      actionText: `Bench action ${String(i)}`,
      sroPost: null,
      sroUpn: upn,
      targetDate: null,
      period: null,
      workingDaysLate: -7,
      lastUpdateOn: null,
    });
    const digests = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => {
        const upn = people[(from + i) % people.length] ?? "";
        return { recipientUpn: upn, reminders: [reminder(from + i, upn)] };
      });
    // A fresh pacer for each run, as each reminder run starts with its own.
    const deliver = (batch: readonly ReminderDigest[], log: readonly LogEntry[]) =>
      deliverDigests(
        {
          ctx: demo.ctx,
          channel,
          links: demo.links,
          pacer: new Pacer(
            intervalMs(TEAMS_LIMITS_PER_SECOND.chatMessagePerApp),
            intervalMs(TEAMS_LIMITS_PER_SECOND.chatMessagePerChat),
          ),
        },
        batch,
        log,
      );
    // Warm-up: one digest each creates the chats (recorded in the log), as earlier daily runs would have.
    await deliver(digests(0, people.length), []);
    const log = await loadReminderLog(demo.ctx);
    calls = 0;
    throttled = 0;
    const N = sizes.digests;
    const t0 = performance.now();
    const result = await deliver(digests(people.length, N), log);
    const wall = performance.now() - t0;
    let delivered = 0;
    const ids = new Set<string>();
    for (const upn of people) {
      for (const chat of (await inboxOf(origin, upn)).chats)
        for (const m of chat.messages)
          for (const c of m.cards) {
            delivered += 1;
            ids.add(c.attachmentId);
          }
    }
    const bound = chatSendLowerBoundMs(N);
    const conditions = {
      digests: N,
      recipients: people.length,
      sent: result.sent,
      failed: result.failed.length,
    };
    return [
      {
        name: `${counted(N)} digests: wall time`,
        value: seconds(wall),
        unit: "s",
        target: { op: "<=", value: seconds(bound * 1.2) },
        conditions: { ...conditions, lowerBoundSeconds: seconds(bound) },
      },
      {
        name: `${counted(N)} digests: wall time / lower bound`,
        value: Math.round((wall / bound) * 100) / 100,
        unit: "×",
        target: { op: "<=", value: 1.2 },
        conditions,
      },
      { name: `${counted(N)} digests: Graph calls`, value: calls, unit: "calls", conditions },
      { name: `${counted(N)} digests: 429s received`, value: throttled, unit: "responses", conditions },
      {
        name: "digests delivered twice (all runs)",
        value: delivered - ids.size,
        unit: "digests",
        target: { op: "<=", value: 0 },
        conditions: { ...conditions, delivered },
      },
    ];
  } finally {
    await demo.close();
  }
}

/** Run the reminder benchmarks. */
export async function run({ quick }: BenchOptions): Promise<Figure[]> {
  const sizes = quick ? QUICK : FULL;
  return [...selectionFigures(sizes), ...(await sendFigures(sizes))];
}
