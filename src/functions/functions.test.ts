// The Function App's parts that need no sandbox: its settings, its schedule, the certificate's end date, the
// Key Vault calls against a stand-in vault and identity endpoint, and the bundle Azure runs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InvocationContext, Timer } from "@azure/functions";
import { unzipSync } from "fflate";
import { afterEach, describe, test } from "vitest";
import { buildFunctionApp } from "../build/function-app.ts";
import { CERTIFICATE_EXPIRY_NOTICE, certificateEndDate, certificateExpiryNotice } from "./certificate.ts";
import { keyVault } from "./key-vault.ts";
import { DAILY_SCHEDULE, isLondonRunFiring, RUN_SKIPPED_NOTICE } from "./schedule.ts";
import { FunctionSettingsError, readFunctionSettings } from "./settings.ts";
import { dailyRemindersTimer } from "./timer.ts";
import { SenderSignInExpired, senderTokenSource } from "./tokens.ts";

const PEM =
  "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\ny\n-----END CERTIFICATE-----\n";

/** The application settings the Bicep template gives the Function App (infra/main.bicep). */
const TENANT_SETTINGS = {
  ACTIONPLAN_SITE_URL: "https://northbridge.sharepoint.com/sites/improvement",
  ACTIONPLAN_TENANT_ID: "northbridge.onmicrosoft.com",
  ACTIONPLAN_CLIENT_ID: "0b7f4e8a-3c6d-4e2f-9a1b-5d8c7e6f4a3b",
  ACTIONPLAN_CERT_PEM: PEM,
  ACTIONPLAN_CHANNEL: "chat",
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

  test("a sandbox address is refused", () => {
    assert.throws(
      () =>
        readFunctionSettings({
          ...TENANT_SETTINGS,
          ACTIONPLAN_SITE_URL: "http://localhost:4300/sites/improvement",
        }),
      /ACTIONPLAN_SITE_URL/,
    );
  });
});

describe("the timer keeps UTC and runs at 08:30 London time", () => {
  test("it fires at 07:30 and 08:30 UTC, Monday to Friday", () => {
    assert.equal(DAILY_SCHEDULE, "0 30 7,8 * * 1-5");
  });

  test.each([
    ["Wednesday in summer, 07:30 UTC is 08:30 BST", "2026-07-01T07:30:00Z", true],
    ["Wednesday in summer, 08:30 UTC is 09:30 BST", "2026-07-01T08:30:00Z", false],
    ["Tuesday in winter, 08:30 UTC is 08:30 GMT", "2026-12-01T08:30:00Z", true],
    ["Tuesday in winter, 07:30 UTC is 07:30 GMT", "2026-12-01T07:30:00Z", false],
    ["the summer firing 40 minutes late is still the 08:30 one", "2026-07-01T08:10:00Z", true],
    ["the winter 07:30 firing late is still the 07:30 one", "2026-12-01T08:20:00Z", false],
    ["the winter 08:30 firing 29 minutes late", "2026-12-01T08:59:00Z", true],
    ["Friday before the clocks go forward (29 March 2026)", "2026-03-27T08:30:00Z", true],
    ["Monday after the clocks go forward", "2026-03-30T07:30:00Z", true],
    ["Monday after the clocks go forward, 08:30 UTC", "2026-03-30T08:30:00Z", false],
    ["Friday before the clocks go back (25 October 2026)", "2026-10-23T07:30:00Z", true],
    ["Monday after the clocks go back", "2026-10-26T08:30:00Z", true],
    ["Monday after the clocks go back, 07:30 UTC", "2026-10-26T07:30:00Z", false],
  ])("%s", (_why, instant, runs) => {
    assert.equal(isLondonRunFiring(new Date(instant)), runs);
  });

  test("the firing that is not 08:30 in London checks the settings, then stops before it reads anything", async () => {
    const said: string[] = [];
    const context = { log: (m: string) => said.push(m), warn: (m: string) => said.push(m) };
    const env = {
      ...TENANT_SETTINGS,
      ACTIONPLAN_TEAMS_APP_ID: "4f1c2b7e-9d3a-4e6b-8c5d-2a1f0e9b7c6d",
      ACTIONPLAN_TEAMS_CATALOG_ID: "b8c3e2d1-6f4a-4e9b-a0c7-3d5e8f1a2b4c",
      ACTIONPLAN_UPDATE_FORM_URL: "https://actionplan.northbridge.gov.uk/tab/?view=update",
      // Nothing answers here: a run would fail reaching it.
      ACTIONPLAN_GRAPH_URL: "http://127.0.0.1:9",
    };
    const summer0830 = new Date("2026-07-01T08:30:00Z");
    await dailyRemindersTimer({} as Timer, context as unknown as InvocationContext, env, summer0830);
    assert.equal(said.length, 1);
    assert.ok(said[0]?.startsWith(`${RUN_SKIPPED_NOTICE}: `), said[0]);
    const { ACTIONPLAN_UPDATE_FORM_URL: _form, ...withoutForm } = env;
    await assert.rejects(
      dailyRemindersTimer({} as Timer, context as unknown as InvocationContext, withoutForm, summer0830),
      /ACTIONPLAN_UPDATE_FORM_URL/,
    );
  });
});

const openssl = spawnSync("openssl", ["version"]).status === 0;
/** A certificate that ends `days` from now, made by the openssl command (as src/cli/auth.test.ts does). */
function certificateEnding(days: number): string {
  const dir = mkdtempSync(join(tmpdir(), "actionplan-cert-"));
  try {
    const made = spawnSync("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      String(days),
      "-subj",
      "/CN=actionplan-test",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ]);
    assert.equal(made.status, 0, made.stderr.toString());
    return readFileSync(join(dir, "key.pem"), "utf8") + readFileSync(join(dir, "cert.pem"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!openssl)("the app's certificate is not left to expire silently", () => {
  test("from 30 days before its end the run writes a notice the alert looks for", () => {
    const pem = certificateEnding(20);
    const end = certificateEndDate(pem);
    assert.ok(end !== null);
    const notice = certificateExpiryNotice(pem, new Date());
    assert.ok(notice?.startsWith(`${CERTIFICATE_EXPIRY_NOTICE}: `), notice ?? "no notice");
    assert.match(notice ?? "", /ends on \d{4}-\d{2}-\d{2}, in 19 day\(s\)/);
    assert.match(notice ?? "", /upload the new \.cer to the Entra app/);
    const after = new Date(end.getTime() + 86_400_000);
    assert.match(certificateExpiryNotice(pem, after) ?? "", /ended on/);
  });

  test("a certificate with more than 30 days left writes nothing", () => {
    assert.equal(certificateExpiryNotice(certificateEnding(365), new Date()), null);
  });
});

test("a PEM whose certificate cannot be read writes no notice (signing in will say what is wrong)", () => {
  assert.equal(certificateExpiryNotice(PEM, new Date()), null);
  assert.equal(certificateEndDate("no certificate here"), null);
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

test("the Function App builds into one folder Azure can run, and its zip: host.json, package.json and the bundle", async () => {
  const out = await buildFunctionApp(join(mkdtempSync(join(tmpdir(), "function-app-")), "app"));
  assert.ok(existsSync(`${out}.zip`));
  const zipped = Object.keys(unzipSync(readFileSync(`${out}.zip`)));
  for (const file of ["host.json", "package.json", "dist/index.mjs"]) assert.ok(zipped.includes(file), file);
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
