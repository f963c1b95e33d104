// doctor's Teams app check finds the app's id in the organisation's catalog, which card buttons and
// notifications open it by, and says what to set ACTIONPLAN_TEAMS_CATALOG_ID to when it is missing or wrong.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Client } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createGraphClient } from "../../notify/graph-client.ts";
import { checkTeamsApp } from "./checks.ts";

const MANIFEST_ID = "4f1c2b7e-9d3a-4e6b-8c5d-2a1f0e9b7c6d";
const CATALOG_ID = "b8c3e2d1-6f4a-4e9b-a0c7-3d5e8f1a2b4c";

describe("doctor's Teams app check and the app's catalog id", () => {
  let graph: Client;
  /** Graph for a token that may not read the catalog (a person's, without AppCatalog.Read.All). */
  let refused: Client;
  let close: () => Promise<void>;
  beforeAll(async () => {
    // Graph with the app in the catalog under CATALOG_ID, installed for whoever is asked about.
    const server = createServer((req, res) => {
      if (req.headers.authorization === "Bearer refused") {
        // Graph's answer to a token without a permission the API accepts.
        const error = { code: "Forbidden", message: "Missing scope permissions on the request." };
        res.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ error }));
        return;
      }
      const value = req.url?.includes("/appCatalogs/teamsApps") ? [{ id: CATALOG_ID }] : [{ id: "x" }];
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ value }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    graph = createGraphClient({
      baseUrl: `http://127.0.0.1:${String(port)}`,
      getToken: () => Promise.resolve("token"),
    });
    refused = createGraphClient({
      baseUrl: `http://127.0.0.1:${String(port)}`,
      getToken: () => Promise.resolve("refused"),
      maxRetries: 0,
    });
    close = () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      });
  });
  afterAll(() => close());

  test("not yet set, it fails saying what to set ACTIONPLAN_TEAMS_CATALOG_ID to, and where", async () => {
    const result = await checkTeamsApp(graph, { manifestId: MANIFEST_ID, catalogIdSetting: undefined }, []);
    assert.equal(result.ok, false);
    assert.deepEqual(result.lines, [
      `the Teams app ${MANIFEST_ID} is in the catalog as ${CATALOG_ID}, and ACTIONPLAN_TEAMS_CATALOG_ID is not set: set it to ${CATALOG_ID} for the daily job (the Function App's setting) and for \`npm run package\` (config.json's teamsCatalogAppId), as card buttons open the app by it`,
    ]);
  });

  test("set to another id (the manifest id, say), it fails naming both ids and the fix", async () => {
    const result = await checkTeamsApp(graph, { manifestId: MANIFEST_ID, catalogIdSetting: MANIFEST_ID }, []);
    assert.equal(result.ok, false);
    assert.deepEqual(result.lines, [
      `ACTIONPLAN_TEAMS_CATALOG_ID is ${MANIFEST_ID}, but the organisation's app catalog has the Teams app ${MANIFEST_ID} (ACTIONPLAN_TEAMS_APP_ID) as ${CATALOG_ID}, so its cards and notifications would open nothing: set ACTIONPLAN_TEAMS_CATALOG_ID to ${CATALOG_ID}`,
    ]);
  });

  test("set to the catalog's id (in any case), it passes and prints it", async () => {
    const ids = { manifestId: MANIFEST_ID, catalogIdSetting: CATALOG_ID.toUpperCase() };
    const result = await checkTeamsApp(graph, ids, ["sam.holder@northbridge.gov.uk"]);
    assert.equal(result.ok, true, result.lines.join("\n"));
    assert.deepEqual(result.lines, [
      "in the catalog; installed for 1 of 1 SRO(s)",
      `catalog id ${CATALOG_ID} (deep links use it: ACTIONPLAN_TEAMS_CATALOG_ID)`,
    ]);
  });

  test("in the chat channel (no installs to check) it passes with the catalog id", async () => {
    const result = await checkTeamsApp(
      graph,
      { manifestId: MANIFEST_ID, catalogIdSetting: CATALOG_ID },
      null,
    );
    assert.equal(result.ok, true);
    assert.deepEqual(result.lines, [
      "in the catalog",
      `catalog id ${CATALOG_ID} (deep links use it: ACTIONPLAN_TEAMS_CATALOG_ID)`,
    ]);
  });

  test("a token refused the catalog is a warning in the chat channel, a failure for the activity feed", async () => {
    const ids = { manifestId: MANIFEST_ID, catalogIdSetting: CATALOG_ID };
    const chat = await checkTeamsApp(refused, ids, null);
    assert.equal(chat.ok, true);
    assert.deepEqual(chat.lines, [
      "not checked: Graph refused this token the organisation's app catalog (HTTP 403)",
    ]);
    assert.match(
      chat.warnings?.[0] ?? "",
      /is not checked: run doctor with --app, whose AppCatalog\.Read\.All reads/,
    );
    const activity = await checkTeamsApp(refused, ids, []);
    assert.equal(activity.ok, false);
    assert.match(
      activity.lines[0] ?? "",
      /^cannot read the app catalog: Graph refused the request with HTTP 403/,
    );
  });
});
