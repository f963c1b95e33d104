// What each row below a sheet's header is, and how each heading row is read: a milestone heading ("Key
// Milestones"), an activity ("Activity 3:", or a numbered row with milestones under it), or an area. The
// readings are decided across the whole plan, so a sheet that lacks its "Key Milestones" rows reads as its
// sister sheets do; then the coordinator's own readings, by row, stand over them.
import { activityHeading, isMilestoneMarker, parseHeading } from "./groups.ts";
import type { RowKind, SheetRows } from "./rows.ts";
import type { HeadingReading, HeadingRow } from "./types.ts";

/** One sheet to classify: its rows, the rows the coordinator skips and the readings they chose. */
export interface ClassifyPart {
  rows: SheetRows;
  skip: ReadonlySet<number>;
  readings: Record<number, HeadingReading>;
}

export interface Classified {
  kinds: Map<number, RowKind>;
  readings: Map<number, HeadingReading>;
  /** Whether the sheet opens recommendations of its own (a recommendation column, or area headings). */
  grouped: boolean;
}

interface Draft extends Classified {
  texts: Map<number, string>;
  /** Numbered headings with no kind word, followed by rows: activities if the plan has any. */
  numbered: Set<number>;
}

function firstPass(part: ClassifyPart): Draft {
  const { rows } = part;
  const kinds = new Map<number, RowKind>();
  let grouped = false;
  for (const row of rows.numbers()) {
    if (part.skip.has(row)) continue;
    kinds.set(row, rows.kind(row));
    if (rows.raw(row, "recommendation") !== "") grouped = true;
  }
  const order = [...kinds].filter(([, k]) => k !== "blank");
  const readings = new Map<number, HeadingReading>();
  const texts = new Map<number, string>();
  const numbered = new Set<number>();
  const isMarker = (row: number | undefined) =>
    row !== undefined && kinds.get(row) === "heading" && isMilestoneMarker(rows.headingText(row));
  order.forEach(([row, kind], i) => {
    if (kind !== "heading") return;
    const text = rows.headingText(row);
    texts.set(row, text);
    const next = order[i + 1];
    const parsed = parseHeading(text);
    if (isMilestoneMarker(text)) readings.set(row, "milestones");
    else if (activityHeading(text) !== null) readings.set(row, "activity");
    else if (parsed.kind === "" && parsed.ref !== null) {
      readings.set(row, isMarker(next?.[0]) ? "activity" : "area");
      if (next?.[1] === "data" || isMarker(next?.[0])) numbered.add(row);
    } else readings.set(row, "area");
  });
  return { kinds, readings, grouped, texts, numbered };
}

/**
 * An unnumbered one-cell row in the text column just above an activity ("Governance" above "1. Review the
 * constitution") is an area, not an action: the sheet's own headings say so.
 */
function areasAboveActivities(part: ClassifyPart, draft: Draft): void {
  const order = [...draft.kinds].filter(([, k]) => k !== "blank");
  order.forEach(([row, kind], i) => {
    const next = order[i + 1]?.[0];
    if (kind !== "data" || next === undefined || draft.readings.get(next) !== "activity") return;
    if (!part.rows.oneCell(row)) return;
    const text = part.rows.get(row, "action");
    if (text === "" || parseHeading(text).ref !== null) return;
    draft.kinds.set(row, "heading");
    draft.readings.set(row, "area");
    draft.texts.set(row, text);
  });
}

/** Every part's rows and heading readings; `headings` gains each heading row with the reading it got. */
export function classifyParts(parts: readonly ClassifyPart[], headings: HeadingRow[]): Classified[] {
  const drafts = parts.map(firstPass);
  // One numbered heading with milestones under it, anywhere in the plan, makes every numbered one an activity.
  const activities = drafts.some((d) => [...d.numbered].some((row) => d.readings.get(row) === "activity"));
  return drafts.map((draft, i) => {
    const part = parts[i];
    if (part === undefined) return draft;
    if (activities) for (const row of draft.numbered) draft.readings.set(row, "activity");
    areasAboveActivities(part, draft);
    for (const [row, reading] of Object.entries(part.readings))
      if (draft.readings.has(Number(row))) draft.readings.set(Number(row), reading);
    // Activities and milestone headings open no recommendation: a sheet of only those is one plan-wide one.
    if ([...draft.readings.values()].includes("area")) draft.grouped = true;
    for (const [row, reading] of [...draft.readings].sort((a, b) => a[0] - b[0]))
      headings.push({
        sheet: part.rows.sheet.name,
        row,
        text: draft.texts.get(row) ?? "",
        reading,
        chosen: part.readings[row] !== undefined,
      });
    return { kinds: draft.kinds, readings: draft.readings, grouped: draft.grouped };
  });
}
