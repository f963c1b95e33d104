// The data behind My actions: the person's actions across plans, and each plan's open reporting period,
// in two requests.
import type { IsoDate } from "../../../domain/iso-date.ts";
import type { DataContext } from "../../../sharepoint/context.ts";
import { loadMyWork } from "../../../sharepoint/my-actions.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";
import { groupMyActions, type ActionGroup } from "./group-actions.ts";

async function loadGroups(ctx: DataContext, upn: string, today: IsoDate): Promise<ActionGroup[]> {
  const { actions, openPeriods } = await loadMyWork(ctx, upn, today);
  return groupMyActions(actions, openPeriods, today);
}

/** My actions, grouped, for the signed-in person. */
export function useMyActions(upn: string) {
  const ctx = useDataContext();
  const today = useToday();
  return useRemote(`my-actions:${upn}:${today}`, () => loadGroups(ctx, upn, today));
}
