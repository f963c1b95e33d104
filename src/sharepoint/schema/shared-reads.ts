// Reads several data-access functions make the same way: Actions items with the columns `actionItemSchema` reads,
// the whole SRO Posts list (small; holder and delegate expanded), and a plan's reporting periods turned into
// records, oldest first.
import type { SPFI } from "@pnp/sp";
import type { IItems } from "@pnp/sp/items/index.js";
import { listOf } from "../core/context.ts";
import { toPeriod, toSroPost, type PeriodRecord } from "./records.ts";
import {
  ACTION_EXPAND,
  ACTION_SELECT,
  periodItemSchema,
  readRows,
  SRO_POST_EXPAND,
  SRO_POST_SELECT,
  sroPostItemSchema,
} from "./rows.ts";
import { ColumnProblem, type ReadWarnings } from "../core/skipped-items.ts";
import { parseSnapshot } from "../periods/snapshot.ts";

/** Actions items with what `actionItemSchema` reads, to filter and page (on a batched root or not). */
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

/** SRO Posts rows as records; an item that does not parse is left out and reported to `warnings`. */
export function sroPostRecords(rows: unknown[], warnings: ReadWarnings): ReturnType<typeof toSroPost>[] {
  return readRows(sroPostItemSchema, rows, "sroPosts", warnings, toSroPost);
}

/** A closed period's stored figures; figures that cannot be read make the period unreadable, not the plan. */
export function readableSnapshot(json: string): ReturnType<typeof parseSnapshot> {
  try {
    return parseSnapshot(json);
  } catch {
    throw new ColumnProblem(
      "Snapshot",
      "holds figures that cannot be read (not what closing a period stores)",
    );
  }
}

/** Reporting Periods rows as records, oldest first; an item that does not parse is left out, reported. */
export function periodRecords(rows: unknown[], warnings: ReadWarnings): PeriodRecord[] {
  return readRows(periodItemSchema, rows, "reportingPeriods", warnings, (row) =>
    toPeriod(row, readableSnapshot),
  ).sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
}
