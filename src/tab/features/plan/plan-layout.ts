// How the plan view lays its actions out, as data small enough for the first screen (the address is read
// there): the stacked list, or the table with its sort, its columns and its grouping. It travels in the
// address beside the filters, so Back, a reload and a shared link keep the table as it was left.

/** The table's columns, in the order they are shown. */
export const TABLE_COLUMN_IDS = [
  "ref",
  "action",
  "recommendation",
  "sroPost",
  "sro",
  "target",
  "status",
  "percent",
  "lastUpdate",
  "thisPeriod",
] as const;
export type TableColumnId = (typeof TABLE_COLUMN_IDS)[number];

export const TABLE_COLUMN_LABELS: Record<TableColumnId, string> = {
  ref: "No.",
  action: "Action",
  recommendation: "Recommendation",
  sroPost: "SRO post",
  sro: "SRO",
  target: "Target date",
  status: "Status",
  percent: "% complete",
  lastUpdate: "Last update",
  thisPeriod: "This period's update",
};

/** The action's text is the link to its page, so it is always shown. */
export const REQUIRED_COLUMN: TableColumnId = "action";

export const DEFAULT_COLUMNS: readonly TableColumnId[] = [
  "ref",
  "action",
  "sroPost",
  "target",
  "status",
  "thisPeriod",
];

export const GROUPINGS = ["none", "sro", "recommendation"] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const GROUPING_LABELS: Record<Grouping, string> = {
  none: "No grouping",
  sro: "SRO post",
  recommendation: "Recommendation",
};

export interface TableSort {
  column: TableColumnId;
  direction: "ascending" | "descending";
}

export interface PlanLayout {
  show: "list" | "table";
  /** Null: the plan's own order. */
  sort: TableSort | null;
  columns: readonly TableColumnId[];
  group: Grouping;
}

export const LIST_LAYOUT: PlanLayout = { show: "list", sort: null, columns: DEFAULT_COLUMNS, group: "none" };

const COLUMN_SET = new Set<string>(TABLE_COLUMN_IDS);

/** Whether text (from the address or a menu) names one of the table's columns. */
export const isTableColumn = (id: string): id is TableColumnId => COLUMN_SET.has(id);

/** Whether text (from the address or a select) names a grouping. */
export const isGrouping = (value: string): value is Grouping =>
  (GROUPINGS as readonly string[]).includes(value);

/** `columns` in the table's order, with the action's text always among them. */
export function orderedColumns(columns: Iterable<TableColumnId>): TableColumnId[] {
  const chosen = new Set(columns);
  chosen.add(REQUIRED_COLUMN);
  return TABLE_COLUMN_IDS.filter((id) => chosen.has(id));
}
