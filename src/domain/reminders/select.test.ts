// The reminder rules as dated tables: the job runs every day over a span (or only on some days) and each
// table says what it sends on which day. Lines read "recipient kind action [period] dueOn (working days late)".
import { test } from "vitest";
import assert from "node:assert/strict";
import { isoDate } from "../iso-date.ts";
import {
  COORDINATOR,
  DELEGATE,
  HOLDER,
  MANAGER,
  PLAN,
  action,
  lines,
  period,
  post,
  runDaily,
  update,
  world,
} from "../testdata/reminders.ts";
import { selectDueReminders } from "./select.ts";
import { parseReminderSettings } from "./settings.ts";

const due12Apr = world({ actions: [action("1.1", "2024-04-12")] });

test("target date near and passed: 14 and 3 working days before, then weekly, across Easter 2024", () => {
  assert.deepEqual(runDaily(due12Apr, "2024-03-18", "2024-06-14"), {
    // 14 working days before Fri 12 Apr skips Good Friday and Easter Monday.
    "2024-03-21": ["sam.holder target-near 1.1 2024-03-21 (-14)"],
    "2024-04-09": ["sam.holder target-near 1.1 2024-04-09 (-3)"],
    "2024-04-15": ["sam.holder target-passed 1.1 2024-04-15 (1)"],
    "2024-04-22": ["sam.holder target-passed 1.1 2024-04-22 (6)"],
    "2024-04-29": ["sam.holder target-passed 1.1 2024-04-29 (11)"],
    // Monday 6 May is the early May bank holiday: that week's reminder goes on the Tuesday.
    "2024-05-07": ["sam.holder target-passed 1.1 2024-05-07 (16)"],
    // More than a month overdue from 13 May: the manager hears, then every four weeks.
    "2024-05-13": [
      "max.manager escalation-overdue 1.1 2024-05-13 (20)",
      "sam.holder target-passed 1.1 2024-05-13 (20)",
    ],
    "2024-05-20": ["sam.holder target-passed 1.1 2024-05-20 (25)"],
    // Monday 27 May is the spring bank holiday.
    "2024-05-28": ["sam.holder target-passed 1.1 2024-05-28 (30)"],
    "2024-06-03": ["sam.holder target-passed 1.1 2024-06-03 (34)"],
    "2024-06-10": [
      "max.manager escalation-overdue 1.1 2024-06-10 (39)",
      "sam.holder target-passed 1.1 2024-06-10 (39)",
    ],
  });
});

test("update due: 7 working days before, on the deadline, every 3 working days late, escalated after 5", () => {
  const q1 = (deadline: string) =>
    world({ actions: [action("2.1", null)], periods: [period("2024-04-01", deadline)] });
  // Deadline Monday 3 June 2024, the Monday after the spring bank holiday week.
  assert.deepEqual(runDaily(q1("2024-06-03"), "2024-05-13", "2024-06-21"), {
    "2024-05-22": ["sam.holder update-due 2.1 Q1-2024-25 2024-05-22 (-7)"],
    "2024-06-03": ["sam.holder update-due 2.1 Q1-2024-25 2024-06-03 (0)"],
    "2024-06-06": ["sam.holder update-late 2.1 Q1-2024-25 2024-06-06 (3)"],
    "2024-06-11": [
      "max.manager escalation-update 2.1 Q1-2024-25 2024-06-11 (6)",
      "sam.holder update-late 2.1 Q1-2024-25 2024-06-11 (6)",
    ],
    "2024-06-14": ["sam.holder update-late 2.1 Q1-2024-25 2024-06-14 (9)"],
    "2024-06-19": ["sam.holder update-late 2.1 Q1-2024-25 2024-06-19 (12)"],
  });
  // A deadline falling on the spring bank holiday itself: "on the deadline" is the working day before it.
  assert.deepEqual(runDaily(q1("2024-05-27"), "2024-05-13", "2024-06-07"), {
    "2024-05-16": ["sam.holder update-due 2.1 Q1-2024-25 2024-05-16 (-6)"],
    "2024-05-24": ["sam.holder update-due 2.1 Q1-2024-25 2024-05-24 (0)"],
    "2024-05-30": ["sam.holder update-late 2.1 Q1-2024-25 2024-05-30 (3)"],
    "2024-06-04": [
      "max.manager escalation-update 2.1 Q1-2024-25 2024-06-04 (6)",
      "sam.holder update-late 2.1 Q1-2024-25 2024-06-04 (6)",
    ],
    "2024-06-07": ["sam.holder update-late 2.1 Q1-2024-25 2024-06-07 (9)"],
  });
});

test("an update given for the period stops the chasing; one for another period does not", () => {
  const given = (periodId: string) =>
    world({
      actions: [action("2.1", null)],
      periods: [period("2024-04-01", "2024-06-03")],
      updates: [update("A2.1", "2024-06-12", { periodId })],
    });
  const days = (periodId: string) => Object.keys(runDaily(given(periodId), "2024-05-13", "2024-06-28"));
  assert.deepEqual(days("Q1-2024-25"), ["2024-05-22", "2024-06-03", "2024-06-06", "2024-06-11"]);
  assert.deepEqual(days("Q4-2023-24"), [
    "2024-05-22",
    "2024-06-03",
    "2024-06-06",
    "2024-06-11",
    "2024-06-14",
    "2024-06-19",
    "2024-06-24",
    "2024-06-27",
  ]);
});

