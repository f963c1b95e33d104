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
