// Contract: the organisation's Teams app catalog through Graph, as the sandbox serves it and as Learn documents
// it (teamsapp-publish, teamsapp-update, appcatalogs-list-teamsapps): a package published as a new app with a
// catalog id of its own, each manifest id once, a manifest failing the official schema refused with its
// errors, app-only tokens and tokens without AppCatalog.Submit refused, publishing without review and updating
// kept to a Teams Administrator, anyone else's submission waiting for review, and the catalog kept across a
// restart.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { SANDBOX_CLIENT_ID } from "../../src/sandbox/auth.ts";
import { roleHolderIds } from "../../src/sandbox/directory-roles.ts";
import { personById, personByUpn } from "../../src/sandbox/directory.ts";
import { sandboxToken } from "../support/sandbox-token.ts";
import { openSandbox } from "../support/targets.ts";
import { manifestFor, teamsAppPackage, zipPackage } from "../support/teams-package.ts";

/** The sandbox's Teams Administrator (src/sandbox/directory-roles.ts), and a coordinator who is none. */
const TEAMS_ADMIN = "laura.kowalczyk@northbridge.gov.uk";
const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const GRAPH = "https://graph.microsoft.com";

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    innerError: z.looseObject({
      code: z.string().optional(),
      details: z.array(z.object({ code: z.string(), message: z.string(), target: z.string() })).optional(),
    }),
  }),
});
const appSchema = z.object({ id: z.string(), externalId: z.string(), displayName: z.string() });
const definitionSchema = z.object({
  version: z.string(),
  publishingState: z.string(),
  azureADAppId: z.string().nullable(),
  displayName: z.string(),
});
const listSchema = z.object({
  value: z.array(appSchema.extend({ appDefinitions: z.array(definitionSchema) })),
});

