// List columns: create (POST …/fields and …/fields/AddField), read, update (Indexed, EnforceUniqueValues…)
// and delete; changing them needs ManageLists on the list.
import { randomUUID } from "node:crypto";
import type { SandboxResponse } from "../http.ts";
import { logicalMethod, parseJsonObject, type SpContext } from "./context.ts";
import { collectionResponse, entityResponse, noContent, spError, SpErrors, type Entity } from "./format.ts";
import { filtered } from "./lists.ts";
import {
  FIELD_KIND_PROPERTIES,
  FIELD_KINDS,
  internalNameFromTitle,
  typeAsStringOf,
  type SpField,
  type SpList,
} from "./model.ts";
import { manageListsRefusal } from "./permissions.ts";
import { uniqueSettingRefusal } from "./unique.ts";

export function fieldEntity(list: SpList, field: SpField): Entity {
  const props: Record<string, unknown> = {
    CanBeDeleted: !field.builtIn,
    DefaultValue: field.DefaultValue,
    Description: field.Description,
    EnforceUniqueValues: field.EnforceUniqueValues,
    FieldTypeKind: field.FieldTypeKind,
    Group: field.Group,
    Hidden: field.Hidden,
    Id: field.Id,
    Indexed: field.Indexed,
    InternalName: field.InternalName,
    ReadOnlyField: field.ReadOnlyField,
    Required: field.Required,
    StaticName: field.InternalName,
    Title: field.Title,
    TypeAsString: field.TypeAsString,
  };
  for (const key of FIELD_KIND_PROPERTIES) {
    if (field[key] !== undefined) props[key] = field[key];
  }
  const odataType = FIELD_KINDS[field.FieldTypeKind]?.odataType ?? "SP.Field";
  return {
    meta: {
      type: odataType,
      id: field.Id,
      editLink: `Web/Lists(guid'${list.Id}')/Fields(guid'${field.Id}')`,
    },
    props,
  };
}

function readChoices(value: unknown): string[] | undefined {
  const raw =
    typeof value === "object" && value !== null && !Array.isArray(value) && "results" in value
      ? value.results
      : value;
  return Array.isArray(raw) && raw.every((c) => typeof c === "string") ? raw : undefined;
}

/** POST …/fields (SP.Field body, verbose or not) and …/fields/AddField ({ parameters }). */
export function addField(ctx: SpContext, list: SpList, viaAddField: boolean): SandboxResponse {
  const denied = manageListsRefusal(ctx, list);
  if (denied !== null) return denied;
  const raw = parseJsonObject(ctx.req.body);
  if (raw === null) return SpErrors.badJson(ctx.req);
  const body = viaAddField ? raw.parameters : raw;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return SpErrors.invalidClientQuery(
      ctx.req,
      "The parameter parameters does not exist in method AddField.",
    );
  }
  const props = body as Record<string, unknown>;
  const title = props.Title;
  const kind = props.FieldTypeKind;
  if (typeof title !== "string" || title.trim() === "")
    return SpErrors.invalidClientQuery(ctx.req, "The parameter Title cannot be empty.");
  if (typeof kind !== "number" || FIELD_KINDS[kind] === undefined || kind === 5 || kind === 12) {
    return SpErrors.invalidClientQuery(ctx.req, `The field type '${String(kind)}' is not supported.`);
  }
  if (
    list.fields.some(
      (f) =>
        f.Title.toLowerCase() === title.toLowerCase() || f.InternalName.toLowerCase() === title.toLowerCase(),
    )
  ) {
    return spError(
      ctx.req,
      500,
      "-2130575245, Microsoft.SharePoint.SPException",
      `A duplicate field name "${internalNameFromTitle(title)}" was found.`,
    );
  }
  let internal =
    typeof props.InternalName === "string" && props.InternalName !== ""
      ? props.InternalName
      : internalNameFromTitle(title);
  for (let n = 0; list.fields.some((f) => f.InternalName === internal); n++)
    internal = `${internalNameFromTitle(title).slice(0, 30)}${n}`;
  const field: SpField = {
    Id: randomUUID(),
    InternalName: internal,
    Title: title,
    FieldTypeKind: kind,
    TypeAsString: "",
    Indexed: props.Indexed === true,
    Required: props.Required === true,
    Hidden: props.Hidden === true,
    ReadOnlyField: false,
    Description: typeof props.Description === "string" ? props.Description : "",
    EnforceUniqueValues: props.EnforceUniqueValues === true,
    DefaultValue: typeof props.DefaultValue === "string" ? props.DefaultValue : null,
    Group: typeof props.Group === "string" ? props.Group : "Custom Columns",
    builtIn: false,
  };
  if (kind === 2) field.MaxLength = typeof props.MaxLength === "number" ? props.MaxLength : 255;
  if (kind === 6 || kind === 15) field.Choices = readChoices(props.Choices) ?? [];
  if (kind === 7) {
    const target =
      typeof props.LookupListId === "string" ? props.LookupListId.replace(/[{}]/g, "") : undefined;
    if (target === undefined || !ctx.site.lists.some((l) => l.Id === target)) {
      return spError(
        ctx.req,
        400,
        "-2147024809, System.ArgumentException",
        "Value does not fall within the expected range.",
      );
    }
    field.LookupList = `{${target}}`;
    field.LookupField = typeof props.LookupFieldName === "string" ? props.LookupFieldName : "Title";
  }
  if (kind === 7 || kind === 20) field.AllowMultipleValues = props.AllowMultipleValues === true;
  if (kind === 20) field.SelectionMode = typeof props.SelectionMode === "number" ? props.SelectionMode : 0;
  if (kind === 4 || kind === 11)
    field.DisplayFormat = typeof props.DisplayFormat === "number" ? props.DisplayFormat : 0;
  field.TypeAsString = typeAsStringOf(field);
  const notUnique = uniqueSettingRefusal(ctx, list, { ...field, EnforceUniqueValues: false }, field);
  if (notUnique !== null) return notUnique;
  list.fields.push(field);
  ctx.store.saveList(ctx.site, list);
  return entityResponse(ctx.req, ctx.siteUrl, fieldEntity(list, field), 201);
}

