// Text typed into SharePoint (action wording, titles, names) goes into cards only through here.
//
// A TextBlock (and a Fact's title and value) renders a markdown subset in Teams: **bold**, _italic_, "- "
// and "1. " lists, and [links](https://...). Teams' renderer has no backslash escapes, so escaping every
// markdown character with "\" (as CommonMark would want) showed "framework \(PMF\) \[draft\] phase\_1" to
// the reader. Instead only what a renderer would build something from is broken up, with U+2060 WORD JOINER
// (zero width, never shown, no line break): "](" of a link, "**" and "__" of bold, an "_" at a word's edge,
// "<" of a tag or autolink, "{{" of a renderer function (DATE, TIME), "${" of a template expression, and a
// list, heading or quote marker at the start. Ordinary text, "(PMF) [draft] phase_1" included, is left
// exactly as written. Line breaks are flattened to spaces: a card line is a summary, and a flat line cannot
// open a list, a heading or a quote after its first word.

import { neutraliseBidi } from "../../lib/bidi.ts";

/** Zero width and never shown; between two characters it stops them being read as one token. */
export const WORD_JOINER = "\u2060";
const J = WORD_JOINER;

// What Teams' subset (or a fuller CommonMark renderer) would build from: a link or reference "](", "][",
// "]:"; a run of "*" or "~" (bold, strike; "__" is two edge underscores); "<" opening a tag or an
// autolink; "{{" and "${".
const PAIRS = /\](?=[([:])|([*~])(?=\1)|<(?=[A-Za-z/!?])|[{$](?={)/g;
// An "_" at the edge of a word opens or closes italics; one inside a word ("phase_1") never does.
const EDGE_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
// A list marker, heading or quote at the start of the (flattened) text: "- x", "+ x", "* x", "1. x", "1) x",
// "# x", "> x".
const LEADING_MARKER = /^(?:[-+*]|\d{1,9}[.)]|#{1,6})(?=\s|$)|^>/;

// Control characters go (whitespace ones become spaces), and so do the bidirectional controls that can
// make text read differently from what it is ("Trojan Source": src/lib/bidi.ts).
function flatten(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (/\s/.test(char)) out += " ";
    else if (!control) out += char;
  }
  return neutraliseBidi(out).replace(/ +/g, " ").trim();
}

/**
 * Plain text made safe for a TextBlock or Fact: one line, shown as written, yet no link, markup, list or
 * template expression can be built from it.
 */
export function escapeCardText(text: string): string {
  const flat = flatten(text).replace(PAIRS, `$&${J}`).replace(EDGE_UNDERSCORE, `${J}_${J}`);
  return LEADING_MARKER.test(flat) ? `${J}${flat}` : flat;
}

/**
 * At most `max` characters of flattened text, cut at a word boundary when one is near the end, with "…".
 * Counts code points, so an emoji or accented letter is never split. Truncate first, then escape.
 */
export function truncateText(text: string, max: number): string {
  const flat = flatten(text);
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, Math.max(1, max - 1)).join("");
  const space = cut.lastIndexOf(" ");
  // Prefer the last whole word, unless that throws away more than a fifth of what fits.
  const kept = space >= cut.length * 0.8 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:.-]+$/, "")}…`;
}