test("a delegate receives while covering the post, the holder before and after", () => {
  const cover = post({
    delegateUpn: DELEGATE,
    delegateFrom: isoDate("2024-04-16"),
    delegateTo: isoDate("2024-04-26"),
  });
  const input = world({ actions: [action("1.1", "2024-04-12")], sroPosts: [cover] });
  assert.deepEqual(runDaily(input, "2024-04-15", "2024-05-01"), {
    "2024-04-15": ["sam.holder target-passed 1.1 2024-04-15 (1)"],
    "2024-04-22": ["dee.legate target-passed 1.1 2024-04-22 (6)"],
    "2024-04-29": ["sam.holder target-passed 1.1 2024-04-29 (11)"],
  });
  // The holder had the 15 April reminder; cover starting the next day does not re-send it to the delegate,
  // even on a catch-up run.
  const [sentToHolder] = selectDueReminders(input, isoDate("2024-04-15")).digests;
  const sentKeys = sentToHolder?.reminders.map((r) => r.key) ?? [];
  assert.equal(sentKeys.length, 1);
  assert.deepEqual(lines(selectDueReminders({ ...input, sentKeys }, isoDate("2024-04-16"))), []);
});

test("completed actions get nothing, from the day they are complete", () => {
  const cases: { why: string; over: Parameters<typeof action>[2]; reported?: "Completed"; sends: number }[] =
    [
      { why: "open", over: {}, sends: 1 },
      { why: "completed the day before", over: { completedOn: isoDate("2024-04-14") }, sends: 0 },
      { why: "completed that morning", over: { completedOn: isoDate("2024-04-15") }, sends: 0 },
      { why: "recorded complete for tomorrow", over: { completedOn: isoDate("2024-04-16") }, sends: 1 },
      { why: "SRO reported it Completed the day before", over: {}, reported: "Completed", sends: 0 },
    ];
  for (const c of cases) {
    const updates = c.reported ? [update("A1.1", "2024-04-14", { reportedStatus: c.reported })] : [];
    const input = world({ actions: [action("1.1", "2024-04-12", c.over)], updates });
    assert.equal(lines(selectDueReminders(input, isoDate("2024-04-15"))).length, c.sends, c.why);
  }
});

test("closed plans, closed or future periods, and milestones of completed actions get nothing", () => {
  const today = isoDate("2024-06-11");
  const base = { actions: [action("2.1", null)] };
  const cases: { why: string; input: ReturnType<typeof world>; expected: string[] }[] = [
    {
      why: "open period, late update",
      input: world({ ...base, periods: [period("2024-04-01", "2024-06-03")] }),
      expected: [
        "max.manager escalation-update 2.1 Q1-2024-25 2024-06-11 (6)",
        "sam.holder update-late 2.1 Q1-2024-25 2024-06-11 (6)",
      ],
    },
    {
      why: "plan closed",
      input: world({
        ...base,
        plans: [{ ...PLAN, closedOn: isoDate("2024-06-01") }],
        periods: [period("2024-04-01", "2024-06-03")],
      }),
      expected: [],
    },
    {
      why: "period closed",
      input: world({ ...base, periods: [period("2024-04-01", "2024-06-03", { state: "closed" })] }),
      expected: [],
    },
    {
      why: "period not started",
      input: world({ ...base, periods: [period("2024-07-01", "2024-06-03")] }),
      expected: [],
    },
    {
      why: "milestone of a completed action",
      input: world({
        actions: [
          action("3.1", "2024-01-31", { completedOn: isoDate("2024-02-01") }),
          action("3.1.1", "2024-05-31", { parentId: "A3.1" }),
        ],
      }),
      expected: [],
    },
  ];
  for (const c of cases) assert.deepEqual(lines(selectDueReminders(c.input, today)), c.expected, c.why);
});

test("a missed run is caught up once, keyed by the day it was due; stale repeats are not sent", () => {
  const onlyOn =
    (...days: string[]) =>
    (day: string) =>
      days.includes(day);
  const cases: { why: string; runs: string[]; expected: Record<string, string[]> }[] = [
    {
      why: "job down 21-25 March: the 14-day reminder goes on the 26th",
      runs: ["2024-03-26", "2024-03-27"],
      expected: { "2024-03-26": ["sam.holder target-near 1.1 2024-03-21 (-11)"] },
    },
    {
      why: "14-day and 3-day days both missed: only the 3-day one goes",
      runs: ["2024-04-10"],
      expected: { "2024-04-10": ["sam.holder target-near 1.1 2024-04-09 (-2)"] },
    },
    {
      why: "down for all of April: one target-passed (the latest), not three",
      runs: ["2024-04-30", "2024-05-01"],
      expected: { "2024-04-30": ["sam.holder target-passed 1.1 2024-04-29 (12)"] },
    },
    {
      why: "a weekend run sends nothing; Monday catches up",
      runs: ["2024-04-13", "2024-04-14", "2024-04-15"],
      expected: { "2024-04-15": ["sam.holder target-passed 1.1 2024-04-15 (1)"] },
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runDaily(due12Apr, "2024-03-18", "2024-06-14", onlyOn(...c.runs)), c.expected, c.why);
  }
});

