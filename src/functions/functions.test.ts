// The Function App's parts that need no sandbox: its settings, its schedule, the Key Vault calls against a
// stand-in vault and identity endpoint, and the bundle Azure runs.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, test } from "vitest";
import { buildFunctionApp } from "../build/function-app.ts";
import { keyVault } from "./key-vault.ts";
import { FunctionSettingsError, readFunctionSettings } from "./settings.ts";
import { DAILY_SCHEDULE } from "./timer.ts";
import { SenderSignInExpired, senderTokenSource } from "./tokens.ts";

const PEM =
  "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\ny\n-----END CERTIFICATE-----\n";

/** The application settings the Bicep template gives the Function App (infra/function-app.bicep). */
const TENANT_SETTINGS = {
  ACTIONPLAN_SITE_URL: "https://northbridge.sharepoint.com/sites/improvement",
  ACTIONPLAN_TENANT_ID: "northbridge.onmicrosoft.com",
  ACTIONPLAN_CLIENT_ID: "0b7f4e8a-3c6d-4e2f-9a1b-5d8c7e6f4a3b",
  ACTIONPLAN_CERT_PEM: PEM,
  ACTIONPLAN_CHANNEL: "chat",
  WEBSITE_TIME_ZONE: "GMT Standard Time",
  ACTIONPLAN_SENDER_UPN: "reminders@northbridge.gov.uk",
  ACTIONPLAN_KEY_VAULT_URL: "https://kv-actionplan.vault.azure.net/",
  ACTIONPLAN_SENDER_CACHE_SECRET: "actionplan-sender-cache",
} as const;

const REQUIRED = Object.keys(TENANT_SETTINGS) as (keyof typeof TENANT_SETTINGS)[];

describe("the daily job's settings", () => {
  test("the tenant's settings are read as given", () => {
    const settings = readFunctionSettings({ ...TENANT_SETTINGS });
    assert.equal(settings.ACTIONPLAN_KEY_VAULT_URL, "https://kv-actionplan.vault.azure.net");
    assert.equal(settings.ACTIONPLAN_CHANNEL, "chat");
  });

  test.each(REQUIRED)("without %s the job stops and names it", (name) => {
    const env = Object.fromEntries(Object.entries(TENANT_SETTINGS).filter(([key]) => key !== name));
    assert.throws(
      () => readFunctionSettings(env),
      (error: unknown) => error instanceof FunctionSettingsError && error.message.includes(`  ${name}: `),
    );
  });

  test("the activity feed needs no service account", () => {
    const { ACTIONPLAN_SENDER_UPN: _u, ACTIONPLAN_SENDER_CACHE_SECRET: _s, ...rest } = TENANT_SETTINGS;
    assert.equal(
      readFunctionSettings({ ...rest, ACTIONPLAN_CHANNEL: "activity" }).ACTIONPLAN_CHANNEL,
      "activity",
    );
  });

  test("a Key Vault reference App Service could not resolve is named as such, not used as a certificate", () => {
    const env = {
      ...TENANT_SETTINGS,
      ACTIONPLAN_CERT_PEM:
        "@Microsoft.KeyVault(SecretUri=https://kv-actionplan.vault.azure.net/secrets/actionplan/)",
    };
    assert.throws(() => readFunctionSettings(env), /ACTIONPLAN_CERT_PEM: is still a Key Vault reference/);
  });

  test("a sandbox address or a UTC timer is refused", () => {
    assert.throws(
      () =>
        readFunctionSettings({
          ...TENANT_SETTINGS,
          ACTIONPLAN_SITE_URL: "http://localhost:4300/sites/improvement",
        }),
      /ACTIONPLAN_SITE_URL/,
    );
    assert.throws(
      () => readFunctionSettings({ ...TENANT_SETTINGS, WEBSITE_TIME_ZONE: "UTC" }),
      /WEBSITE_TIME_ZONE/,
    );
  });

  test("the timer fires at 08:30, Monday to Friday", () => {
    assert.equal(DAILY_SCHEDULE, "0 30 8 * * 1-5");
  });
});

