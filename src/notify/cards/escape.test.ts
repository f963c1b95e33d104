import { test } from "vitest";
import assert from "node:assert/strict";
import { escapeCardText, truncateText } from "./escape.ts";

test("escapeCardText neutralises markdown, template expressions and layout tricks", () => {
  const cases: [string, string, string][] = [
    ["a markdown link", "[click](https://evil.example)", String.raw`\[click\]\(https://evil.example\)`],
    ["an image link", "![x](https://evil.example/x.png)", String.raw`!\[x\]\(https://evil.example/x.png\)`],
    ["an autolink", "<https://evil.example>", String.raw`\<https://evil.example\>`],
    ["a template expression", "${$root.secret}", String.raw`$\{$root.secret\}`],
    [
      "a renderer date function",
      "{{DATE(2017-02-14T06:00:00Z, SHORT)}}",
      String.raw`\{\{DATE\(2017-02-14T06:00:00Z, SHORT\)\}\}`,
    ],
    ["bold", "**bold**", String.raw`\*\*bold\*\*`],
    ["italic", "_italic_", String.raw`\_italic\_`],
    ["code", "`rm -rf`", String.raw`\`rm -rf\``],
    ["html", "<script>alert(1)</script>", String.raw`\<script\>alert\(1\)\</script\>`],
    ["a heading", "# Heading", String.raw`\# Heading`],
    ["a quote", "> quoted", String.raw`\> quoted`],
    ["a bullet", "- item", String.raw`\- item`],
    ["a plus bullet", "+ item", String.raw`\+ item`],
    ["a numbered item", "1. Green", String.raw`1\. Green`],
    ["a numbered item with )", "2) Orange", String.raw`2\) Orange`],
    ["a hyphen inside text", "Q1 - review", "Q1 - review"],
    ["a year and a full stop", "2024. Done", String.raw`2024\. Done`],
    ["a backslash", String.raw`C:\plans\q1`, String.raw`C:\\plans\\q1`],
    ["line breaks that would start a list", "Done:\n\n- phase 1\r\n- phase 2", "Done: - phase 1 - phase 2"],
    ["controls and bidi overrides", "abc\u0000\u0007def\u202Egnp\u2066", "abcdefgnp"],
    ["a right-to-left mark that would move a date", "Due \u200F30/06/2024", "Due 30/06/2024"],
    ["isolates around a name", "SRO \u2067Sam\u2069 Jones", "SRO Sam Jones"],
    ["plain council prose", "Mayor's Office & CMT: 50% done", "Mayor's Office & CMT: 50% done"],
  ];
  for (const [why, input, expected] of cases) assert.equal(escapeCardText(input), expected, why);
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
