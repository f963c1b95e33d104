// `actionplan deploy` (npm run deploy -- --env <file>) against the sandbox standing in for Microsoft 365, with
// a stand-in for the Azure CLI on the PATH (tests/support/fake-az) answering as Azure and Entra do. Walked as a
// council's administrator meets it: settings left out, a role missing, consent not yet given, the first full
// run, a second run that changes nothing, a raised version, and a certificate near its end.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { deploy } from "../../src/cli/commands/deploy.ts";
import { azCli } from "../../src/cli/deploy/az.ts";
import { RESOURCE_APP_IDS } from "../../src/deploy/app-registration.ts";
import { sandboxTokenSource } from "../../src/cli/auth.ts";
import { PERMISSIONS } from "../../src/lib/permissions.ts";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import { directoryRolesOf } from "../../src/sandbox/directory-roles.ts";
import { serveFolder } from "../support/static-site.ts";
import { openSandbox, SANDBOX_PEOPLE } from "../support/targets.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const FAKE_AZ = new URL("../support/fake-az", import.meta.url).pathname;
const TEAMS_ADMIN = DIRECTORY.find((p) => directoryRolesOf(p).includes("Teams Administrator"))?.upn ?? "";

/** Entra's two resources as their service principals publish them: every permission the table names. */
function resourcePrincipal(resource: "Graph" | "SharePoint") {
  const mine = PERMISSIONS.filter((p) => p.resource === resource);
  return {
    id: randomUUID(),
    appId: RESOURCE_APP_IDS[resource],
    oauth2PermissionScopes: mine
      .filter((p) => p.ways.some((w) => w !== "app"))
      .map((p) => ({ id: p.scopeId ?? randomUUID(), value: p.name })),
    appRoles: mine.filter((p) => p.ways.includes("app")).map((p) => ({ id: randomUUID(), value: p.name })),
  };
}

const stateSchema = z.object({
  calls: z.array(z.array(z.string())),
  deployments: z.array(z.record(z.string(), z.string())),
  application: z
    .object({
      spa: z.object({ redirectUris: z.array(z.string()) }),
      requiredResourceAccess: z.array(
        z.object({
          resourceAppId: z.string(),
          resourceAccess: z.array(z.object({ id: z.string(), type: z.string() })),
        }),
      ),
    })
    .nullable(),
  credentials: z.array(z.object({ customKeyIdentifier: z.string() })),
  certificate: z
    .object({ x509ThumbprintHex: z.string(), attributes: z.object({ expires: z.string() }) })
    .nullable(),
  appSettings: z.record(z.string(), z.string()),
  functionZips: z.array(z.number()),
  staticWebsite: z.object({ index: z.string() }).nullable(),
});

