// Unique columns (EnforceUniqueValues), as SharePoint holds them: an add or update that would give a unique
// column a value another item already has is refused with SPDuplicateValuesFoundException, HTTP 500, e.g.
//   {"odata.error":{"code":"-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException","message":
//   {"lang":"en-US","value":"The list item could not be added or updated because duplicate values were found
//   in the following field(s) in the list: [ATVNumber]."}}}   (nittygritty-uk/Atvero-Issues#135)
// Values compare case-insensitively ("Enforcing Uniqueness in Column Values", SharePoint Foundation 2010 docs);
// a lookup or person column is unique on the id it holds. A column can only be made unique once it is indexed
// and holds no duplicates (the two SPException messages quoted at sharepointquicksolutions.blogspot.com/2012/02).
import type { SandboxResponse } from "../http.ts";
import type { SpContext } from "./context.ts";
import { spError } from "./format.ts";
import type { SpField, SpItem, SpList } from "./model.ts";

/** The key a value is compared by; null for an empty value, which never clashes. */
function uniqueKey(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return `s:${value.toLocaleLowerCase("en-GB")}`;
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value}:${String(value)}`;
  return `j:${JSON.stringify(value)}`;
}

function valueOf(item: Pick<SpItem, "values">, field: SpField): unknown {
  return item.values[field.InternalName];
}

/** SharePoint's refusal when `values` (for item `selfId`, or a new item when null) repeats a unique value. */
export function duplicateRefusal(
  ctx: SpContext,
  list: SpList,
  values: Record<string, unknown>,
  selfId: number | null,
): SandboxResponse | null {
  const clashes: string[] = [];
  for (const field of list.fields) {
    if (!field.EnforceUniqueValues) continue;
    const key = uniqueKey(values[field.InternalName]);
    if (key === null) continue;
    for (const other of list.items.values()) {
      if (other.Id !== selfId && uniqueKey(valueOf(other, field)) === key) {
        clashes.push(field.InternalName);
        break;
      }
    }
  }
  if (clashes.length === 0) return null;
  return spError(
    ctx.req,
    500,
    "-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException",
    `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${clashes.join(", ")}].`,
  );
}

/** SharePoint's refusal to make `field` unique as `next` asks, or null. */
export function uniqueSettingRefusal(
  ctx: SpContext,
  list: SpList,
  field: SpField,
  next: SpField,
): SandboxResponse | null {
  if (!next.EnforceUniqueValues || field.EnforceUniqueValues) return null;
  const refuse = (message: string) =>
    spError(ctx.req, 500, "-2146232832, Microsoft.SharePoint.SPException", message);
  if (!next.Indexed) return refuse("The field must first be indexed to enforce unique values.");
  const seen = new Set<string>();
  for (const item of list.items.values()) {
    const key = uniqueKey(valueOf(item, field));
    if (key === null) continue;
    if (seen.has(key))
      return refuse(
        "This field contains duplicate values. Remove all duplicate values and try the operation again.",
      );
    seen.add(key);
  }
  return null;
}
