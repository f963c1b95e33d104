// The OData v3 subset that SharePoint Online accepts on list items ($filter, $orderby, $select, $expand),
// parsed and evaluated the way SharePoint does. The sandbox must never answer a query SharePoint would
// refuse, nor answer one differently, so everything outside the subset is an ODataQueryError.

export type Literal =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "datetime"; value: Date }
  | { kind: "null" };
export type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; op: "eq" | "ne" | "lt" | "le" | "gt" | "ge"; field: string[]; value: Literal }
  | { kind: "substringof"; field: string[]; value: string }
  | { kind: "startswith"; field: string[]; value: string };

type CompareNode = Extract<FilterNode, { kind: "compare" }>;
type TextNode = Extract<FilterNode, { kind: "substringof" | "startswith" }>;
type CompareOp = CompareNode["op"];

/** Thrown for malformed or unsupported expressions; `message` is the text SharePoint would put in odata.error.message.value. */
export class ODataQueryError extends Error {
  override readonly name = "ODataQueryError";
  /** The odata.error.code SharePoint Online sends with a 400 for a query option it cannot parse. */
  readonly code = "-1, Microsoft.SharePoint.Client.InvalidClientQueryException";
}

/** Builds the error SharePoint Online returns for a query option it cannot parse (observed for $filter and $select). */
export function invalidExpression(text: string): ODataQueryError {
  return new ODataQueryError(`The expression "${text}" is not valid.`);
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

type Token =
  | { t: "(" | ")" | "," }
  | { t: "word"; text: string }
  | { t: "string"; value: string }
  | { t: "number"; value: number }
  | { t: "datetime"; value: Date };

const NAME = "[A-Za-z_][A-Za-z0-9_]*";
const FIELD_PATH = new RegExp(`^${NAME}(?:/${NAME})?$`);
const SINGLE_NAME = new RegExp(`^${NAME}$`);
// Words may carry any number of "/" segments here so that "A/B/C" and "Tags/any" reach the parser,
// which rejects them as a whole rather than splitting them into something that happens to parse.
const WORD = new RegExp(`${NAME}(?:/${NAME})*`, "y");
const NUMBER = /-?\d+(?:\.\d+)?/y;
// A number glued to a letter, dot or quote ("5and", "1.", "10L", "2.5M") is a typed or broken literal,
// and a quoted literal glued to a word ("'a'and") lacks the whitespace OData requires around keywords.
const AFTER_NUMBER = /[A-Za-z0-9_.']/;
const AFTER_QUOTED = /[A-Za-z0-9_]/;
const WHITESPACE = /\s/;

function tokenize(text: string, fail: () => ODataQueryError): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (): string => {
    // i is on the opening quote; a doubled quote is an escaped quote, as in 'Mayor''s Office'.
    let value = "";
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] !== "'") {
        value += text.charAt(j);
      } else if (text.charAt(j + 1) === "'") {
        value += "'";
        j++;
      } else {
        i = j + 1;
        if (AFTER_QUOTED.test(text.charAt(i))) throw fail();
        return value;
      }
    }
    throw fail();
  };
  while (i < text.length) {
    const c = text.charAt(i);
    if (WHITESPACE.test(c)) {
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      tokens.push({ t: c });
      i++;
    } else if (c === "'") {
      tokens.push({ t: "string", value: readQuoted() });
    } else if (/\d/.test(c) || (c === "-" && /\d/.test(text.charAt(i + 1)))) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) throw fail();
      i += m[0].length;
      if (AFTER_NUMBER.test(text.charAt(i))) throw fail();
      tokens.push({ t: "number", value: Number(m[0]) });
    } else {
      WORD.lastIndex = i;
      const m = WORD.exec(text);
      if (!m) throw fail();
      i += m[0].length;
      // A word glued to a quote is a typed literal; datetime'...' is the only type prefix
      // SharePoint list queries use (guid'', X'' and the rest are refused).
      if (text.charAt(i) === "'") {
        if (m[0] !== "datetime") throw fail();
        const value = parseIsoInstant(readQuoted());
        if (!value) throw fail();
        tokens.push({ t: "datetime", value });
      } else {
        tokens.push({ t: "word", text: m[0] });
      }
    }
  }
  return tokens;
}

// datetime literals may omit seconds, fraction and "Z", or the whole time part. Without a "Z" the
// instant is read as UTC: the sandbox keeps every date-time as a UTC instant, as SharePoint stores them.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?Z?)?$/;

