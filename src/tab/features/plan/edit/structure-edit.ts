// The plan editor's rules as plain data: what "Move up" and "Move down" make of an order, how a target date
// as typed will be read, and the checks a form makes before anything is sent. No I/O.
import { formatUkDate, type IsoDate } from "../../../../domain/iso-date.ts";
import { REF_LIMIT, SHORT_TEXT_LIMIT, LONG_TEXT_LIMIT, tooLongMessage } from "../../../../domain/limits.ts";
import { parseTargetDate } from "../../../../domain/target-date.ts";
import type { TargetDateFlag } from "../../../../domain/types.ts";

/** The ids in their new order after moving `id` one place up or down; null when it cannot move that way. */
export function movedOrder(ids: readonly string[], id: string, direction: "up" | "down"): string[] | null {
  const at = ids.indexOf(id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[at], next[to]] = [next[to] ?? id, next[at] ?? id];
  return next;
}

const FLAG_WORDS: Partial<Record<TargetDateFlag, string>> = {
  "year assumed": "the year is assumed",
  "several dates": "it names several dates, so the latest is used",
  "extra words": "some words are not part of the date",
  "calendar quarter assumed": "a calendar quarter is assumed",
};

/** How a target date as typed will be read, in words, and whether it can be saved as it is. */
export function targetDateReading(
  text: string,
  referenceDate: IsoDate | null,
): { words: string; due: IsoDate | null; acceptable: boolean } {
  if (text.trim() === "")
    return { words: "No target date: the action will show as having none.", due: null, acceptable: true };
  const read = parseTargetDate(text, referenceDate === null ? {} : { referenceDate });
  if (read.due !== null) {
    const notes = read.flags.flatMap((f) => FLAG_WORDS[f] ?? []);
    const after = notes.length === 0 ? "" : ` (${notes.join("; ")})`;
    return { words: `Read as ${formatUkDate(read.due)}${after}.`, due: read.due, acceptable: true };
  }
  if (read.flags.includes("ongoing"))
    return { words: "Read as ongoing: no date to be due by.", due: null, acceptable: true };
  if (read.flags.includes("to be confirmed"))
    return { words: "Read as to be confirmed: no date yet.", due: null, acceptable: true };
  if (read.flags.includes("year unknown"))
    return {
      words: "No year can be worked out: add the year, for example March 2025.",
      due: null,
      acceptable: false,
    };
  return {
    words: "Not read as a date: write it as, for example, 31 March 2025, Mar-25, Ongoing or TBC.",
    due: null,
    acceptable: false,
  };
}

/** Why a required text cannot be saved, or undefined when it can. */
export function textProblem(
  value: string,
  what: string,
  empty: string,
  limit: number = LONG_TEXT_LIMIT,
): string | undefined {
  const text = value.trim();
  if (text === "") return empty;
  if (text.length > limit) return `${tooLongMessage(what, text.length, limit)} Shorten it.`;
  return undefined;
}

/** Why a ref cannot be saved: empty, too long, or already used by another item of the same kind. */
export function refProblem(value: string, others: readonly string[], kind: string): string | undefined {
  const ref = value.trim();
  const empty = `Give the ${kind}'s number, for example ${kind === "recommendation" ? "3" : "3.2"}.`;
  const problem = textProblem(ref, `The ${kind}'s number`, empty, REF_LIMIT);
  if (problem !== undefined) return problem;
  if (others.some((o) => o.trim().toLowerCase() === ref.toLowerCase()))
    return `Another ${kind} is already numbered ${ref}: choose a different number.`;
  return undefined;
}

/** The title limit of single-line columns, for forms. */
export const TITLE_LIMIT = SHORT_TEXT_LIMIT;

/** The next free ref under `prefix` ("3" → "3.4" when 3.1–3.3 exist); for a form's starting value. */
export function nextRef(prefix: string, taken: readonly string[]): string {
  const start = prefix === "" ? "" : `${prefix}.`;
  let highest = 0;
  for (const ref of taken) {
    if (!ref.startsWith(start)) continue;
    const rest = ref.slice(start.length);
    if (/^\d+$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  return `${start}${String(highest + 1)}`;
}
