import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { parseTargetDate, toIsoDate, type IsoDate } from "../../domain/index.ts";
import { entitlementOf, overlayPending, trustedDecisions, type PendingUpdate } from "./pending-updates.ts";
import type { ActionRecord } from "../schema/records.ts";

function day(text: string): IsoDate {
  const date = toIsoDate(text);
  if (date === null) throw new Error(text);
  return date;
}

function action(id: string, postId: string, latestOn: string | null): ActionRecord {
  const target = parseTargetDate("Sept-24", { referenceDate: day("2024-04-01") });
  return {
    action: {
      id,
      planId: "1",
      recommendationId: "1",
      ref: `1.${id}`,
      text: "Review the Mayor's Office protocols",
      sroPost: "Director of Resources",
      targetDate: target,
      completedOn: null,
    },
    etag: '"1"',
    planTitle: "Improvement plan",
    planReferenceDate: day("2024-04-01"),
    baseline: target,
    sroPostId: postId,
    latest:
      latestOn === null
        ? null
        : {
            date: day(latestOn),
            text: "Before",
            reportedStatus: "On target",
            percentComplete: 20,
            periodId: null,
          },
  };
}

function pending(
  id: string,
  actionId: string,
  author: string,
  on: string,
  extra: Partial<PendingUpdate> = {},
) {
  return {
    id,
    actionId,
    authorUpn: author,
    latest: {
      date: day(on),
      text: `Update ${id}`,
      reportedStatus: "Delayed",
      percentComplete: 50,
      periodId: "2",
    },
    completedOn: null,
    ...extra,
  } satisfies PendingUpdate;
}

const who = entitlementOf(
  [
    { id: "10", holderUpn: "ana@council.gov.uk", delegateUpn: "dev@council.gov.uk" },
    { id: "11", holderUpn: "ben@council.gov.uk", delegateUpn: null },
  ],
  [{ LoginName: "i:0#.f|membership|ruth@council.gov.uk", Email: "ruth@council.gov.uk" }],
);

describe("pending updates shown on their actions", () => {
  test("the post's holder's newest update becomes the action's latest", () => {
    const [record] = overlayPending(
      [action("1", "10", "2024-05-01")],
      [
        pending("7", "1", "ana@council.gov.uk", "2024-06-01"),
        pending("8", "1", "ana@council.gov.uk", "2024-05-20"),
      ],
      who,
    );
    assert.equal(record?.latest?.text, "Update 7");
    assert.equal(record.latest.reportedStatus, "Delayed");
  });

  test("the delegate's and a coordinator's updates count; the same day goes to the later one", () => {
    const [byDelegate] = overlayPending(
      [action("1", "10", null)],
      [
        pending("7", "1", "ruth@council.gov.uk", "2024-06-01"),
        pending("9", "1", "dev@council.gov.uk", "2024-06-01"),
      ],
      who,
    );
    assert.equal(byDelegate?.latest?.text, "Update 9");
  });

  test("another SRO's update on an action that is not theirs never becomes its status", () => {
    const before = action("1", "10", "2024-05-01");
    const [record] = overlayPending([before], [pending("7", "1", "ben@council.gov.uk", "2024-06-01")], who);
    assert.equal(record, before);
    assert.equal(record.latest?.text, "Before");
  });

  test("an update older than the action's latest does not replace it", () => {
    const before = action("1", "10", "2024-05-01");
    const [record] = overlayPending([before], [pending("7", "1", "ana@council.gov.uk", "2024-04-20")], who);
    assert.equal(record?.latest?.text, "Before");
  });

  test("a closing update marks the action complete", () => {
    const [record] = overlayPending(
      [action("1", "10", "2024-05-01")],
      [pending("7", "1", "ana@council.gov.uk", "2024-06-01", { completedOn: day("2024-06-01") })],
      who,
    );
    assert.equal(record?.action.completedOn, "2024-06-01");
  });

  test("an update of another action leaves this one alone", () => {
    const before = action("2", "11", null);
    const [record] = overlayPending([before], [pending("7", "1", "ana@council.gov.uk", "2024-06-01")], who);
    assert.equal(record, before);
  });
});

describe("target-date decisions as they stand", () => {
  const target = parseTargetDate("Sept-24", { referenceDate: day("2024-04-01") });
  const change = (lastEditedBy: string | null | undefined) => ({
    id: "5",
    actionId: "1",
    planId: "1",
    from: target,
    to: target,
    reason: "Budget",
    requestedBy: "ana@council.gov.uk",
    requestedOn: day("2024-05-01"),
    status: "approved" as const,
    decidedBy: "ruth@council.gov.uk",
    decidedOn: day("2024-05-02"),
    etag: '"2"',
    lastEditedBy,
  });

  test("a decision a coordinator wrote stands", () => {
    assert.equal(trustedDecisions([change("ruth@council.gov.uk")], who)[0]?.status, "approved");
  });

  test("an SRO marking their own request approved leaves it a request in the coordinators' queue", () => {
    const [shown] = trustedDecisions([change("ana@council.gov.uk")], who);
    assert.equal(shown?.status, "requested");
    assert.equal(shown.decidedBy, undefined);
  });

  test("a withdrawal stands when the SRO who asked wrote it, not when someone else did", () => {
    const withdrawn = (by: string) => ({ ...change(by), status: "withdrawn" as const });
    assert.equal(trustedDecisions([withdrawn("ana@council.gov.uk")], who)[0]?.status, "withdrawn");
    assert.equal(trustedDecisions([withdrawn("ruth@council.gov.uk")], who)[0]?.status, "withdrawn");
    assert.equal(trustedDecisions([withdrawn("ben@council.gov.uk")], who)[0]?.status, "requested");
  });
});