test("escalations go to the SRO's manager, else the plan's coordinator; unroutable ones are reported", () => {
  const today = isoDate("2024-05-13");
  const overdue = action("1.1", "2024-04-12");
  const recipients = (over: Parameters<typeof world>[0]) => {
    const s = selectDueReminders(world({ actions: [overdue], ...over }), today);
    const sent = s.digests.flatMap((d) => d.reminders.map((r) => `${r.kind}>${r.recipientUpn}:${r.role}`));
    return [...sent, ...s.unrouted.map((u) => `${u.kind}>unrouted:${u.reason}`)].sort();
  };
  const cases: { why: string; over: Parameters<typeof world>[0]; expected: string[] }[] = [
    {
      why: "holder with a manager",
      over: {},
      expected: [`escalation-overdue>${MANAGER}:manager`, `target-passed>${HOLDER}:sro`],
    },
    {
      why: "holder without a manager",
      over: { directory: { managers: {}, coordinators: { [PLAN.id]: COORDINATOR } } },
      expected: [`escalation-overdue>${COORDINATOR}:coordinator`, `target-passed>${HOLDER}:sro`],
    },
    {
      why: "no manager and no coordinator",
      over: { directory: { managers: {}, coordinators: {} } },
      expected: [`target-passed>${HOLDER}:sro`, "escalation-overdue>unrouted:no manager or coordinator"],
    },
    {
      why: "the manager is the delegate being chased",
      over: {
        sroPosts: [post({ delegateUpn: MANAGER, delegateFrom: isoDate("2024-05-01"), delegateTo: null })],
      },
      expected: [`escalation-overdue>${COORDINATOR}:coordinator`, `target-passed>${MANAGER}:delegate`],
    },
    {
      why: "vacant post covered by a delegate",
      over: { sroPosts: [post({ holderUpn: null, delegateUpn: DELEGATE })] },
      expected: [`escalation-overdue>${MANAGER}:manager`, `target-passed>${DELEGATE}:delegate`],
    },
    {
      why: "vacant post, nobody covering",
      over: { sroPosts: [post({ holderUpn: null })] },
      expected: [
        `escalation-overdue>${COORDINATOR}:coordinator`,
        "target-passed>unrouted:post vacant and not covered",
      ],
    },
    {
      why: "post missing from the directory of posts",
      over: { sroPosts: [] },
      expected: [`escalation-overdue>${COORDINATOR}:coordinator`, "target-passed>unrouted:unknown SRO post"],
    },
  ];
  for (const c of cases) assert.deepEqual(recipients(c.over), [...c.expected].sort(), c.why);
});

test("one digest per recipient, in a stable order with stable keys; logged keys are not sent again", () => {
  const input = world({
    actions: [action("1.10", "2024-04-12"), action("1.2", "2024-04-12"), action("2.1", null)],
    periods: [period("2024-04-01", "2024-05-03")],
  });
  const today = isoDate("2024-05-13");
  const first = selectDueReminders(input, today);
  assert.deepEqual(
    first.digests.map((d) => [d.recipientUpn, d.reminders.map((r) => `${r.actionRef} ${r.kind}`)]),
    [
      [MANAGER, ["1.2 escalation-overdue", "1.10 escalation-overdue"]],
      [
        HOLDER,
        ["1.2 target-passed", "1.2 update-late", "1.10 target-passed", "1.10 update-late", "2.1 update-late"],
      ],
    ],
  );
  assert.deepEqual(selectDueReminders(input, today), first, "the same inputs select the same reminders");
  const keys = first.digests.flatMap((d) => d.reminders.map((r) => r.key));
  assert.equal(new Set(keys).size, 7);
  // 5 working days late on 13 May (6 May was a bank holiday): the 3-day repeat fell on Thursday 9 May.
  assert.ok(keys.includes(`update-late|A2.1|Q1-2024-25|2024-05-09|${HOLDER}`));
  const rest = selectDueReminders({ ...input, sentKeys: keys.slice(0, 4) }, today);
  assert.deepEqual(
    rest.digests.flatMap((d) => d.reminders.map((r) => r.key)),
    keys.slice(4),
  );
});

test("plan settings change the days", () => {
  const settings = parseReminderSettings({ targetNearWorkingDays: [5], targetPassedRepeatDays: 0 });
  const input = world({ actions: [action("1.1", "2024-04-12")], settings: { [PLAN.id]: settings } });
  assert.deepEqual(runDaily(input, "2024-03-18", "2024-05-10"), {
    "2024-04-05": ["sam.holder target-near 1.1 2024-04-05 (-5)"],
    "2024-04-15": ["sam.holder target-passed 1.1 2024-04-15 (1)"],
  });
});
