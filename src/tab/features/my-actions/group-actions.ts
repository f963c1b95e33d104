// My actions grouped by what needs doing, first match wins: Overdue and Delayed (named and counted as the
// dashboard counts them, with the plan's own Delayed-to-Overdue rule); an update due for the plan's open
// reporting period; due within 30 days; everything else (completed ones included).
import { addDays, type IsoDate } from "../../../domain/iso-date.ts";
import { deriveStatus, type StatusResult } from "../../../domain/status.ts";
import type { MyAction } from "../../../sharepoint/actions/index.ts";
import type { PeriodRecord } from "../../../sharepoint/schema/index.ts";
import { lateWords, updateDaysLate } from "../../lib/late-update.ts";

export type GroupKey = "overdue" | "delayed" | "update-due" | "due-soon" | "rest";

export const GROUP_TITLES: Record<GroupKey, string> = {
  overdue: "Overdue",
  delayed: "Delayed",
  "update-due": "Update due this period",
  "due-soon": "Due in the next 30 days",
  rest: "Everything else",
};

/** How far ahead "due soon" looks: the same 30 days as the plan figures' "due in 30 days". */
export const DUE_SOON_DAYS = 30;

export interface MyActionItem extends MyAction {
  status: StatusResult;
  /** The plan's open period when this action still owes an update for it. */
  updateDueFor: PeriodRecord | null;
  /** Whole days past the period's update deadline while the update is still owed; 0 when not late. */
  updateDaysLate: number;
}

export interface ActionGroup {
  key: GroupKey;
  title: string;
  items: MyActionItem[];
}

/** The open period updates are collected for, per plan id (absent or null: none open). */
export type OpenPeriods = ReadonlyMap<string, PeriodRecord | null>;

export { lateWords };

function groupOf(item: MyActionItem, today: IsoDate): GroupKey {
  const derived = item.status.derived;
  if (derived === "Completed") return "rest";
  if (derived === "Overdue") return "overdue";
  if (derived === "Delayed") return "delayed";
  if (item.updateDueFor !== null) return "update-due";
  const due = item.record.action.targetDate.due;
  if (due !== null && due >= today && due <= addDays(today, DUE_SOON_DAYS)) return "due-soon";
  return "rest";
}

/** The groups in the order they are shown, each in the order given (open first, by due date); empty ones dropped. */
export function groupMyActions(
  actions: readonly MyAction[],
  periods: OpenPeriods,
  today: IsoDate,
): ActionGroup[] {
  const groups = new Map<GroupKey, MyActionItem[]>(
    (Object.keys(GROUP_TITLES) as GroupKey[]).map((key) => [key, []]),
  );
  for (const action of actions) {
    const { record } = action;
    const status = deriveStatus(record.action, {
      today,
      reported: record.latest?.reportedStatus ?? null,
      overdueAfterMonths: action.overdueAfterMonths,
    });
    const period = periods.get(record.action.planId) ?? null;
    const owesUpdate =
      period !== null && status.derived !== "Completed" && record.latest?.periodId !== period.id;
    const late = updateDaysLate(period, record.latest?.periodId, status.derived === "Completed", today);
    const item: MyActionItem = {
      ...action,
      status,
      updateDueFor: owesUpdate ? period : null,
      updateDaysLate: late,
    };
    groups.get(groupOf(item, today))?.push(item);
  }
  return [...groups].flatMap(([key, items]) =>
    items.length === 0 ? [] : [{ key, title: GROUP_TITLES[key], items }],
  );
}
