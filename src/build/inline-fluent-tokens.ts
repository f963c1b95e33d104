// A Vite plugin that writes Fluent's design tokens in place: `tokens.colorNeutralForeground1` becomes
// "var(--colorNeutralForeground1)", which is all the `tokens` object holds for every one of its ~900 names.
// Fluent's components (and ours) read one or two dozen of them each, but any read keeps the whole object in
// the bundle (~30 KB raw, ~4 KB gzip of the first screen); written in place, the object is left out. Only a
// module that imports `tokens` from Fluent is rewritten, only `tokens.<name>` for a name the object has
// with exactly that value, so what reaches the page is unchanged.
import { tokens } from "@fluentui/tokens";
import type { Plugin } from "vite";

const FLUENT_MODULE = /[\\/]node_modules[\\/]@fluentui[\\/][^\\/]+[\\/]lib[\\/].+\.js$/;
const OUR_MODULE = /[\\/]src[\\/]tab[\\/].+\.tsx?$/;
const IMPORTS_TOKENS =
  /import\s*\{[^}]*(?<![\w$])tokens(?![\w$]|\s+as\b)[^}]*\}\s*from\s*["']@fluentui\/(?:react-theme|react-components|tokens)["']/;
const READ = /(?<![\w$.])tokens\.([A-Za-z_$][\w$]*)(?![\w$])/g;

const values = new Map(
  Object.entries(tokens).filter(([name, value]) => value === `var(--${name})`),
);

/** `code` with each `tokens.<name>` written as its value, or null when the module does not import them. */
export function inlineTokens(code: string): string | null {
  if (!IMPORTS_TOKENS.test(code)) return null;
  return code.replace(READ, (read, name: string) => {
    const value = values.get(name);
    return value === undefined ? read : JSON.stringify(value);
  });
}

/** The Vite plugin. */
export function inlineFluentTokens(): Plugin {
  return {
    name: "inline-fluent-tokens",
    enforce: "pre",
    apply: "build",
    transform(code, id) {
      const file = id.split("?")[0] ?? id;
      if (!FLUENT_MODULE.test(file) && !OUR_MODULE.test(file)) return null;
      const inlined = inlineTokens(code);
      return inlined === null || inlined === code ? null : { code: inlined, map: null };
    },
  };
}
