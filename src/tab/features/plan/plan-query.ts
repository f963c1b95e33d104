// The plan view's filters and layout in its address (`?view=plan&planId=1&status=Delayed&q=housing`), so a reload, Back
// and a shared link keep them, and an escalation card can open the plan at its actions (`only=12,15`).
// Unreadable values are dropped, never trusted: the address is typed and pasted by people.
import { STATUSES } from "../../../domain/types.ts";
import { DUE_WINDOWS, NO_FILTERS, type DueWindow, type PlanFilters } from "./plan-filters.ts";
import {
  DEFAULT_COLUMNS,
  LIST_LAYOUT,
  orderedColumns,
  type PlanLayout,
  type TableColumnId,
  isGrouping,
  isTableColumn,
} from "./plan-layout.ts";

const ID = /^[1-9]\d{0,9}$/;
/** Longer than any search anyone types; the address stays well under the browser's limits. */
const MAX_SEARCH = 200;
const MAX_ONLY = 200;

/** The filters an address asks for (the rest as none). */
export function readPlanQuery(params: URLSearchParams): PlanFilters {
  const status = params.get("status") ?? "";
  const due = params.get("due") ?? "";
  const updated = params.get("updated") ?? "";
  const only = (params.get("only") ?? "").split(",").filter((id) => ID.test(id));
  return {
    status: (STATUSES as readonly string[]).includes(status) ? (status as PlanFilters["status"]) : "any",
    sro: params.get("sro")?.slice(0, MAX_SEARCH) || "any",
    due: (DUE_WINDOWS as readonly string[]).includes(due) ? (due as DueWindow) : "any",
    updated: updated === "yes" || updated === "no" ? updated : "any",
    search: params.get("q")?.slice(0, MAX_SEARCH) ?? "",
    only: [...new Set(only)].slice(0, MAX_ONLY),
  };
}

/** The query parameters for `filters`, leaving out those at their defaults. */
export function planQueryParams(filters: PlanFilters): [string, string][] {
  const params: [string, string][] = [];
  if (filters.status !== NO_FILTERS.status) params.push(["status", filters.status]);
  if (filters.sro !== NO_FILTERS.sro) params.push(["sro", filters.sro]);
  if (filters.due !== NO_FILTERS.due) params.push(["due", filters.due]);
  if (filters.updated !== NO_FILTERS.updated) params.push(["updated", filters.updated]);
  if (filters.search !== "") params.push(["q", filters.search]);
  if (filters.only.length > 0) params.push(["only", filters.only.join(",")]);
  return params;
}

const sameColumns = (a: readonly TableColumnId[], b: readonly TableColumnId[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The layout an address asks for (`show=table&sort=target-desc&cols=ref,action,status&group=sro`); the
 * list, the plan's order, the usual columns and no grouping for anything absent or unreadable.
 */
export function readPlanLayout(params: URLSearchParams): PlanLayout {
  const sort = /^([a-zA-Z]+)(-desc)?$/.exec(params.get("sort") ?? "");
  const column = sort?.[1] ?? "";
  const cols = (params.get("cols") ?? "").split(",").filter(isTableColumn);
  const group = params.get("group") ?? "";
  return {
    show: params.get("show") === "table" ? "table" : "list",
    sort: isTableColumn(column)
      ? { column, direction: sort?.[2] === undefined ? "ascending" : "descending" }
      : null,
    columns: cols.length === 0 ? DEFAULT_COLUMNS : orderedColumns(cols),
    group: isGrouping(group) ? group : "none",
  };
}

/** The query parameters for `layout`, leaving out those at their defaults. */
export function planLayoutParams(layout: PlanLayout): [string, string][] {
  const params: [string, string][] = [];
  if (layout.show !== LIST_LAYOUT.show) params.push(["show", layout.show]);
  if (layout.sort !== null)
    params.push(["sort", `${layout.sort.column}${layout.sort.direction === "descending" ? "-desc" : ""}`]);
  const columns = orderedColumns(layout.columns);
  if (!sameColumns(columns, DEFAULT_COLUMNS)) params.push(["cols", columns.join(",")]);
  if (layout.group !== LIST_LAYOUT.group) params.push(["group", layout.group]);
  return params;
}
