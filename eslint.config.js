// One lint gate for the whole repository: type-aware TypeScript rules plus the import boundaries
// from the design card (domain imports nothing of ours; production code never imports the sandbox).
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import { readdirSync } from "node:fs";

// Each tab feature may import only itself (and shared tab code); the app shell composes them.
const TAB_FEATURES = readdirSync(new URL("./src/tab/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Everything the tab can load parses with zod/mini (through src/lib/zod.ts, which gives it English messages).
const ZOD_MINI_CODE = [
  "src/domain",
  "src/import",
  "src/report",
  "src/lib",
  "src/sharepoint",
  "src/notify",
  "src/tab",
].map((dir) => `${dir}/**/*.{ts,tsx}`);
const CLASSIC_ZOD = ["zod", "zod/v4", "zod/v3"].map((name) => ({
  name,
  message:
    'Import z from src/lib/zod.ts ("zod/mini"): classic zod cannot be tree-shaken and the tab\'s first screen has a 200 KB gzip budget.',
}));
const NODE_TEST = {
  name: "node:test",
  message: 'Tests run on Vitest: import test, describe, beforeAll and afterAll from "vitest".',
};
const NODE_MODULES = { group: ["node:*"], message: "The tab runs in the browser: no Node modules." };
// Feature components (.tsx) reach SharePoint only through their feature's api/ folder (and its data hooks, .ts
// files); the records they show may still be imported as types. import-x/no-restricted-paths has no
// allowTypeImports, so this is typescript-eslint's no-restricted-imports (beside, not replacing, the core rule).
const SHAREPOINT_FROM_COMPONENTS = {
  regex: "^(\\.\\./)+sharepoint/",
  allowTypeImports: true,
  message:
    "Feature components reach SharePoint only through their feature's api/ folder (src/tab/features/<feature>/api); `import type` of records may come from src/sharepoint.",
};
const PURE_CORES = ["src/domain", "src/import", "src/report"].map((dir) => `${dir}/**/*.ts`);
const NO_NODE_IN_CORES = {
  group: ["node:*"],
  message: "The domain, import and report cores are pure and run in the browser too: no Node modules.",
};

// The import boundaries (import-x/no-restricted-paths), one list: src/lib's own tests may reach the layers whose
// schemas they exercise, so they get the list without src/lib's zone.
const ZONES = [
  {
    target: "./src/domain",
    from: "./src",
    except: ["./domain", "./lib/zod.ts"],
    message: "The domain core is pure: it imports nothing else of ours (bar z from src/lib/zod.ts).",
  },
  {
    target: "./src/import",
    from: "./src",
    except: ["./import", "./domain", "./lib/zod.ts", "./lib/interop.ts"],
    message:
      "The import core is pure and sits beside the domain: it imports only the domain (and src/lib/zod.ts, src/lib/interop.ts).",
  },
  {
    target: "./src/report",
    from: "./src",
    except: ["./report", "./domain", "./lib/zod.ts", "./lib/interop.ts"],
    message:
      "The report core is pure and sits beside the domain: it imports only the domain (and src/lib/zod.ts).",
  },
  {
    target: "./src/teams-catalog",
    from: "./src",
    except: ["./teams-catalog"],
    message: "The Teams catalog core is pure and sits beside the domain: it imports nothing else of ours.",
  },
  {
    target: [
      "./src/domain",
      "./src/import",
      "./src/report",
      "./src/teams-catalog",
      "./src/sharepoint",
      "./src/notify",
      "./src/tab",
      "./src/cli",
    ],
    from: "./src/sandbox",
    message: "Production code never imports the sandbox.",
  },
  {
    target: ["./src/sharepoint", "./src/notify"],
    from: ["./src/tab", "./src/cli"],
    message: "Dependencies flow one way: tab/cli → sharepoint/notify → domain.",
  },
  {
    target: "./src/sandbox",
    from: ["./src/tab", "./src/cli"],
    message: "The sandbox is started by the CLI, never the other way round.",
  },
  {
    target: "./src/functions",
    from: ["./src/tab", "./src/sandbox"],
    message: "The Function App runs on Azure against a tenant: it never imports the tab or the sandbox.",
  },
  {
    target: ["./src/domain", "./src/sharepoint", "./src/notify", "./src/tab", "./src/cli"],
    from: "./src/functions",
    message: "Only the Function App's entry point and its tests import src/functions.",
  },
  {
    target: "./src/tab",
    from: "./src/cli",
    message: "The tab is bundled for the browser: it never imports the CLI (Node-only).",
  },
  {
    target: "./src/tab",
    from: "./src/notify",
    except: ["./reminders/browser.ts", "./directory.ts"],
    message:
      "The tab is bundled for the browser: of notify it imports only its browser entries (reminders/browser.ts, directory.ts).",
  },
  {
    target: ["./src/tab/components", "./src/tab/lib"],
    from: ["./src/tab/features", "./src/tab/app"],
    message:
      "Shared tab code (components, lib) serves the features and the app shell; it never imports them.",
  },
  {
    target: "./src/tab/features",
    from: "./src/tab/app",
    message: "Features never import the app shell (src/tab/app); the shell imports them.",
  },
  {
    target: "./src/lib",
    from: "./src",
    except: ["./lib"],
    message: "src/lib is shared by every layer, so it imports only itself.",
  },
  ...TAB_FEATURES.map((feature) => ({
    target: `./src/tab/features/${feature}`,
    from: "./src/tab/features",
    except: [`./${feature}`],
    message: "Features never import each other; the app shell (src/tab/app) composes them.",
  })),
];

export default defineConfig(
  { ignores: ["node_modules/", ".sandbox/", "dist/", "coverage/", "bench/results.json"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            "*.js",
            "bin/*.mjs",
            "scripts/*.mjs",
            "tests/support/fake-az/*.mjs",
            "src/tab/lib/node-shims/*.cjs",
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".mjs"] } },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import-x/no-cycle": "error",
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: ZONES,
        },
      ],
    },
  },
  {
    files: ZOD_MINI_CODE,
    rules: { "no-restricted-imports": ["error", { paths: CLASSIC_ZOD }] },
  },
  {
    files: PURE_CORES,
    ignores: ["**/*.test.ts", "**/testdata/**"],
    rules: { "no-restricted-imports": ["error", { paths: CLASSIC_ZOD, patterns: [NO_NODE_IN_CORES] }] },
  },
  {
    files: ["src/tab/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // A later block replaces a rule's options, so the zod paths above are repeated here.
      "no-restricted-imports": ["error", { paths: CLASSIC_ZOD, patterns: [NODE_MODULES] }],
    },
  },
  {
    files: ["src/tab/features/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [SHAREPOINT_FROM_COMPONENTS] }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    files: ["**/*.test.ts", "tests/**/*.ts", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      // PnPjs and the Graph client return untyped JSON (any); tests assert on those values directly,
      // while production code parses every response with a schema.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/restrict-plus-operands": "off",
      "@typescript-eslint/no-unsafe-enum-assignment": "off",
    },
  },
  // Every test is a Vitest test (vitest.config.ts); a later block replaces a rule's options, so the zod paths
  // are repeated for the tests under src/.
  {
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [NODE_TEST] }] },
  },
  {
    files: ["src/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [NODE_TEST] }] },
  },
  {
    files: ["src/lib/**/*.test.ts"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        { zones: ZONES.filter((zone) => zone.target !== "./src/lib") },
      ],
    },
  },
  {
    files: ZOD_MINI_CODE.map((glob) => glob.replace("*.{ts,tsx}", "*.test.ts")),
    rules: { "no-restricted-imports": ["error", { paths: [...CLASSIC_ZOD, NODE_TEST] }] },
  },
);
