// `actionplan teams-app publish` against the sandbox's Graph, as a council's deployment runs it: the package
// published and its catalog id printed on its own line, the same package again changing nothing (a second
// deployment works), a raised version updating the app, a lower one refused naming both versions, --json,
// and someone without the Teams Administrator role told what to do, or submitting for review.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { actionplanHere, ok } from "../support/actionplan-cli.ts";
import { sandboxToken } from "../support/sandbox-token.ts";
import { openSandbox } from "../support/targets.ts";
import { teamsAppPackage } from "../support/teams-package.ts";

/** The sandbox's Teams Administrator, and a coordinator who holds no directory role. */
const TEAMS_ADMIN = "laura.kowalczyk@northbridge.gov.uk";
const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const CATALOG_LINE = /^Catalog id: ([0-9a-f-]{36}) \(set ACTIONPLAN_TEAMS_CATALOG_ID to it\)$/m;

const listSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      appDefinitions: z.array(z.object({ version: z.string(), publishingState: z.string() })),
    }),
  ),
});

describe("actionplan teams-app publish", () => {
  const dir = mkdtempSync(join(tmpdir(), "actionplan-teams-app-"));
  let target: Awaited<ReturnType<typeof openSandbox>>;

  /** A package file for this manifest id and version. */
  const packageFile = (manifestId: string, version: string): string => {
    const file = join(dir, `${manifestId}-${version}.zip`);
    writeFileSync(file, teamsAppPackage(manifestId, version));
    return file;
  };
  const publish = (file: string, as: string, extra = "") =>
    actionplanHere(`teams-app publish --package ${file} --as ${as} --graph-url ${target.graphUrl} ${extra}`);
  /** What the catalog holds for a manifest id, read through Graph. */
  const catalogEntry = async (manifestId: string) => {
    const token = await sandboxToken(target.sandbox.url, {
      user: COORDINATOR,
      scope: "https://graph.microsoft.com/.default",
    });
    const response = await fetch(
      `${target.graphUrl}/v1.0/appCatalogs/teamsApps?$filter=externalId eq '${manifestId}'&$expand=appDefinitions`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    return listSchema.parse(await response.json()).value[0];
  };

  beforeAll(async () => {
    target = await openSandbox();
  });
  afterAll(async () => {
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("publishing prints the catalog id on its own line; the same package again changes nothing and says so", async () => {
    const manifestId = randomUUID();
    const file = packageFile(manifestId, "1.0.0");
    const first = ok(await publish(file, TEAMS_ADMIN));
    assert.match(
      first,
      new RegExp(
        `^Published Action Plan Tracker 1\\.0\\.0 \\(manifest id ${manifestId}\\) to the organisation's Teams app catalog\\.$`,
        "m",
      ),
    );
    const catalogId = CATALOG_LINE.exec(first)?.[1];
    const entry = await catalogEntry(manifestId);
    assert.equal(catalogId, entry?.id);
    assert.notEqual(catalogId, manifestId);

    const again = ok(await publish(file, TEAMS_ADMIN));
    assert.match(again, /^No change: Action Plan Tracker 1\.0\.0 .* is already published/m);
    assert.equal(CATALOG_LINE.exec(again)?.[1], catalogId);
    assert.equal((await catalogEntry(manifestId))?.appDefinitions.length, 1);
  });

  test("a raised version updates the app; a lower one is refused, naming both versions", async () => {
    const manifestId = randomUUID();
    ok(await publish(packageFile(manifestId, "1.0.0"), TEAMS_ADMIN));
    const updated = ok(await publish(packageFile(manifestId, "1.1.0"), TEAMS_ADMIN));
    assert.match(
      updated,
      /^Updated Action Plan Tracker from 1\.0\.0 to 1\.1\.0 in the organisation's Teams app catalog\.$/m,
    );
    assert.deepEqual(
      (await catalogEntry(manifestId))?.appDefinitions.map((d) => [d.version, d.publishingState]),
      [
        ["1.0.0", "published"],
        ["1.1.0", "published"],
      ],
    );

    const lower = await publish(packageFile(manifestId, "1.0.5"), TEAMS_ADMIN);
    assert.equal(lower.status, 1);
    assert.equal(
      lower.stderr.trim(),
      "actionplan teams-app publish: the package's version 1.0.5 is lower than 1.1.0, the version already in the organisation's Teams app catalog, and Teams only takes a higher one: set ACTIONPLAN_APP_VERSION to 1.1.1 or higher, run `npm run package`, then publish again.",
    );
    assert.equal((await catalogEntry(manifestId))?.appDefinitions.length, 2);
  });

  test("--json prints { catalogId, manifestId, version, outcome }", async () => {
    const manifestId = randomUUID();
    const json = z
      .object({
        catalogId: z.string(),
        manifestId: z.string(),
        version: z.string(),
        outcome: z.enum(["created", "updated", "unchanged"]),
        publishingState: z.enum(["published", "submitted"]),
      })
      .parse(JSON.parse(ok(await publish(packageFile(manifestId, "2.0.0"), TEAMS_ADMIN, "--json"))));
    assert.deepEqual(json, {
      catalogId: (await catalogEntry(manifestId))?.id,
      manifestId,
      version: "2.0.0",
      outcome: "created",
      publishingState: "published",
    });
  });

  test("without the Teams Administrator role it says what to do; with --review the app waits for approval", async () => {
    const manifestId = randomUUID();
    const file = packageFile(manifestId, "1.0.0");
    const refused = await publish(file, COORDINATOR);
    assert.equal(refused.status, 1);
    assert.match(
      refused.stderr,
      /^actionplan teams-app publish: publishing to the organisation's catalog without review needs the Teams Administrator role: sign in as a Teams Administrator \(or Global Administrator\), or add --review to submit it for an administrator's approval\.$/m,
    );
    assert.equal(await catalogEntry(manifestId), undefined);

    const submitted = ok(await publish(file, COORDINATOR, "--review"));
    assert.match(
      submitted,
      /^Submitted Action Plan Tracker 1\.0\.0 .* for review: a Teams Administrator approves it/m,
    );
    assert.match(submitted, CATALOG_LINE);
    assert.deepEqual(
      (await catalogEntry(manifestId))?.appDefinitions.map((d) => d.publishingState),
      ["submitted"],
    );
    assert.match(
      ok(await publish(file, COORDINATOR, "--review")),
      /^No change: .* already submitted, waiting/m,
    );

    const newVersion = await publish(packageFile(manifestId, "1.1.0"), COORDINATOR, "--review");
    assert.equal(newVersion.status, 1);
    assert.match(
      newVersion.stderr,
      /only a Teams Administrator \(or Global Administrator\) can add a new version/,
    );
  });

  test("a file that is not an app package is said in one sentence, and nothing is sent", async () => {
    const file = join(dir, "not-a-package.zip");
    writeFileSync(file, "not a zip");
    const run = await publish(file, TEAMS_ADMIN);
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr.trim(),
      `actionplan teams-app publish: ${file} is not a Teams app package: it is not a zip file; build it with \`npm run package\` and give that file.`,
    );
    const missing = await publish(join(dir, "nowhere.zip"), TEAMS_ADMIN);
    assert.equal(missing.status, 2);
    assert.match(
      missing.stderr,
      /cannot read the app package .*nowhere\.zip: build it with `npm run package`, or check --package/,
    );
  });
});
