// The data behind My actions: the person's actions across plans, and each plan's open reporting period,
// in two requests.
import type { IsoDate } from "../../../domain/iso-date.ts";
import { type DataContext, type SkippedItem, withOwnWarnings } from "../../../sharepoint/core/index.ts";
import { loadMyWork } from "../../../sharepoint/actions/index.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";
import { groupMyActions, type ActionGroup } from "./group-actions.ts";

/** My actions, grouped, with the items left out because they could not be read. */
export interface MyActionGroups {
  groups: ActionGroup[];
  skipped: SkippedItem[];
}

async function loadGroups(base: DataContext, upn: string, today: IsoDate): Promise<MyActionGroups> {
  const ctx = withOwnWarnings(base);
  const { actions, openPeriods } = await loadMyWork(ctx, upn, today);
  return { groups: groupMyActions(actions, openPeriods, today), skipped: ctx.warnings.items };
}

/** My actions, grouped, for the signed-in person. */
export function useMyActions(upn: string) {
  const ctx = useDataContext();
  const today = useToday();
  return useRemote(`my-actions:${upn}:${today}`, () => loadGroups(ctx, upn, today));
}
