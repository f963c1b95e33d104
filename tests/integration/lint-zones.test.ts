// The import boundaries of eslint.config.js, each proved by linting a deliberately wrong file where the
// boundary applies (and a right one beside it, so the test can tell a boundary from a broken lint): written
// into its folder, linted with the repository's own configuration, then removed.
import assert from "node:assert/strict";
import { rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, test } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const eslint = new ESLint({ cwd: ROOT });
const written: string[] = [];

/** The messages eslint gives a probe file `path` (from the repository's root) holding `code`. */
async function lintProbe(path: string, code: string): Promise<string[]> {
  const file = join(ROOT, path);
  // The folder's times put back afterwards, so that the e2e tests' check of the tab build (tab-build.ts, by
  // modification times) does not see a probe come and go as a change to the tab's sources and build it again.
  const folder = statSync(dirname(file));
  writeFileSync(file, code);
  written.push(file);
  try {
    const [result] = await eslint.lintFiles([file]);
    return (result?.messages ?? []).map((m) => `${m.ruleId ?? "parse"}: ${m.message}`);
  } finally {
    rmSync(file, { force: true });
    utimesSync(dirname(file), folder.atime, folder.mtime);
  }
}

const use = (name: string) => `\nexport const probe: unknown = ${name};\n`;

describe("the import boundaries hold", () => {
  afterAll(() => {
    for (const file of written) rmSync(file, { force: true });
  });

  const cases: { zone: string; path: string; wrong: string; right: string; says: RegExp }[] = [
    {
      zone: "shared tab code never imports a feature",
      path: "src/tab/lib/zone-probe.ts",
      wrong: `import { loadSetup } from "../features/report/use-report.ts";${use("loadSetup")}`,
      right: `import { isoDate } from "../../domain/index.ts";${use("isoDate")}`,
      says: /Shared tab code \(components, lib\) serves the features and the app shell; it never imports them/,
    },
    {
      zone: "shared tab components never import the app shell",
      path: "src/tab/components/zone-probe.ts",
      wrong: `import { routeFor } from "../app/routes.ts";${use("routeFor")}`,
      right: `import { isoDate } from "../../domain/index.ts";${use("isoDate")}`,
      says: /it never imports them/,
    },
    {
      zone: "a feature never imports the app shell",
      path: "src/tab/features/report/zone-probe.ts",
      wrong: `import { routeFor } from "../../app/routes.ts";${use("routeFor")}`,
      right: `import { loadSetup } from "./use-report.ts";${use("loadSetup")}`,
      says: /Features never import the app shell/,
    },
    {
      zone: "a feature never imports another feature",
      path: "src/tab/features/dashboard/zone-probe.ts",
      wrong: `import { loadSetup } from "../report/use-report.ts";${use("loadSetup")}`,
      right: `import { isoDate } from "../../../domain/index.ts";${use("isoDate")}`,
      says: /Features never import each other/,
    },
    {
      zone: "a feature's component reaches SharePoint only through its api/ folder (types may come directly)",
      path: "src/tab/features/action/zone-probe.tsx",
      wrong: `import { addProgressUpdate } from "../../../sharepoint/updates/index.ts";${use("addProgressUpdate")}`,
      right:
        `import type { ActionRecord } from "../../../sharepoint/schema/index.ts";\n` +
        `import { addProgressUpdate } from "./api/index.ts";${use("addProgressUpdate")}export type Probe = ActionRecord;\n`,
      says: /Feature components reach SharePoint only through their feature's api\/ folder/,
    },
    {
      zone: "src/lib imports only itself",
      path: "src/lib/zone-probe.ts",
      wrong: `import { isoDate } from "../domain/index.ts";${use("isoDate")}`,
      right: `import { z } from "./zod.ts";${use("z")}`,
      says: /src\/lib is shared by every layer, so it imports only itself/,
    },
    {
      zone: "the domain core takes no Node module",
      path: "src/domain/zone-probe.ts",
      wrong: `import { readFileSync } from "node:fs";${use("readFileSync")}`,
      right: `import { z } from "../lib/zod.ts";${use("z")}`,
      says: /are pure and run in the browser too: no Node modules/,
    },
    {
      zone: "the import core takes no Node module",
      path: "src/import/zone-probe.ts",
      wrong: `import { join } from "node:path";${use("join")}`,
      right: `import { z } from "../lib/zod.ts";${use("z")}`,
      says: /no Node modules/,
    },
    {
      zone: "the report core takes no Node module",
      path: "src/report/zone-probe.ts",
      wrong: `import { randomUUID } from "node:crypto";${use("randomUUID")}`,
      right: `import { z } from "../lib/zod.ts";${use("z")}`,
      says: /no Node modules/,
    },
    {
      zone: "production code never imports the sandbox",
      path: "src/notify/zone-probe.ts",
      wrong: `import { DIRECTORY } from "../sandbox/directory.ts";${use("DIRECTORY")}`,
      right: `import { isoDate } from "../domain/index.ts";${use("isoDate")}`,
      says: /Production code never imports the sandbox/,
    },
  ];

  for (const c of cases)
    test(c.zone, async () => {
      const wrong = await lintProbe(c.path, c.wrong);
      assert.ok(
        wrong.some((m) => c.says.test(m)),
        `expected ${String(c.says)}, got:\n${wrong.join("\n")}`,
      );
      assert.deepEqual(await lintProbe(c.path, c.right), [], "the same file, importing within bounds");
    });
});
