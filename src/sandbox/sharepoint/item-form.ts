// POST …/items(n)/ValidateUpdateListItem: the form-style update (PnPjs item.validateUpdateListItem), values
// given as the strings a form posts. SharePoint answers 200 with one SP.ListItemFormUpdateValue per field and
// saves nothing when any field has an exception; permissions and WriteSecurity are checked as for MERGE.
import type { SandboxResponse } from "../http.ts";
import { logicalMethod, parseJsonObject, type SpContext } from "./context.ts";
import { flavourOf, SpErrors, valueResponse } from "./format.ts";
import { isItem, saveItemValues, writableItem } from "./item-writes.ts";
import type { SpField, SpList } from "./model.ts";
import { CLAIMS_PREFIX } from "./site.ts";
import { duplicateRefusal } from "./unique.ts";
import { readColumnValue, ValueError } from "./values.ts";

interface FormValue {
  FieldName: string;
  FieldValue: string;
}

interface FieldResult extends FormValue {
  ErrorCode: number;
  ErrorMessage: string | null;
  HasException: boolean;
  ItemId: number;
}

function readFormValues(body: Record<string, unknown>): FormValue[] | null {
  const raw = body.formValues;
  const list =
    typeof raw === "object" && raw !== null && !Array.isArray(raw) && "results" in raw ? raw.results : raw;
  if (!Array.isArray(list)) return null;
  const values: FormValue[] = [];
  for (const entry of list as unknown[]) {
    if (typeof entry !== "object" || entry === null) return null;
    const { FieldName, FieldValue } = entry as Record<string, unknown>;
    if (typeof FieldName !== "string") return null;
    values.push({ FieldName, FieldValue: typeof FieldValue === "string" ? FieldValue : "" });
  }
  return values;
}

/** The form string as the JSON value a MERGE body would carry for the column. */
function fromForm(ctx: SpContext, field: SpField, text: string): unknown {
  if (text === "") return null;
  const ids = () =>
    text
      .split(";#")
      .map((s) => s.trim())
      .filter((s) => /^\d+$/.test(s))
      .map(Number);
  switch (field.FieldTypeKind) {
    case 1:
    case 9:
    case 10:
      return text;
    case 8:
      return /^(1|yes|true)$/i.test(text);
    case 7:
      return field.AllowMultipleValues === true ? ids() : (ids()[0] ?? null);
    case 15:
      return text.split(";#").filter((s) => s !== "");
    case 11: {
      const [url = "", ...description] = text.split(", ");
      return { Url: url, Description: description.join(", ") || url };
    }
    case 20: {
      const keys = (JSON.parse(text) as { Key?: string }[]).map((p) => (p.Key ?? "").toLowerCase());
      const found = keys.map((key) => {
        const login = key.startsWith(CLAIMS_PREFIX) ? key : `${CLAIMS_PREFIX}${key}`;
        return ctx.site.users.find((u) => u.LoginName === login)?.Id ?? 0;
      });
      return field.AllowMultipleValues === true ? found : (found[0] ?? 0);
    }
    default:
      return text;
  }
}

function resultsResponse(ctx: SpContext, results: FieldResult[]): SandboxResponse {
  const response = valueResponse(ctx.req, "ValidateUpdateListItem", results);
  if (flavourOf(ctx.req) !== "verbose") return response;
  const wrapped = {
    d: {
      ValidateUpdateListItem: {
        __metadata: { type: "Collection(SP.ListItemFormUpdateValue)" },
        results,
      },
    },
  };
  return { ...response, body: JSON.stringify(wrapped) };
}

export function validateUpdateListItem(ctx: SpContext, list: SpList, id: number): SandboxResponse {
  if (logicalMethod(ctx.req) !== "POST") return SpErrors.methodNotAllowed(ctx.req, ctx.req.method);
  const item = writableItem(ctx, list, id, "edit");
  if (!isItem(item)) return item;
  const body = parseJsonObject(ctx.req.body);
  if (body === null) return SpErrors.badJson(ctx.req);
  const formValues = readFormValues(body);
  if (formValues === null)
    return SpErrors.invalidClientQuery(
      ctx.req,
      "The parameter formValues does not exist in method ValidateUpdateListItem.",
    );
  const values = { ...item.values };
  const results: FieldResult[] = formValues.map((entry) => {
    const result: FieldResult = {
      ...entry,
      ErrorCode: 0,
      ErrorMessage: null,
      HasException: false,
      ItemId: id,
    };
    const field = list.fields.find(
      (f) => f.InternalName === entry.FieldName && (!f.builtIn || f.InternalName === "Title"),
    );
    try {
      if (field === undefined)
        throw new ValueError(
          `Column '${entry.FieldName}' does not exist. It may have been deleted by another user.`,
        );
      values[field.InternalName] = readColumnValue(ctx, field, fromForm(ctx, field, entry.FieldValue));
    } catch (error) {
      if (!(error instanceof ValueError) && !(error instanceof SyntaxError)) throw error;
      Object.assign(result, { ErrorCode: -1, ErrorMessage: error.message, HasException: true });
    }
    return result;
  });
  if (results.some((r) => r.HasException)) return resultsResponse(ctx, results);
  // A repeated value in a unique column is reported on the field, as the list form reports it.
  const duplicate = duplicateRefusal(ctx, list, values, id);
  if (duplicate !== null) {
    let flagged = false;
    for (const r of results) {
      const field = list.fields.find((f) => f.InternalName === r.FieldName);
      if (field?.EnforceUniqueValues !== true || r.FieldValue === "") continue;
      Object.assign(r, {
        ErrorCode: -2130575169,
        ErrorMessage: "This value already exists in the list.",
        HasException: true,
      });
      flagged = true;
    }
    return flagged ? resultsResponse(ctx, results) : duplicate;
  }
  const saved = saveItemValues(ctx, list, item, values);
  return isItem(saved) ? resultsResponse(ctx, results) : saved;
}
