// Reads SharePoint REST paths such as web/lists/getByTitle('Mayor''s actions')/items(5) into segments,
// honouring quotes (so a ')' or '/' inside a title does not split it) and @alias parameters.

export interface Segment {
  /** Lower-cased, as SharePoint matches names case-insensitively. */
  name: string;
  /** The raw text inside the parentheses, or null when there were none. */
  args: string | null;
}

export class PathError extends Error {}

/** Split a path below /_api/ into segments. */
export function parseApiPath(path: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    let name = "";
    while (i < path.length && path[i] !== "(" && path[i] !== "/") name += path.charAt(i++);
    let args: string | null = null;
    if (path[i] === "(") {
      i++;
      let inQuote = false;
      let text = "";
      for (; i < path.length; i++) {
        const ch = path.charAt(i);
        if (ch === "'") {
          if (inQuote && path[i + 1] === "'") {
            text += "''";
            i++;
            continue;
          }
          inQuote = !inQuote;
        } else if (ch === ")" && !inQuote) break;
        text += ch;
      }
      if (path[i] !== ")") throw new PathError(path);
      i++;
      args = text;
    }
    if (name === "" && args === null) {
      i++;
      continue;
    }
    segments.push({ name: name.toLowerCase(), args });
    if (i < path.length && path[i] !== "/") throw new PathError(path);
    i++;
  }
  return segments;
}

/** A single argument of a segment: a quoted string, guid'…', a number, or an @alias from the query. */
export type ArgValue = { kind: "string"; value: string } | { kind: "number"; value: number };

export function readArg(raw: string | null, query: URLSearchParams): ArgValue | null {
  if (raw === null) return null;
  let text = raw.trim();
  if (text.startsWith("@")) {
    const aliased = query.get(text);
    if (aliased === null) return null;
    text = aliased.trim();
  }
  const quoted = /^(?:guid)?'((?:[^']|'')*)'$/i.exec(text);
  if (quoted?.[1] !== undefined) return { kind: "string", value: quoted[1].replace(/''/g, "'") };
  if (/^-?\d+$/.test(text)) return { kind: "number", value: Number(text) };
  return null;
}

export function readStringArg(raw: string | null, query: URLSearchParams): string | null {
  const arg = readArg(raw, query);
  return arg?.kind === "string" ? arg.value : null;
}

export function readNumberArg(raw: string | null, query: URLSearchParams): number | null {
  const arg = readArg(raw, query);
  return arg?.kind === "number" ? arg.value : null;
}

export type NamedArg = ArgValue | { kind: "boolean"; value: boolean };

/**
 * The named arguments of a method segment, e.g. addroleassignment(principalid=5, roledefid=1073741826) or
 * breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true); names lower-cased. Values may be
 * quoted (pnp/cli-microsoft365 sends principalid='11'), numbers, true/false or @aliases.
 */
export function readNamedArgs(raw: string | null, query: URLSearchParams): Map<string, NamedArg> {
  const args = new Map<string, NamedArg>();
  if (raw === null) return args;
  const parts: string[] = [];
  let current = "";
  let inQuote = false;
  for (const ch of raw) {
    if (ch === "'") inQuote = !inQuote;
    if (ch === "," && !inQuote) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    let text = part.slice(eq + 1).trim();
    if (text.startsWith("@")) text = query.get(text)?.trim() ?? "";
    if (/^(true|false)$/i.test(text)) {
      args.set(name, { kind: "boolean", value: text.toLowerCase() === "true" });
      continue;
    }
    const value = readArg(text, query);
    if (value !== null) args.set(name, value);
  }
  return args;
}

/** A named argument as an integer: a number, or a quoted string of digits. */
export function namedInt(args: Map<string, NamedArg>, name: string): number | null {
  const arg = args.get(name);
  if (arg?.kind === "number") return arg.value;
  if (arg?.kind === "string" && /^-?\d+$/.test(arg.value)) return Number(arg.value);
  return null;
}
