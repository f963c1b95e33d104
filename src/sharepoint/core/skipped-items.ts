// Items a read leaves out because a column does not hold what the app expects (a Plans item added by hand
// with only a title, a choice column written over REST with a value that is not one of its choices). One bad
// item must not stop every plan from loading: lists leave it out and report it here; a read of that one item
// says plainly that it cannot be read. The data layer only collects; the CLI and the tab say it in words.
import { z } from "../../lib/zod.ts";
import { LIST_TITLES, type ListKey } from "../schema/list-titles.ts";
import { officerPredicate } from "../../lib/zod-words.ts";

/** An item left out of a read, and why. */
export interface SkippedItem {
  list: ListKey;
  /** The item's id; null when even that could not be read. */
  itemId: number | null;
  /** The item's Title, when it has one as text, to help find it. */
  title: string | null;
  /** The column that did not parse, by internal name (a lookup's projection as "Plan/Title"). */
  field: string;
  /** What was wrong with it, in words: "is empty", 'holds "Maybe", which is not one of its choices …'. */
  problem: string;
}

/** Where reads put the items they leave out; the same item reported twice is kept once. */
export class ReadWarnings {
  private readonly byKey = new Map<string, SkippedItem>();

  add(item: SkippedItem): void {
    const key = JSON.stringify([item.list, item.itemId, item.field, item.problem, item.title]);
    if (!this.byKey.has(key)) this.byKey.set(key, item);
  }

  /** Everything reported so far, in the order first reported. */
  get items(): SkippedItem[] {
    return [...this.byKey.values()];
  }
}

/** A column that parsed but means nothing the app can use; thrown by a conversion to skip the item. */
export class ColumnProblem extends Error {
  override name = "ColumnProblem";
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

/**
 * One item asked for directly (a plan by id, an action) that cannot be read. Its message names the column
 * by its internal name; `describeUnreadable` (skipped-text.ts) adds the title people see in SharePoint, which
 * needs the schema, kept off the tab's first screen.
 */
export class UnreadableItemError extends Error {
  override name = "UnreadableItemError";
  constructor(readonly item: SkippedItem) {
    super(`${itemName(item)} cannot be read: its column "${item.field}" ${item.problem}. ${WHAT_TO_DO}`);
  }
}

export const WHAT_TO_DO = "Fix or delete the item in SharePoint.";
const MAX_SHOWN = 60;

/** 'Plans item 7 ("Draft plan")': the list as people see it in SharePoint, the id, and the title if any. */
export function itemName(item: SkippedItem): string {
  const id = item.itemId === null ? "item with no id" : `item ${String(item.itemId)}`;
  const title = item.title === null || item.title.trim() === "" ? "" : ` ("${shorten(item.title)}")`;
  return `${LIST_TITLES[item.list]} ${id}${title}`;
}

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function shown(value: unknown): string {
  if (typeof value === "string") return `"${shorten(value)}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return Array.isArray(value) ? "a list of values" : "a value of another kind";
}

const KINDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  object: "a value of the kind the column holds",
};

/** A zod issue in words, e.g. "is empty", 'holds "Maybe", which is not one of its choices (A, B)'. */
function problemOf(issue: z.core.$ZodIssue): string {
  const input: unknown = issue.input;
  if (input === undefined || input === null || input === "") return "is empty";
  switch (issue.code) {
    case "invalid_value":
      return `holds ${shown(input)}, which is not one of its choices (${issue.values.map(String).join(", ")})`;
    case "invalid_type":
      return `holds ${shown(input)}, not ${KINDS[issue.expected] ?? issue.expected}`;
    case "custom":
      return `holds ${shown(input)}, which is ${issue.message}`;
    default:
      return `holds ${shown(input)}, which ${officerPredicate(issue).replace(/\.$/, "")}`;
  }
}

function rawField(row: unknown, name: string): unknown {
  return typeof row === "object" && row !== null ? (row as Record<string, unknown>)[name] : undefined;
}

/** What to report about `row` of `list` whose column `field` has `problem`. */
export function skippedItem(list: ListKey, row: unknown, field: string, problem: string): SkippedItem {
  const id = rawField(row, "Id");
  const title = rawField(row, "Title");
  return {
    list,
    itemId: typeof id === "number" && Number.isSafeInteger(id) ? id : null,
    title: typeof title === "string" ? title : null,
    field,
    problem,
  };
}

/** What to report about `row` of `list` that failed `error` (its first problem: one sentence an item). */
export function skippedByParse(list: ListKey, row: unknown, error: z.core.$ZodError): SkippedItem {
  const [issue] = error.issues;
  if (issue === undefined) return skippedItem(list, row, "(unknown)", "could not be read");
  const field = issue.path.length === 0 ? "(the item)" : issue.path.map(String).join("/");
  return skippedItem(list, row, field, problemOf(issue));
}

/** The item of `list` named by id or exact title among those left out, if one was. */
export function findSkipped(warnings: ReadWarnings, list: ListKey, key: string): SkippedItem | undefined {
  return warnings.items.find(
    (w) => w.list === list && (String(w.itemId) === key || (w.title !== null && w.title === key)),
  );
}

/** Refuse, with UnreadableItemError, an item of `list` asked for by id or exact title that was left out. */
export function refuseIfSkipped(warnings: ReadWarnings, list: ListKey, key: string): void {
  const skipped = findSkipped(warnings, list, key);
  if (skipped !== undefined) throw new UnreadableItemError(skipped);
}
