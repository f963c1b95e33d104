// A small plan for the plan view's tests: two recommendations, four actions (one overdue, one updated this
// period, one not started, one "TBC"), one SRO post held by Ann, and an open period due by 5 June 2024.
import { isoDate } from "../../../../domain/iso-date.ts";
import { parseTargetDate } from "../../../../domain/index.ts";
import type { Dashboard } from "../../../../sharepoint/plans/index.ts";
import type { ActionRecord, PeriodRecord } from "../../../../sharepoint/schema/index.ts";

export const today = isoDate("2024-04-10");
const period: PeriodRecord = {
  id: "9",
  planId: "1",
  title: "Q1 2024/25",
  startsOn: isoDate("2024-04-01"),
  updateDeadline: isoDate("2024-06-05"),
  reportDate: isoDate("2024-06-30"),
  state: "open",
  snapshot: null,
  etag: "1",
};

export function action(
  id: string,
  rec: string,
  sro: string,
  due: string,
  extra: Partial<ActionRecord> = {},
): ActionRecord {
  const target = parseTargetDate(due, { referenceDate: today });
  return {
    action: {
      id,
      planId: "1",
      recommendationId: rec,
      ref: `${rec}.${id}`,
      text: `Action about housing ${id}`,
      sroPost: sro,
      targetDate: target,
      completedOn: null,
    },
    etag: "1",
    planTitle: "Plan",
    planReferenceDate: today,
    baseline: target,
    sroPostId: null,
    latest: null,
    ...extra,
  };
}

export const dashboard = {
  plan: {
    id: "1",
    title: "Plan",
    referenceDate: today,
    overdueAfterMonths: 1,
    nation: "England and Wales" as const,
    archived: false,
    importUnfinished: false,
    etag: "1",
  },
  recommendations: [
    { id: "1", planId: "1", ref: "1", title: "Housing", description: "" },
    { id: "2", planId: "1", ref: "2", title: "Finance", description: "" },
  ],
  actions: [
    action("1", "1", "Director A", "31 January 2024"),
    action("2", "1", "Director B", "30 April 2024", {
      latest: { date: today, text: "ok", reportedStatus: "On target", percentComplete: 50, periodId: "9" },
    }),
    action("3", "2", "Director A", "31 December 2024"),
    action("4", "2", "Director A", "TBC"),
  ],
  sroPosts: [
    {
      id: "1",
      title: "Director A",
      holderUpn: "a@x",
      holderName: "Ann",
      delegateUpn: null,
      delegateFrom: null,
      delegateTo: null,
    },
  ],
  periods: [period],
  currentPeriod: period,
  dateChanges: [],
  pendingUpdates: 0,
} satisfies Dashboard;
