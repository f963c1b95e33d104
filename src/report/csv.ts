// The flat Actions table as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as
// the local code page and "Mayor’s" comes out garbled), CRLF line ends, every cell quoted, and every cell that
// begins with =, +, -, @, tab or carriage return prefixed with a single quote so a spreadsheet never runs it
// as a formula (OWASP's CSV injection rule). papaparse writes it (quoting, escaping, the formula rule).
import { dateParts } from "../domain/iso-date.ts";
import type { IsoDate } from "../domain/types.ts";
import { interopDefault } from "../lib/interop.ts";
import { ACTION_COLUMNS } from "./columns.ts";
import type { ReportModel, ReportProgress } from "./types.ts";

/**
 * OWASP's rule on the whole cell: papaparse's own default pattern ends in `.*$` without the `s` flag, so
 * it misses a formula followed by a line break ("=HYPERLINK(…)\nmore"). Ours looks at the first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A day as Excel in the UK reads it on opening a CSV ("31/05/2024" becomes a date it can sort and filter);
 * an ISO "2024-05-31" would too, but an officer reading the file in a text editor expects the UK form.
 */
export function csvDate(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${String(year)}`;
}

/** The CSV's text (with its byte-order mark): a header row, then one row per action and milestone. */
export async function csvText(model: ReportModel): Promise<string> {
  const Papa = interopDefault(await import("papaparse"));
  const rows = model.rows.map((row) =>
    ACTION_COLUMNS.map((column) => {
      const value = column.value(row);
      if (value === null) return "";
      if (column.kind === "date") return csvDate(value as IsoDate);
      return value;
    }),
  );
  const body = Papa.unparse(
    { fields: ACTION_COLUMNS.map((c) => c.header), data: rows },
    { quotes: true, newline: "\r\n", escapeFormulae: FORMULA_START },
  );
  return `\uFEFF${body}\r\n`;
}

/** The CSV file's bytes (UTF-8). */
export async function writeCsv(model: ReportModel, onProgress: ReportProgress): Promise<Uint8Array> {
  onProgress(`Writing ${String(model.rows.length)} rows as CSV`);
  return new TextEncoder().encode(await csvText(model));
}
