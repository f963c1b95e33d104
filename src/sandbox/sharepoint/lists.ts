// Lists: create, read (trimmed to those the caller may see; $select, including HasUniqueRoleAssignments,
// ReadSecurity and WriteSecurity, which SharePoint returns only when selected), update and delete.
import { randomUUID } from "node:crypto";
import type { SandboxResponse } from "../http.ts";
import { isoSeconds, logicalMethod, parseJsonObject, type SpContext } from "./context.ts";
import {
  collectionResponse,
  entityResponse,
  noContent,
  spError,
  SpErrors,
  valueResponse,
  type Entity,
} from "./format.ts";
import { entityTypeNameFor, FIELD_KINDS, itemTypeName, type SpField, type SpList } from "./model.ts";
import { evaluateFilter } from "./odata-evaluate.ts";
import { ODataQueryError, parseFilter } from "./odata.ts";
import { listVisible, manageListsRefusal } from "./permissions.ts";

/** SharePoint's own ids for the columns every list has: the same on every list, in every tenant. */
export const BUILT_IN_FIELD_IDS: Record<string, string> = {
  ID: "1d22ea11-1e32-424e-89ab-9fedbadb6ce1",
  Title: "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
  Created: "8c06beca-0777-48f7-91c7-6da68bc07b69",
  Modified: "28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f",
  Author: "1df5e554-ec7e-46a6-901d-d85a3881cb18",
  Editor: "d31655d1-1d5b-4511-95a1-7a09e9b75bf2",
};

/** SharePoint refuses a list title longer than this. */
export const MAX_LIST_TITLE = 255;

function builtInField(
  InternalName: string,
  Title: string,
  FieldTypeKind: number,
  extra: Partial<SpField> = {},
): SpField {
  return {
    Id: BUILT_IN_FIELD_IDS[InternalName] ?? randomUUID(),
    InternalName,
    Title,
    FieldTypeKind,
    TypeAsString: FIELD_KINDS[FieldTypeKind]?.typeAsString ?? "Text",
    Indexed: false,
    Required: false,
    Hidden: false,
    ReadOnlyField: InternalName !== "Title",
    Description: "",
    EnforceUniqueValues: false,
    DefaultValue: null,
    Group: "Custom Columns",
    builtIn: true,
    ...extra,
  };
}

/** The columns every generic list (template 100) starts with. */
function builtInFields(): SpField[] {
  return [
    builtInField("ID", "ID", 5),
    builtInField("Title", "Title", 2, { Required: true, MaxLength: 255 }),
    builtInField("Created", "Created", 4),
    builtInField("Modified", "Modified", 4),
    builtInField("Author", "Created By", 20),
    builtInField("Editor", "Modified By", 20),
  ];
}

/** Properties SharePoint returns only when $select names them. */
const SELECT_ONLY = ["HasUniqueRoleAssignments", "ReadSecurity", "WriteSecurity"] as const;

function listProps(list: SpList): Record<string, unknown> {
  return {
    AllowContentTypes: true,
    BaseTemplate: list.BaseTemplate,
    BaseType: list.BaseTemplate === 101 ? 1 : 0,
    ContentTypesEnabled: false,
    Created: list.Created,
    Description: list.Description,
    EnableVersioning: list.EnableVersioning === true,
    MajorVersionLimit: list.EnableVersioning === true ? 50 : 0,
    EntityTypeName: list.EntityTypeName,
    HasUniqueRoleAssignments: list.roleAssignments !== null,
    Hidden: false,
    Id: list.Id,
    ItemCount: list.items.size,
    LastItemDeletedDate: list.Created,
    LastItemModifiedDate: list.LastItemModifiedDate,
    ListItemEntityTypeFullName: itemTypeName(list),
    ReadSecurity: list.ReadSecurity,
    Title: list.Title,
    WriteSecurity: list.WriteSecurity,
  };
}

class UnknownListProperty extends Error {}

