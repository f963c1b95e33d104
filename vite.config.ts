// Builds the Teams tab (src/tab) into dist/tab, served under /tab/ by the sandbox's Teams host and, in a
// tenant, by whatever static host the app package's contentUrl points at.
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { inlineFluentTokens } from "./src/build/inline-fluent-tokens.ts";
import { msalOnDemand } from "./src/build/msal-on-demand.ts";
import { ukHolidaysOnly } from "./src/build/uk-holidays-only.ts";

const HOLIDAY_LIBRARIES =
  /node_modules\/(date-holidays|date-holidays-parser|date-easter|date-chinese|date-bengali-revised|caldate|astronomia|moment|moment-timezone|deepmerge)\//;

// Our own pure modules: the domain core and the SharePoint data layer only declare (no module runs code
// when loaded), so what a screen does not call is left out even when it is re-exported from index.ts.
const PURE_SOURCES = /\/src\/(domain|sharepoint)\/[^/]+(\/[^/]+)?\.ts$/;

const root = fileURLToPath(new URL("./src/tab", import.meta.url));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the built tab works under /tab/ in the sandbox and at any path in a tenant.
  base: "./",
  // MSAL's standard sign-in client loads only if Nested App Authentication is unavailable; "Chase now"'s
  // working-day rules carry the United Kingdom's holidays, not every country's; Fluent's design tokens are
  // written in place, so the object of all ~900 is not carried (see each plugin).
  plugins: [react(), msalOnDemand(), ukHolidaysOnly(), inlineFluentTokens()],
  resolve: {
    // "Chase now" fills reminder cards with adaptivecards-templating in the browser. adaptive-expressions'
    // own browser bundle calls a non-callable `assert` inside antlr4ts, so the tab takes its Node build and
    // gives it the little of Node's `assert`, `util`, `os` and `fs` it uses (src/tab/lib/node-shims).
    alias: [
      {
        find: /^adaptive-expressions$/,
        replacement: here("./node_modules/adaptive-expressions/lib/index.js"),
      },
      { find: /^assert$/, replacement: here("./src/tab/lib/node-shims/assert.cjs") },
      { find: /^(util|os|fs)$/, replacement: here("./src/tab/lib/node-shims/builtins.cjs") },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL("./dist/tab", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // The Teams webview is Chromium/Edge; no legacy polyfills.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    // The budget that matters is the bench's 175 KB gzip for the first screen (issue 28), MSAL's sign-in chunks
    // included (React, Fluent, teams-js, PnPjs and zod in one entry chunk: ~500 KB raw, ~150 KB gzip); warn
    // only past a raw size well beyond it.
    chunkSizeWarningLimit: 680,
    rolldownOptions: {
      treeshake: {
        // The domain core's reminder rules count working days with date-holidays (and its moment-timezone and
        // astronomia), which the tab never calls. They are CommonJS, so the bundler cannot tell that loading
        // them does nothing; saying so lets it drop ~1 MB the tab does not use.
        moduleSideEffects: (id: string) => !HOLIDAY_LIBRARIES.test(id) && !PURE_SOURCES.test(id),
      },
      output: {
        // Everything the first screen loads anyway (what the entry imports statically) in one chunk: left to
        // itself the bundler cuts it into a dozen chunks shared with lazy views, and each cut costs gzip. The
        // same for the sign-in (MSAL's nested client): one chunk with all it imports, which MSAL's standard
        // client, loaded only from it, imports from in turn, not a third chunk the two share.
        codeSplitting: {
          groups: [
            { name: "first-screen", tags: ["$initial"] },
            {
              name: "naa-token-source",
              test: /[\\/]src[\\/]tab[\\/]lib[\\/]naa-token-source\.ts$/,
              includeDependenciesRecursively: true,
            },
          ],
        },
      },
    },
  },
});
