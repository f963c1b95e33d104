// Reading the sheet's rows below the header: what each row is (blank, a repeated header, a heading, data)
// and its cells by role, with control characters stripped and reported once per cell.
import { LONG_TEXT_LIMIT, REF_LIMIT, SHORT_TEXT_LIMIT, tooLongMessage } from "../domain/index.ts";
import type { Column } from "./detect.ts";
import { hasHeadingWords } from "./groups.ts";
import { headerKey } from "./headers.ts";
import type { Problems } from "./problems.ts";
import { stripControls } from "./text.ts";
import type { ColumnRole, Sheet } from "./types.ts";

export type RowKind = "blank" | "header" | "title" | "heading" | "data";

/**
 * The most characters each role's cell may have: what the list column it is written to holds. Refs go to a
 * 20-character column, target dates and SRO post titles to 255-character ones (SharePoint refuses longer:
 * MaxLength), texts to multi-line columns, which SharePoint does not limit, so the app holds 60,000. A longer
 * cell is an error naming its row and column, found before anything is written.
 */
const CELL_LIMITS: Partial<Record<ColumnRole, number>> = {
  ref: REF_LIMIT,
  targetDate: SHORT_TEXT_LIMIT,
  sro: SHORT_TEXT_LIMIT,
  recommendation: LONG_TEXT_LIMIT,
  recommendationTitle: LONG_TEXT_LIMIT,
  action: LONG_TEXT_LIMIT,
  milestone: LONG_TEXT_LIMIT,
  progressUpdate: LONG_TEXT_LIMIT,
};

/** The rows of one sheet as the mapping sees them. */
export class SheetRows {
  readonly #leftmost: number;
  readonly #titles: Set<string>;
  readonly #headerKeys: [number, string][];
  readonly #reported = new Set<string>();
  readonly #recColumns: Set<number>;

  constructor(
    readonly sheet: Sheet,
    readonly headerRow: number,
    readonly columns: ReadonlyMap<ColumnRole, Column>,
    readonly headings: boolean,
    readonly problems: Problems,
  ) {
    this.#leftmost = Math.min(...[...columns.values()].map((c) => c.index));
    this.#titles = new Set(
      sheet.rows
        .slice(0, headerRow - 1)
        .flat()
        .map((c) => c.trim())
        .filter((c) => c !== ""),
    );
    this.#headerKeys = [...columns.values()].map((c) => [c.index, headerKey(c.header)]);
    // The plan column names which plan a row is of: like the recommendation columns, never a heading's text.
    const recRoles: ColumnRole[] = ["recommendation", "recommendationTitle", "plan"];
    this.#recColumns = new Set(recRoles.flatMap((r) => columns.get(r)?.index ?? []));
  }

  /** 1-based numbers of the rows below the header. */
  *numbers(): Generator<number> {
    for (let row = this.headerRow + 1; row <= this.sheet.rows.length; row++) yield row;
  }

  /**
   * What a row is. A heading has one value outside the recommendation columns (perhaps merged across the
   * row) that reads as a heading: it has heading words ("Phase 2", "1. Finance"), spans several cells, or
   * sits at the table's left edge outside the action columns.
   */
  kind(row: number): RowKind {
    const cells = this.sheet.rows[row - 1] ?? [];
    const filled = cells.flatMap((c, i) => (c.trim() === "" ? [] : [{ text: c.trim(), index: i }]));
    if (filled.length === 0) return "blank";
    const repeats = this.#headerKeys.filter(([i, key]) => headerKey(cells[i] ?? "") === key).length;
    if (repeats >= Math.max(2, Math.ceil(this.#headerKeys.length / 2))) return "header";
    const rest = filled.filter((f) => !this.#recColumns.has(f.index));
    const first = rest[0];
    if (first === undefined || !this.headings) return "data";
    if (rest.some((f) => f.text !== first.text) || !/\p{L}/u.test(first.text)) return "data";
    if (this.#titles.has(first.text)) return "title";
    const roles = [...this.columns].filter(([, c]) => c.index === first.index).map(([role]) => role);
    const inTextColumn = roles.some((r) => r === "action" || r === "milestone");
    const spans = rest.length > 1;
    const leftmost = first.index <= this.#leftmost || roles.includes("ref");
    return spans || hasHeadingWords(first.text) || (leftmost && !inTextColumn) ? "heading" : "data";
  }

  /** A role's cell as it is, trimmed: no fill-down, no warnings. */
  raw(row: number, role: ColumnRole): string {
    const column = this.columns.get(role);
    return column === undefined ? "" : (this.sheet.rows[row - 1]?.[column.index]?.trim() ?? "");
  }

  /** Whether the row has exactly one cell filled in. */
  oneCell(row: number): boolean {
    return (this.sheet.rows[row - 1] ?? []).filter((c) => c.trim() !== "").length === 1;
  }

  /** The heading row's text (outside the recommendation columns), without control characters. */
  headingText(row: number): string {
    const cells = this.sheet.rows[row - 1] ?? [];
    const index = cells.findIndex((c, i) => c.trim() !== "" && !this.#recColumns.has(i));
    const text = stripControls(cells[index] ?? "").text.trim();
    if (text.length > LONG_TEXT_LIMIT && !this.#reported.has(`${row}:heading`)) {
      this.#reported.add(`${row}:heading`);
      this.problems.error(
        { row, column: { index, header: "heading" } },
        `${tooLongMessage("The heading", text.length, LONG_TEXT_LIMIT)} Shorten it in the file, then import again.`,
      );
    }
    return text;
  }

  /**
   * A cell's text by role, trimmed, without control characters (reported as a warning); a cell longer than
   * its column holds is reported as an error, once.
   */
  get(row: number, role: ColumnRole): string {
    const column = this.columns.get(role);
    if (column === undefined) return "";
    const raw = this.sheet.rows[row - 1]?.[column.index] ?? "";
    if (raw === "") return "";
    const { text, stripped } = stripControls(raw);
    if (stripped && !this.#reported.has(`${row}:${column.index}`)) {
      this.#reported.add(`${row}:${column.index}`);
      this.problems.warning(
        { row, column },
        "The cell held control characters (invisible codes pasted from another system); they were removed.",
      );
    }
    const trimmed = text.trim();
    const limit = CELL_LIMITS[role];
    if (limit !== undefined && trimmed.length > limit && !this.#reported.has(`${row}:${column.index}:long`)) {
      this.#reported.add(`${row}:${column.index}:long`);
      this.problems.error(
        { row, column },
        `${tooLongMessage("The cell", trimmed.length, limit)} Shorten it in the file, then import again.`,
      );
    }
    return trimmed;
  }

  /** Where a role's cell is, for problems. */
  place(row: number, role: ColumnRole): { row: number; column: Column | null } {
    return { row, column: this.columns.get(role) ?? null };
  }
}
