// List items: reading with $select/$expand/$filter/$orderby/$top and $skiptoken paging, under the list view
// threshold as SharePoint Online enforces it; adding, updating with ETags, and deleting.
import { randomUUID } from "node:crypto";
import type { SandboxResponse } from "../http.ts";
import { isoSeconds, logicalMethod, parseJsonObject, type SpContext } from "./context.ts";
import { collectionResponse, entityResponse, noContent, spError, SpErrors, type Entity } from "./format.ts";
import { itemTypeName, type SpField, type SpItem, type SpList } from "./model.ts";
import {
  compareValues,
  evaluateFilter,
  filterFields,
  ODataQueryError,
  parseExpand,
  parseFilter,
  parseOrderBy,
  parseSelect,
  type FilterNode,
  type OrderBy,
} from "./odata.ts";
import { allows } from "./site.ts";
import { applyBody, ValueError } from "./values.ts";

/** SharePoint returns 100 items a page by default and never more than 5,000. */
const DEFAULT_PAGE = 100;
const MAX_PAGE = 5000;

const SYSTEM_READ = new Set(["Id", "ID", "Created", "Modified", "AuthorId", "EditorId", "GUID"]);

/** A query names a column the list does not have. */
class MissingColumn extends Error {}

class QueryProblem extends Error {
  constructor(readonly response: SandboxResponse) {
    super("query problem");
  }
}

export function itemETag(item: SpItem): string {
  return `"${item.version}"`;
}

function fullETag(item: SpItem): string {
  return `"${item.GUID},${item.version}"`;
}

function fieldByName(list: SpList, name: string): SpField | undefined {
  return list.fields.find((f) => f.InternalName === name);
}

/** The field a filter or order-by path names, honouring <Lookup>Id and <Lookup>/<Sub>. */
function resolvePath(
  list: SpList,
  path: string[],
): { field: SpField | null; sub: string | null; name: string } | null {
  const [head, sub] = path;
  if (head === undefined) return null;
  if (path.length === 1) {
    if (SYSTEM_READ.has(head)) return { field: null, sub: null, name: head };
    const direct = fieldByName(list, head);
    if (direct !== undefined && direct.FieldTypeKind !== 7 && direct.FieldTypeKind !== 20)
      return { field: direct, sub: null, name: head };
    if (head.endsWith("Id")) {
      const lookup = fieldByName(list, head.slice(0, -2));
      if (lookup !== undefined && (lookup.FieldTypeKind === 7 || lookup.FieldTypeKind === 20))
        return { field: lookup, sub: "Id", name: head };
    }
    if (direct !== undefined) return { field: direct, sub: "Id", name: head };
    return null;
  }
  const lookup = fieldByName(list, head);
  if (
    lookup === undefined ||
    (lookup.FieldTypeKind !== 7 && lookup.FieldTypeKind !== 20) ||
    sub === undefined
  )
    return null;
  return { field: lookup, sub, name: path.join("/") };
}

function isIndexed(list: SpList, path: string[]): boolean {
  const resolved = resolvePath(list, path);
  if (resolved === null) return false;
  if (resolved.field === null) return resolved.name === "Id" || resolved.name === "ID";
  // An index on a lookup covers its id; projected columns (SRO/Title) are read from the other list, unindexed.
  return resolved.field.Indexed && (resolved.sub === null || resolved.sub === "Id");
}

function userSubValue(ctx: SpContext, id: number, sub: string): unknown {
  const user = ctx.site.users.find((u) => u.Id === id);
  const group = user === undefined ? ctx.site.groups.find((g) => g.Id === id) : undefined;
  switch (sub) {
    case "Id":
      return id;
    case "Title":
      return user?.Title ?? group?.Title ?? null;
    case "EMail":
      return user?.Email ?? null;
    case "Name":
      return user?.LoginName ?? group?.Title ?? null;
    case "UserName":
      return user?.UserPrincipalName ?? null;
    default:
      throw new ODataQueryError(`The field or property '${sub}' does not exist.`);
  }
}

