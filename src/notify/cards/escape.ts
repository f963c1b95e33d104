// Text typed into SharePoint (action wording, titles, names) goes into cards only through here.
//
// A TextBlock (and a Fact's title and value) renders a markdown subset, so "[click](https://evil.example)"
// would become a live link in a message the app sent. Every markdown character is backslash-escaped, which
// CommonMark renders as the plain character; `{` and `}` are escaped too, so "${...}" can never be read as a
// template expression nor "{{DATE(...)}}" as a renderer function. Line breaks are flattened to spaces: a
// card line is a summary, and a flat line cannot open a list, a heading or a quote after its first word.

import { neutraliseBidi } from "../../lib/bidi.ts";

// Markdown and template punctuation. "&" is left alone: CommonMark never builds structure from an entity.
const MARKDOWN = /[\\`*_[\]()#<>{}~|]/g;
// A list marker or heading at the start of the (flattened) text: "- x", "+ x", "1. x", "1) x".
const LEADING_MARKER = /^([-+]|\d{1,9}[.)])(?=\s|$)/;

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

/** Plain text made safe for a TextBlock or Fact: one line, no markdown, no template expressions. */
export function escapeCardText(text: string): string {
  return flatten(text)
    .replace(MARKDOWN, "\\$&")
    .replace(LEADING_MARKER, (marker) => {
      const last = marker.length - 1;
      return `${marker.slice(0, last)}\\${marker.slice(last)}`;
    });
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
