// Querying list items: $select/$expand/$filter/$orderby/$top and $skiptoken paging, under the list view
// threshold as SharePoint Online enforces it, trimmed to the items the caller may read. Writes: item-writes.ts.
import type { SandboxResponse } from "../http.ts";
import type { SpContext } from "./context.ts";
import { collectionResponse, SpErrors } from "./format.ts";
import type { SpItem, SpList } from "./model.ts";
import { compareValues, evaluateFilter } from "./odata-evaluate.ts";
import { filterFields, parseFilter, parseOrderBy, type FilterNode, type OrderBy } from "./odata.ts";
import { isIndexed, itemEntity, queryRefusal, readPath, readProjection, resolvePath } from "./item-read.ts";
import { readableItems, readRefusal } from "./permissions.ts";

/** SharePoint returns 100 items a page by default and never more than 5,000. */
const DEFAULT_PAGE = 100;
const MAX_PAGE = 5000;

function flattenAnd(node: FilterNode): FilterNode[] {
  return node.kind === "and" ? [...flattenAnd(node.left), ...flattenAnd(node.right)] : [node];
}

/** Can SharePoint answer this part of a filter from an index? */
function usesIndex(list: SpList, node: FilterNode): boolean {
  if (node.kind === "compare" || node.kind === "startswith") return isIndexed(list, node.field);
  if (node.kind === "or") return usesIndex(list, node.left) && usesIndex(list, node.right);
  return false;
}

/**
 * The items a query reads, as SharePoint Online reads them: from the index of the filter's first indexed
 * condition when there is one (every comparison on that column bounding the same index seek: "Id gt 100 and
 * Id lt 5101" reads 5,000 rows however long the list), else the whole list; in list order, the rest of the
 * filter not yet applied. Null when SharePoint refuses the query on a list above the threshold: an order-by
 * column not indexed, no filter and a $top past the threshold, a filter with no usable indexed condition
 * (it scans the whole list), or a seek that reads more rows than the threshold (the threshold counts the
 * rows a query reads, not what it returns: "Query Throttling and Indexing", Microsoft patterns & practices).
 * The seek's rows are the only ones the rest of the filter is tried on, so a query on a long list costs
 * what it reads, not the list's length.
 */
function rowsRead(
  ctx: SpContext,
  list: SpList,
  filter: FilterNode | null,
  orderBy: OrderBy[],
  top: number,
): SpItem[] | null {
  const overThreshold = list.items.size > ctx.threshold;
  if (overThreshold && orderBy.some((o) => !isIndexed(list, o.field))) return null;
  const parts = filter === null ? [] : flattenAnd(filter);
  const indexed = parts.find((part) => usesIndex(list, part));
  if (overThreshold && (filter === null ? top > ctx.threshold : indexed === undefined)) return null;
  if (indexed === undefined) return [...list.items.values()];
  const seek =
    indexed.kind === "compare"
      ? parts.filter((p) => p.kind === "compare" && p.field.join("/") === indexed.field.join("/"))
      : [indexed];
  const rows: SpItem[] = [];
  for (const item of list.items.values()) {
    if (seek.every((part) => evaluateFilter(part, (path) => readPath(ctx, list, item, path)))) {
      rows.push(item);
      if (overThreshold && rows.length > ctx.threshold) return null;
    }
  }
  return rows;
}

interface SkipToken {
  id: number;
  values: Map<string, string>;
}

function readSkipToken(text: string | null): SkipToken | null {
  if (text === null || text.trim() === "") return null;
  const params = new URLSearchParams(text);
  if (params.get("Paged")?.toUpperCase() !== "TRUE") return null;
  const id = Number(params.get("p_ID"));
  const values = new Map<string, string>();
  for (const [key, value] of params)
    if (key.startsWith("p_") && key !== "p_ID") values.set(key.slice(2), value);
  return { id: Number.isFinite(id) ? id : 0, values };
}

function orderKey(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(String).join(";");
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  return JSON.stringify(value);
}

/** GET …/items: the whole query pipeline. */
export function queryItems(ctx: SpContext, list: SpList, basePath: string): SandboxResponse {
  const refused = readRefusal(ctx, list);
  if (refused !== null) return refused;
  const query = ctx.req.url.searchParams;
  try {
    const projection = readProjection(ctx, list, query);
    const filterText = query.get("$filter");
    const filter = filterText === null || filterText.trim() === "" ? null : parseFilter(filterText);
    const orderBy = parseOrderBy(query.get("$orderby") ?? "");
    for (const path of [...(filter === null ? [] : filterFields(filter)), ...orderBy.map((o) => o.field)]) {
      if (resolvePath(list, path) === null) return SpErrors.columnNotFoundInQuery(ctx.req, path.join("/"));
    }
    const topText = query.get("$top");
    const top = topText === null ? DEFAULT_PAGE : Number(topText);
    if (!Number.isInteger(top) || top < 0)
      return SpErrors.invalidClientQuery(
        ctx.req,
        `Invalid value '${topText ?? ""}' for $top query option found.`,
      );
    const read = rowsRead(ctx, list, filter, orderBy, top);
    if (read === null) return SpErrors.throttled(ctx.req);
    // ReadSecurity 2 works as a filter on the caller's own items (permissions.ts).
    let rows = read.filter(readableItems(ctx, list));
    if (filter !== null)
      rows = rows.filter((item) => evaluateFilter(filter, (path) => readPath(ctx, list, item, path)));
    if (orderBy.length > 0) {
      const keyed = rows.map((item) => ({
        item,
        keys: orderBy.map((o) => readPath(ctx, list, item, o.field)),
      }));
      keyed.sort((a, b) => {
        for (let i = 0; i < orderBy.length; i++) {
          const c = compareValues(a.keys[i], b.keys[i]);
          if (c !== 0) return orderBy[i]?.descending === true ? -c : c;
        }
        return a.item.Id - b.item.Id;
      });
      rows = keyed.map((k) => k.item);
    }
    const skip = readSkipToken(query.get("$skiptoken"));
    if (skip !== null) {
      const at = rows.findIndex((item) => item.Id === skip.id);
      rows =
        at >= 0 ? rows.slice(at + 1) : orderBy.length === 0 ? rows.filter((item) => item.Id > skip.id) : rows;
    }
    const pageSize = Math.min(top, MAX_PAGE);
    const page = rows.slice(0, pageSize);
    let nextLink: string | undefined;
    const last = page[page.length - 1];
    if (rows.length > pageSize && last !== undefined) {
      const token = new URLSearchParams({ Paged: "TRUE" });
      for (const o of orderBy)
        token.set(`p_${o.field.join("_")}`, orderKey(readPath(ctx, list, last, o.field)));
      token.set("p_ID", String(last.Id));
      const next = new URLSearchParams();
      for (const key of ["$select", "$expand", "$filter", "$orderby"]) {
        const value = query.get(key);
        if (value !== null) next.set(key, value);
      }
      next.set("$skiptoken", token.toString());
      next.set("$top", String(pageSize));
      nextLink = `${ctx.siteUrl}/_api/${basePath}?${next.toString()}`;
    }
    return collectionResponse(
      ctx.req,
      ctx.siteUrl,
      `SP.ListData.${list.EntityTypeName}Items`,
      page.map((item) => itemEntity(ctx, list, item, projection)),
      nextLink,
    );
  } catch (error) {
    const refusal = queryRefusal(ctx, error);
    if (refusal !== null) return refusal;
    throw error;
  }
}
