// Text people typed (action wording, updates, names, titles) is shown without the Unicode controls that
// reorder what follows them, so "Trojan Source" text cannot make a line read differently from what it holds:
// the embeddings and overrides (U+202A–U+202E), the isolates (U+2066–U+2069) and the implicit marks
// (U+200E LRM, U+200F RLM). Between two letters a mark changes nothing, so it is kept there; beside a
// digit, a space or punctuation it can move them, so it goes.

const EMBEDDING_OR_ISOLATE = /[\u202A-\u202E\u2066-\u2069]/gu;
const MARK = /[\u200E\u200F]/u;
const LETTER = /\p{L}/u;

/** Whether text holds a control that could reorder how it is shown. */
export function hasBidiControls(text: string): boolean {
  return neutraliseBidi(text) !== text;
}

/** `text` with the bidi controls that could reorder it removed; everything else is left as it was. */
export function neutraliseBidi(text: string): string {
  const stripped = text.replace(EMBEDDING_OR_ISOLATE, "");
  if (!MARK.test(stripped)) return stripped;
  const chars = Array.from(stripped);
  return chars
    .filter((char, i) => {
      if (!MARK.test(char)) return true;
      const before = chars[i - 1] ?? "";
      const after = chars[i + 1] ?? "";
      return LETTER.test(before) && LETTER.test(after);
    })
    .join("");
}

/** `neutraliseBidi` for text that may be absent, for rendering: null and undefined stay as they are. */
export function shownText<T extends string | null | undefined>(text: T): T {
  return (typeof text === "string" ? neutraliseBidi(text) : text) as T;
}