/** Parses an ISO 8601 date or UTC date-time as SharePoint accepts it; undefined if it is not one or names no real day. */
export function parseIsoInstant(text: string): Date | undefined {
  const m = ISO_INSTANT.exec(text);
  if (!m) return undefined;
  const part = (k: number): number => Number(m[k] ?? "0");
  const [y, mo, d, h, mi, s] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const ms = Math.floor(Number(`0.${m[7] ?? "0"}`) * 1000);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // Date.UTC rolls 2024-02-30 over to March; a literal that does not round-trip names no real instant.
  const back = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  back.push(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  return back.join() === [y, mo, d, h, mi, s].join() ? date : undefined;
}

// ---------------------------------------------------------------------------------------------
// Parser: or := and ("or" and)*; and := unary ("and" unary)*; unary := "not" unary | primary

const COMPARISON_OPS: ReadonlySet<string> = new Set(["eq", "ne", "lt", "le", "gt", "ge"]);
const RESERVED: ReadonlySet<string> = new Set(["and", "or", "not", "true", "false", "null"]);

/** Parses a $filter expression into a tree, or throws ODataQueryError for anything outside SharePoint's subset. */
export function parseFilter(text: string): FilterNode {
  const fail = (): ODataQueryError => invalidExpression(text);
  const tokens = tokenize(text, fail);
  let i = 0;
  const isWord = (word: string): boolean => {
    const tok = tokens[i];
    return tok?.t === "word" && tok.text === word;
  };
  const take = <T extends Token["t"]>(t: T): Extract<Token, { t: T }> => {
    const tok = tokens[i++];
    if (tok?.t !== t) throw fail();
    return tok as Extract<Token, { t: T }>;
  };
  const field = (): string[] => {
    const { text: word } = take("word");
    if (RESERVED.has(word) || tokens[i]?.t === "(" || !FIELD_PATH.test(word)) throw fail();
    return word.split("/");
  };

  const orExpr = (): FilterNode => {
    let left = andExpr();
    while (isWord("or")) {
      i++;
      left = { kind: "or", left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): FilterNode => {
    let left = unary();
    while (isWord("and")) {
      i++;
      left = { kind: "and", left, right: unary() };
    }
    return left;
  };
  const unary = (): FilterNode => {
    if (!isWord("not")) return primary();
    i++;
    // OData ranks "not" above "eq", so "not Status eq 'x'" means "(not Status) eq 'x'", a type error
    // in SharePoint; only a parenthesised group, a function call or another "not" may follow it.
    const next = tokens[i];
    const operandOk = next?.t === "(" || (next?.t === "word" && tokens[i + 1]?.t === "(") || isWord("not");
    if (!operandOk) throw fail();
    return { kind: "not", operand: unary() };
  };
  const primary = (): FilterNode => {
    if (tokens[i]?.t === "(") {
      i++;
      const inner = orExpr();
      take(")");
      return inner;
    }
    if (tokens[i]?.t === "word" && tokens[i + 1]?.t === "(") return functionCall();
    const path = field();
    const op = take("word").text;
    if (!COMPARISON_OPS.has(op)) throw fail();
    const value = literal();
    // Ordering against null or a boolean has no meaning in CAML; refuse rather than guess.
    if ((value.kind === "null" || value.kind === "boolean") && op !== "eq" && op !== "ne") throw fail();
    return { kind: "compare", op: op as CompareOp, field: path, value };
  };
  const literal = (): Literal => {
    const tok = tokens[i++];
    if (tok?.t === "string") return { kind: "string", value: tok.value };
    if (tok?.t === "number") return { kind: "number", value: tok.value };
    if (tok?.t === "datetime") return { kind: "datetime", value: tok.value };
    if (tok?.t !== "word") throw fail();
    if (tok.text === "true" || tok.text === "false") return { kind: "boolean", value: tok.text === "true" };
    if (tok.text === "null") return { kind: "null" };
    throw fail();
  };
  const functionCall = (): FilterNode => {
    const name = take("word").text;
    take("(");
    let node: TextNode;
    if (name === "substringof") {
      // SharePoint keeps the OData v2/v3 argument order: the text first, the column second.
      const value = take("string").value;
      take(",");
      node = { kind: "substringof", value, field: field() };
    } else if (name === "startswith") {
      const path = field();
      take(",");
      node = { kind: "startswith", field: path, value: take("string").value };
    } else {
      throw fail();
    }
    take(")");
    // "substringof(...) eq true" is the same test; "eq false" / "ne true" are not accepted here.
    if (isWord("eq")) {
      i++;
      if (!isWord("true")) throw fail();
      i++;
    }
    return node;
  };

  const tree = orExpr();
  if (i !== tokens.length) throw fail();
  return tree;
}

export interface OrderBy {
  field: string[];
  descending: boolean;
}

const ORDER_ITEM = new RegExp(`^\\s*(${NAME}(?:/${NAME})?)(?:\\s+(asc|desc))?\\s*$`);

/** Parses $orderby ("Due desc,Title") into sort keys; ascending unless "desc" is given; blank means no sort. */
export function parseOrderBy(text: string): OrderBy[] {
  // An empty query option is the same as an absent one, so "$orderby=" sorts nothing rather than failing.
  if (text.trim() === "") return [];
  return text.split(",").map((part) => {
    const m = ORDER_ITEM.exec(part);
    const name = m?.[1];
    if (name === undefined) throw invalidExpression(text);
    return { field: name.split("/"), descending: m?.[2] === "desc" };
  });
}

/** Parses $select into field paths: "Id,Title,SRO/EMail" -> [["Id"],["Title"],["SRO","EMail"]]; "*" is ["*"]. */
export function parseSelect(text: string): string[][] {
  return text.split(",").map((raw) => {
    const part = raw.trim();
    // SharePoint rejects the whole option on a trailing comma, so an empty item is an error too.
    if (part !== "*" && !FIELD_PATH.test(part)) throw invalidExpression(text);
    return part.split("/");
  });
}

/** Parses $expand into lookup/person column names: "SRO,Plan" -> ["SRO","Plan"]. */
export function parseExpand(text: string): string[] {
  return text.split(",").map((raw) => {
    const part = raw.trim();
    if (!SINGLE_NAME.test(part)) throw invalidExpression(text);
    return part;
  });
}

/** Every distinct field path the filter reads, in order of first appearance. */
export function filterFields(node: FilterNode): string[][] {
  const seen = new Map<string, string[]>();
  const visit = (n: FilterNode): void => {
    if ("left" in n) {
      visit(n.left);
      visit(n.right);
    } else if ("operand" in n) {
      visit(n.operand);
    } else if (!seen.has(n.field.join("/"))) {
      seen.set(n.field.join("/"), n.field);
    }
  };
  visit(node);
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------
// Evaluation

// SQL Server's default collation is case-insensitive but accent-sensitive; "accent" sensitivity matches.
