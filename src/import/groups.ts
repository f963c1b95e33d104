// Which recommendation a row belongs to: the recommendation column (filled down), and heading rows such as
// "Priority area 1: Financial sustainability" or "Phase 2" / "Workstream: Finance". Nested headings (phases
// holding workstreams) give one recommendation per innermost heading, numbered under its parent ("2.1"),
// with the outer headings kept in its description: a recommendation is what a board counts as complete.
import type { PlanImport } from "./plan-shape.ts";
import type { Problems } from "./problems.ts";

type Recommendation = PlanImport["recommendations"][number];

const KINDS =
  /^(recommendation|priority area|priority|theme|phase|work ?stream|strand|area|section|objective|outcome|stage|part|project)\b\.?\s*/i;
const SEPARATOR = /^[\s:.)\-–—]+/;
/** A recommendation cell holding only its number: "1", "3a", "R2", "1.2". */
const REF_LIKE = /^[A-Za-z]{0,3}\d+(?:\.\d+)*[a-z]?$/;
/** Recommendation titles longer than this are cut by the writer, so the full text also goes in the description. */
const TITLE_LIMIT = 255;

/** A heading's parts: "Priority area 1: Financial sustainability" -> kind "priority area", ref "1", title. */
export function parseHeading(text: string): { kind: string; ref: string | null; title: string } {
  const whole = text.trim().replace(/\s+/g, " ");
  let rest = whole;
  const kindMatch = KINDS.exec(rest);
  const kind = (kindMatch?.[1] ?? "").toLowerCase().replace("work stream", "workstream");
  if (kindMatch) rest = rest.slice(kindMatch[0].length);
  // With a kind word any number or lone letter is the ref ("Theme A"); without one, only a short number
  // followed by a separator or space ("1. Strategic vision"), so "2024 budget review" keeps its words.
  const number = kindMatch
    ? /^(?:no\.?\s*)?(\d+(?:\.\d+)*[a-z]?|[a-z](?=[\s:.)\-–—]|$)|[ivx]+(?=[\s:.)\-–—]|$))/i.exec(rest)
    : /^(\d{1,2}(?:\.\d+)*[a-z]?)(?=[.:)]|\s)/.exec(rest);
  const ref = number?.[1] ?? null;
  if (number) rest = rest.slice(number[0].length);
  rest = rest.replace(SEPARATOR, "");
  return { kind, ref, title: rest === "" ? whole : rest };
}

/** A row that says the rows under it are milestones: "Key Milestones", "Milestones", "Key milestones:". */
const MILESTONE_MARKER = /^(key\s+)?milestones?(\s+(and|&)\s+(deadlines?|dates?|actions?))?\s*:?$/i;

export function isMilestoneMarker(text: string): boolean {
  return MILESTONE_MARKER.test(text.trim());
}

/** "Activity 3: Review the constitution" -> ref "3", title "Review the constitution"; null without the word. */
export function activityHeading(text: string): { ref: string; title: string } | null {
  const match = /^(?:activity|action)\s+(\d+(?:\.\d+)*[a-z]?)\s*[:.)\-–—]?\s*/i.exec(text.trim());
  if (match === null) return null;
  const title = text.trim().slice(match[0].length).replace(/\s+/g, " ");
  return { ref: match[1] ?? "", title: title === "" ? text.trim() : title };
}

/** Whether a heading row's text reads as a heading even when it sits in an ordinary column. */
export function hasHeadingWords(text: string): boolean {
  const parsed = parseHeading(text);
  return (
    parsed.kind !== "" || parsed.ref !== null || isMilestoneMarker(text) || activityHeading(text) !== null
  );
}

interface Node {
  text: string;
  kind: string;
  ref: string | null;
  title: string;
  description: string;
  row: number;
  /** The sheet the heading or value is on. */
  sheet?: string;
  resolved?: string;
  used: boolean;
  /** For a recommendation column value: the title column's text beside it. */
  given?: string;
}

/** Tracks the current recommendation as rows are read, creating each one when its first action arrives. */
export class Groups {
  readonly recommendations: Recommendation[] = [];
  #column: Node | null = null;
  #stack: Node[] = [];
  readonly #headings: Node[] = [];
  readonly #byRef = new Map<string, { rec: Recommendation; row: number }>();
  readonly #children = new Map<string, number>();

  constructor(readonly problems: Problems) {}