describe("the Teams app catalog through Graph (sandbox)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "actionplan-catalog-"));
  let target: Awaited<ReturnType<typeof openSandbox>>;
  const tokenOf = (upn: string) =>
    sandboxToken(target.sandbox.url, { user: upn, scope: `${GRAPH}/.default` });

  /** POST a package to a catalog path ("" for a new app) with a token; the status and JSON answer. */
  async function upload(path: string, token: string, body: Buffer, query = "") {
    const response = await fetch(`${target.graphUrl}/v1.0/appCatalogs/teamsApps${path}${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/zip" },
      body: new Uint8Array(body),
    });
    const text = await response.text();
    return { status: response.status, json: text === "" ? null : (JSON.parse(text) as unknown) };
  }
  const publish = async (upn: string, body: Buffer, query = "") =>
    upload("", await tokenOf(upn), body, query);
  async function findByManifestId(manifestId: string) {
    const response = await fetch(
      `${target.graphUrl}/v1.0/appCatalogs/teamsApps?$filter=externalId eq '${manifestId}'&$expand=appDefinitions`,
      { headers: { authorization: `Bearer ${await tokenOf(COORDINATOR)}` } },
    );
    assert.equal(response.status, 200);
    return listSchema.parse(await response.json()).value;
  }
  const refusal = (answer: { json: unknown }) => errorSchema.parse(answer.json).error;

  beforeAll(async () => {
    target = await openSandbox({ dataDir });
  });
  afterAll(async () => {
    await target.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("a Teams Administrator publishes a package: a new catalog id, the manifest's id, name, version and Entra app", async () => {
    const manifestId = randomUUID();
    const created = await publish(TEAMS_ADMIN, teamsAppPackage(manifestId, "1.0.0"));
    assert.equal(created.status, 201);
    const app = appSchema.parse(created.json);
    assert.match(app.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.notEqual(app.id, manifestId);
    assert.equal(app.externalId, manifestId);
    assert.equal(app.displayName, "Action Plan Tracker");
    const [found] = await findByManifestId(manifestId);
    assert.equal(found?.id, app.id);
    assert.deepEqual(found.appDefinitions, [
      {
        ...found.appDefinitions[0],
        version: "1.0.0",
        publishingState: "published",
        azureADAppId: SANDBOX_CLIENT_ID,
        displayName: "Action Plan Tracker",
      },
    ]);
  });

  test("a manifest id already in the catalog is 409, and the catalog keeps the one app", async () => {
    const manifestId = randomUUID();
    assert.equal((await publish(TEAMS_ADMIN, teamsAppPackage(manifestId, "1.0.0"))).status, 201);
    const again = await publish(TEAMS_ADMIN, teamsAppPackage(manifestId, "1.0.1"));
    assert.equal(again.status, 409);
    assert.equal(refusal(again).innerError.code, "AppDefinitionAlreadyExists");
    assert.equal((await findByManifestId(manifestId)).length, 1);
  });

  test("a manifest failing the official schema is 400 naming each error; a body that is not a package too", async () => {
    const manifestId = randomUUID();
    const manifest = manifestFor(manifestId, "1.0.0");
    const broken = {
      ...manifest,
      developer: { ...(manifest.developer as object), websiteUrl: "hs://northbridge" },
    };
    const answer = await publish(TEAMS_ADMIN, zipPackage(broken));
    assert.equal(answer.status, 400);
    const error = refusal(answer);
    assert.equal(error.innerError.code, "UnableToParseTeamsAppManifest");
    assert.match(error.message, /^developer\.websiteUrl \| must match pattern/);
    assert.deepEqual(
      error.innerError.details?.map((d) => [d.code, d.target]),
      [["SchemaError_Pattern", "developer.websiteUrl"]],
    );
    const notZip = await publish(TEAMS_ADMIN, Buffer.from('{"id":"x"}'));
    assert.equal(notZip.status, 400);
    assert.match(refusal(notZip).message, /manifest\.json couldn't be found in the app package/);
    assert.equal((await findByManifestId(manifestId)).length, 0);
  });

  test("an app-only token is refused (application permissions are not supported), and so is a token without AppCatalog.Submit", async () => {
    const app = await sandboxToken(target.sandbox.url, {
      app: SANDBOX_CLIENT_ID,
      scope: `${GRAPH}/.default`,
    });
    const asApp = await upload("", app, teamsAppPackage(randomUUID(), "1.0.0"));
    assert.equal(asApp.status, 403);
    assert.match(refusal(asApp).message, /Application-only tokens are not supported/);
    const narrow = await sandboxToken(target.sandbox.url, { user: TEAMS_ADMIN, scope: `${GRAPH}/User.Read` });
    const withoutScope = await upload("", narrow, teamsAppPackage(randomUUID(), "1.0.0"));
    assert.equal(withoutScope.status, 403);
    assert.equal(refusal(withoutScope).code, "Authorization_RequestDenied");
  });

  test("anyone else must ask for review: refused without it, and with it the app waits as 'submitted'", async () => {
    const manifestId = randomUUID();
    const direct = await publish(COORDINATOR, teamsAppPackage(manifestId, "1.0.0"));
    assert.equal(direct.status, 403);
    assert.match(refusal(direct).message, /Teams Administrator .* requiresReview=true/);
    assert.equal((await findByManifestId(manifestId)).length, 0);
    const submitted = await publish(
      COORDINATOR,
      teamsAppPackage(manifestId, "1.0.0"),
      "?requiresReview=true",
    );
    assert.equal(submitted.status, 201);
    const [found] = await findByManifestId(manifestId);
    assert.deepEqual(
      found?.appDefinitions.map((d) => d.publishingState),
      ["submitted"],
    );
  });

  test("a Teams Administrator adds a higher version; the same version again is a conflict; nobody else may update", async () => {
    const manifestId = randomUUID();
    const app = appSchema.parse((await publish(TEAMS_ADMIN, teamsAppPackage(manifestId, "1.0.0"))).json);
    const admin = await tokenOf(TEAMS_ADMIN);
    const updated = await upload(`/${app.id}/appDefinitions`, admin, teamsAppPackage(manifestId, "1.1.0"));
    assert.equal(updated.status, 201);
    assert.equal(definitionSchema.parse(updated.json).publishingState, "published");
    const [found] = await findByManifestId(manifestId);
    assert.deepEqual(
      found?.appDefinitions.map((d) => d.version),
      ["1.0.0", "1.1.0"],
    );
    const same = await upload(`/${app.id}/appDefinitions`, admin, teamsAppPackage(manifestId, "1.1.0"));
    assert.equal(same.status, 409);
    const byCoordinator = await upload(
      `/${app.id}/appDefinitions`,
      await tokenOf(COORDINATOR),
      teamsAppPackage(manifestId, "1.2.0"),
      "?requiresReview=true",
    );
    assert.equal(byCoordinator.status, 403);
    assert.match(refusal(byCoordinator).message, /Only a Teams Administrator .* can update/);
    const another = await upload(`/${app.id}/appDefinitions`, admin, teamsAppPackage(randomUUID(), "2.0.0"));
    assert.equal(another.status, 400);
    const missing = await upload(
      `/${randomUUID()}/appDefinitions`,
      admin,
      teamsAppPackage(manifestId, "2.0.0"),
    );
    assert.equal(missing.status, 404);
  });

  test("published apps are still in the catalog after a restart, beside the two it starts with", async () => {
    const manifestId = randomUUID();
    assert.equal((await publish(TEAMS_ADMIN, teamsAppPackage(manifestId, "3.0.0"))).status, 201);
    await target.sandbox.close();
    target = await openSandbox({ dataDir });
    const [found] = await findByManifestId(manifestId);
    assert.deepEqual(
      found?.appDefinitions.map((d) => d.version),
      ["3.0.0"],
    );
    assert.equal(
      (await findByManifestId("5c0f3dd7-0b1a-4e16-8bc9-64ac67cdf211"))[0]?.displayName,
      "Action Plan Tracker",
    );
  });
});

test("the sandbox's Teams Administrator is a person in its directory", () => {
  assert.deepEqual(
    roleHolderIds().map((id) => personById(id)?.upn),
    [personByUpn(TEAMS_ADMIN)?.upn],
  );
});