function lookupSubValue(ctx: SpContext, field: SpField, id: number, sub: string): unknown {
  if (field.FieldTypeKind === 20) return userSubValue(ctx, id, sub);
  if (sub === "Id" || sub === "ID") return id;
  const target = ctx.site.lists.find((l) => `{${l.Id}}` === field.LookupList);
  const targetItem = target?.items.get(id);
  if (target === undefined || targetItem === undefined) return null;
  return readPath(ctx, target, targetItem, [sub]);
}

/** The value an item holds for a path, for filtering, ordering and projection. */
function readPath(ctx: SpContext, list: SpList, item: SpItem, path: string[]): unknown {
  const resolved = resolvePath(list, path);
  if (resolved === null) throw new MissingColumn(path.join("/"));
  if (resolved.field === null) {
    switch (resolved.name) {
      case "Id":
      case "ID":
        return item.Id;
      case "Created":
        return item.Created;
      case "Modified":
        return item.Modified;
      case "AuthorId":
        return item.AuthorId;
      case "EditorId":
        return item.EditorId;
      default:
        return item.GUID;
    }
  }
  const field = resolved.field;
  if (field.builtIn && (field.InternalName === "Author" || field.InternalName === "Editor")) {
    const id = field.InternalName === "Author" ? item.AuthorId : item.EditorId;
    return resolved.sub === null ? id : userSubValue(ctx, id, resolved.sub);
  }
  if (field.builtIn && (field.InternalName === "Created" || field.InternalName === "Modified"))
    return item[field.InternalName];
  const raw = item.values[field.InternalName];
  if (resolved.sub === null) return raw ?? null;
  if (raw === null || raw === undefined) return null;
  if (Array.isArray(raw))
    return (raw as number[]).map((id) => lookupSubValue(ctx, field, id, resolved.sub ?? "Id"));
  return lookupSubValue(ctx, field, raw as number, resolved.sub);
}

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
 * SharePoint Online refuses a query on a list above the threshold unless it can be answered from an index:
 * every order-by column must be indexed, and the first indexed condition of the filter must narrow the list
 * to no more than the threshold (a filter with no usable indexed condition scans the whole list).
 */
function exceedsThreshold(
  ctx: SpContext,
  list: SpList,
  filter: FilterNode | null,
  orderBy: OrderBy[],
  top: number,
): boolean {
  if (list.items.size <= ctx.threshold) return false;
  if (orderBy.some((o) => !isIndexed(list, o.field))) return true;
  if (filter === null) return top > ctx.threshold;
  const indexed = flattenAnd(filter).find((part) => usesIndex(list, part));
  if (indexed === undefined) return true;
  let matches = 0;
  for (const item of list.items.values()) {
    if (evaluateFilter(indexed, (path) => readPath(ctx, list, item, path))) matches++;
    if (matches > ctx.threshold) return true;
  }
  return false;
}

interface Projection {
  /** null: every column SharePoint returns by default. */
  columns: string[][] | null;
  expand: Set<string>;
}

function defaultColumns(list: SpList): string[][] {
  const columns: string[][] = [["Title"]];
  for (const field of list.fields) {
    if (field.builtIn || field.Hidden) continue;
    columns.push([
      field.FieldTypeKind === 7 || field.FieldTypeKind === 20
        ? `${field.InternalName}Id`
        : field.InternalName,
    ]);
  }
  return columns;
}

