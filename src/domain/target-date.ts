// Reads target dates as councils write them in plan tables ("May-24", "Sept-24", "Jan to March 24",
// "Ongoing - June 24", "Review Complete, implementation April") into the last day they name. The text is
// always kept as written; the parser only adds a due date and flags saying what it had to assume.
import type { TargetDate, TargetDateFlag, TargetDateKind } from "./types.ts";
import type { IsoDate } from "./iso-date.ts";
import { toIsoDate } from "./iso-date.ts";
import type { Keyword, Token } from "./target-date-tokens.ts";
import { tokenizeTargetDate } from "./target-date-tokens.ts";
import type { Mention } from "./target-date-mentions.ts";
import { dueIn, firstOnOrAfter, readMention } from "./target-date-mentions.ts";

export { formatUkDate, formatUkDateShort } from "./iso-date.ts";

/** What the plan gives to place a date written without a year ("April", "Spring"). */
export interface TargetDateContext {
  /** The year to use when there is no reference date. */
  planYear?: number;
  /** "YYYY-MM-DD", usually the plan's reference (as-of) date; an invalid value is ignored. */
  referenceDate?: string;
}

interface Placed {
  mention: Mention;
  first: number;
  last: number;
}

interface Resolved {
  due: IsoDate | null;
  kind: TargetDateKind;
  flags: TargetDateFlag[];
}

const FLAG_ORDER: readonly TargetDateFlag[] = [
  "no target date",
  "unrecognised",
  "ongoing",
  "to be confirmed",
  "year assumed",
  "year unknown",
  "several dates",
  "extra words",
  "calendar quarter assumed",
];
const RANGE_WORDS = new Set(["to", "until", "till", "through", "thru", "and", "or"]);
const RANGE_PUNCT = new Set(["-", "/", "&", "+"]);
// Words that frame a date without changing it ("by end of", "w/c", "target"); anything else is "extra words".
const FILLER = new Set(
  `by end of the in before on from mid early late start beginning approx circa c wc week commencing due date
  target around no later than fy financial year quarter at latest within during deadline expected estimated
  revised new`.split(/\s+/),
);

/**
 * Parses a target date as written in a plan; never throws. The due date is the last day named: the day
 * itself, the end of a month, season (Spring = end May, Summer = end Aug, Autumn = end Nov, Winter = end Feb
 * of the following year), financial quarter or year, or of a range's end. Numeric dates are British (day
 * first) and two-digit years are 20xx. When several separate dates are given ("Agreed by 01/04/2024
 * Implemented by 01/10/24") the latest is used, flagged "several dates".
 *
 * A date written without a year ("April", "Spring", "10 May") takes the first occurrence whose last day is on
 * or after `context.referenceDate` (so "April" in a plan as of 2024-04-09 is April 2024, and as of
 * 2024-05-01 is April 2025); failing a reference date it takes `context.planYear`; both are flagged
 * "year assumed". With neither, `due` is null and the flag is "year unknown".
 */
export function parseTargetDate(
  text: string | null | undefined,
  context: TargetDateContext = {},
): TargetDate {
  const written = typeof text === "string" ? text : "";
  // A plan writes the same few dates on thousands of actions ("Sept-24"): each is parsed once a context.
  const key = `${context.referenceDate ?? ""}|${String(context.planYear ?? "")}|${written}`;
  let parsed = parsedDates.get(key);
  if (parsed === undefined) {
    if (parsedDates.size >= PARSED_KEPT) parsedDates.clear();
    parsed = parseAfresh(written, context);
    parsedDates.set(key, parsed);
  }
  return { ...parsed, flags: [...parsed.flags] };
}

/** Parsed target dates by context and text, for parseTargetDate (cleared when this many are kept). */
const parsedDates = new Map<string, TargetDate>();
const PARSED_KEPT = 10_000;

