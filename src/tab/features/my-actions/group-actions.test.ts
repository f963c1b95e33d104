import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate, type IsoDate } from "../../../domain/iso-date.ts";
import type { MyAction } from "../../../sharepoint/my-actions.ts";
import type { PeriodRecord } from "../../../sharepoint/records.ts";
import { groupMyActions } from "./group-actions.ts";

const TODAY = isoDate("2024-04-10");
const period = { id: "2", planId: "1", state: "open", updateDeadline: isoDate("2024-06-05") } as PeriodRecord;

function action(ref: string, due: string | null, latestPeriod: string | null, completed = false): MyAction {
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
  } as unknown as MyAction;
}

test("actions group by what needs doing: late, update owed, due soon, the rest", () => {
  const groups = groupMyActions(
    [
      action("late", "2024-03-31", "1"),
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
      ["update-due", ["owes"]],
      ["due-soon", ["soon"]],
      ["rest", ["later", "done"]],
    ],
  );
  assert.equal(groups[1]?.items[0]?.updateDueFor?.id, "2");
});

test("with no open period nothing is owed, and empty groups are left out", () => {
  const groups = groupMyActions([action("owes", "2024-09-30", "1")], new Map(), TODAY);
  assert.deepEqual(
    groups.map((g) => g.key),
    ["rest"],
  );
});