/** Build the JSON properties of one item for the projection, the way SharePoint shapes them. */
function projectItem(
  ctx: SpContext,
  list: SpList,
  item: SpItem,
  projection: Projection,
): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const all = projection.columns === null || projection.columns.some((c) => c.length === 1 && c[0] === "*");
  if (all) {
    props.FileSystemObjectType = 0;
    props.Id = item.Id;
    props.ServerRedirectedEmbedUri = null;
    props.ServerRedirectedEmbedUrl = "";
    props.ContentTypeId = "0x0100";
  }
  const columns = all
    ? [...defaultColumns(list), ...(projection.columns ?? []).filter((c) => c.length > 1)]
    : (projection.columns ?? []);
  const expanded: Record<string, Record<string, unknown> | Record<string, unknown>[] | null> = {};
  for (const column of columns) {
    const [head, sub] = column;
    if (head === undefined || head === "*") continue;
    if (sub === undefined) {
      const value = readPath(ctx, list, item, [head]);
      props[head] = value;
      const resolved = resolvePath(list, [head]);
      if (resolved?.field?.AllowMultipleValues === true && resolved.sub === "Id") {
        props[`${head.slice(0, -2)}StringId`] = Array.isArray(value) ? value.map(String) : [];
      } else if (resolved?.sub === "Id" && resolved.field !== null && resolved.field.FieldTypeKind === 20) {
        props[`${head.slice(0, -2)}StringId`] = typeof value === "number" ? String(value) : null;
      }
      continue;
    }
    const values = readPath(ctx, list, item, column);
    const current = expanded[head];
    if (Array.isArray(values)) {
      const arr: Record<string, unknown>[] = Array.isArray(current) ? current : values.map(() => ({}));
      values.forEach((v, i) => {
        const slot = arr[i];
        if (slot !== undefined) slot[sub] = v;
      });
      expanded[head] = arr;
    } else if (values === null && current === undefined) {
      expanded[head] = null;
    } else if (values !== null) {
      const obj: Record<string, unknown> =
        current !== null && current !== undefined && !Array.isArray(current) ? current : {};
      obj[sub] = values;
      expanded[head] = obj;
    }
  }
  for (const [head, value] of Object.entries(expanded)) props[head] = value;
  if (all) {
    props.ID = item.Id;
    props.Modified = item.Modified;
    props.Created = item.Created;
    props.AuthorId = item.AuthorId;
    props.EditorId = item.EditorId;
    props.OData__UIVersionString = `${item.version}.0`;
    props.Attachments = false;
    props.GUID = item.GUID;
  }
  return props;
}

export function itemEntity(
  ctx: SpContext,
  list: SpList,
  item: SpItem,
  projection: Projection = { columns: null, expand: new Set() },
): Entity {
  const props = projectItem(ctx, list, item, projection);
  // Expanded lookups are entities of their own (SP.Data.UserInfoItem for people).
  for (const [key, value] of Object.entries(props)) {
    const field = fieldByName(list, key);
    if (
      field === undefined ||
      !(
        field.FieldTypeKind === 7 ||
        field.FieldTypeKind === 20 ||
        field.InternalName === "Author" ||
        field.InternalName === "Editor"
      )
    )
      continue;
    const type = field.FieldTypeKind === 20 ? "SP.Data.UserInfoItem" : "SP.Data.LookupItem";
    const wrap = (v: Record<string, unknown>): Entity => ({
      meta: { type, id: randomUUID(), editLink: "" },
      props: v,
    });
    if (Array.isArray(value)) props[key] = (value as Record<string, unknown>[]).map(wrap);
    else if (value !== null && typeof value === "object") props[key] = wrap(value as Record<string, unknown>);
  }
  return {
    meta: {
      type: itemTypeName(list),
      id: item.GUID,
      editLink: `Web/Lists(guid'${list.Id}')/Items(${item.Id})`,
      etag: itemETag(item),
    },
    props,
  };
}

function readProjection(ctx: SpContext, list: SpList, query: URLSearchParams): Projection {
  const selectText = query.get("$select");
  const expandText = query.get("$expand");
  const expand = new Set(expandText === null || expandText.trim() === "" ? [] : parseExpand(expandText));
  for (const name of expand) {
    const field = fieldByName(list, name);
    if (field === undefined || !(field.FieldTypeKind === 7 || field.FieldTypeKind === 20)) {
      throw new QueryProblem(
        SpErrors.invalidClientQuery(ctx.req, `The field or property '${name}' does not exist.`),
      );
    }
  }
  if (selectText === null || selectText.trim() === "") return { columns: null, expand };
  const columns = parseSelect(selectText);
  for (const column of columns) {
    const [head, sub] = column;
    if (head === undefined || head === "*") continue;
    const resolved = resolvePath(list, column);
    if (resolved === null) throw new QueryProblem(SpErrors.columnNotFoundInQuery(ctx.req, column.join("/")));
    if (sub !== undefined && !expand.has(head)) {
      throw new QueryProblem(
        SpErrors.invalidQuery(
          ctx.req,
          `The query to field '${head}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${head}.`,
        ),
      );
    }
    if (
      sub === undefined &&
      resolved.field !== null &&
      resolved.sub === "Id" &&
      resolved.name === head &&
      !head.endsWith("Id")
    ) {
      throw new QueryProblem(
        SpErrors.invalidQuery(
          ctx.req,
          `The query to field '${head}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${head}.`,
        ),
      );
    }
  }
  return { columns, expand };
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
    if (exceedsThreshold(ctx, list, filter, orderBy, top)) return SpErrors.throttled(ctx.req);
    let rows = [...list.items.values()];
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
    if (error instanceof QueryProblem) return error.response;
    if (error instanceof MissingColumn) return SpErrors.columnNotFoundInQuery(ctx.req, error.message);
    if (error instanceof ODataQueryError) return spError(ctx.req, 400, error.code, error.message);
    throw error;
  }
}

