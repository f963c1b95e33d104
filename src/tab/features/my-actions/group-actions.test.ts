import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate, type IsoDate } from "../../../domain/iso-date.ts";
import type { MyAction } from "../../../sharepoint/actions/index.ts";
import type { PeriodRecord } from "../../../sharepoint/schema/index.ts";
import { groupMyActions, lateWords } from "./group-actions.ts";

const TODAY = isoDate("2024-04-10");
const period = { id: "2", planId: "1", state: "open", updateDeadline: isoDate("2024-06-05") } as PeriodRecord;

function action(
  ref: string,
  due: string | null,
  latestPeriod: string | null,
  completed = false,
  overdueAfterMonths = 1,
): MyAction {
  const target = { text: due ?? "TBC", due: due as IsoDate | null, kind: "date" as const, flags: [] };
  return {
    record: {
      action: {
        id: ref,
        planId: "1",
        recommendationId: "1",
        ref,
        text: ref,
        sroPost: "Post",
        targetDate: target,
        completedOn: completed ? isoDate("2024-04-01") : null,
      },
      etag: '"1"',
      planTitle: "Plan",
      planReferenceDate: null,
      baseline: target,
      sroPostId: "1",
      latest:
        latestPeriod === null
          ? null
          : {
              date: isoDate("2024-04-09"),
              text: "",
              reportedStatus: "On target",
              percentComplete: null,
              periodId: latestPeriod,
            },
    },
    post: {
      id: "1",
      title: "Post",
      holderUpn: "a@b",
      holderName: "A",
      delegateUpn: null,
      delegateFrom: null,
      delegateTo: null,
    },
    as: "holder",
    covering: false,
    overdueAfterMonths,
  } as unknown as MyAction;
}

test("actions group by what needs doing: overdue, delayed, update owed, due soon, the rest", () => {
  const groups = groupMyActions(
    [
      action("late", "2024-02-29", "1"),
      action("delayed", "2024-03-31", "1"),
      action("owes", "2024-09-30", "1"),
      action("soon", "2024-04-30", "2"),
      action("later", "2024-09-30", "2"),
      action("done", "2024-03-31", "1", true),
    ],
    new Map([["1", period]]),
    TODAY,
  );
  assert.deepEqual(
    groups.map((g) => [g.key, g.items.map((i) => i.record.action.ref)]),
    [
      ["overdue", ["late"]],
      ["delayed", ["delayed"]],
      ["update-due", ["owes"]],
      ["due-soon", ["soon"]],
      ["rest", ["later", "done"]],
    ],
  );
  assert.equal(groups[2]?.items[0]?.updateDueFor?.id, "2");
  assert.deepEqual(
    groups.map((g) => g.title),
    ["Overdue", "Delayed", "Update due this period", "Due in the next 30 days", "Everything else"],
  );
});

test("with no open period nothing is owed, and empty groups are left out", () => {
  const groups = groupMyActions([action("owes", "2024-09-30", "1")], new Map(), TODAY);
  assert.deepEqual(
    groups.map((g) => g.key),
    ["rest"],
  );
});

test("the plan's own rule decides Delayed or Overdue, as on the dashboard", () => {
  // Due 31 January; on 10 April that is over two months past.
  const oneMonth = groupMyActions([action("a", "2024-01-31", "2")], new Map(), TODAY);
  const threeMonths = groupMyActions([action("a", "2024-01-31", "2", false, 3)], new Map(), TODAY);
  assert.equal(oneMonth[0]?.key, "overdue");
  assert.equal(threeMonths[0]?.key, "delayed");
  assert.equal(threeMonths.at(0)?.items.at(0)?.status.derived, "Delayed");
});

test("an update still owed after the deadline is late by whole days", () => {
  const onTheDay = groupMyActions(
    [action("owes", "2024-09-30", "1")],
    new Map([["1", period]]),
    isoDate("2024-06-05"),
  );
  const after = groupMyActions(
    [action("owes", "2024-09-30", "1")],
    new Map([["1", period]]),
    isoDate("2024-06-10"),
  );
  const given = groupMyActions(
    [action("given", "2024-09-30", "2")],
    new Map([["1", period]]),
    isoDate("2024-06-10"),
  );
  assert.equal(onTheDay[0]?.items[0]?.updateDaysLate, 0);
  assert.equal(after[0]?.items[0]?.updateDaysLate, 5);
  assert.equal(lateWords(5), "Update 5 days late");
  assert.equal(lateWords(1), "Update 1 day late");
  assert.equal(given[0]?.items[0]?.updateDaysLate, 0);
});
