// The plan as a table, as plain data: each column's words, how it sorts and what it writes to Excel; the
// rows sorted and grouped (by SRO post or by recommendation) as the table shows them, and so as they export.
import type { IsoDate } from "../../../../domain/iso-date.ts";
import type { Recommendation } from "../../../../domain/types.ts";
import type { ReportColumn } from "../../../../report/columns.ts";
import { compareRefs } from "../../../../domain/index.ts";
import { targetWithMoveText } from "../../../components/target-date.ts";
import { byPlanOrder } from "../plan-order.ts";
import {
  orderedColumns,
  TABLE_COLUMN_LABELS,
  type Grouping,
  type TableColumnId,
  type TableSort,
} from "../plan-layout.ts";
import { updateWords, type PlanItem } from "../plan-view.ts";

type SortKind = "ref" | "text" | "plain";
type SortKey = string | number | null;

/**
 * One column of the table: how it sorts (empty cells last either way) and what Excel is given (the target
 * date gives two: the day, which Excel sorts and filters, and the plan's words, which say "Ongoing").
 */
export interface TableColumn {
  id: TableColumnId;
  label: string;
  sortKind: SortKind;
  sortKey: (item: PlanItem) => SortKey;
  cells: ReportColumn<PlanItem>[];
}

const collator = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true });

/** Most urgent first when sorted ascending: overdue, delayed, on target, not started, completed, withdrawn. */
const STATUS_ORDER = ["Overdue", "Delayed", "On target", "Not started", "Completed", "Withdrawn"];

export const statusText = (item: PlanItem): string => (item.withdrawn ? "Withdrawn" : item.status);

/** "3: Performance Management", as the table and its export show an action's recommendation. */
export const recommendationText = (r: Recommendation | undefined): string | null =>
  r === undefined ? null : `${r.ref}: ${r.title}`;

/** The target date as the table shows it: "31 May 2024 (was 31 Mar 2024)", or the plan's words. */
export const targetText = (item: PlanItem): string =>
  targetWithMoveText(item.record.action.targetDate, item.record.baseline);

/** Each item's recommendation (an action names it by id), looked up once per plan. */
export function recommendationLookup(
  recommendations: readonly Recommendation[],
): (item: PlanItem) => Recommendation | undefined {
  const byId = new Map(recommendations.map((r) => [r.id, r]));
  return (item) => byId.get(item.record.action.recommendationId);
}

/** The columns, given the plan's recommendations (an action names its recommendation by id). */
export function tableColumns(recommendations: readonly Recommendation[]): Record<TableColumnId, TableColumn> {
  const recommendationOf = recommendationLookup(recommendations);
  const text = (
    id: TableColumnId,
    width: number,
    value: (item: PlanItem) => string | null,
    sortKind: SortKind = "text",
    sortKey: (item: PlanItem) => SortKey = value,
  ): TableColumn => ({
    id,
    label: TABLE_COLUMN_LABELS[id],
    sortKind,
    sortKey,
    cells: [{ header: TABLE_COLUMN_LABELS[id], width, kind: "text", value }],
  });
  const date = (id: TableColumnId, value: (item: PlanItem) => IsoDate | null): TableColumn => ({
    id,
    label: TABLE_COLUMN_LABELS[id],
    sortKind: "plain",
    sortKey: value,
    cells: [{ header: TABLE_COLUMN_LABELS[id], width: 16, kind: "date", value }],
  });
  return {
    ref: text("ref", 8, (i) => i.record.action.ref, "ref"),
    action: text("action", 60, (i) => i.record.action.text),
    recommendation: text(
      "recommendation",
      40,
      (i) => recommendationText(recommendationOf(i)),
      "ref",
      (i) => recommendationOf(i)?.ref ?? null,
    ),
    sroPost: text("sroPost", 28, (i) => i.record.action.sroPost),
    sro: text("sro", 22, (i) => i.holder),
    target: {
      ...date("target", (i) => i.record.action.targetDate.due),
      cells: [
        ...date("target", (i) => i.record.action.targetDate.due).cells,
        { header: "Target date (as written)", width: 24, kind: "text", value: targetText },
      ],
    },
    status: text("status", 12, statusText, "plain", (i) => STATUS_ORDER.indexOf(statusText(i))),
    percent: {
      id: "percent",
      label: TABLE_COLUMN_LABELS.percent,
      sortKind: "plain",
      sortKey: (i) => i.record.latest?.percentComplete ?? null,
      cells: [
        {
          header: TABLE_COLUMN_LABELS.percent,
          width: 10,
          kind: "number",
          value: (i) => i.record.latest?.percentComplete ?? null,
        },
      ],
    },
    lastUpdate: date("lastUpdate", (i) => i.record.latest?.date ?? null),
    // Latest first: the most days late, then owed, then given; nothing owed last.
    thisPeriod: text(
      "thisPeriod",
      22,
      (i) => updateWords(i) || null,
      "plain",
      (i) => (i.updated ? 0 : i.owesUpdate ? -1 - i.daysLate : null),
    ),
  };
}

