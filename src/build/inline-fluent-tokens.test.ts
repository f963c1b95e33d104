// The build's writing of Fluent's design tokens in place: only in a module that imports `tokens` from Fluent,
// only names the object has, each as exactly its value.
import assert from "node:assert/strict";
import { tokens } from "@fluentui/tokens";
import { describe, test } from "vitest";
import { inlineTokens } from "./inline-fluent-tokens.ts";

describe("Fluent's tokens in place", () => {
  test("a Fluent module's reads become the values the object holds", () => {
    const code = [
      "import { tokens, typographyStyles } from '@fluentui/react-theme';",
      "const styles = { root: { color: tokens.colorNeutralForeground1, padding: tokens.spacingHorizontalM } };",
    ].join("\n");
    const inlined = inlineTokens(code) ?? "";
    assert.ok(inlined.includes(JSON.stringify(tokens.colorNeutralForeground1)));
    assert.ok(inlined.includes(JSON.stringify(tokens.spacingHorizontalM)));
    assert.doesNotMatch(inlined, /tokens\.(colorNeutralForeground1|spacingHorizontalM)\b/);
  });

  test("our own modules, importing from react-components, are rewritten the same way", () => {
    const code = `import { makeStyles, tokens } from "@fluentui/react-components";\nconst gap = tokens.spacingVerticalL;`;
    assert.equal(
      inlineTokens(code),
      `import { makeStyles, tokens } from "@fluentui/react-components";\nconst gap = "var(--spacingVerticalL)";`,
    );
  });

  test("unknown names, other objects' `tokens` and modules that do not import Fluent's are left alone", () => {
    const code = `import { tokens } from '@fluentui/react-theme';\nconst a = tokens.notAToken; const b = lexer.tokens.spacingVerticalL;`;
    assert.equal(inlineTokens(code), code);
    assert.equal(inlineTokens("const tokens = { a: 1 }; use(tokens.spacingVerticalL);"), null);
  });
});
