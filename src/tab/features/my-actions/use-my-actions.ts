// The data behind My actions: the person's actions across plans, and each plan's open reporting period,
// in two requests. What the person last saw is kept in the browser and shown at once on a return visit
// (marked as refreshing) until these requests answer.
import type { IsoDate } from "../../../domain/iso-date.ts";
import { type DataContext, type SkippedItem, withOwnWarnings } from "../../../sharepoint/core/index.ts";
import { loadMyWork } from "../../../sharepoint/actions/index.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import type { KeptShape } from "../../lib/kept-data.ts";
import { useKept } from "../../lib/use-kept.ts";
import { useRemote } from "../../lib/use-remote.ts";
import { GROUP_TITLES, groupMyActions, type ActionGroup } from "./group-actions.ts";

/** My actions, grouped, with the items left out because they could not be read. */
export interface MyActionGroups {
  groups: ActionGroup[];
  skipped: SkippedItem[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

// Kept groups are checked down to what the list reads of each action; bump `version` when MyActionGroups,
// MyActionItem or the records in them change shape (a new build drops kept data in any case).
function isKeptItem(value: unknown): boolean {
  if (!isObject(value) || !isObject(value["record"]) || !isObject(value["status"])) return false;
  const action = value["record"]["action"];
  return (
    isObject(action) &&
    typeof action["id"] === "string" &&
    typeof action["ref"] === "string" &&
    typeof action["text"] === "string" &&
    isObject(action["targetDate"]) &&
    typeof value["status"]["derived"] === "string" &&
    isObject(value["post"])
  );
}

export const MY_ACTIONS_KEPT: KeptShape<MyActionGroups> = {
  version: 1,
  accept: (value): value is MyActionGroups =>
    isObject(value) &&
    Array.isArray(value["skipped"]) &&
    Array.isArray(value["groups"]) &&
    value["groups"].every(
      (group) =>
        isObject(group) &&
        typeof group["key"] === "string" &&
        group["key"] in GROUP_TITLES &&
        typeof group["title"] === "string" &&
        Array.isArray(group["items"]) &&
        group["items"].every(isKeptItem),
    ),
};

async function loadGroups(base: DataContext, upn: string, today: IsoDate): Promise<MyActionGroups> {
  const ctx = withOwnWarnings(base);
  const { actions, openPeriods } = await loadMyWork(ctx, upn, today);
  return { groups: groupMyActions(actions, openPeriods, today), skipped: ctx.warnings.items };
}

/** My actions, grouped, for the signed-in person. */
export function useMyActions(upn: string) {
  const ctx = useDataContext();
  const today = useToday();
  const keep = useKept(`my-actions:${upn}`, MY_ACTIONS_KEPT);
  return useRemote(`my-actions:${upn}:${today}`, () => loadGroups(ctx, upn, today), keep);
}