describe("Key Vault through the managed identity", () => {
  let server: Server | null = null;
  afterEach(() => {
    server?.close();
    delete process.env.IDENTITY_ENDPOINT;
    delete process.env.IDENTITY_HEADER;
  });

  test("reads a secret, writes it back, and says who to grant when refused", async () => {
    const secrets = new Map<string, string>([["sender-cache", "{}"]]);
    const seen: string[] = [];
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/msi/token") {
        seen.push(`identity ${req.headers["x-identity-header"] as string}`);
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({
            access_token: "vault-token",
            expires_on: String(Math.floor(Date.now() / 1000) + 3600),
            resource: "https://vault.azure.net",
            token_type: "Bearer",
          }),
        );
        return;
      }
      const name = decodeURIComponent(url.pathname.replace("/secrets/", ""));
      seen.push(`${req.method ?? ""} ${name} ${req.headers.authorization ?? ""}`);
      if (name === "locked") {
        res.statusCode = 403;
        res.end(JSON.stringify({ error: { code: "Forbidden" } }));
        return;
      }
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        if (req.method === "PUT") secrets.set(name, (JSON.parse(body) as { value: string }).value);
        const value = secrets.get(name);
        res.statusCode = value === undefined ? 404 : 200;
        res.end(JSON.stringify(value === undefined ? { error: { code: "SecretNotFound" } } : { value }));
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    process.env.IDENTITY_ENDPOINT = `${origin}/msi/token`;
    process.env.IDENTITY_HEADER = "identity-secret";
    const vault = keyVault(origin);
    assert.equal(await vault.get("sender-cache"), "{}");
    await vault.set("sender-cache", '{"Account":{}}');
    assert.equal(secrets.get("sender-cache"), '{"Account":{}}');
    assert.equal(await vault.get("missing"), null);
    await assert.rejects(
      vault.get("locked"),
      /give the Function App's identity the 'Key Vault Secrets Officer' role/,
    );
    assert.ok(seen.includes("identity identity-secret"));
    assert.ok(seen.includes("GET sender-cache Bearer vault-token"));
  });

  test("without a managed identity it says to turn one on", async () => {
    await assert.rejects(
      keyVault("https://kv.vault.azure.net", {}).get("x"),
      /turn on its system-assigned identity/,
    );
  });
});

test("the Function App builds into one folder Azure can run: host.json, package.json and the bundle", async () => {
  const out = await buildFunctionApp(join(mkdtempSync(join(tmpdir(), "function-app-")), "app"));
  const pkg = (await import(join(out, "package.json"), { with: { type: "json" } })) as {
    default: { main: string; type: string };
  };
  assert.equal(pkg.default.main, "dist/index.mjs");
  const host = (await import(join(out, "host.json"), { with: { type: "json" } })) as {
    default: { version: string };
  };
  assert.equal(host.default.version, "2.0");
  // Loading it outside Azure registers nothing (the package's test mode) but proves it resolves every import.
  await import(join(out, "dist", "index.mjs"));
}, 60_000);

describe("the reminder service account's sign-in kept in Key Vault", () => {
  const settings = readFunctionSettings({ ...TENANT_SETTINGS });

  test("a vault with no sign-in for the sender says they must sign in again, naming the secret", async () => {
    const store = { get: () => Promise.resolve(null), set: () => Promise.resolve() };
    const token = senderTokenSource(settings, store, "https://graph.microsoft.com");
    await assert.rejects(token(), (error: unknown) => {
      assert.ok(error instanceof SenderSignInExpired);
      assert.match(
        error.message,
        /reminders@northbridge\.gov\.uk must sign in again \(the vault's secret 'actionplan-sender-cache' holds no sign-in for them\)/,
      );
      assert.match(error.message, /az keyvault secret set/);
      return true;
    });
  });

  test("the cache is read from the vault's secret before each use", async () => {
    const asked: string[] = [];
    const store = {
      get: (name: string) => {
        asked.push(name);
        return Promise.resolve(
          JSON.stringify({ Account: {}, IdToken: {}, AccessToken: {}, RefreshToken: {}, AppMetadata: {} }),
        );
      },
      set: () => Promise.resolve(),
    };
    await assert.rejects(
      senderTokenSource(settings, store, "https://graph.microsoft.com")(),
      SenderSignInExpired,
    );
    assert.deepEqual(asked, ["actionplan-sender-cache"]);
  });
});
