// Problems found while mapping, each tied to the sheet, row and column a coordinator can find in Excel.
import type { ImportProblem } from "./types.ts";

/** Spreadsheet column letters for a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** One problem as a sentence: `Sheet "Appendix A", row 14, column E (Target date): ...`. */
export function formatProblem(p: ImportProblem): string {
  let where = `Sheet "${p.sheet}"`;
  if (p.row !== null) where += `, row ${p.row}`;
  if (p.column !== null) where += `, column ${p.column}`;
  if (p.field !== null) where += ` (${p.field})`;
  return `${where}: ${p.message}`;
}

/** Where in the sheet a problem is: a row, and optionally the column's index and header. */
export interface Place {
  row: number | null;
  column?: { index: number; header: string } | null;
}

/** Collects problems for one sheet; `sorted` gives them in row order, sheet-wide ones first. */
export class Problems {
  readonly #list: ImportProblem[] = [];

  constructor(readonly sheet: string) {}

  error(place: Place, message: string): void {
    this.#add("error", place, message);
  }

  warning(place: Place, message: string): void {
    this.#add("warning", place, message);
  }

  get hasErrors(): boolean {
    return this.#list.some((p) => p.severity === "error");
  }

  sorted(): ImportProblem[] {
    // Array.prototype.sort is stable, so problems on one row keep the order they were found in.
    return [...this.#list].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }

  #add(severity: ImportProblem["severity"], place: Place, message: string): void {
    const column = place.column ?? null;
    this.#list.push({
      severity,
      sheet: this.sheet,
      row: place.row,
      column: column === null ? null : columnLetter(column.index),
      field: column === null ? null : column.header,
      message,
    });
  }
}
