// Splits a target date cell ("Ongoing - June 24", "Agreed by 01/04/2024 Implemented by 01/10/24") into
// tokens for `parseTargetDate`. Spelling variants are folded here so the parser only sees one form of each.
import { isValidDay } from "./iso-date.ts";

export type Season = "spring" | "summer" | "autumn" | "winter";
export type Keyword = "ongoing" | "tbc" | "none";

export type Token =
  | { kind: "date"; year: number; month: number; day: number }
  | { kind: "number"; value: number; digits: number }
  | { kind: "month"; month: number }
  | { kind: "season"; season: Season }
  | { kind: "quarter"; quarter: number }
  | { kind: "keyword"; keyword: Keyword }
  | { kind: "punct"; char: string }
  | { kind: "word"; word: string };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  febuary: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

// "autum" is how one SRO spelt it in the seed data's updates; cheap to accept.
const SEASONS: Readonly<Record<string, Season>> = {
  spring: "spring",
  summer: "summer",
  autumn: "autumn",
  autum: "autumn",
  winter: "winter",
};

// Phrases folded to one keyword before tokenising, so "On-going", "on going" and "TBC" need no special cases.
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bon[\s-]*going\b/g, " ongoing "],
  [/\b(?:continuous|continual|rolling|business as usual|bau)\b/g, " ongoing "],
  [/\bto be (?:confirmed|agreed|determined|decided|advised|arranged)\b/g, " tbc "],
  [/\b(?:tba|tbd|tbc)\b/g, " tbc "],
  [/\bn\/a\b|\bnot applicable\b/g, " none "],
  [/\bw\/c\b/g, " wc "],
];

// Numeric dates are British: day first. ISO (year first) is recognised by its four-digit lead. The groups are
// numbered in the order `tokenizeTargetDate` reads them.
const TOKEN = new RegExp(
  [
    String.raw`(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)`, // 1-3: 2024-05-31
    String.raw`(\d{1,2})([/.-])(\d{1,2})\5(\d{4}|\d{2})(?!\d)`, // 4-7: 01/10/24, 3.4.2024
    String.raw`(?<![a-z])q([1-4])(?![a-z\d])`, // 8: Q1
    String.raw`(\d+)(?:st|nd|rd|th)?`, // 9: 24, 2024, 1st
    String.raw`([a-z]+)`, // 10: words
    String.raw`([-/,&'+])`, // 11: punctuation that can join or separate dates
  ].join("|"),
  "g",
);

function fullYear(text: string): number {
  const value = Number(text);
  return text.length === 2 ? 2000 + value : value;
}

function wordToken(word: string): Token {
  const month = MONTHS[word];
  if (month !== undefined) return { kind: "month", month };
  const season = SEASONS[word];
  if (season !== undefined) return { kind: "season", season };
  if (word === "ongoing" || word === "tbc" || word === "none") return { kind: "keyword", keyword: word };
  return { kind: "word", word };
}

/** The tokens of a target date text, lower-cased, with dashes, quotes and keyword spellings folded. */
export function tokenizeTargetDate(text: string): Token[] {
  let normal = text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019`]/g, "'");
  for (const [pattern, replacement] of PHRASES) normal = normal.replace(pattern, replacement);

  const tokens: Token[] = [];
  for (const m of normal.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      pushDate(tokens, Number(m[1]), Number(m[2]), Number(m[3]), m[0]);
    } else if (m[4] !== undefined && m[7] !== undefined) {
      pushDate(tokens, fullYear(m[7]), Number(m[6]), Number(m[4]), m[0]);
    } else if (m[8] !== undefined) {
      tokens.push({ kind: "quarter", quarter: Number(m[8]) });
    } else if (m[9] !== undefined) {
      tokens.push({ kind: "number", value: Number(m[9]), digits: m[9].length });
    } else if (m[10] !== undefined) {
      tokens.push(wordToken(m[10]));
    } else if (m[11] !== undefined) {
      tokens.push({ kind: "punct", char: m[11] });
    }
  }
  return tokens;
}

// An impossible numeric date (31/02/2024) is kept as a word so it counts as text we could not read.
function pushDate(tokens: Token[], year: number, month: number, day: number, raw: string): void {
  tokens.push(
    isValidDay(year, month, day) ? { kind: "date", year, month, day } : { kind: "word", word: raw },
  );
}
