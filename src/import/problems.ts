// Problems found while mapping, each tied to the sheet, row and column a coordinator can find in Excel. A
// kind of warning that many rows share ("no ref, so numbered") is said once with the rows it applies to.
import type { ImportProblem } from "./types.ts";

/** Spreadsheet column letters for a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Row numbers as a reader scans them: [5, 6, 7, 9, 12, 13] -> "5–7, 9, 12–13". */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    ranges.push(j === i ? String(sorted[i]) : `${String(sorted[i])}–${String(sorted[j])}`);
    i = j + 1;
  }
  return ranges.join(", ");
}

/** One problem as a sentence: `Sheet "Appendix A", row 14, column E (Target date): ...`. */
export function formatProblem(p: ImportProblem): string {
  let where = `Sheet "${p.sheet}"`;
  if (p.rows !== undefined && p.rows.length > 1) where += `, rows ${rowRanges(p.rows)}`;
  else if (p.row !== null) where += `, row ${p.row}`;
  if (p.column !== null) where += `, column ${p.column}`;
  if (p.field !== null) where += ` (${p.field})`;
  return `${where}: ${p.message}`;
}

/** Where in the sheet a problem is: a row, and optionally the column's index and header. */
export interface Place {
  row: number | null;
  /** The sheet, when not the one being read (a heading found earlier). */
  sheet?: string | undefined;
  column?: { index: number; header: string } | null;
}

/** A warning said once for all the rows it applies to; `message` is given the count and those rows. */
interface Tally {
  place: Place;
  sheet: string;
  rows: number[];
  items: string[];
  message: (count: number, items: readonly string[]) => string;
}

/**
 * Collects problems for the sheets of one plan (`sheet` is the one being read); `sorted` gives them by
 * sheet in reading order, sheet-wide ones first, then by row.
 */
export class Problems {
  readonly #list: ImportProblem[] = [];
  readonly #tallies = new Map<string, Tally>();
  readonly #sheetOrder: string[] = [];

  constructor(public sheet: string) {
    this.#sheetOrder.push(sheet);
  }

  /** Moves on to another sheet of the plan. */
  reading(sheet: string): void {
    this.sheet = sheet;
    if (!this.#sheetOrder.includes(sheet)) this.#sheetOrder.push(sheet);
  }

  error(place: Place, message: string): void {
    this.#add("error", place, message);
  }

  warning(place: Place, message: string): void {
    this.#add("warning", place, message);
  }

  /**
   * A warning of a kind many rows share: the rows are gathered (per sheet) and said once, when sorted, with
   * `message(count, items)`; `item` is what this row adds (a ref given), for messages that name a range.
   */
  tally(
    kind: string,
    place: Place,
    item: string,
    message: (count: number, items: readonly string[]) => string,
  ): void {
    const sheet = place.sheet ?? this.sheet;
    const key = `${sheet}\u0000${kind}`;
    const tally = this.#tallies.get(key) ?? { place, sheet, rows: [], items: [], message };
    this.#tallies.set(key, tally);
    if (place.row !== null) tally.rows.push(place.row);
    tally.items.push(item);
  }

  get hasErrors(): boolean {
    return this.#list.some((p) => p.severity === "error");
  }

  sorted(): ImportProblem[] {
    const tallied = [...this.#tallies.values()].map((t): ImportProblem => {
      const single = t.rows.length <= 1;
      return {
        ...this.#problem("warning", t.sheet, single ? t.place : { ...t.place, row: t.rows[0] ?? null }, ""),
        message: t.message(t.items.length, t.items),
        ...(single ? {} : { rows: t.rows }),
      };
    });
    const sheetIndex = (p: ImportProblem) => this.#sheetOrder.indexOf(p.sheet);
    // Array.prototype.sort is stable, so problems on one row keep the order they were found in.
    return [...this.#list, ...tallied].sort(
      (a, b) => sheetIndex(a) - sheetIndex(b) || (a.row ?? 0) - (b.row ?? 0),
    );
  }

  #add(severity: ImportProblem["severity"], place: Place, message: string): void {
    this.#list.push(this.#problem(severity, place.sheet ?? this.sheet, place, message));
  }

  #problem(severity: ImportProblem["severity"], sheet: string, place: Place, message: string): ImportProblem {
    const column = place.column ?? null;
    return {
      severity,
      sheet,
      row: place.row,
      column: column === null ? null : columnLetter(column.index),
      field: column === null ? null : column.header,
      message,
    };
  }
}
