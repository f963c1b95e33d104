// Evaluating a parsed $filter against an item and comparing values for $orderby, as SharePoint Online does
// (the parsing is odata.ts): text compared without case, dates as instants, a literal of the wrong kind
// refused with SharePoint's message.
import {
  invalidExpression,
  parseIsoInstant,
  ODataQueryError,
  type FilterNode,
  type Literal,
} from "./odata.ts";

type CompareNode = Extract<FilterNode, { kind: "compare" }>;
type TextNode = Extract<FilterNode, { kind: "substringof" | "startswith" }>;
type CompareOp = CompareNode["op"];

const collator = new Intl.Collator("en", { sensitivity: "accent" });
const NUMERIC = /^\s*-?\d+(?:\.\d+)?\s*$/;
// Stored date-time values are full ISO instants; requiring "T...Z" keeps ordinary text out of date logic.
const STORED_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;

// SharePoint stores an empty text or an empty multi-value as NULL, so all of these behave as null.
function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
}

function instantOf(v: unknown): number | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.getTime();
  return typeof v === "string" ? parseIsoInstant(v)?.getTime() : undefined;
}

function formatLiteral(l: Literal): string {
  switch (l.kind) {
    case "string":
      return `'${l.value.replaceAll("'", "''")}'`;
    case "datetime":
      return `datetime'${l.value.toISOString()}'`;
    case "null":
      return "null";
    default:
      return String(l.value);
  }
}

// A comparison SharePoint would refuse for the column's type (text vs datetime, number vs boolean...).
function mismatch(node: CompareNode | TextNode): ODataQueryError {
  const path = node.field.join("/");
  if (node.kind === "compare") return invalidExpression(`${path} ${node.op} ${formatLiteral(node.value)}`);
  const quoted = formatLiteral({ kind: "string", value: node.value });
  return invalidExpression(
    node.kind === "substringof" ? `substringof(${quoted},${path})` : `startswith(${path},${quoted})`,
  );
}

// Sign of (stored value - literal), converting the literal to the column's type as SharePoint does.
function orderAgainst(v: unknown, lit: Exclude<Literal, { kind: "null" }>, node: CompareNode): number {
  switch (lit.kind) {
    case "string": {
      if (v instanceof Date || (typeof v === "string" && STORED_DATETIME.test(v))) {
        const stored = instantOf(v);
        const wanted = parseIsoInstant(lit.value)?.getTime();
        if (stored !== undefined && wanted !== undefined) return stored - wanted;
      } else if (typeof v === "string") {
        return collator.compare(v, lit.value);
      } else if (typeof v === "number" && NUMERIC.test(lit.value)) {
        return v - Number(lit.value);
      }
      break;
    }
    case "number": {
      if (typeof v === "number") return v - lit.value;
      if (typeof v === "string" && !STORED_DATETIME.test(v)) {
        // A text column gets the number as text; a numeric string is a number stored as text.
        return NUMERIC.test(v) ? Number(v) - lit.value : collator.compare(v, String(lit.value));
      }
      // Yes/No columns accept 1 and 0 for true and false.
      if (typeof v === "boolean" && (lit.value === 0 || lit.value === 1)) return Number(v) - lit.value;
      break;
    }
    case "boolean":
      if (typeof v === "boolean") return Number(v) - Number(lit.value);
      break;
    case "datetime": {
      const stored = instantOf(v);
      if (stored !== undefined) return stored - lit.value.getTime();
      break;
    }
  }
  throw mismatch(node);
}

const APPLY: Record<CompareOp, (c: number) => boolean> = {
  eq: (c) => c === 0,
  ne: (c) => c !== 0,
  lt: (c) => c < 0,
  le: (c) => c <= 0,
  gt: (c) => c > 0,
  ge: (c) => c >= 0,
};

function evaluateCompare(node: CompareNode, read: (path: string[]) => unknown): boolean {
  const v = read(node.field);
  const lit = node.value;
  if (lit.kind === "null") return (node.op === "eq") === isEmpty(v);
  // CAML's Neq, Lt, Gt... never match an empty cell, so only "eq null" finds empty rows.
  if (isEmpty(v)) return false;
  if (Array.isArray(v)) {
    // Multi-choice / multi-lookup "eq" means "contains"; ordering a set of values means nothing.
    if (node.op !== "eq" && node.op !== "ne") throw mismatch(node);
    const values: readonly unknown[] = v;
    const contains = values.some((el) => !isEmpty(el) && orderAgainst(el, lit, node) === 0);
    return node.op === "eq" ? contains : !contains;
  }
  return APPLY[node.op](orderAgainst(v, lit, node));
}

function evaluateText(node: TextNode, read: (path: string[]) => unknown): boolean {
  const v = read(node.field);
  if (isEmpty(v)) return false;
  if (typeof v !== "string") throw mismatch(node);
  // CAML Contains / BeginsWith ignore case.
  const haystack = v.toLowerCase();
  const needle = node.value.toLowerCase();
  return node.kind === "substringof" ? haystack.includes(needle) : haystack.startsWith(needle);
}

/** Evaluates a parsed filter against one item, reading field values through `read`. */
export function evaluateFilter(node: FilterNode, read: (path: string[]) => unknown): boolean {
  switch (node.kind) {
    case "and":
      return evaluateFilter(node.left, read) && evaluateFilter(node.right, read);
    case "or":
      return evaluateFilter(node.left, read) || evaluateFilter(node.right, read);
    case "not":
      return !evaluateFilter(node.operand, read);
    case "compare":
      return evaluateCompare(node, read);
    case "substringof":
    case "startswith":
      return evaluateText(node, read);
  }
}

/** Compares two field values for $orderby: empty values first, then numbers, dates, booleans or text in column order. */
export function compareValues(a: unknown, b: unknown): number {
  const aEmpty = isEmpty(a);
  const bEmpty = isEmpty(b);
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? -1 : 1;
  // SharePoint cannot sort on multi-value columns; sorting them some arbitrary way would hide that.
  if (Array.isArray(a) || Array.isArray(b)) {
    throw new ODataQueryError("Multi-value fields cannot be used in $orderby.");
  }
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const isStoredDate = (v: unknown): boolean =>
    v instanceof Date || (typeof v === "string" && STORED_DATETIME.test(v));
  if (isStoredDate(a) && isStoredDate(b)) return (instantOf(a) ?? 0) - (instantOf(b) ?? 0);
  if (typeof a === "string" && typeof b === "string") return collator.compare(a, b);
  // One column holding two kinds of value is a sandbox data bug, not a query SharePoint would refuse.
  throw new Error(`Cannot order ${typeof a} against ${typeof b}`);
}
