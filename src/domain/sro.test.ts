import { test } from "vitest";
import assert from "node:assert/strict";
import type { SroPost } from "./types.ts";
import { isoDate } from "./iso-date.ts";
import { reminderRecipient } from "./sro.ts";

const post = (over: Partial<SroPost>): SroPost => ({
  id: "p1",
  title: "Corporate Director Resources",
  holderUpn: "holder@council.gov.uk",
  delegateUpn: "deputy@council.gov.uk",
  delegateFrom: isoDate("2024-08-01"),
  delegateTo: isoDate("2024-08-16"),
  ...over,
});

test("reminders go to the delegate only while the cover runs", () => {
  const cases = [
    { from: "before leave", post: post({}), today: "2024-07-31", to: "holder@council.gov.uk" },
    { from: "first day of cover", post: post({}), today: "2024-08-01", to: "deputy@council.gov.uk" },
    { from: "last day of cover", post: post({}), today: "2024-08-16", to: "deputy@council.gov.uk" },
    { from: "back from leave", post: post({}), today: "2024-08-17", to: "holder@council.gov.uk" },
    {
      from: "open-ended cover",
      post: post({ delegateTo: null }),
      today: "2025-01-01",
      to: "deputy@council.gov.uk",
    },
    {
      from: "no cover dates",
      post: post({ delegateFrom: null, delegateTo: null }),
      today: "2024-08-05",
      to: "holder@council.gov.uk",
    },
    {
      from: "vacant post",
      post: post({ holderUpn: null }),
      today: "2024-12-01",
      to: "deputy@council.gov.uk",
    },
    {
      from: "vacant, nobody covering",
      post: post({ holderUpn: null, delegateUpn: null }),
      today: "2024-08-05",
      to: null,
    },
  ];
  for (const c of cases) assert.equal(reminderRecipient(c.post, isoDate(c.today)), c.to, c.from);
});