describe("actionplan deploy, against the sandbox and a stand-in for az", () => {
  let sandbox: Awaited<ReturnType<typeof openSandbox>>;
  let host: Awaited<ReturnType<typeof serveFolder>>;
  const folder = mkdtempSync(join(tmpdir(), "deploy-command-"));
  const webDir = join(folder, "web");
  const stateFile = join(folder, "az-state.json");
  const envFile = join(folder, ".env.dev");
  const out = join(folder, "build");
  const az = azCli({
    ...process.env,
    PATH: `${FAKE_AZ}${delimiter}${process.env.PATH ?? ""}`,
    FAKE_AZ_STATE: stateFile,
  });

  const readState = () => stateSchema.parse(JSON.parse(readFileSync(stateFile, "utf8")));
  const patchState = (change: Record<string, unknown>) => {
    const state = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(stateFile, "utf8")));
    writeFileSync(stateFile, JSON.stringify({ ...state, ...change }));
  };
  const settings = () =>
    Object.fromEntries(
      readFileSync(envFile, "utf8")
        .split("\n")
        .flatMap((l) => (/^[A-Z_]+=/.test(l) ? [l.split(/=(.*)/s).slice(0, 2)] : [])),
    ) as Record<string, string>;
  const setSetting = (key: string, value: string) => {
    writeFileSync(
      envFile,
      readFileSync(envFile, "utf8").replace(new RegExp(`^${key}=.*$`, "m"), `${key}=${value}`),
    );
  };

  /** Run deploy; its exit code and what it printed. */
  async function run(extra: { check?: boolean } = {}): Promise<{ code: number; said: string }> {
    const said: string[] = [];
    const [log, error] = [console.log, console.error];
    console.log = (...words: unknown[]) => said.push(words.join(" "));
    console.error = (...words: unknown[]) => said.push(words.join(" "));
    try {
      const code = await deploy(
        {
          env: envFile,
          as: SANDBOX_PEOPLE.owner,
          teamsAs: TEAMS_ADMIN,
          review: false,
          check: extra.check ?? false,
        },
        az,
        ROOT,
        out,
      );
      return { code, said: said.join("\n") };
    } finally {
      console.log = log;
      console.error = error;
    }
  }

  /** The sandbox's catalog entry for the council's manifest id, as its Teams Administrator reads it. */
  async function catalogEntry() {
    const token = await sandboxTokenSource(
      sandbox.sandbox.url,
      TEAMS_ADMIN,
      "https://graph.microsoft.com/.default",
    )();
    const filter = encodeURIComponent(`externalId eq '${settings().TEAMS_APP_ID ?? ""}'`);
    const response = await fetch(
      `${sandbox.graphUrl}/v1.0/appCatalogs/teamsApps?$filter=${filter}&$expand=appDefinitions`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    assert.equal(response.status, 200);
    return z
      .object({
        value: z.array(
          z.object({ id: z.string(), appDefinitions: z.array(z.object({ version: z.string() })) }),
        ),
      })
      .parse(await response.json()).value;
  }

  beforeAll(async () => {
    sandbox = await openSandbox();
    host = await serveFolder(webDir);
    writeFileSync(
      stateFile,
      JSON.stringify({
        calls: [],
        signedIn: true,
        tenantId: randomUUID(),
        subscription: randomUUID(),
        user: { id: randomUUID(), upn: "it.admin@northbridge.gov.uk" },
        apps: [],
        servicePrincipals: [resourcePrincipal("Graph"), resourcePrincipal("SharePoint")],
        deployments: [],
        application: null,
        consented: false,
        credentials: [],
        certificate: null,
        appSettings: {},
        functionZips: [],
        staticWebsite: null,
        tabEndpoint: host.url,
        webDir,
      }),
    );
    // The repository's settings file as a council receives it: its first block still empty.
    writeFileSync(envFile, readFileSync(join(ROOT, "env", ".env.dev"), "utf8"));
  }, 60_000);
  afterAll(async () => {
    await host.close();
    await sandbox.sandbox.close();
  });

  test("a settings file as it comes names every setting the council must fill in, and changes nothing", async () => {
    const { code, said } = await run({ check: true });
    assert.equal(code, 1);
    for (const key of [
      "SHAREPOINT_SITE_URL",
      "DEVELOPER_NAME",
      "PRIVACY_URL",
      "TERMS_URL",
      "COORDINATOR_UPN",
      "AZURE_SUBSCRIPTION_ID",
      "AZURE_RESOURCE_GROUP_NAME",
      "RESOURCE_SUFFIX",
    ])
      assert.match(said, new RegExp(key), `${key} is named`);
    assert.match(said, new RegExp(envFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    assert.deepEqual(readState().calls, []);
  });

  test("a role Azure refuses stops it with the role named, keeping what was made for the next run", async () => {
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as { subscription: string };
    setSetting("SHAREPOINT_SITE_URL", sandbox.siteUrl);
    setSetting("DEVELOPER_NAME", "Northbridge Council");
    setSetting("DEVELOPER_URL", "https://www.northbridge.gov.uk/");
    setSetting("PRIVACY_URL", "https://www.northbridge.gov.uk/privacy/action-plan-tracker");
    setSetting("TERMS_URL", "https://www.northbridge.gov.uk/acceptable-use");
    setSetting("REMINDER_SENDER_UPN", SANDBOX_PEOPLE.member);
    setSetting("COORDINATOR_UPN", SANDBOX_PEOPLE.owner);
    setSetting("AZURE_SUBSCRIPTION_ID", state.subscription);
    setSetting("AZURE_RESOURCE_GROUP_NAME", "rg-actionplan");
    setSetting("RESOURCE_SUFFIX", "north-bridge");
    assert.equal((await run({ check: true })).code, 0);
    patchState({ refuse: { "deployment group create": true } });
    const { code, said } = await run();
    assert.equal(code, 1);
    assert.match(
      said,
      /refused, so deploy cannot create the Azure resources: it needs Owner of the resource group/,
    );
    assert.doesNotMatch(said, /\n\s+at /, "no stack trace");
    assert.match(
      settings().AAD_APP_CLIENT_ID ?? "",
      /^[0-9a-f-]{36}$/,
      "the app registration is kept for the next run",
    );
    assert.deepEqual(readState().deployments, []);
  });

  test("without the tenant's consent it sets the permissions, then stops with the consent address and who can use it", async () => {
    patchState({ refuse: {} });
    const { code, said } = await run();
    assert.equal(code, 1);
    const s = settings();
    assert.ok(
      said.includes(
        `https://login.microsoftonline.com/${s.AAD_APP_TENANT_ID ?? ""}/adminconsent?client_id=${s.AAD_APP_CLIENT_ID ?? ""}`,
      ),
      said,
    );
    assert.match(said, /Privileged Role Administrator or Global Administrator/);
    assert.match(said, /Graph TeamsActivity\.Send \(application\)/);
    const app = readState().application;
    assert.ok(app !== null);
    const tabHost = new URL(host.url).host;
    assert.deepEqual(app.spa.redirectUris, [`https://${tabHost}/tab/`, `brk-multihub://${tabHost}`]);
    const asked = app.requiredResourceAccess.flatMap((r) => r.resourceAccess).length;
    const table = PERMISSIONS.reduce(
      (n, p) => n + (p.ways.includes("app") ? 1 : 0) + (p.ways.some((w) => w !== "app") ? 1 : 0),
      0,
    );
    assert.equal(asked, table, "exactly the table's permissions");
    assert.equal(readState().certificate, null, "nothing after the consent step");
  });

  test("with consent, the first full run publishes the app and hands its catalog id to the tab and the daily job", async () => {
    patchState({ consented: true });
    const { code, said } = await run();
    assert.equal(code, 0, said);
    const s = settings();
    const catalogId = s.TEAMS_APP_PUBLISHED_APP_ID ?? "";
    assert.match(catalogId, /^[0-9a-f-]{36}$/);
    assert.notEqual(catalogId, s.TEAMS_APP_ID, "the catalog's id is not the manifest's");
    const entry = await catalogEntry();
    assert.deepEqual(
      entry.map((e) => [e.id, e.appDefinitions.map((d) => d.version)]),
      [[catalogId, ["1.0.0"]]],
    );
    const state = readState();
    assert.equal(state.appSettings.ACTIONPLAN_TEAMS_CATALOG_ID, catalogId);
    assert.equal(state.functionZips.length, 1);
    assert.equal(state.staticWebsite?.index, "index.html");
    assert.deepEqual(
      state.credentials.map((c) => c.customKeyIdentifier),
      [state.certificate?.x509ThumbprintHex],
    );
    const config = z
      .object({ siteUrl: z.string(), teamsCatalogAppId: z.string().optional() })
      .parse(await (await fetch(`${host.url}/tab/config.json`)).json());
    assert.equal(config.siteUrl, sandbox.siteUrl);
    assert.equal(config.teamsCatalogAppId, catalogId);
    assert.ok(existsSync(join(webDir, "tab", "index.html")));
    const lists = await fetch(`${sandbox.siteUrl}/_api/web/lists/getbytitle('Actions')?$select=Title`, {
      headers: {
        accept: "application/json",
        authorization: `Bearer ${await sandboxTokenSource(sandbox.sandbox.url, SANDBOX_PEOPLE.owner)()}`,
      },
    });
    assert.equal(lists.status, 200, "provisioned");
    assert.match(said, /Left for others/);
    assert.ok(said.includes(`"application":{"id":"${s.AAD_APP_CLIENT_ID ?? ""}"`), "the site grant to make");
    assert.match(said, /Deployed in \d+ s\./);
  }, 120_000);

  test("a second run with the same version changes nothing that exists", async () => {
    const before = readState();
    const { code, said } = await run();
    assert.equal(code, 0, said);
    const after = readState();
    const newCalls = after.calls.slice(before.calls.length).map((c) => c.slice(0, 4).join(" "));
    assert.ok(!newCalls.some((c) => c.startsWith("ad app create")), "no second app registration");
    assert.ok(!newCalls.some((c) => c.startsWith("keyvault certificate create")), "no second certificate");
    assert.ok(
      !newCalls.some((c) => c.startsWith("ad app credential reset")),
      "the certificate is not uploaded twice",
    );
    assert.equal(after.deployments.at(-1)?.teamsCatalogAppId, settings().TEAMS_APP_PUBLISHED_APP_ID);
    assert.deepEqual(
      (await catalogEntry()).map((e) => e.appDefinitions.map((d) => d.version)),
      [["1.0.0"]],
    );
  }, 120_000);

  test("a raised version updates the app in the catalog, under the same catalog id", async () => {
    const catalogId = settings().TEAMS_APP_PUBLISHED_APP_ID;
    setSetting("APP_VERSION", "1.0.1");
    const { code, said } = await run();
    assert.equal(code, 0, said);
    const entry = await catalogEntry();
    assert.equal(entry[0]?.id, catalogId);
    assert.ok(
      entry[0]?.appDefinitions.some((d) => d.version === "1.0.1"),
      JSON.stringify(entry),
    );
  }, 120_000);

  test("a certificate ending within 60 days is renewed and the new one uploaded, the old one kept", async () => {
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as {
      certificate: { attributes: { expires: string } };
    };
    state.certificate.attributes.expires = new Date(Date.now() + 20 * 86_400_000).toISOString();
    writeFileSync(stateFile, JSON.stringify(state));
    const old = readState().certificate?.x509ThumbprintHex;
    const { code, said } = await run();
    assert.equal(code, 0, said);
    assert.match(said, /Renewed the app's certificate/);
    const after = readState();
    assert.notEqual(after.certificate?.x509ThumbprintHex, old);
    assert.deepEqual(
      after.credentials.map((c) => c.customKeyIdentifier),
      [old, after.certificate?.x509ThumbprintHex],
    );
  }, 120_000);
});