function compareKeys(kind: SortKind, a: string | number, b: string | number): number {
  if (kind === "ref") return compareRefs(String(a), String(b));
  if (kind === "text") return collator.compare(String(a), String(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The items in `sort`'s order (ties and no sort: the plan's order); empty cells last either way. */
export function sortItems(
  items: readonly PlanItem[],
  sort: TableSort | null,
  columns: Record<TableColumnId, TableColumn>,
): PlanItem[] {
  if (sort === null) return [...items];
  const column = columns[sort.column];
  const sign = sort.direction === "ascending" ? 1 : -1;
  const keyed = items.map((item, index) => ({ item, index, key: column.sortKey(item) }));
  keyed.sort((a, b) => {
    const empty = (k: SortKey) => k === null || k === "";
    if (empty(a.key) || empty(b.key))
      return empty(a.key) === empty(b.key) ? a.index - b.index : empty(a.key) ? 1 : -1;
    return sign * compareKeys(column.sortKind, a.key, b.key) || a.index - b.index;
  });
  return keyed.map((k) => k.item);
}

export interface TableGroup {
  key: string;
  /** The group's heading; null when the table is not grouped. */
  title: string | null;
  items: PlanItem[];
}

/**
 * The sorted items in groups: one group when not grouped; by SRO post A to Z (with who holds it), those
 * with none named last; by recommendation in the plan's order. Empty groups are left out.
 */
export function groupItems(
  items: readonly PlanItem[],
  group: Grouping,
  recommendations: readonly Recommendation[],
): TableGroup[] {
  if (group === "none") return [{ key: "all", title: null, items: [...items] }];
  if (group === "recommendation") {
    const known = new Set(recommendations.map((r) => r.id));
    const groups = byPlanOrder(recommendations, (r) => r).map((r) => ({
      key: `rec-${r.id}`,
      title: `Recommendation ${r.ref}: ${r.title}`,
      items: items.filter((i) => i.record.action.recommendationId === r.id),
    }));
    groups.push({
      key: "rec-none",
      title: "Not under a recommendation",
      items: items.filter((i) => !known.has(i.record.action.recommendationId)),
    });
    return groups.filter((g) => g.items.length > 0);
  }
  const posts = [...new Set(items.flatMap((i) => i.record.action.sroPost ?? []))].sort(collator.compare);
  const groups = posts.map((post, index) => {
    const members = items.filter((i) => i.record.action.sroPost === post);
    const holder = members[0]?.holder ?? null;
    return {
      key: `sro-${String(index)}`,
      title: `${post} (${holder === null ? "vacant" : holder})`,
      items: members,
    };
  });
  groups.push({
    key: "sro-none",
    title: "No SRO named",
    items: items.filter((i) => !i.record.action.sroPost),
  });
  return groups.filter((g) => g.items.length > 0);
}

/**
 * What "Export to Excel" writes: the columns shown, in their order, led by the grouping's own column
 * when the table is grouped by something not shown; the rows as the groups show them.
 */
export function exportTable(
  groups: readonly TableGroup[],
  shown: readonly TableColumnId[],
  group: Grouping,
  columns: Record<TableColumnId, TableColumn>,
): { columns: ReportColumn<PlanItem>[]; rows: PlanItem[] } {
  const lead: TableColumnId[] =
    group === "sro" ? ["sroPost"] : group === "recommendation" ? ["recommendation"] : [];
  const ids = [...lead, ...orderedColumns(shown).filter((id) => !lead.includes(id))];
  return { columns: ids.flatMap((id) => columns[id].cells), rows: groups.flatMap((g) => g.items) };
}

/** A file name Windows, macOS and SharePoint all accept: "Improvement plan actions 10 Jun 2024.xlsx". */
export function exportFileName(planTitle: string, today: IsoDate): string {
  const safe = planTitle
    .replace(/[\\/:*?"<>|#%\p{Cc}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
  return `${safe === "" ? "Plan" : safe} actions ${today}.xlsx`;
}
