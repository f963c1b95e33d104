// The Word report's building blocks: text kept exactly as written (line breaks and tabs as Word's own), tables
// whose first row is a header that repeats on every page, and the styles that give the spacing (so no empty
// paragraph is ever used for it). Text always goes in as plain runs: never a field, never a hyperlink.
import {
  HeadingLevel,
  LineRuleType,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { IStylesOptions } from "docx";

/** Twips of text width: A4 with 2.54 cm margins, portrait and landscape. */
export const PORTRAIT_WIDTH = 11906 - 2 * 1440;
export const LANDSCAPE_WIDTH = 16838 - 2 * 1440;

/** The paragraph styles the report uses beyond Word's own (Title, Heading 1, Heading 2). */
export const STYLE = {
  subtitle: "ReportSubtitle",
  cell: "TableText",
  headerCell: "TableHeading",
  note: "TableNote",
} as const;

const FONT = "Arial";

/** The document's styles: en-GB, Arial 11 pt, and every gap between blocks set here, never by empty lines. */
export const REPORT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 22, language: { value: "en-GB", eastAsia: "en-GB", bidirectional: "ar-SA" } },
      // Line spacing is a multiple (auto), so the title's big type and the chart's image are never clipped.
      paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: FONT, size: 52, bold: true, color: "1F1F1F" },
      paragraph: { spacing: { before: 2400, after: 360 } },
    },
    heading1: {
      run: { font: FONT, size: 36, bold: true, color: "1F1F1F" },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: 28, bold: true, color: "1F1F1F" },
      paragraph: { spacing: { before: 320, after: 120 }, keepNext: true, keepLines: true },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.subtitle,
      name: "Report Subtitle",
      basedOn: "Normal",
      next: "Normal",
      run: { size: 32, color: "424242" },
      paragraph: { spacing: { after: 480 } },
    },
    {
      id: STYLE.cell,
      name: "Table Text",
      basedOn: "Normal",
      run: { size: 20 },
      paragraph: { spacing: { before: 40, after: 40, line: 252, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.headerCell,
      name: "Table Heading",
      basedOn: STYLE.cell,
      run: { bold: true },
      paragraph: { keepNext: true },
    },
    {
      id: STYLE.note,
      name: "Table Note",
      basedOn: STYLE.cell,
      run: { italics: true, color: "595959" },
    },
  ],
};

/**
 * Runs of text exactly as written: each line break becomes Word's line break and each tab Word's tab (a raw
 * CR or tab inside w:t would be shown as a space, or lost by an XML parser), nothing else is touched.
 */
export function textRuns(text: string, style: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return text.split(/\r\n|\r|\n/).map(
    (line, i) =>
      new TextRun({
        ...style,
        ...(i > 0 ? { break: 1 } : {}),
        children: line.split("\t").flatMap((part, j) => (j > 0 ? [new Tab(), part] : [part])),
      }),
  );
}

/** A body paragraph of plain text. */
export function para(text: string, options: { style?: string; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ children: textRuns(text), ...options });
}

/** A heading: level 1 starts a new page unless it is the first thing in its section. */
export function heading(text: string, level: 1 | 2, options: { newPage?: boolean } = {}): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: textRuns(text),
    ...(options.newPage ? { pageBreakBefore: true } : {}),
  });
}

/** What goes in a cell: text (kept exact), or lines of text each with its own style. */
export type CellContent = string | null | readonly CellLine[];
export interface CellLine {
  text: string;
  note?: boolean;
  bold?: boolean;
}

/** One column of a table: its header, its width in twips and what each row shows in it. */
export interface Column<T> {
  label: string;
  width: number;
  cell: (row: T) => CellContent;
}

function cellParagraphs(content: CellContent): Paragraph[] {
  const lines: readonly CellLine[] =
    typeof content === "string" ? [{ text: content }] : content === null ? [] : content;
  // A cell must hold a paragraph; an empty cell's is the one empty paragraph Word itself writes there.
  if (lines.length === 0) return [new Paragraph({ style: STYLE.cell })];
  return lines.map(
    (line) =>
      new Paragraph({
        style: line.note ? STYLE.note : STYLE.cell,
        children: textRuns(line.text, line.bold ? { bold: true } : {}),
      }),
  );
}

const HEADER_SHADING = { type: ShadingType.CLEAR, color: "auto", fill: "E8E8E8" } as const;

/** A table with a header row that repeats on each page, fixed column widths, and one row per item. */
export function dataTable<T>(columns: readonly Column<T>[], rows: readonly T[]): Table {
  const width = (column: Column<T>) => ({ size: column.width, type: WidthType.DXA });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (column) =>
        new TableCell({
          width: width(column),
          shading: HEADER_SHADING,
          children: [new Paragraph({ style: STYLE.headerCell, children: textRuns(column.label) })],
        }),
    ),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        children: columns.map(
          (column) => new TableCell({ width: width(column), children: cellParagraphs(column.cell(row)) }),
        ),
      }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: columns.reduce((sum, column) => sum + column.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((column) => column.width),
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
  });
}

/** Column widths in twips from shares of the text width (the last column takes what rounding leaves). */
export function widths(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const out = shares.map((share) => Math.floor((share / sum) * total));
  out[out.length - 1] = total - out.slice(0, -1).reduce((a, b) => a + b, 0);
  return out;
}