/** The request body applied over `values`, or SharePoint's error for a bad body or a bad value. */
function readValues(
  ctx: SpContext,
  list: SpList,
  values: Record<string, unknown>,
): { ok: true; values: Record<string, unknown> } | { ok: false; response: SandboxResponse } {
  const body = parseJsonObject(ctx.req.body);
  if (body === null) return { ok: false, response: SpErrors.badJson(ctx.req) };
  try {
    applyBody(ctx, list, itemTypeName(list), body, values);
  } catch (error) {
    if (error instanceof ValueError) {
      return { ok: false, response: spError(ctx.req, error.status, error.code, error.message) };
    }
    throw error;
  }
  return { ok: true, values };
}

/** GET, MERGE or DELETE on one item. */
export function handleItem(ctx: SpContext, list: SpList, id: number): SandboxResponse {
  const method = logicalMethod(ctx.req);
  const item = list.items.get(id);
  if (method === "GET") {
    if (item === undefined) return SpErrors.itemNotFound(ctx.req);
    try {
      return entityResponse(
        ctx.req,
        ctx.siteUrl,
        itemEntity(ctx, list, item, readProjection(ctx, list, ctx.req.url.searchParams)),
      );
    } catch (error) {
      if (error instanceof QueryProblem) return error.response;
      throw error;
    }
  }
  if (method !== "MERGE" && method !== "PATCH" && method !== "PUT" && method !== "DELETE")
    return SpErrors.methodNotAllowed(ctx.req, method);
  if (!allows(ctx.role, "member")) return SpErrors.accessDenied(ctx.req);
  if (item === undefined) return SpErrors.itemNotFound(ctx.req);
  const ifMatch = ctx.req.headers["if-match"]?.trim() ?? "*";
  if (ifMatch !== "*" && ifMatch !== itemETag(item) && ifMatch !== fullETag(item)) {
    return SpErrors.etagMismatch(ctx.req, ifMatch, fullETag(item));
  }
  if (method === "DELETE") {
    list.items.delete(id);
    ctx.store.deleteItem(ctx.site, list, id);
    return { status: 200, headers: { "content-length": "0" }, body: "" };
  }
  const read = readValues(ctx, list, method === "PUT" ? {} : { ...item.values });
  if (!read.ok) return read.response;
  const { values } = read;
  const now = isoSeconds(ctx.now());
  const updated: SpItem = {
    ...item,
    values,
    version: item.version + 1,
    Modified: now,
    EditorId: ctx.user.Id,
  };
  list.items.set(id, updated);
  list.LastItemModifiedDate = now;
  ctx.store.saveItem(ctx.site, list, updated);
  return noContent({ etag: itemETag(updated) });
}

/** POST …/items: add one item. */
export function addItem(ctx: SpContext, list: SpList): SandboxResponse {
  if (!allows(ctx.role, "member")) return SpErrors.accessDenied(ctx.req);
  const read = readValues(ctx, list, {});
  if (!read.ok) return read.response;
  const { values } = read;
  const now = isoSeconds(ctx.now());
  const item: SpItem = {
    Id: list.nextItemId++,
    GUID: randomUUID(),
    version: 1,
    Created: now,
    Modified: now,
    AuthorId: ctx.user.Id,
    EditorId: ctx.user.Id,
    values,
  };
  list.items.set(item.Id, item);
  list.LastItemModifiedDate = now;
  ctx.store.saveItem(ctx.site, list, item);
  return entityResponse(ctx.req, ctx.siteUrl, itemEntity(ctx, list, item), 201);
}
