import { test } from "vitest";
import assert from "node:assert/strict";
import * as AC from "adaptivecards";
import type { Reminder, ReminderDigest } from "../../domain/index.ts";
import { isoDate } from "../../domain/index.ts";
import { selectDueReminders } from "../../domain/reminders/index.ts";
import { lgaReminderWorld } from "../../domain/testdata/reminders.ts";
import type { AdaptiveCard, CardNode } from "./adaptive-card.ts";
import { CARD_BYTE_BUDGET, adaptiveCardProblems, cardByteSize } from "./adaptive-card.ts";
import type { CardLinks } from "./deep-links.ts";
import { buildDigestCard } from "./digest-card.ts";
import { buildManagerDigestCard } from "./manager-digest.ts";
import { buildSroDigestCard } from "./sro-digest.ts";

// The app's id in the organisation's catalog, which the buttons open it by, and its manifest id, which Teams
// would fail a deep link to an organisation's app with.
const links: CardLinks = {
  catalogAppId: "0f6d5c2e-1111-4a4a-9999-2b2b2b2b2b2b",
  manifestAppId: "9a1e4c7b-2d3f-4b5a-8c6d-7e8f9a0b1c2d",
  myActionsEntityId: "myActions",
  updateFormUrl: "https://actionplan.towerhamlets.example/tab/update.html",
};

function reminder(over: Partial<Reminder> = {}): Reminder {
  return {
    key: "k",
    kind: "target-passed",
    recipientUpn: "sam.holder@council.gov.uk",
    role: "sro",
    dueOn: isoDate("2024-06-17"),
    planId: "p",
    planTitle: "Best Value improvement plan",
    actionId: "A2.3",
    actionRef: "2.3",
    actionText: "Refresh the medium-term financial strategy",
    sroPost: "Corporate Director Resources",
    sroUpn: "sam.holder@council.gov.uk",
    targetDate: isoDate("2024-05-31"),
    period: null,
    workingDaysLate: 12,
    lastUpdateOn: isoDate("2024-04-09"),
    ...over,
  };
}
const digest = (reminders: Reminder[]): ReminderDigest => ({
  recipientUpn: reminders[0]?.recipientUpn ?? "",
  reminders,
});

// Every node of a card, depth first, so tests can find elements wherever the template put them.
function nodes(value: unknown): CardNode[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (typeof value !== "object" || value === null) return [];
  const node = value as Record<string, unknown>;
  const children = Object.values(node).flatMap(nodes);
  return typeof node.type === "string" ? [node as CardNode, ...children] : children;
}
const texts = (card: AdaptiveCard) =>
  nodes(card)
    .filter((n) => n.type === "TextBlock")
    .map((n) => String(n.text));
// Buttons by the start of their title: each names its action ("Open action 2.3").
const urls = (card: AdaptiveCard, title: string) =>
  nodes(card)
    .filter(
      (n) => n.type === "Action.OpenUrl" && (n.title === title || String(n.title).startsWith(`${title} `)),
    )
    .map((n) => String(n.url));

// Both our own check and the official `adaptivecards` parser must accept the card.
function assertValidCard(card: AdaptiveCard, label: string) {
  assert.deepEqual(adaptiveCardProblems(card), [], label);
  assert.equal(card.version, "1.5", label);
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  assert.deepEqual(events, [], `${label}: adaptivecards parser`);
  assert.deepEqual(
    parsed.validateProperties().validationEvents.map((e) => e.message),
    [],
    `${label}: adaptivecards validation`,
  );
}

test("the shape check refuses what Teams would refuse", () => {
  const ok = { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "hi" }] };
  assert.deepEqual(adaptiveCardProblems(ok), []);
  const cases: [unknown, RegExp][] = [
    [{ ...ok, version: "1.6" }, /version "1.6"/],
    [{ ...ok, type: "MessageCard" }, /type/],
    [{ ...ok, body: {} }, /body is not an array/],
    [{ ...ok, body: [{ type: "Carousel" }] }, /"Carousel" is not an element/],
    [{ ...ok, body: [{ type: "TextBlock" }] }, /without text/],
    [{ ...ok, actions: [{ type: "Action.OpenUrl", url: "javascript:alert(1)" }] }, /https url/],
    [{ ...ok, actions: [{ type: "Action.OpenUrl", url: "JAVASCRIPT:alert(1)" }] }, /https url/],
    [{ ...ok, actions: [{ type: "Action.OpenUrl", url: " javascript:alert(1)" }] }, /https url/],
    [{ ...ok, actions: [{ type: "Action.OpenUrl", url: "data:text/html,x" }] }, /https url/],
    [{ ...ok, actions: [{ type: "Action.OpenUrl", url: "http://evil.example/" }] }, /https url/],
    [
      {
        ...ok,
        body: [{ type: "TextBlock", text: "x", selectAction: { type: "Action.OpenUrl", url: "vbscript:x" } }],
      },
      /https url/,
    ],
    [{ ...ok, body: [{ type: "Container", items: [{ type: "FactSet", facts: [{ title: "x" }] }] }] }, /fact/],
    [{ ...ok, body: [{ type: "TextBlock", text: "${name}" }] }, /unexpanded/],
  ];
  for (const [card, problem] of cases) assert.match(adaptiveCardProblems(card).join("; "), problem);
});

