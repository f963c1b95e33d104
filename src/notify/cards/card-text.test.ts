// What an SRO typed reads in the card as they typed it. Teams' renderer shows a TextBlock's markdown subset
// (bold, italic, lists, links) and has no backslash escapes, so a card must hold the text itself, with only
// the zero-width word joiners that stop a link or bold being built from it.
import { test } from "vitest";
import assert from "node:assert/strict";
import type { Reminder, ReminderDigest } from "../../domain/index.ts";
import { isoDate } from "../../domain/index.ts";
import type { CardNode } from "./adaptive-card.ts";
import { WORD_JOINER } from "./escape.ts";
import { buildManagerDigestCard } from "./manager-digest.ts";
import { buildSroDigestCard } from "./sro-digest.ts";

const links = {
  catalogAppId: "0f6d5c2e-1111-4a4a-9999-2b2b2b2b2b2b",
  manifestAppId: "9a1e4c7b-2d3f-4b5a-8c6d-7e8f9a0b1c2d",
  myActionsEntityId: "myActions",
  updateFormUrl: "https://actionplan.example/tab/update.html",
};

const WROTE =
  "Agree the performance management framework (PMF) [draft] with CMT, then roll out phase_1 (50% & more)";

function reminder(over: Partial<Reminder>): Reminder {
  return {
    key: "k",
    kind: "target-passed",
    recipientUpn: "sam.holder@council.gov.uk",
    role: "sro",
    dueOn: isoDate("2024-06-17"),
    planId: "p",
    planTitle: "Best Value improvement plan [2024] (v2)",
    actionId: "A2.3",
    actionRef: "2.3",
    actionText: WROTE,
    sroPost: "Director (Resources)",
    sroUpn: "sam.holder@council.gov.uk",
    targetDate: isoDate("2024-05-31"),
    period: null,
    workingDaysLate: 12,
    lastUpdateOn: null,
    ...over,
  };
}

function textBlocks(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(textBlocks);
  if (typeof value !== "object" || value === null) return [];
  const node = value as CardNode;
  const own = node.type === "TextBlock" || (node.title !== undefined && node.value !== undefined);
  const here = own ? [String(node.type === "TextBlock" ? node.text : node.value)] : [];
  return [...here, ...Object.values(node).flatMap(textBlocks)];
}

test("an SRO's '(PMF) [draft] phase_1' reads as written in the card", () => {
  const digest = (r: Reminder): ReminderDigest => ({ recipientUpn: r.recipientUpn, reminders: [r] });
  for (const card of [
    buildSroDigestCard(digest(reminder({})), links),
    buildManagerDigestCard(digest(reminder({ kind: "escalation-overdue", role: "manager" })), links),
  ]) {
    const shown = textBlocks(card);
    assert.ok(shown.includes(`2.3 · ${WROTE}`), `the action's text, as written:\n${shown.join("\n")}`);
    assert.ok(
      shown.some((t) => t.includes("Best Value improvement plan [2024] (v2)")),
      "the plan's title, as written",
    );
    for (const text of shown) {
      assert.ok(!text.includes("\\"), `no backslash is shown: ${text}`);
      assert.ok(!text.includes(WORD_JOINER), `no joiner where nothing needed one: ${text}`);
    }
  }
});
