// Reads several data-access functions make the same way: Actions items with the columns `actionRow` reads,
// the whole SRO Posts list (small; holder and delegate expanded), and a plan's reporting periods turned into
// records, oldest first.
import type { SPFI } from "@pnp/sp";
import type { IItems } from "@pnp/sp/items/index.js";
import { listOf } from "./context.ts";
import { toPeriod, toSroPost, type PeriodRecord } from "./records.ts";
import {
  ACTION_EXPAND,
  ACTION_SELECT,
  parseRows,
  periodRow,
  SRO_POST_EXPAND,
  SRO_POST_SELECT,
  sroPostRow,
} from "./rows.ts";
import { parseSnapshot } from "./snapshot.ts";

/** Actions items with what `actionRow` reads, to filter and page (on a batched root or not). */
export function actionItems(sp: SPFI): IItems {
  return listOf(sp, "actions")
    .items.select(...ACTION_SELECT)
    .expand(...ACTION_EXPAND);
}

/** The query for every SRO post, `pageSize` a page (on a batched root or not). */
export function allSroPostsQuery(sp: SPFI, pageSize: number): IItems {
  return listOf(sp, "sroPosts")
    .items.select(...SRO_POST_SELECT)
    .expand(...SRO_POST_EXPAND)
    .top(pageSize);
}

/** SRO Posts rows as records. */
export function sroPostRecords(rows: unknown[]): ReturnType<typeof toSroPost>[] {
  return parseRows(sroPostRow, rows, "SRO Posts").map(toSroPost);
}

/** Reporting Periods rows as records, oldest first. */
export function periodRecords(rows: unknown[]): PeriodRecord[] {
  return parseRows(periodRow, rows, "Reporting Periods")
    .map((row) => toPeriod(row, parseSnapshot))
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
}
