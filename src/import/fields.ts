// Reading the cells that carry meaning beyond text: a status as councils write it (words or RAG colours),
// a % complete ("50%", "0.5", "50") and a completion date.
import { parseTargetDate, toIsoDate, type IsoDate, type Status } from "../domain/index.ts";
import { normaliseWords } from "./text.ts";

// RAG colours follow the Best Value plan's rule: amber is slipping (Delayed), red is past it (Overdue), blue
// is done. A two-colour rating ("Amber/Green") takes the worse colour, as a board would read it.
const STATUS_WORDS: readonly [Status, readonly string[]][] = [
  ["Completed", ["completed", "complete", "done", "closed", "achieved", "delivered", "blue", "b", "c"]],
  ["Overdue", ["overdue", "red", "r", "off track", "late", "behind schedule", "not achieved"]],
  ["Delayed", ["delayed", "amber", "a", "at risk", "slipping", "slipped", "behind", "some slippage"]],
  [
    "On target",
    ["on target", "on track", "green", "g", "in progress", "ongoing", "on going", "started", "progressing"],
  ],
  [
    "Not started",
    ["not started", "not yet started", "not due", "not yet due", "grey", "gray", "white", "none"],
  ],
];
const BY_WORDS = new Map(STATUS_WORDS.flatMap(([status, words]) => words.map((w) => [w, status] as const)));
const SEVERITY: readonly Status[] = ["Overdue", "Delayed", "On target", "Not started", "Completed"];

/** The domain status a status or RAG cell means; null when it is blank; "unknown" when it is not a status. */
export function readStatus(text: string): Status | null | "unknown" {
  const key = normaliseWords(text);
  if (key === "") return null;
  const whole = BY_WORDS.get(key);
  if (whole !== undefined) return whole;
  // "Amber/Green", "Red - Amber": every part a colour or status; the worst one stands.
  const parts: (Status | undefined)[] = key.split(" ").map((word) => BY_WORDS.get(word));
  if (parts.length > 1 && parts.every((p) => p !== undefined && p !== "Completed"))
    return SEVERITY.find((s) => parts.some((p) => p === s)) ?? "unknown";
  return "unknown";
}

/**
 * A % complete as whole per cent 0-100: "50%", "50" and "0.5" are all 50 (a decimal up to 1 is a fraction,
 * as Excel stores a percentage); null when blank; "invalid" when it is not a percentage.
 */
export function readPercent(text: string): number | null | "invalid" {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(trimmed);
  if (match === null) return "invalid";
  const value = Number(match[1]);
  const percent = match[2] === "" && trimmed.includes(".") && value <= 1 ? value * 100 : value;
  return percent > 100 ? "invalid" : Math.round(percent);
}

/** A completion date: "yyyy-mm-dd" (an XLSX date cell) or one exact day written out; else null. */
export function readCompletedOn(text: string, referenceDate: IsoDate): IsoDate | null {
  const trimmed = text.trim();
  const iso = toIsoDate(trimmed);
  if (iso !== null) return iso;
  const parsed = parseTargetDate(trimmed, { referenceDate });
  return parsed.kind === "date" ? parsed.due : null;
}
