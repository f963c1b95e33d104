// The Teams app's id in the organisation's catalog through the toolkit's lifecycles: card buttons and
// notifications open the app by it, and it exists only once `atk publish` has published the app. The toolkit
// stops a step that names an empty ${{VARIABLE}}, so provision and deploy must not name it; publish gives it
// to the daily job and to the tab's config.json.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "vitest";
import { parse } from "yaml";
import { z } from "zod";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

const stepSchema = z.looseObject({
  uses: z.string(),
  env: z.record(z.string(), z.string()).optional(),
  with: z.record(z.string(), z.unknown()).optional(),
});
const project = z
  .object({ provision: z.array(stepSchema), deploy: z.array(stepSchema), publish: z.array(stepSchema) })
  .parse(parse(read("m365agents.yml")));

describe("the app's catalog id in m365agents.yml", () => {
  test("no step before publish names it, so a first provision and deploy run without it", () => {
    const before = JSON.stringify([project.provision, project.deploy, read("infra/main.parameters.json")]);
    assert.doesNotMatch(before, /TEAMS_APP_PUBLISHED_APP_ID/);
  });

  test("once publish has it, the daily job is given it and the tab's config.json with it is uploaded", () => {
    const published = project.publish.findIndex((s) => s.uses === "teamsApp/publishAppPackage");
    assert.ok(published >= 0, "publish publishes the app");
    const after = project.publish.slice(published + 1);
    assert.ok(
      after.some(
        (s) =>
          s.uses === "script" &&
          String(s.with?.run).includes(
            "--settings ACTIONPLAN_TEAMS_CATALOG_ID=${{TEAMS_APP_PUBLISHED_APP_ID}}",
          ),
      ),
      "the Function App's ACTIONPLAN_TEAMS_CATALOG_ID is set",
    );
    const built = after.findIndex((s) => s.with?.args === "run build:tab");
    const site = after.findIndex((s) => s.with?.args === "run package -- site");
    assert.ok(built >= 0 && built < site, "the tab is built before its site is written");
    assert.equal(after[site]?.env?.ACTIONPLAN_TEAMS_CATALOG_ID, "${{TEAMS_APP_PUBLISHED_APP_ID}}");
    assert.ok(
      after
        .slice(site + 1)
        .some((s) => s.uses === "azureStorage/deploy" && s.with?.artifactFolder === "dist/site"),
      "the site with that config.json is uploaded",
    );
  });
});
