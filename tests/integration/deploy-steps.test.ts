// The README's "Deploy to your tenant" against src/deploy/steps.ts: the same steps with the same roles, times,
// checks and errors; at most 30 minutes of hands-on work in all; and a path that runs no deprecated tool.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "vitest";
import { DEPLOY_STEPS, totalMinutes } from "../../src/deploy/steps.ts";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = README.slice(
  README.indexOf("## Deploy to your tenant"),
  README.indexOf("## Contract tests against a real tenant"),
);

/** The rows of the table between the deploy-steps markers, as trimmed cells. */
function tableRows(): string[][] {
  const table = section.slice(
    section.indexOf("<!-- deploy-steps -->"),
    section.indexOf("<!-- /deploy-steps -->"),
  );
  return table
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
}

describe("the README's deployment path", () => {
  test("its table is the steps deploy knows, each with its role, time, check and error", () => {
    const expected = DEPLOY_STEPS.map((s) => [
      String(s.n),
      s.title,
      s.role,
      `${String(s.minutes)} min`,
      s.check,
      s.whenWrong,
    ]);
    assert.deepEqual(tableRows(), expected);
  });

  test("it takes at most 30 minutes of hands-on work, and says so", () => {
    assert.ok(totalMinutes() <= 30, `${String(totalMinutes())} minutes`);
    assert.match(section, /about 30 minutes of hands-on work/);
  });

  test("each numbered step is written out below the table, in order", () => {
    const numbered = [...section.matchAll(/^(\d+)\. \*\*/gm)].map((m) => Number(m[1]));
    assert.deepEqual(
      numbered,
      DEPLOY_STEPS.map((s) => s.n),
    );
  });

  test("the path runs no deprecated tool: no Agents Toolkit or TeamsFx command", () => {
    assert.doesNotMatch(section, /\batk (provision|deploy|publish)\b|teamsfx /);
    assert.match(section, /npm run deploy -- --env env\/\.env\.dev/);
  });

  test("npm run deploy is the CLI's deploy command", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      scripts: Record<string, string>;
    };
    assert.equal(pkg.scripts.deploy, "node bin/actionplan.mjs deploy");
  });
});