  /** The recommendation column's value on a row (already filled down); a new one closes the headings. True if new. */
  column(value: string, title: string, row: number): boolean {
    if (value === "" && title === "") return false;
    if (this.#column?.text === value && this.#column.given === title) return false;
    const refLike = REF_LIKE.test(value);
    const parsed = refLike ? { ref: value, title: "" } : parseHeading(value);
    const long = value.length > TITLE_LIMIT;
    this.#column = {
      text: value,
      given: title,
      kind: "",
      ref: value === "" ? null : parsed.ref,
      title: title !== "" ? title : parsed.title !== "" ? parsed.title : `Recommendation ${value}`,
      description: refLike ? "" : title !== "" || long ? value : "",
      row,
      sheet: this.problems.sheet,
      used: false,
    };
    this.#stack = [];
    return true;
  }

  /** A heading row: same kind as an open heading replaces it (and what it holds), a new kind nests. */
  heading(text: string, row: number): void {
    const parsed = parseHeading(text);
    // "1.1 Finance" under "1. Governance" nests; "2. Delivery" after it replaces it.
    const same = this.#stack.findIndex(
      (n) =>
        n.kind === parsed.kind &&
        !(parsed.ref !== null && n.ref !== null && parsed.ref.startsWith(`${n.ref}.`)),
    );
    if (same !== -1) this.#stack = this.#stack.slice(0, same);
    const node: Node = {
      ...parsed,
      text: text.trim(),
      description: "",
      row,
      sheet: this.problems.sheet,
      used: false,
    };
    this.#stack.push(node);
    this.#headings.push(node);
  }

  /** Whether any recommendation or heading is open. */
  get open(): boolean {
    return this.#column !== null || this.#stack.length > 0;
  }

  /** The recommendation the next action belongs to, or null when none is open. */
  current(): Recommendation | null {
    const path = [...(this.#column === null ? [] : [this.#column]), ...this.#stack];
    const last = path.at(-1);
    if (last === undefined) return null;
    let parent: string | null = null;
    for (const node of path) {
      node.used = true;
      node.resolved ??= this.#resolve(node, parent);
      parent = node.resolved;
    }
    const ref = last.resolved ?? "";
    const existing = this.#byRef.get(ref);
    if (existing !== undefined && existing.rec.title === last.title) return existing.rec;
    if (existing !== undefined)
      this.problems.error(
        { row: last.row, sheet: last.sheet },
        `Recommendation ref "${ref}" is used twice: on row ${existing.row} and on row ${last.row}.`,
      );
    const outer = path.slice(0, -1).map((n) => n.text);
    const description = [...outer, last.description].filter((t) => t !== "").join("\n");
    const rec: Recommendation = { ref, title: last.title, description, actions: [] };
    this.#byRef.set(ref, { rec, row: last.row });
    this.recommendations.push(rec);
    return rec;
  }

  /** A sheet read as one area of the plan: the recommendation its rows belong to, numbered `ref`. */
  area(ref: string, title: string, row: number): void {
    this.#column = { text: title, given: title, kind: "", ref, title, description: "", row, used: false };
    this.#stack = [];
  }

  /** Open a one-off recommendation for a plan with no recommendation column and no headings. */
  single(title: string): Recommendation {
    const rec: Recommendation = { ref: "1", title, description: "", actions: [] };
    this.recommendations.push(rec);
    this.#column = { text: "1", kind: "", ref: "1", title, description: "", row: 0, used: true };
    this.#column.resolved = "1";
    this.#byRef.set("1", { rec, row: 0 });
    return rec;
  }

  /** Warns about headings with no actions under them, which import as nothing. */
  finish(): void {
    for (const node of this.#headings)
      if (!node.used)
        this.problems.warning(
          { row: node.row, sheet: node.sheet },
          `Heading "${node.text}" has no actions under it, so it is not imported.`,
        );
  }

  #resolve(node: Node, parent: string | null): string {
    const own = node.ref ?? this.#generate(node, parent);
    if (parent === null || own.startsWith(`${parent}.`)) return own;
    return `${parent}.${own}`;
  }

  #generate(node: Node, parent: string | null): string {
    let n = this.#children.get(parent ?? "") ?? 0;
    let ref: string;
    do {
      n += 1;
      ref = parent === null ? String(n) : `${parent}.${n}`;
    } while (this.#byRef.has(ref));
    this.#children.set(parent ?? "", n);
    this.problems.tally(
      "unnumbered heading",
      { row: node.row, sheet: node.sheet },
      `"${node.text}" as ${ref}`,
      (count, items) =>
        count === 1
          ? `"${node.text}" has no number, so its recommendation is numbered "${ref}".`
          : `${String(count)} headings have no number, so their recommendations are numbered in order: ${items.slice(0, 3).join(", ")}${count > 3 ? ", …" : ""}.`,
    );
    return String(n);
  }
}
