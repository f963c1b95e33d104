// Reading list items: the columns a $select/$filter/$orderby path names, the values an item holds for them,
// and the JSON SharePoint writes for an item under a projection ($select/$expand).
import { randomUUID } from "node:crypto";
import type { SandboxResponse } from "../http.ts";
import type { SpContext } from "./context.ts";
import { spError, SpErrors, type Entity } from "./format.ts";
import { itemTypeName, type SpField, type SpGroup, type SpItem, type SpList, type SpUser } from "./model.ts";
import { ODataQueryError, parseExpand, parseSelect } from "./odata.ts";

const SYSTEM_READ = new Set(["Id", "ID", "Created", "Modified", "AuthorId", "EditorId", "GUID"]);

/** A query names a column the list does not have. */
export class MissingColumn extends Error {}

export class QueryProblem extends Error {
  constructor(readonly response: SandboxResponse) {
    super("query problem");
  }
}

export function itemETag(item: SpItem): string {
  return `"${item.version}"`;
}

export function fullETag(item: SpItem): string {
  return `"${item.GUID},${item.version}"`;
}

export function fieldByName(list: SpList, name: string): SpField | undefined {
  return list.fields.find((f) => f.InternalName === name);
}

type Resolved = { field: SpField | null; sub: string | null; name: string } | null;

/**
 * What one request has looked up, kept for that request alone: a query reads the same few paths of every
 * item, so each path is resolved (and each list, user and field found) once rather than once an item. A
 * request never changes a list's columns and then reads its items, so nothing here goes stale; a name not
 * found is looked up again.
 */
interface RequestMemo {
  paths: Map<SpList, Map<string, Resolved>>;
  fields: Map<SpList, Map<string, SpField>>;
  listsByRef: Map<string, SpList>;
  users: Map<number, SpUser> | null;
  groups: Map<number, SpGroup> | null;
}

const memos = new WeakMap<SpContext, RequestMemo>();

function memoOf(ctx: SpContext): RequestMemo {
  let memo = memos.get(ctx);
  if (memo === undefined) {
    memo = { paths: new Map(), fields: new Map(), listsByRef: new Map(), users: null, groups: null };
    memos.set(ctx, memo);
  }
  return memo;
}

/** fieldByName, from a map of the list's columns made once a request. */
function fieldIn(ctx: SpContext, list: SpList, name: string): SpField | undefined {
  const memo = memoOf(ctx);
  let byName = memo.fields.get(list);
  if (byName === undefined) {
    byName = new Map();
    for (const field of list.fields)
      if (!byName.has(field.InternalName)) byName.set(field.InternalName, field);
    memo.fields.set(list, byName);
  }
  return byName.get(name) ?? fieldByName(list, name);
}

/** resolvePath, once a request for each path. */
function resolvedPath(ctx: SpContext, list: SpList, path: string[]): Resolved {
  const memo = memoOf(ctx);
  let paths = memo.paths.get(list);
  if (paths === undefined) {
    paths = new Map();
    memo.paths.set(list, paths);
  }
  const key = path.length === 1 ? (path[0] ?? "") : path.join("/");
  const known = paths.get(key);
  if (known !== undefined) return known;
  const resolved = resolvePath(list, path);
  paths.set(key, resolved);
  return resolved;
}

/** The field a filter or order-by path names, honouring <Lookup>Id and <Lookup>/<Sub>. */
export function resolvePath(
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

export function isIndexed(list: SpList, path: string[]): boolean {
  const resolved = resolvePath(list, path);
  if (resolved === null) return false;
  if (resolved.field === null) return resolved.name === "Id" || resolved.name === "ID";
  // An index on a lookup covers its id; projected columns (SRO/Title) are read from the other list, unindexed.
  return resolved.field.Indexed && (resolved.sub === null || resolved.sub === "Id");
}

function userOf(ctx: SpContext, id: number): SpUser | undefined {
  const memo = memoOf(ctx);
  memo.users ??= new Map(ctx.site.users.map((u) => [u.Id, u]));
  return memo.users.get(id) ?? ctx.site.users.find((u) => u.Id === id);
}

function groupOf(ctx: SpContext, id: number): SpGroup | undefined {
  const memo = memoOf(ctx);
  memo.groups ??= new Map(ctx.site.groups.map((g) => [g.Id, g]));
  return memo.groups.get(id) ?? ctx.site.groups.find((g) => g.Id === id);
}

function userSubValue(ctx: SpContext, id: number, sub: string): unknown {
  const user = userOf(ctx, id);
  const group = user === undefined ? groupOf(ctx, id) : undefined;
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
  const memo = memoOf(ctx);
  let target = field.LookupList === undefined ? undefined : memo.listsByRef.get(field.LookupList);
  if (target === undefined) {
    target = ctx.site.lists.find((l) => `{${l.Id}}` === field.LookupList);
    if (target !== undefined && field.LookupList !== undefined) memo.listsByRef.set(field.LookupList, target);
  }
  const targetItem = target?.items.get(id);
  if (target === undefined || targetItem === undefined) return null;
  return readPath(ctx, target, targetItem, [sub]);
}

/** The value an item holds for a path, for filtering, ordering and projection. */
export function readPath(ctx: SpContext, list: SpList, item: SpItem, path: string[]): unknown {
  const resolved = resolvedPath(ctx, list, path);
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

export interface Projection {
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
      const resolved = resolvedPath(ctx, list, column);
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
    if (value === null || typeof value !== "object") continue;
    const field = fieldIn(ctx, list, key);
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
    else props[key] = wrap(value as Record<string, unknown>);
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

export function readProjection(ctx: SpContext, list: SpList, query: URLSearchParams): Projection {
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

/**
 * The 400 SharePoint answers for a projection or query it cannot read, the same for one item as for the
 * collection; null for any other error (which is a bug in the emulator, so rethrown).
 */
export function queryRefusal(ctx: SpContext, error: unknown): SandboxResponse | null {
  if (error instanceof QueryProblem) return error.response;
  if (error instanceof MissingColumn) return SpErrors.columnNotFoundInQuery(ctx.req, error.message);
  if (error instanceof ODataQueryError) return spError(ctx.req, 400, error.code, error.message);
  return null;
}
