// Small text helpers the readers and the mapping share.

/** The file name without its folder or extension: "C:\\plans\\plan.xlsx" -> "plan". */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

export { interopDefault } from "../lib/interop.ts";

/** Lower case, "&" as "and", punctuation as spaces, single-spaced: for comparing words as people write them. */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}%]+/gu, " ")
    .trim();
}

// Everything below a space bar tab and line feed, DEL, and the C1 controls (Windows-1252's undefined bytes).
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The text without control characters (tabs and line breaks kept, carriage returns made line breaks). */
export function stripControls(text: string): { text: string; stripped: boolean } {
  const lines = text.replace(/\r\n?/g, "\n");
  const clean = lines.replace(CONTROLS, "");
  return { text: clean, stripped: clean.length !== lines.length };
}
