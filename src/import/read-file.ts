// Reading a plan file a council brings: which kind it really is (by its bytes, not its name), the limits
// that keep a browser tab alive, then the sheets as cell text. No I/O: bytes in, data out.
import { readCsv } from "./read-csv.ts";
import { readXlsx } from "./read-xlsx.ts";
import type { PlanFile } from "./types.ts";

/** A file the import cannot read; the message names the file and says what is wrong, in one sentence. */
export class ImportFileError extends Error {
  override name = "ImportFileError";
}

/** Files over this are refused before parsing: a real plan is well under 1 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * Reads an XLSX or CSV plan file into sheets of cell text. Throws ImportFileError for anything else (a Word
 * file renamed .xlsx, a PDF, an old .xls, a zip bomb, binary junk), an empty file or one over 20 MB.
 */
export async function readPlanFile(bytes: Uint8Array, fileName: string): Promise<PlanFile> {
  const fail = (what: string): never => {
    throw new ImportFileError(`"${fileName}" ${what}.`);
  };
  if (bytes.length === 0) fail("is empty");
  if (bytes.length > MAX_FILE_BYTES)
    fail(`is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the 20 MB limit for a plan file`);
  if (startsWith(bytes, PDF))
    fail("is a PDF, not a spreadsheet: import the Excel or CSV file it was made from");
  if (startsWith(bytes, OLE))
    fail("is an old-format (.xls or .doc) or password-protected Office file: save it as .xlsx or .csv first");
  const sheets = startsWith(bytes, ZIP) ? await readXlsx(bytes, fail) : await readCsv(bytes, fileName, fail);
  if (sheets.length === 0) fail("has no sheets");
  if (sheets.every((s) => s.rows.every((row) => row.every((cell) => cell.trim() === ""))))
    fail("is empty: none of its cells has any text");
  return { fileName, kind: startsWith(bytes, ZIP) ? "xlsx" : "csv", sheets };
}
