// Reading item values from a request body and writing them back, per column type, as SharePoint does.
import type { SpContext } from "./context.ts";
import type { SpField, SpList } from "./model.ts";

export class ValueError extends Error {
  constructor(
    message: string,
    readonly code = "-1, Microsoft.SharePoint.Client.InvalidClientQueryException",
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Columns SharePoint maintains itself; a client cannot write them. */
const READ_ONLY = new Set([
  "ID",
  "Id",
  "Created",
  "Modified",
  "Author",
  "Editor",
  "AuthorId",
  "EditorId",
  "GUID",
  "Attachments",
  "FileSystemObjectType",
  "ContentTypeId",
  "OData__UIVersionString",
]);

/** Columns of a list a body may name: by internal name, and lookups/people as <Name>Id. */
export function writableColumns(list: SpList): Map<string, SpField> {
  const columns = new Map<string, SpField>();
  for (const field of list.fields) {
    if (field.builtIn && field.InternalName !== "Title") continue;
    if (field.FieldTypeKind === 7 || field.FieldTypeKind === 20)
      columns.set(`${field.InternalName}Id`, field);
    else columns.set(field.InternalName, field);
  }
  return columns;
}

function unwrapResults(value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "results" in value) {
    return value.results;
  }
  return value;
}

function edmMismatch(found: string, expected: string): ValueError {
  return new ValueError(
    `A value of type '${found}' was found where a value of type '${expected}' was expected.`,
  );
}

function edmTypeOf(value: unknown): string {
  if (typeof value === "string") return "Edm.String";
  if (typeof value === "number") return Number.isInteger(value) ? "Edm.Int32" : "Edm.Double";
  if (typeof value === "boolean") return "Edm.Boolean";
  if (Array.isArray(value)) return "Collection";
  return "Edm.ComplexType";
}

/** Turn one body property into the stored value for a column, or throw ValueError with SharePoint's words. */
export function readColumnValue(ctx: SpContext, field: SpField, raw: unknown): unknown {
  const value = unwrapResults(raw);
  if (value === null) return null;
  switch (field.FieldTypeKind) {
    case 2:
    case 3:
    case 6: {
      if (typeof value !== "string") throw edmMismatch(edmTypeOf(value), "Edm.String");
      const max =
        field.FieldTypeKind === 2 ? (field.MaxLength ?? 255) : field.FieldTypeKind === 6 ? 255 : 63999 * 4;
      if (value.length > max) {
        throw new ValueError(
          `The value of the field '${field.Title}' exceeds the maximum length of ${max} characters.`,
          "-2130575162, Microsoft.SharePoint.SPFieldValidationException",
        );
      }
      return value;
    }
    case 1:
    case 9:
    case 10: {
      if (typeof value === "number" && Number.isFinite(value)) return value;
      if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
        return Number(value);
      throw edmMismatch(edmTypeOf(value), "Edm.Double");
    }
    case 8: {
      if (typeof value === "boolean") return value;
      throw edmMismatch(edmTypeOf(value), "Edm.Boolean");
    }
    case 4: {
      if (typeof value !== "string" || Number.isNaN(Date.parse(value))) {
        throw new ValueError(
          `Cannot convert a primitive value to the expected type 'Edm.DateTime'. See the inner exception for more details.`,
        );
      }
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
      return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");
    }
    case 11: {
      if (typeof value !== "object" || Array.isArray(value))
        throw edmMismatch(edmTypeOf(value), "SP.FieldUrlValue");
      const url = (value as Record<string, unknown>).Url;
      const description = (value as Record<string, unknown>).Description;
      if (typeof url !== "string")
        throw new ValueError("The property 'Url' of 'SP.FieldUrlValue' must be a string.");
      return { Url: url, Description: typeof description === "string" ? description : url };
    }
    case 15: {
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
        throw edmMismatch(edmTypeOf(value), "Collection(Edm.String)");
      }
      return value;
    }
    case 7:
    case 20:
      return readIds(ctx, field, value);
    default:
      return value;
  }
}

function readIds(ctx: SpContext, field: SpField, value: unknown): number | number[] | null {
  const many = field.AllowMultipleValues === true;
  const ids = Array.isArray(value) ? value : [value];
  if (!many && Array.isArray(value)) throw edmMismatch("Collection", "Edm.Int32");
  for (const id of ids) {
    if (typeof id !== "number" || !Number.isInteger(id)) throw edmMismatch(edmTypeOf(id), "Edm.Int32");
    if (
      field.FieldTypeKind === 20 &&
      id > 0 &&
      !ctx.site.users.some((u) => u.Id === id) &&
      !ctx.site.groups.some((g) => g.Id === id)
    ) {
      throw new ValueError(
        "The user does not exist or is not unique.",
        "-2146232832, Microsoft.SharePoint.SPFieldValidationException",
      );
    }
  }
  if (many) return (ids as number[]).filter((id) => id > 0);
  const id = ids[0] as number;
  return id > 0 ? id : null;
}

/** Apply a body to an item's values; throws ValueError for unknown or read-only properties. */
export function applyBody(
  ctx: SpContext,
  list: SpList,
  typeName: string,
  body: Record<string, unknown>,
  values: Record<string, unknown>,
): void {
  const columns = writableColumns(list);
  for (const [key, raw] of Object.entries(body)) {
    if (key === "__metadata") continue;
    const field = columns.get(key);
    if (field === undefined) {
      if (READ_ONLY.has(key)) {
        throw new ValueError(`The property '${key}' cannot be set. It is read-only.`);
      }
      throw new ValueError(
        `The property '${key}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type.`,
      );
    }
    values[field.InternalName] = readColumnValue(ctx, field, raw);
  }
}
