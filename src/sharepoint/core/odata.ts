// The one place OData $filter text is built. Every value goes through a literal helper, so a title such as
// "Mayor's Office" can never end a string early or smuggle in another condition; callers combine the pieces
// with `and`/`or` and never concatenate user text into a filter themselves.
import type { IsoDate } from "../../domain/index.ts";
import { dayBoundary, dayBoundaryBefore } from "./dates.ts";

/** A $filter fragment built by these helpers (branded so that raw strings cannot be passed by mistake). */
export type ODataFilter = string & { readonly __brand: "ODataFilter" };

/** A string literal with quotes doubled, as OData v3 escapes them: `Mayor's` -> `'Mayor''s'`. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** An integer literal; refuses anything else so that an id can never carry text into a filter. */
export function odataInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not an integer id: ${String(value)}`);
  return String(value);
}

type Literal = string | number | boolean | null;

function literal(value: Literal): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return odataInteger(value);
  return odataString(value);
}

// Column names come from the schema, never from people; still, refuse anything that is not a plain name.
const COLUMN = /^[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)?$/;

function column(name: string): string {
  if (!COLUMN.test(name)) throw new RangeError(`Not a column name: ${name}`);
  return name;
}

/** `Column eq value` with the value escaped. */
export function eq(name: string, value: Literal): ODataFilter {
  return `${column(name)} eq ${literal(value)}` as ODataFilter;
}

/** `Column gt n` for an integer column (an item id range, for instance). */
export function greaterThan(name: string, value: number): ODataFilter {
  return `${column(name)} gt ${odataInteger(value)}` as ODataFilter;
}

/** `Column lt n` for an integer column. */
export function lessThan(name: string, value: number): ODataFilter {
  return `${column(name)} lt ${odataInteger(value)}` as ODataFilter;
}

/** A date column holds `date` or an earlier day (see `dayBoundary` for why it is not `le`). */
export function onOrBefore(name: string, date: IsoDate): ODataFilter {
  return `${column(name)} lt datetime'${dayBoundary(date)}'` as ODataFilter;
}

/** A date column holds `date` or a later day. */
export function onOrAfter(name: string, date: IsoDate): ODataFilter {
  return `${column(name)} gt datetime'${dayBoundaryBefore(date)}'` as ODataFilter;
}

/** All of the conditions; SharePoint answers past the threshold from the first indexed one, so put it first. */
export function and(...parts: ODataFilter[]): ODataFilter {
  if (parts.length === 0) throw new RangeError("and() needs at least one condition");
  return parts.map((p) => (parts.length > 1 ? `(${p})` : p)).join(" and ") as ODataFilter;
}

/** Any of the conditions (an `or` of indexed conditions still counts as indexed). */
export function or(...parts: ODataFilter[]): ODataFilter {
  if (parts.length === 0) throw new RangeError("or() needs at least one condition");
  return parts.map((p) => (parts.length > 1 ? `(${p})` : p)).join(" or ") as ODataFilter;
}

/** `Column eq v1 or Column eq v2 …` for a set of ids (OData v3 on SharePoint has no `in`). */
export function anyOf(name: string, ids: readonly number[]): ODataFilter {
  return or(...ids.map((id) => eq(name, id)));
}
