// XLSX through ExcelJS, after fflate has read the zip's directory and inflated every entry into nothing: a
// workbook is a zip, so a Word file renamed .xlsx, a zip bomb or a damaged file is told apart before ExcelJS
// inflates anything.
import type { CellValue, Workbook, Worksheet } from "exceljs";
import { interopDefault } from "./text.ts";
import type { Cell, Sheet } from "./types.ts";
import { measureInflation, type InflationLimits } from "./zip-inflation.ts";

/** Uncompressed total over this is refused: a plan's XML is a few MB even at 5,000 rows. */
const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** Deflate tops out near 1,000:1; real sheet XML compresses 10-50:1, a bomb's filler far more. */
const MAX_RATIO = 200;
const LIMITS: InflationLimits = {
  maxTotalBytes: MAX_UNCOMPRESSED_BYTES,
  maxRatio: MAX_RATIO,
  ratioFromBytes: 1024 * 1024,
};
const BOMB = "unpacks to far more data than a plan holds, so it was refused (it may be a zip bomb)";
const DAMAGED = "is damaged or is not a real Excel workbook (its zip structure cannot be read)";

async function checkZip(bytes: Uint8Array, fail: (what: string) => never): Promise<void> {
  const { unzipSync } = interopDefault(await import("fflate"));
  const entries: { name: string; size: number; originalSize: number }[] = [];
  try {
    // The filter sees each entry's sizes from the central directory; returning false inflates nothing.
    unzipSync(bytes, {
      filter: (file) => {
        entries.push(file);
        return false;
      },
    });
  } catch {
    fail(DAMAGED);
  }
  const names = new Set(entries.map((e) => e.name));
  const total = entries.reduce((sum, e) => sum + e.originalSize, 0);
  const bomb = entries.some((e) => e.originalSize > 1024 * 1024 && e.originalSize > e.size * MAX_RATIO);
  if (total > MAX_UNCOMPRESSED_BYTES || bomb) fail(BOMB);
  if (names.has("xl/workbook.xml")) return;
  if (names.has("word/document.xml")) fail("is a Word document, not an Excel workbook");
  if ([...names].some((n) => n.startsWith("ppt/"))) fail("is a PowerPoint file, not an Excel workbook");
  if (names.has("content.xml")) fail("is an OpenDocument file: save it as .xlsx or .csv first");
  fail("is a zip file, not an Excel workbook");
}

// The directory's sizes are the zip's own word, and a bomb lies in them: what the entries really inflate to
// is measured, output discarded, stopping as soon as it passes the limits, before ExcelJS inflates it all.
async function checkInflation(bytes: Uint8Array, fail: (what: string) => never): Promise<void> {
  const { verdict } = await measureInflation(bytes, LIMITS);
  if (verdict === "too-big") fail(BOMB);
  if (verdict === "damaged") fail(DAMAGED);
}

/** Reads every worksheet of an XLSX file into cell text. */
export async function readXlsx(bytes: Uint8Array, fail: (what: string) => never): Promise<Sheet[]> {
  await checkZip(bytes, fail);
  await checkInflation(bytes, fail);
  const { Workbook } = interopDefault(await import("exceljs"));
  const workbook: Workbook = new Workbook();
  try {
    // ExcelJS hands its input to JSZip, which takes an ArrayBuffer in Node and the browser alike; the copy
    // is an ArrayBuffer of exactly these bytes even when `bytes` is a view into a larger one.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    fail("is damaged or is not a real Excel workbook (ExcelJS cannot read it)");
  }
  return workbook.worksheets.map(sheetOf);
}

function sheetOf(worksheet: Worksheet): Sheet {
  const rows: (Cell[] | undefined)[] = [];
  // A merged range's other cells read as its top-left value in ExcelJS, which is what the mapping wants: a
  // recommendation merged down its actions' rows repeats on each, a heading merged across fills its row.
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value, cell.numFmt);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  return { name: worksheet.name, rows: Array.from(rows, (r) => r ?? []) };
}

function cellText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.replace(/\r\n?/g, "\n");
  if (typeof value === "number") return numberText(value, numFmt);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // ExcelJS reads date cells as UTC midnight (plus any time of day), so the UTC date is the one written.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : value.hyperlink;
  if ("error" in value) return value.error;
  // Formulas: the value Excel cached when the file was saved; nothing is evaluated here.
  if ("result" in value) return value.result === undefined ? "" : cellText(value.result, numFmt);
  return "";
}

// Numbers as Excel shows them where that matters to a plan: percentages ("50%") and fixed decimals (a ref
// "1.10" typed as a number and formatted 0.00); otherwise JavaScript's shortest round-trip form.
function numberText(value: number, numFmt: string | undefined): string {
  if (numFmt?.includes("%")) return `${Number((value * 100).toPrecision(12))}%`;
  const decimals = /^0\.(0+)$/.exec(numFmt ?? "")?.[1]?.length;
  if (decimals !== undefined) return value.toFixed(decimals);
  return String(Number(value.toPrecision(15)));
}