const UPDATABLE: Record<string, "boolean" | "string" | "number" | "choices"> = {
  Title: "string",
  Description: "string",
  Indexed: "boolean",
  Required: "boolean",
  Hidden: "boolean",
  EnforceUniqueValues: "boolean",
  DefaultValue: "string",
  Group: "string",
  MaxLength: "number",
  Choices: "choices",
  AllowMultipleValues: "boolean",
  SelectionMode: "number",
  DisplayFormat: "number",
};

/** GET, MERGE or DELETE on one field. */
export function handleField(ctx: SpContext, list: SpList, field: SpField): SandboxResponse {
  const method = logicalMethod(ctx.req);
  if (method === "GET") return entityResponse(ctx.req, ctx.siteUrl, fieldEntity(list, field));
  if (method !== "MERGE" && method !== "PATCH" && method !== "DELETE")
    return SpErrors.methodNotAllowed(ctx.req, method);
  const denied = manageListsRefusal(ctx, list);
  if (denied !== null) return denied;
  if (method === "DELETE") {
    if (field.builtIn)
      return spError(
        ctx.req,
        500,
        "-2146232832, Microsoft.SharePoint.SPException",
        "You cannot delete a hidden column.",
      );
    list.fields = list.fields.filter((f) => f !== field);
    for (const item of list.items.values())
      item.values = Object.fromEntries(Object.entries(item.values).filter(([k]) => k !== field.InternalName));
    ctx.store.saveList(ctx.site, list);
    return { status: 200, headers: { "content-length": "0" }, body: "" };
  }
  const body = parseJsonObject(ctx.req.body);
  if (body === null) return SpErrors.badJson(ctx.req);
  const next: SpField = { ...field };
  for (const [key, value] of Object.entries(body)) {
    if (key === "__metadata") continue;
    const kind = UPDATABLE[key];
    if (kind === undefined) {
      if (key === "FieldTypeKind" && value === field.FieldTypeKind) continue;
      return SpErrors.unknownProperty(
        ctx.req,
        key,
        FIELD_KINDS[field.FieldTypeKind]?.odataType ?? "SP.Field",
      );
    }
    if (kind === "choices") {
      const choices = readChoices(value);
      if (choices === undefined)
        return SpErrors.invalidClientQuery(
          ctx.req,
          "An unexpected 'StartObject' node was found for property named 'Choices'.",
        );
      next.Choices = choices;
    } else if (typeof value !== kind && !(key === "DefaultValue" && value === null)) {
      return SpErrors.invalidClientQuery(
        ctx.req,
        `A value of the wrong type was found for property '${key}'.`,
      );
    } else {
      (next as unknown as Record<string, unknown>)[key] = value;
    }
  }
  next.TypeAsString = typeAsStringOf(next);
  const notUnique = uniqueSettingRefusal(ctx, list, field, next);
  if (notUnique !== null) return notUnique;
  Object.assign(field, next);
  ctx.store.saveList(ctx.site, list);
  return noContent();
}

/** GET …/fields (with $filter as SharePoint allows, e.g. Hidden eq false). */
export function listFields(ctx: SpContext, list: SpList): SandboxResponse {
  const rows = filtered(ctx, list.fields, (f) => fieldEntity(list, f).props);
  if (!Array.isArray(rows)) return rows;
  return collectionResponse(
    ctx.req,
    ctx.siteUrl,
    "SP.ApiData.Fields",
    rows.map((f) => fieldEntity(list, f)),
  );
}