test("the SRO digest shows each action: ref, short text, plan, target date, how late, last update", () => {
  const card = buildSroDigestCard(
    digest([
      reminder(),
      reminder({
        kind: "update-late",
        period: { id: "q1", title: "Q1 2024/25", updateDeadline: isoDate("2024-06-05") },
        workingDaysLate: 8,
      }),
      reminder({
        actionId: "A4.1",
        actionRef: "4.1",
        kind: "target-near",
        actionText: "Agree the workforce strategy. ".repeat(20),
        targetDate: isoDate("2024-06-20"),
        workingDaysLate: -3,
        lastUpdateOn: null,
        role: "delegate",
      }),
    ]),
    links,
  );
  assertValidCard(card, "SRO digest");
  const shown = texts(card);
  assert.ok(shown.includes("2.3 · Refresh the medium-term financial strategy"));
  assert.ok(shown.includes("12 working days overdue"));
  assert.ok(shown.includes("Update for Q1 2024/25 8 working days late (due 5 June 2024)"));
  assert.ok(shown.includes("Target date in 3 working days"));
  assert.ok(shown.includes("Covering Corporate Director Resources"));
  assert.ok(shown.some((t) => t.startsWith("2 actions of the Best Value improvement plan")));
  const long = shown.find((t) => t.startsWith("4.1 · ")) ?? "";
  assert.ok(long.endsWith("…") && long.length < 160, "long wording is cut at a word");
  const facts = nodes(card).flatMap((n) =>
    n.type === "FactSet" ? (n.facts as { title: string; value: string }[]) : [],
  );
  assert.deepEqual(
    facts.map((f) => `${f.title}: ${f.value}`),
    [
      "Target date: 31 May 2024",
      "Last update: 9 April 2024",
      "Target date: 20 June 2024",
      "Last update: None yet",
    ],
  );
});

test("each action's buttons open it in the tab and its update form in a dialog", () => {
  const card = buildSroDigestCard(
    digest([reminder(), reminder({ actionId: "A4.1", actionRef: "4.1" })]),
    links,
  );
  const opened = urls(card, "Open action").map((u) =>
    JSON.parse(new URL(u).searchParams.get("context") ?? "{}"),
  );
  assert.deepEqual(opened, [{ subEntityId: "A2.3" }, { subEntityId: "A4.1" }]);
  // A screen reader lists the buttons by name: each says which action it is for.
  assert.deepEqual(
    nodes(card)
      .filter((n) => n.type === "Action.OpenUrl")
      .map((n) => n.title),
    ["Open action 2.3", "Post update on 2.3", "Open action 4.1", "Post update on 4.1", "Open My actions"],
  );
  const forms = urls(card, "Post update").map((u) => new URL(u));
  assert.deepEqual(
    forms.map((u) => [u.pathname, u.searchParams.get("url"), u.searchParams.get("title")]),
    [
      [
        "/l/task/0f6d5c2e-1111-4a4a-9999-2b2b2b2b2b2b",
        `${links.updateFormUrl}?actionId=A2.3`,
        "Update action 2.3",
      ],
      [
        "/l/task/0f6d5c2e-1111-4a4a-9999-2b2b2b2b2b2b",
        `${links.updateFormUrl}?actionId=A4.1`,
        "Update action 4.1",
      ],
    ],
  );
  assert.deepEqual(urls(card, "Open My actions"), [
    "https://teams.microsoft.com/l/entity/0f6d5c2e-1111-4a4a-9999-2b2b2b2b2b2b/myActions",
  ]);
});

test("every button of an SRO's card and a manager's opens the app by its catalog id, never its manifest id", () => {
  const late = reminder();
  const cards = [
    buildSroDigestCard(digest([late]), links),
    buildManagerDigestCard(digest([{ ...late, kind: "escalation-overdue", role: "manager" }]), links, {
      displayName: () => "Sam Holder",
    }),
  ];
  const opened = cards.flatMap((card) =>
    nodes(card)
      .filter((n) => n.type === "Action.OpenUrl")
      .map((n) => new URL(String(n.url))),
  );
  assert.ok(opened.length >= 4, "the SRO's buttons and the manager's");
  for (const url of opened) {
    assert.equal(url.hostname, "teams.microsoft.com");
    assert.equal(url.pathname.split("/")[3], links.catalogAppId, url.href);
  }
  assert.ok(!JSON.stringify(cards).includes(links.manifestAppId), "the manifest id is in no card");
});

