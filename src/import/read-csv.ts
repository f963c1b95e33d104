// CSV as councils save it: UTF-8 with or without a byte-order mark, Excel's "Unicode text" (UTF-16), or
// Windows-1252 from older Excel; comma, semicolon or tab separated; quoted cells with line breaks.
import { baseName, interopDefault } from "./text.ts";
import type { Sheet } from "./types.ts";

// Node's TextDecoder reads "windows-1252" as ISO-8859-1 (nodejs/node#56542), leaving 0x80-0x9F as C1
// controls; browsers map them to these. The five undefined bytes stay as they are (and are stripped later).
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    // The default decoder drops a UTF-8 byte-order mark; `fatal` makes any invalid sequence throw.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252")
      .decode(bytes)
      .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
  }
}

// Text files have almost no control characters; random bytes have one in ten. A few stray ones (a pasted
// form feed) are stripped with a warning when mapping, so only a file full of them is refused here.
function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.slice(0, 65_536);
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > 8 && controls > sample.length / 100;
}

/** Decodes and parses a CSV file into one sheet named after the file, as Excel names it. */
export async function readCsv(
  bytes: Uint8Array,
  fileName: string,
  fail: (what: string) => never,
): Promise<Sheet[]> {
  // Line endings made one: a file edited on two machines mixes CRLF and LF, and Papa Parse, which takes the
  // first ending it meets for all, would silently join a row ending in the other onto its neighbour.
  const text = decode(bytes).replace(/\r\n?/g, "\n");
  if (looksBinary(text)) fail("is not a spreadsheet or CSV file (it holds binary data)");
  if (/^\s*<(?:!doctype html|html|table)\b/i.test(text))
    fail("is a web page (HTML), not a spreadsheet: open it in Excel and save it as .xlsx or .csv");
  if (text.trim() === "") fail("is empty");
  const Papa = interopDefault(await import("papaparse"));
  // Papa Parse guesses the separator from field counts, which blank lines throw off (a two-column file
  // averages under two fields), so it guesses on a preview without them, then parses keeping row numbers.
  const guess = Papa.parse<string[]>(text, {
    delimitersToGuess: [",", ";", "\t", "|"],
    skipEmptyLines: "greedy",
    preview: 100,
  });
  const parsed = Papa.parse<string[]>(text, {
    delimiter: guess.meta.delimiter,
    newline: "\n",
    skipEmptyLines: false,
  });
  const rows = parsed.data;
  while (rows.length > 0 && (rows.at(-1) ?? []).every((cell) => cell.trim() === "")) rows.pop();
  return [{ name: baseName(fileName), rows }];
}