function parseAfresh(written: string, context: TargetDateContext): TargetDate {
  const tokens = tokenizeTargetDate(written);
  const scan = scanTokens(tokens);
  const flags = new Set<TargetDateFlag>();
  if (scan.keywords.has("ongoing")) flags.add("ongoing");
  if (scan.keywords.has("tbc")) flags.add("to be confirmed");

  const resolved = groupRanges(scan.placed, tokens).map((group) => resolveGroup(group, context));
  if (resolved.length > 1) flags.add("several dates");
  const chosen = latestOf(resolved) ?? resolved.at(-1);
  let kind: TargetDateKind = "none";
  if (chosen) {
    kind = chosen.kind;
    chosen.flags.forEach((f) => flags.add(f));
  } else if (scan.keywords.has("tbc")) kind = "tbc";
  else if (scan.keywords.has("ongoing")) kind = "ongoing";
  else if (scan.hasText && !scan.keywords.has("none")) flags.add("unrecognised");
  if (scan.extraWords && !flags.has("unrecognised")) flags.add("extra words");
  const due = chosen?.due ?? null;
  if (due === null) flags.add("no target date");
  return { text: written, due, kind, flags: FLAG_ORDER.filter((f) => flags.has(f)) };
}

// Reads the dates out of the tokens, noting keywords and any words that are neither dates nor framing.
function scanTokens(tokens: readonly Token[]): {
  placed: Placed[];
  keywords: Set<Keyword>;
  extraWords: boolean;
  hasText: boolean;
} {
  const placed: Placed[] = [];
  const keywords = new Set<Keyword>();
  let extraWords = false;
  for (let i = 0; i < tokens.length;) {
    const read = readMention(tokens, i);
    if (read) {
      placed.push({ mention: read.mention, first: i, last: read.next - 1 });
      i = read.next;
      continue;
    }
    const token = tokens[i];
    if (token?.kind === "keyword") keywords.add(token.keyword);
    else if (token?.kind === "number") extraWords = true;
    else if (token?.kind === "word" && !FILLER.has(token.word) && !RANGE_WORDS.has(token.word))
      extraWords = true;
    i += 1;
  }
  return { placed, keywords, extraWords, hasText: tokens.some((t) => t.kind !== "punct") };
}

function latestOf(resolved: readonly Resolved[]): Resolved | undefined {
  let latest: Resolved | undefined;
  for (const r of resolved) if (r.due !== null && (latest?.due == null || r.due >= latest.due)) latest = r;
  return latest;
}

// Mentions joined only by "to", "-", "/", "&" (and framing words) are one range: "Jan to March 24".
function groupRanges(placed: readonly Placed[], tokens: readonly Token[]): Placed[][] {
  const groups: Placed[][] = [];
  placed.forEach((p, index) => {
    const previous = placed[index - 1];
    const lastGroup = groups[groups.length - 1];
    if (previous && lastGroup && joinedAsRange(tokens.slice(previous.last + 1, p.first))) lastGroup.push(p);
    else groups.push([p]);
  });
  return groups;
}

function joinedAsRange(between: readonly Token[]): boolean {
  let joined = false;
  for (const token of between) {
    if (token.kind === "punct" && RANGE_PUNCT.has(token.char)) joined = true;
    else if (token.kind === "word" && RANGE_WORDS.has(token.word)) joined = true;
    else if (!(token.kind === "word" && FILLER.has(token.word))) return false;
  }
  return joined;
}

function resolveGroup(group: readonly Placed[], context: TargetDateContext): Resolved {
  const flags: TargetDateFlag[] = [];
  const end = group[group.length - 1]?.mention;
  const start = group[0]?.mention;
  const kind: TargetDateKind = group.length > 1 ? "range" : kindOf(end);
  if (!end || !start) return { due: null, kind, flags };
  if (end.kind === "quarter" && end.calendar) flags.push("calendar quarter assumed");
  if (end.year !== null) return { due: dueIn(end, end.year), kind, flags };

  // A range's end without a year follows its start: "Nov 2024 - Feb" ends in Feb 2025.
  const startDue = start !== end && start.year !== null ? dueIn(start, start.year) : null;
  if (startDue) return { due: firstOnOrAfter(end, startDue), kind, flags };

  const reference = toIsoDate(context.referenceDate ?? "");
  const planYear = context.planYear;
  let due: IsoDate | null = null;
  if (reference) due = firstOnOrAfter(end, reference);
  else if (planYear !== undefined && Number.isInteger(planYear)) due = dueIn(end, planYear);
  flags.push(due === null ? "year unknown" : "year assumed");
  return { due, kind, flags };
}

function kindOf(mention: Mention | undefined): TargetDateKind {
  if (!mention) return "none";
  if (mention.kind === "quarter" || mention.kind === "fy") return "range";
  return mention.kind;
}