test("hostile SharePoint text is shown as text: no links, no markdown, never evaluated", () => {
  const hostile = reminder({
    actionRef: "{{DATE(2017-02-14T06:00:00Z, SHORT)}}",
    actionText:
      "[click](https://evil.example) **bold** <script>alert(1)</script> ${heading} ${$root.openAllUrl}",
    planTitle: "${$root.secret}",
    sroPost: "# Director\n\n- of [Finance](https://evil.example)",
    role: "delegate",
  });
  for (const card of [
    buildSroDigestCard(digest([hostile]), links),
    buildManagerDigestCard(digest([{ ...hostile, kind: "escalation-overdue", role: "manager" }]), links, {
      displayName: () => "[Boss](https://evil.example)",
    }),
  ]) {
    assertValidCard(card, "hostile");
    const all = texts(card).join("\n");
    // Had the engine evaluated the text, the card's own heading or a URL would appear in its place.
    assert.ok(!all.includes("teams.microsoft.com"), "no template expression was evaluated");
    // Nothing a renderer builds from is left whole: no link, bold, tag, renderer function or expression.
    assert.ok(!/\]\(|\*\*|<[A-Za-z/]|\{\{|\$\{|^[-#]/m.test(all), `no markdown left whole:\n${all}`);
    assert.ok(all.includes("[click]\u2060(https://evil.example)"), "the link is shown as typed");
    assert.ok(all.includes("$\u2060{$root.openAllUrl}"), "the expression is shown as typed");
  }
});

test("a javascript: address in SharePoint's data never becomes a card's Action.OpenUrl", () => {
  // What reaches a card from SharePoint: ids, refs, texts, titles. Each is written as a script address here;
  // every button must still open a Teams deep link, and the address stays text.
  const hostile = reminder({
    actionId: "javascript:alert(1)",
    actionRef: "javascript:alert(2)",
    actionText: "JAVASCRIPT:alert(3) see evidence",
    planTitle: " javascript:alert(4)",
    sroPost: "data:text/html,<script>alert(5)</script>",
  });
  for (const card of [
    buildSroDigestCard(digest([hostile]), links),
    buildManagerDigestCard(digest([{ ...hostile, kind: "escalation-overdue", role: "manager" }]), links, {
      displayName: () => "javascript:alert(6)",
    }),
  ]) {
    assertValidCard(card, "script addresses");
    const opened = nodes(card)
      .filter((n) => n.type === "Action.OpenUrl")
      .map((n) => String(n.url));
    assert.ok(opened.length > 0);
    for (const url of opened) assert.match(url, /^https:\/\/teams\.microsoft\.com\/l\//, url);
    assert.ok(
      texts(card).some((t) => t.includes("javascript:alert")),
      "the addresses are shown as text",
    );
  }
  // A card that did carry one (a template slip) is refused before it is sent.
  const slipped = {
    type: "AdaptiveCard",
    version: "1.5",
    body: [{ type: "TextBlock", text: "Evidence" }],
    actions: [{ type: "Action.OpenUrl", title: "Evidence", url: "javascript:alert(1)" }],
  };
  assert.match(adaptiveCardProblems(slipped).join("; "), /Action\.OpenUrl needs an https url/);
});

test("500 actions stay under Teams' message limit, the rest summarised", () => {
  const many = Array.from({ length: 500 }, (_, i) =>
    reminder({ actionId: `A${String(i)}`, actionRef: `${String(1 + (i % 40))}.${String(i)}` }),
  );
  const card = buildSroDigestCard(digest(many), links);
  assertValidCard(card, "500 actions");
  assert.ok(cardByteSize(card) <= CARD_BYTE_BUDGET, `${String(cardByteSize(card))} bytes`);
  assert.equal(urls(card, "Post update").length, 15);
  assert.ok(texts(card).includes("and 485 more actions — open My actions to see them all"));
  // Long, multi-byte wording and no cap on the count: the size budget alone decides, and as many as fit do.
  const wordy = many.map((r) => ({
    ...r,
    actionText: "Délivrer la stratégie 😀 ".repeat(30),
    planTitle: `Plan ${r.actionId}`,
  }));
  const fitted = buildSroDigestCard(digest(wordy), links, { maxItems: 500 });
  const shown = urls(fitted, "Post update").length;
  assert.ok(cardByteSize(fitted) <= CARD_BYTE_BUDGET && shown > 5 && shown < 500, `${String(shown)} shown`);
  const oneMore = buildSroDigestCard(digest(wordy), links, {
    maxItems: shown + 1,
    maxBytes: cardByteSize(fitted),
  });
  assert.equal(urls(oneMore, "Post update").length, shown, "no room for one more");
  const managers = buildManagerDigestCard(
    digest(many.map((r, i) => ({ ...r, kind: "escalation-overdue", sroUpn: `sro${String(i % 7)}@x` }))),
    links,
  );
  assert.ok(cardByteSize(managers) <= CARD_BYTE_BUDGET);
  assert.ok(texts(managers).includes("and 485 more late actions — open the action plan to see them all"));
});

test("the manager's digest groups late items by person, each opening the action", () => {
  const late = (ref: string, sroUpn: string, sroPost: string, over: Partial<Reminder> = {}) =>
    reminder({
      kind: "escalation-overdue",
      role: "manager",
      actionId: `A${ref}`,
      actionRef: ref,
      sroUpn,
      sroPost,
      ...over,
    });
  const card = buildManagerDigestCard(
    digest([
      late("2.3", "sam@x", "Corporate Director Resources"),
      late("2.5", "sam@x", "Corporate Director Resources", {
        kind: "escalation-update",
        period: { id: "q1", title: "Q1 2024/25", updateDeadline: isoDate("2024-06-05") },
        workingDaysLate: 6,
      }),
      late("7.1", "ali@x", "Acting Director SIT"),
    ]),
    links,
    { displayName: (upn) => ({ "sam@x": "Sam Holder" })[upn] },
  );
  assertValidCard(card, "manager digest");
  const people = nodes(card).filter((n) => n.type === "Container" && n.separator === true);
  assert.deepEqual(
    people.map((p) => texts({ ...card, body: [p] }).slice(0, 2)),
    [
      ["Sam Holder", "Corporate Director Resources"],
      // A holder whose name the site does not have is named by the post, never by sign-in address.
      ["Acting Director SIT", "7.1 · Refresh the medium-term financial strategy"],
    ],
  );
  assert.ok(!texts(card).some((t) => t.includes("ali@x")), "no UPN in the card");
  assert.ok(texts(card).includes("Update for Q1 2024/25 6 working days late (due 5 June 2024)"));
  assert.equal(texts(card)[0], "Late actions in your team");
  const opened = nodes(card)
    .filter((n) => n.type === "Container" && n.selectAction !== undefined)
    .map((n) => (n.selectAction as { url: string }).url);
  assert.deepEqual(
    opened.map((u) => JSON.parse(new URL(u).searchParams.get("context") ?? "{}")),
    [{ subEntityId: "A2.3" }, { subEntityId: "A2.5" }, { subEntityId: "A7.1" }],
  );
  assert.deepEqual(
    nodes(card)
      .filter((n) => n.type === "Container" && n.selectAction !== undefined)
      .map((n) => (n.selectAction as { title: string }).title),
    ["Open action 2.3", "Open action 2.5", "Open action 7.1"],
  );
  // "Open the action plan" opens the plan view at the escalated actions, not an empty My actions.
  const openAll = nodes(card).find((n) => n.type === "Action.OpenUrl" && n.title === "Open the action plan");
  assert.deepEqual(JSON.parse(new URL(String(openAll?.url)).searchParams.get("context") ?? "{}"), {
    subEntityId: "plan:p:A2.3,A2.5,A7.1",
  });
  const toCoordinator = buildManagerDigestCard(
    digest([late("7.1", "ali@x", "CEO", { role: "coordinator" })]),
    links,
  );
  assert.equal(texts(toCoordinator)[0], "Late actions with no manager to escalate to");
});

test("every digest of the real plan on 24 May 2024 makes one valid card within the budget", () => {
  const selection = selectDueReminders(lgaReminderWorld(), isoDate("2024-05-24"));
  for (const d of selection.digests) {
    const card = buildDigestCard(d, links);
    assertValidCard(card, d.recipientUpn);
    assert.ok(cardByteSize(card) <= CARD_BYTE_BUDGET, d.recipientUpn);
  }
  // The CEO is an SRO and a manager: one card with both parts.
  const ceo = selection.digests.find((d) => d.recipientUpn.startsWith("ceo@"));
  assert.ok(ceo);
  const card = buildDigestCard(ceo, links);
  assert.ok(texts(card).includes("Late actions in your team"));
  assert.equal(urls(card, "Post update").length, 14, "the CEO's own 14 actions, each with its update button");
  assert.ok(texts(card).some((t) => t.startsWith("2.3 · The Council shall revisit")));
});
