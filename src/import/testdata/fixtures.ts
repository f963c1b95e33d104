// Builders for the import tests: workbooks written with ExcelJS, CSV bytes in a chosen encoding, and a
// map context with a small directory. Test-only; nothing in production imports this.
import ExcelJS from "exceljs";
import { isoDate } from "../../domain/index.ts";
import type { MapContext } from "../types.ts";

export type CellInput = ExcelJS.CellValue;

export interface SheetInput {
  name: string;
  rows: CellInput[][];
  /** Ranges to merge, e.g. "A3:A5". */
  merges?: string[];
  /** Number formats by cell address, e.g. { C4: "0%" }. */
  formats?: Record<string, string>;
}

/** An XLSX file's bytes, as Excel would save the given sheets. */
export async function xlsx(...sheets: SheetInput[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const input of sheets) {
    const sheet = workbook.addWorksheet(input.name);
    input.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const range of input.merges ?? []) sheet.mergeCells(range);
    for (const [address, format] of Object.entries(input.formats ?? {}))
      sheet.getCell(address).numFmt = format;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** CSV text as UTF-8 bytes, optionally with a byte-order mark. */
export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}

/** Rows as CSV text: cells quoted where they hold the separator, a quote or a line break. */
export function csv(rows: readonly (readonly string[])[], separator = ","): string {
  const quoteCell = (cell: string) =>
    cell.includes(separator) || /["\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  return rows.map((row) => row.map(quoteCell).join(separator)).join("\r\n") + "\r\n";
}

/** The small directory the SRO tests match against. */
export const PEOPLE: MapContext["people"] = [
  { upn: "amara.okafor@northbridge.gov.uk", displayName: "Amara Okafor", jobTitle: "Acting Director SIT" },
  {
    upn: "david.chen@northbridge.gov.uk",
    displayName: "David Chen",
    jobTitle: "Corporate Director Resources",
  },
  { upn: "helen.ward@northbridge.gov.uk", displayName: "Helen Ward", jobTitle: "Chief Executive" },
  { upn: "sam.patel@northbridge.gov.uk", displayName: "Sam Patel", jobTitle: "Monitoring Officer" },
  {
    upn: "ruth.bell@northbridge.gov.uk",
    displayName: "Ruth Bell",
    jobTitle: "Corporate Director Housing and Regeneration",
  },
  { upn: "tom.reid@northbridge.gov.uk", displayName: "Tom Reid", jobTitle: "Head of Democratic Services" },
];

/** A map context as of the LGA report (9 April 2024), read the next day, with no posts on the site. */
export function context(overrides: Partial<MapContext> = {}): MapContext {
  return {
    planTitle: "Test plan",
    referenceDate: isoDate("2024-04-09"),
    today: isoDate("2024-04-10"),
    overdueAfterMonths: 1,
    posts: [],
    people: PEOPLE,
    ...overrides,
  };
}
