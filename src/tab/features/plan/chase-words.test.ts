// "Chase now" says why it sent nothing: a second press the same day finds everyone already reminded.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { chaseCounts, nothingSentReason } from "./chase-words.ts";

const NONE = { sent: 0, skipped: [], failed: [], owed: [], alreadyReminded: [] };
const had = (recipient: string) => ({ recipient, reminders: 2 });
const skip = (recipient: string) => ({ recipient, reason: "no Teams chat could be opened", reminders: 1 });

describe("Chase now's summary", () => {
  test("the first chase of the day gives the counts and no excuse", () => {
    const summary = { ...NONE, sent: 3 };
    assert.equal(chaseCounts(summary), "Reminders sent: 3. Skipped: 0. Failed: 0.");
    assert.equal(nothingSentReason(summary), null);
  });

  test("a second chase says everyone has had today's card, and counts them as skipped", () => {
    const summary = { ...NONE, alreadyReminded: [had("a@x.gov.uk"), had("b@x.gov.uk"), had("c@x.gov.uk")] };
    assert.equal(
      chaseCounts(summary),
      "Reminders sent: 0. Skipped: 3 (all already reminded today). Failed: 0.",
    );
    assert.equal(
      nothingSentReason(summary),
      "Nobody was sent another card: all 3 people owed a reminder today have already had today's card, so they were skipped. Each person gets one card a day; the next reminders go out when they are next due.",
    );
  });

  test("one person already reminded is said in the singular", () => {
    const summary = { ...NONE, alreadyReminded: [had("a@x.gov.uk")] };
    assert.match(
      nothingSentReason(summary) ?? "",
      /^Nobody was sent another card: the 1 person owed a reminder today has already had today's card/,
    );
  });

  test("some already reminded and some skipped for their own reasons", () => {
    const summary = {
      ...NONE,
      skipped: [skip("d@x.gov.uk")],
      alreadyReminded: [had("a@x.gov.uk"), had("b@x.gov.uk")],
    };
    assert.equal(
      chaseCounts(summary),
      "Reminders sent: 0. Skipped: 3 (2 already reminded today). Failed: 0.",
    );
    assert.equal(
      nothingSentReason(summary),
      "Nobody was sent another card: 2 people had already had today's card, and the others were skipped for the reasons below.",
    );
  });

  test("nobody owed anything today is said so", () => {
    assert.equal(
      nothingSentReason(NONE),
      "Nobody is owed a reminder today: every SRO is up to date, or their next reminder is not due yet.",
    );
  });

  test("the coordinator's own reminders do not hide why the others were not sent", () => {
    const summary = { ...NONE, owed: [skip("me@x.gov.uk")], alreadyReminded: [had("a@x.gov.uk")] };
    assert.match(nothingSentReason(summary) ?? "", /has already had today's card/);
    assert.equal(nothingSentReason({ ...NONE, owed: [skip("me@x.gov.uk")] }), null);
  });

  test("a failure is explained by its own list, not by an excuse", () => {
    const summary = { ...NONE, failed: [skip("e@x.gov.uk")], alreadyReminded: [had("a@x.gov.uk")] };
    assert.equal(nothingSentReason(summary), null);
  });
});
