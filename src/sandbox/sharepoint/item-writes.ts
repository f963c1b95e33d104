// Writing list items: add, update (MERGE/PATCH/PUT with ETags), delete and recycle, each checked against the
// caller's permissions on the list, its item-level settings and its unique columns.
import { randomUUID } from "node:crypto";
import type { SandboxResponse } from "../http.ts";
import { isoSeconds, logicalMethod, parseJsonObject, type SpContext } from "./context.ts";
import { entityResponse, noContent, spError, SpErrors, valueResponse } from "./format.ts";
import { itemTypeName, type SpItem, type SpList } from "./model.ts";
import { fullETag, itemEntity, itemETag, queryRefusal, readProjection } from "./item-read.ts";
import { itemReadable, readRefusal, writeRefusal } from "./permissions.ts";
import { duplicateRefusal } from "./unique.ts";
import { applyBody, ValueError } from "./values.ts";
import { historyAfterWrite } from "./versions.ts";

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

/** The item as the caller may see it: undefined when it does not exist or ReadSecurity hides it. */
function visibleItem(ctx: SpContext, list: SpList, id: number): SpItem | undefined {
  const item = list.items.get(id);
  return item !== undefined && itemReadable(ctx, list, item) ? item : undefined;
}

function checkETag(ctx: SpContext, item: SpItem): SandboxResponse | null {
  const ifMatch = ctx.req.headers["if-match"]?.trim() ?? "*";
  if (ifMatch !== "*" && ifMatch !== itemETag(item) && ifMatch !== fullETag(item))
    return SpErrors.etagMismatch(ctx.req, ifMatch, fullETag(item));
  return null;
}

function removeItem(ctx: SpContext, list: SpList, id: number): void {
  list.items.delete(id);
  ctx.store.deleteItem(ctx.site, list, id);
}

/** Store new values for an item, refusing a repeated value in a unique column. */
export function saveItemValues(
  ctx: SpContext,
  list: SpList,
  item: SpItem,
  values: Record<string, unknown>,
): SandboxResponse | SpItem {
  const duplicate = duplicateRefusal(ctx, list, values, item.Id);
  if (duplicate !== null) return duplicate;
  const now = isoSeconds(ctx.now());
  const updated: SpItem = {
    ...item,
    values,
    history: historyAfterWrite(list, item),
    version: item.version + 1,
    Modified: now,
    EditorId: ctx.user.Id,
  };
  list.items.set(item.Id, updated);
  list.LastItemModifiedDate = now;
  ctx.store.saveItem(ctx.site, list, updated);
  return updated;
}

/**
 * An item the caller may change: the permission level first (a Visitor's edit is access denied whether or
 * not the item exists), then the item as the caller sees it, then WriteSecurity for that item.
 */
export function writableItem(
  ctx: SpContext,
  list: SpList,
  id: number,
  write: "edit" | "delete",
): SandboxResponse | SpItem {
  const denied = writeRefusal(ctx, list, write, null);
  if (denied !== null) return denied;
  const item = visibleItem(ctx, list, id);
  if (item === undefined) return SpErrors.itemNotFound(ctx.req);
  return writeRefusal(ctx, list, write, item) ?? item;
}

/** GET, MERGE/PATCH/PUT or DELETE on one item. */
export function handleItem(ctx: SpContext, list: SpList, id: number): SandboxResponse {
  const method = logicalMethod(ctx.req);
  if (method === "GET") {
    const refused = readRefusal(ctx, list);
    if (refused !== null) return refused;
    const item = visibleItem(ctx, list, id);
    if (item === undefined) return SpErrors.itemNotFound(ctx.req);
    try {
      return entityResponse(
        ctx.req,
        ctx.siteUrl,
        itemEntity(ctx, list, item, readProjection(ctx, list, ctx.req.url.searchParams)),
      );
    } catch (error) {
      const refusal = queryRefusal(ctx, error);
      if (refusal !== null) return refusal;
      throw error;
    }
  }
  if (method !== "MERGE" && method !== "PATCH" && method !== "PUT" && method !== "DELETE")
    return SpErrors.methodNotAllowed(ctx.req, method);
  const item = writableItem(ctx, list, id, method === "DELETE" ? "delete" : "edit");
  if (!isItem(item)) return item;
  const stale = checkETag(ctx, item);
  if (stale !== null) return stale;
  if (method === "DELETE") {
    removeItem(ctx, list, id);
    return { status: 200, headers: { "content-length": "0" }, body: "" };
  }
  const read = readValues(ctx, list, method === "PUT" ? {} : { ...item.values });
  if (!read.ok) return read.response;
  const updated = saveItemValues(ctx, list, item, read.values);
  if (!isItem(updated)) return updated;
  return noContent({ etag: itemETag(updated) });
}

/** POST …/items(n)/recycle: the item goes to the recycle bin; SharePoint answers the bin item's id. */
export function recycleItem(ctx: SpContext, list: SpList, id: number): SandboxResponse {
  if (logicalMethod(ctx.req) !== "POST") return SpErrors.methodNotAllowed(ctx.req, ctx.req.method);
  const item = writableItem(ctx, list, id, "delete");
  if (!isItem(item)) return item;
  removeItem(ctx, list, id);
  return valueResponse(ctx.req, "Recycle", randomUUID());
}

/** POST …/items: add one item. */
export function addItem(ctx: SpContext, list: SpList): SandboxResponse {
  const denied = writeRefusal(ctx, list, "add", null);
  if (denied !== null) return denied;
  const read = readValues(ctx, list, {});
  if (!read.ok) return read.response;
  const { values } = read;
  const duplicate = duplicateRefusal(ctx, list, values, null);
  if (duplicate !== null) return duplicate;
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

export function isItem(value: SandboxResponse | SpItem): value is SpItem {
  return "GUID" in value;
}