/** The list as SharePoint writes it: its default properties, or those `select` names ("*" for the defaults). */
export function listEntity(list: SpList, select: readonly string[] | null = null): Entity {
  const all = listProps(list);
  const props: Record<string, unknown> = {};
  const names = select ?? ["*"];
  for (const name of names) {
    if (name === "*") {
      for (const [key, value] of Object.entries(all))
        if (!(SELECT_ONLY as readonly string[]).includes(key)) props[key] = value;
      continue;
    }
    const key = Object.keys(all).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) throw new UnknownListProperty(name);
    props[key] = all[key];
  }
  return {
    meta: { type: "SP.List", id: list.Id, editLink: `Web/Lists(guid'${list.Id}')`, etag: '"1"' },
    props,
  };
}

function readSelect(ctx: SpContext): string[] | null {
  const text = ctx.req.url.searchParams.get("$select");
  if (text === null || text.trim() === "") return null;
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Write lists under the request's $select, or SharePoint's error for a property SP.List does not have. */
function listsResponse(ctx: SpContext, lists: SpList[] | SpList, status = 200): SandboxResponse {
  const select = readSelect(ctx);
  try {
    if (!Array.isArray(lists)) return entityResponse(ctx.req, ctx.siteUrl, listEntity(lists, select), status);
    return collectionResponse(
      ctx.req,
      ctx.siteUrl,
      "SP.ApiData.Lists",
      lists.map((l) => listEntity(l, select)),
    );
  } catch (error) {
    if (error instanceof UnknownListProperty)
      return SpErrors.unknownProperty(ctx.req, error.message, "SP.List");
    throw error;
  }
}

export function filtered<T>(
  ctx: SpContext,
  rows: T[],
  props: (row: T) => Record<string, unknown>,
): T[] | SandboxResponse {
  const text = ctx.req.url.searchParams.get("$filter");
  if (text === null || text.trim() === "") return rows;
  try {
    const filter = parseFilter(text);
    return rows.filter((row) => evaluateFilter(filter, (path) => props(row)[path.join("/")]));
  } catch (error) {
    if (error instanceof ODataQueryError) return SpErrors.invalidClientQuery(ctx.req, error.message);
    throw error;
  }
}

/** GET or POST …/web/lists */
export function handleLists(ctx: SpContext): SandboxResponse {
  const method = logicalMethod(ctx.req);
  if (method === "GET") {
    // The collection is security-trimmed: a list the caller may not see is left out.
    const visible = ctx.site.lists.filter((l) => listVisible(ctx, l));
    const rows = filtered(ctx, visible, listProps);
    if (!Array.isArray(rows)) return rows;
    return listsResponse(ctx, rows);
  }
  if (method !== "POST") return SpErrors.methodNotAllowed(ctx.req, method);
  const denied = manageListsRefusal(ctx, null);
  if (denied !== null) return denied;
  const body = parseJsonObject(ctx.req.body);
  if (body === null) return SpErrors.badJson(ctx.req);
  const title = body.Title;
  if (typeof title !== "string" || title.trim() === "") {
    return SpErrors.invalidClientQuery(ctx.req, "The parameter Title cannot be empty.");
  }
  if (title.length > MAX_LIST_TITLE) {
    return SpErrors.invalidClientQuery(
      ctx.req,
      `The list title is ${String(title.length)} characters long; SharePoint allows at most ${String(MAX_LIST_TITLE)}.`,
    );
  }
  if (ctx.site.lists.some((l) => l.Title.toLowerCase() === title.toLowerCase())) {
    return spError(
      ctx.req,
      500,
      "-2130575342, Microsoft.SharePoint.SPException",
      "A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.",
    );
  }
  const template = typeof body.BaseTemplate === "number" ? body.BaseTemplate : 100;
  const now = isoSeconds(ctx.now());
  const list: SpList = {
    Id: randomUUID(),
    Title: title,
    Description: typeof body.Description === "string" ? body.Description : "",
    BaseTemplate: template,
    Created: now,
    LastItemModifiedDate: now,
    EntityTypeName: entityTypeNameFor(title, template),
    nextItemId: 1,
    fields: builtInFields(),
    items: new Map(),
    roleAssignments: null,
    ReadSecurity: 1,
    WriteSecurity: 1,
    // A custom list made over REST keeps no versions unless asked (EnableVersioning in the body).
    EnableVersioning: body.EnableVersioning === true,
  };
  ctx.site.lists.push(list);
  ctx.store.saveList(ctx.site, list);
  return listsResponse(ctx, list, 201);
}

const IGNORED_LIST_PROPERTIES = [
  "ContentTypesEnabled",
  "AllowContentTypes",
  "Hidden",
  "OnQuickLaunch",
  "BaseTemplate",
];

/** The allowed values of the item-level settings (SPList.ReadSecurity, SPList.WriteSecurity). */
const ITEM_SECURITY: Record<string, readonly number[]> = { ReadSecurity: [1, 2], WriteSecurity: [1, 2, 4] };

/** Apply a MERGE body to a copy of the list's settings, or SharePoint's error for a bad property. */
function mergeList(ctx: SpContext, list: SpList, body: Record<string, unknown>): SandboxResponse | null {
  const next = {
    Title: list.Title,
    Description: list.Description,
    EnableVersioning: list.EnableVersioning === true,
    ...pickSecurity(list),
  };
  for (const [key, value] of Object.entries(body)) {
    if (key === "__metadata" || IGNORED_LIST_PROPERTIES.includes(key)) continue;
    if ((key === "Title" || key === "Description") && typeof value === "string") next[key] = value;
    else if (key === "EnableVersioning") {
      if (typeof value !== "boolean")
        return SpErrors.invalidClientQuery(
          ctx.req,
          `A value of the wrong type was found for property '${key}'.`,
        );
      next.EnableVersioning = value;
    } else if (key === "ReadSecurity" || key === "WriteSecurity") {
      if (typeof value !== "number")
        return SpErrors.invalidClientQuery(
          ctx.req,
          `A value of the wrong type was found for property '${key}'.`,
        );
      if (!(ITEM_SECURITY[key] ?? []).includes(value))
        return spError(
          ctx.req,
          400,
          "-2146233086, System.ArgumentOutOfRangeException",
          "Specified argument was out of the range of valid values.\r\nParameter name: value",
        );
      next[key] = value;
    } else return SpErrors.unknownProperty(ctx.req, key, "SP.List");
  }
  Object.assign(list, next);
  return null;
}

function pickSecurity(list: SpList): { ReadSecurity: number; WriteSecurity: number } {
  return { ReadSecurity: list.ReadSecurity, WriteSecurity: list.WriteSecurity };
}

/** GET, MERGE or DELETE on one list; changing or deleting it needs ManageLists on the list. */
export function handleList(ctx: SpContext, list: SpList): SandboxResponse {
  const method = logicalMethod(ctx.req);
  if (method === "GET") return listsResponse(ctx, list);
  if (method !== "MERGE" && method !== "PATCH" && method !== "DELETE")
    return SpErrors.methodNotAllowed(ctx.req, method);
  const denied = manageListsRefusal(ctx, list);
  if (denied !== null) return denied;
  if (method === "DELETE") {
    ctx.site.lists = ctx.site.lists.filter((l) => l !== list);
    ctx.store.deleteList(ctx.site, list.Id);
    return { status: 200, headers: { "content-length": "0" }, body: "" };
  }
  const body = parseJsonObject(ctx.req.body);
  if (body === null) return SpErrors.badJson(ctx.req);
  const refused = mergeList(ctx, list, body);
  if (refused !== null) return refused;
  ctx.store.saveList(ctx.site, list);
  return noContent();
}

/** A single property of a list, e.g. …/ItemCount */
export function listProperty(ctx: SpContext, list: SpList, name: string): SandboxResponse | null {
  const props = listProps(list);
  const key = Object.keys(props).find((k) => k.toLowerCase() === name);
  if (key === undefined) return null;
  return valueResponse(ctx.req, key, props[key]);
}
