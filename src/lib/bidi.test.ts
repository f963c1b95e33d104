// Text with bidi controls cannot be shown reordered: overrides, embeddings and isolates go, and marks go
// wherever they could move digits, spaces or punctuation.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { hasBidiControls, neutraliseBidi, shownText } from "./bidi.ts";

const cases: [name: string, input: string, shown: string][] = [
  [
    "plain text is untouched",
    "Review the housing allocations policy",
    "Review the housing allocations policy",
  ],
  ["a right-to-left override (U+202E) goes", "Pay \u202Eredaeh\u202C now", "Pay redaeh now"],
  ["a left-to-right override (U+202D) goes", "\u202DA\u202C", "A"],
  ["embeddings (U+202A, U+202B) go", "\u202Aone\u202C \u202Btwo\u202C", "one two"],
  ["isolates (U+2066–U+2069) go", "\u2066a\u2069 \u2067b\u2069 \u2068c\u2069", "a b c"],
  ["an RLM beside a digit goes", "Due 2024\u200F-06-30", "Due 2024-06-30"],
  ["an LRM at the start goes", "\u200E5 June", "5 June"],
  ["an RLM beside a space goes", "Budget \u200F£2m", "Budget £2m"],
  ["a mark between two letters is kept", "שָׁלוֹם\u200Fabc", "שָׁלוֹם\u200Fabc"],
  ["Arabic and Hebrew letters stay", "تقرير עדכון", "تقرير עדכון"],
  ["emoji stay whole", "Done ✅ \u202E👍", "Done ✅ 👍"],
];

describe("neutraliseBidi", () => {
  for (const [name, input, shown] of cases) {
    test(name, () => {
      assert.equal(neutraliseBidi(input), shown);
      assert.equal(hasBidiControls(input), input !== shown);
    });
  }

  test("shownText leaves null and undefined alone", () => {
    assert.equal(shownText(null), null);
    assert.equal(shownText(undefined as string | undefined), undefined);
    assert.equal(shownText("a\u202Eb"), "ab");
  });
});
