// Item versions, as SharePoint keeps them when a list's EnableVersioning is on: every write keeps the
// version it replaces (up to the list's 50 major versions, SharePoint Online's default for lists), and
// GET …/items(n)/versions answers SP.ListItemVersion entities, newest first, the current version included:
// VersionId (major × 512), VersionLabel ("3.0"), Created (when that version was written), IsCurrentVersion,
// and the item's field values by internal name, lookups and people as { LookupId, LookupValue(, Email) }.
import type { SandboxResponse } from "../http.ts";
import { logicalMethod, type SpContext } from "./context.ts";
import { collectionResponse, entityResponse, SpErrors, type Entity } from "./format.ts";
import type { SpField, SpItem, SpItemVersion, SpList } from "./model.ts";
import { itemReadable, readRefusal } from "./permissions.ts";

/** SharePoint Online keeps 50 major versions of a list item by default. */
export const MAJOR_VERSION_LIMIT = 50;

/** The history an item carries after a write replaces `previous`: kept only while versioning is on. */
export function historyAfterWrite(list: SpList, previous: SpItem): SpItemVersion[] | undefined {
  if (list.EnableVersioning !== true) return previous.history;
  const kept: SpItemVersion = {
    version: previous.version,
    Modified: previous.Modified,
    EditorId: previous.EditorId,
    values: previous.values,
  };
  return [...(previous.history ?? []), kept].slice(-(MAJOR_VERSION_LIMIT - 1));
}

function userValue(ctx: SpContext, id: number): Record<string, unknown> {
  const user = ctx.site.users.find((u) => u.Id === id);
  const group = user === undefined ? ctx.site.groups.find((g) => g.Id === id) : undefined;
  return { LookupId: id, LookupValue: user?.Title ?? group?.Title ?? "", Email: user?.Email ?? "" };
}

function lookupValue(ctx: SpContext, field: SpField, id: number): Record<string, unknown> {
  if (field.FieldTypeKind === 20) return userValue(ctx, id);
  const target = ctx.site.lists.find((l) => `{${l.Id}}` === field.LookupList);
  const shown = field.LookupField ?? "Title";
  const item = target?.items.get(id);
  const value = shown === "ID" || shown === "Id" ? id : item?.values[shown];
  const shownValue = typeof value === "string" || typeof value === "number" ? String(value) : "";
  return { LookupId: id, LookupValue: shownValue };
}

function versionEntity(
  ctx: SpContext,
  list: SpList,
  item: SpItem,
  version: SpItemVersion,
  current: boolean,
): Entity {
  const versionId = version.version * 512;
  const props: Record<string, unknown> = {
    Created: version.Modified,
    IsCurrentVersion: current,
    VersionId: versionId,
    VersionLabel: `${String(version.version)}.0`,
  };
  for (const field of list.fields) {
    if (field.builtIn && field.InternalName !== "Title") continue;
    const raw = version.values[field.InternalName];
    if (field.FieldTypeKind === 7 || field.FieldTypeKind === 20) {
      if (raw === null || raw === undefined)
        props[field.InternalName] = field.AllowMultipleValues ? [] : null;
      else if (Array.isArray(raw))
        props[field.InternalName] = (raw as number[]).map((id) => lookupValue(ctx, field, id));
      else props[field.InternalName] = lookupValue(ctx, field, raw as number);
    } else props[field.InternalName] = raw ?? null;
  }
  props.ID = item.Id;
  props.Modified = version.Modified;
  props.Author = userValue(ctx, item.AuthorId);
  props.Editor = userValue(ctx, version.EditorId);
  props.OData__UIVersionString = props.VersionLabel;
  return {
    meta: {
      type: "SP.ListItemVersion",
      id: `${list.Id}-${String(item.Id)}-${String(versionId)}`,
      editLink: `Web/Lists(guid'${list.Id}')/Items(${String(item.Id)})/versions(${String(versionId)})`,
    },
    props,
  };
}

/** Every version of an item, newest (the current one) first. */
function allVersions(ctx: SpContext, list: SpList, item: SpItem): Entity[] {
  const current: SpItemVersion = {
    version: item.version,
    Modified: item.Modified,
    EditorId: item.EditorId,
    values: item.values,
  };
  const older = [...(item.history ?? [])].reverse();
  return [
    versionEntity(ctx, list, item, current, true),
    ...older.map((v) => versionEntity(ctx, list, item, v, false)),
  ];
}

function project(entity: Entity, select: string | null): Entity {
  if (select === null || select.trim() === "" || select.trim() === "*") return entity;
  const names = select.split(",").map((s) => s.trim().toLowerCase());
  const props = Object.fromEntries(
    Object.entries(entity.props).filter(([key]) => names.includes(key.toLowerCase())),
  );
  return { ...entity, props };
}

/** GET …/items(n)/versions, or …/versions(id) with `versionId`. */
export function handleVersions(
  ctx: SpContext,
  list: SpList,
  id: number,
  versionId: number | null,
): SandboxResponse {
  const method = logicalMethod(ctx.req);
  if (method !== "GET") return SpErrors.methodNotAllowed(ctx.req, method);
  const refused = readRefusal(ctx, list);
  if (refused !== null) return refused;
  const item = list.items.get(id);
  if (item === undefined || !itemReadable(ctx, list, item)) return SpErrors.itemNotFound(ctx.req);
  const q = ctx.req.url.searchParams;
  const select = q.get("$select");
  const versions = allVersions(ctx, list, item);
  if (versionId !== null) {
    const found = versions.find((v) => v.props.VersionId === versionId);
    if (found === undefined) return SpErrors.itemNotFound(ctx.req);
    return entityResponse(ctx.req, ctx.siteUrl, project(found, select));
  }
  const top = Number(q.get("$top") ?? Number.NaN);
  const shown = Number.isInteger(top) && top > 0 ? versions.slice(0, top) : versions;
  return collectionResponse(
    ctx.req,
    ctx.siteUrl,
    "SP.ApiData.ListItemVersions",
    shown.map((v) => project(v, select)),
  );
}
