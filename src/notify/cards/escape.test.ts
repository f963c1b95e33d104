import { test } from "vitest";
import assert from "node:assert/strict";
import { WORD_JOINER, escapeCardText, truncateText } from "./escape.ts";

const J = WORD_JOINER;

// What the reader sees: the word joiners the escaping adds are zero width and never shown.
const seen = (text: string) => text.replaceAll(WORD_JOINER, "");

test("escapeCardText leaves ordinary text as written and shows markdown as typed", () => {
  // Teams' renderer has no backslash escapes: whatever the card holds beyond the text is shown.
  const wrote =
    "Adopt the performance management framework (PMF) [draft] for phase_1: 50% & on time, C:\\plans";
  assert.equal(escapeCardText(wrote), wrote, "ordinary text is left exactly as written");
  assert.equal(
    seen(escapeCardText("**bold** _italic_ [click](https://evil.example)")),
    "**bold** _italic_ [click](https://evil.example)",
  );
});

test("escapeCardText neutralises markdown, template expressions and layout tricks", () => {
  const cases: [string, string, string][] = [
    ["a markdown link", "[click](https://evil.example)", `[click]${J}(https://evil.example)`],
    ["an image link", "![x](https://evil.example/x.png)", `![x]${J}(https://evil.example/x.png)`],
    ["a reference link", "[x][1] [1]: https://evil.example", `[x]${J}[1] [1]${J}: https://evil.example`],
    ["an autolink", "<https://evil.example>", `<${J}https://evil.example>`],
    ["a template expression", "${$root.secret}", `$${J}{$root.secret}`],
    [
      "a renderer date function",
      "{{DATE(2017-02-14T06:00:00Z, SHORT)}}",
      `{${J}{DATE(2017-02-14T06:00:00Z, SHORT)}}`,
    ],
    ["bold", "**bold**", `*${J}*bold*${J}*`],
    ["bold with underscores", "a __b__", `a ${J}_${J}${J}_${J}b${J}_${J}${J}_${J}`],
    ["italic", "an _italic_ word", `an ${J}_${J}italic${J}_${J} word`],
    ["strike", "~~gone~~", `~${J}~gone~${J}~`],
    ["html", "<script>alert(1)</script>", `<${J}script>alert(1)<${J}/script>`],
    ["a heading", "# Heading", `${J}# Heading`],
    ["a quote", "> quoted", `${J}> quoted`],
    ["a bullet", "- item", `${J}- item`],
    ["a plus bullet", "+ item", `${J}+ item`],
    ["a star bullet", "* item", `${J}* item`],
    ["a numbered item", "1. Green", `${J}1. Green`],
    ["a numbered item with )", "2) Orange", `${J}2) Orange`],
    ["a hyphen inside text", "Q1 - review", "Q1 - review"],
    ["a reference", "2.3 Review", "2.3 Review"],
    ["a less-than", "spend < 5% & 3 > 2", "spend < 5% & 3 > 2"],
    ["an underscore inside a word", "phase_1 and snake_case_name", "phase_1 and snake_case_name"],
    ["line breaks that would start a list", "Done:\n\n- phase 1\r\n- phase 2", "Done: - phase 1 - phase 2"],
    ["controls and bidi overrides", "abc\u0000\u0007def\u202Egnp\u2066", "abcdefgnp"],
    ["a right-to-left mark that would move a date", "Due \u200F30/06/2024", "Due 30/06/2024"],
    ["isolates around a name", "SRO \u2067Sam\u2069 Jones", "SRO Sam Jones"],
    ["plain council prose", "Mayor's Office & CMT: 50% done", "Mayor's Office & CMT: 50% done"],
  ];
  for (const [why, input, expected] of cases) {
    assert.equal(escapeCardText(input), expected, why);
    assert.ok(!escapeCardText(input).includes("\\"), `${why}: no backslash shown`);
  }
});

test("truncateText cuts at a word near the end, never inside a character", () => {
  const cases: [string, number, string][] = [
    ["Short enough", 20, "Short enough"],
    [
      "The Council will review the roles and functions of the Mayor's Office",
      40,
      "The Council will review the roles and…",
    ],
    ["Supercalifragilisticexpialidocious", 10, "Supercali…"],
    ["Review, then publish the plan", 16, "Review, then…"],
    ["Café 😀😀😀😀 long text", 7, "Café 😀…"],
    ["  spaced\n\nout  ", 20, "spaced out"],
  ];
  for (const [input, max, expected] of cases) {
    const out = truncateText(input, max);
    assert.equal(out, expected, input);
    assert.ok(Array.from(out).length <= max, `${input}: at most ${String(max)} characters`);
  }
});
