// The data behind My actions: the person's actions across plans, and each plan's open reporting period.
// 2 requests for the actions, plus one per plan for its periods (a person's actions span one or two plans).
import type { IsoDate } from "../../../domain/iso-date.ts";
import type { DataContext } from "../../../sharepoint/context.ts";
import { loadMyActions } from "../../../sharepoint/my-actions.ts";
import { loadPeriods } from "../../../sharepoint/periods.ts";
import type { PeriodRecord } from "../../../sharepoint/records.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";
import { groupMyActions, type ActionGroup } from "./group-actions.ts";

async function loadGroups(ctx: DataContext, upn: string, today: IsoDate): Promise<ActionGroup[]> {
  const actions = await loadMyActions(ctx, upn, today);
  const planIds = [...new Set(actions.map((a) => a.record.action.planId).filter((id) => id !== ""))];
  const periods = await Promise.all(
    planIds.map(async (planId): Promise<[string, PeriodRecord | null]> => {
      const open = (await loadPeriods(ctx, planId)).filter((p) => p.state === "open");
      // The latest-starting open period, as the dashboard counts it.
      return [planId, open.at(-1) ?? null];
    }),
  );
  return groupMyActions(actions, new Map(periods), today);
}

/** My actions, grouped, for the signed-in person. */
export function useMyActions(upn: string) {
  const ctx = useDataContext();
  const today = useToday();
  return useRemote(`my-actions:${upn}:${today}`, () => loadGroups(ctx, upn, today));
}
