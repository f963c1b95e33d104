// Which sign-in the CLI uses for a site, and the checks on a real tenant's settings.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "vitest";
import { certificateCredential, isSandboxSite, readTenantSettings, tokenSourceFor } from "./auth.ts";
import { UsageError } from "./command.ts";

test("localhost sites are the sandbox; anything else is SharePoint Online", () => {
  assert.equal(isSandboxSite("http://localhost:4300/sites/improvement"), true);
  assert.equal(isSandboxSite("http://127.0.0.1:4300/sites/improvement"), true);
  assert.equal(isSandboxSite("https://contoso.sharepoint.com/sites/improvement"), false);
  assert.equal(isSandboxSite("https://localhost.contoso.com/sites/x"), false);
});

test("the sandbox needs to know whom to act as", () => {
  assert.throws(() => tokenSourceFor("http://localhost:4300/sites/improvement", undefined), UsageError);
  assert.equal(typeof tokenSourceFor("http://localhost:4300/sites/improvement", "a@b.c"), "function");
});

test("missing tenant settings are listed together", () => {
  assert.throws(
    () => readTenantSettings({}),
    (error: unknown) =>
      error instanceof UsageError &&
      error.message.includes("ACTIONPLAN_TENANT_ID") &&
      error.message.includes("ACTIONPLAN_CLIENT_ID"),
  );
  assert.throws(
    () =>
      readTenantSettings({
        ACTIONPLAN_TENANT_ID: "contoso.onmicrosoft.com",
        ACTIONPLAN_CLIENT_ID: "not-a-guid",
      }),
    /ACTIONPLAN_CLIENT_ID/,
  );
  const ok = readTenantSettings({
    ACTIONPLAN_TENANT_ID: "contoso.onmicrosoft.com",
    ACTIONPLAN_CLIENT_ID: "11111111-2222-4333-8444-555555555555",
  });
  assert.equal(ok.ACTIONPLAN_CERT_PATH, undefined);
  // A person signs in with a device code unless the tenant's Conditional Access needs the browser.
  assert.equal(ok.ACTIONPLAN_SIGN_IN, "device-code");
  const tenant = {
    ACTIONPLAN_TENANT_ID: "contoso.onmicrosoft.com",
    ACTIONPLAN_CLIENT_ID: "11111111-2222-4333-8444-555555555555",
  };
  assert.equal(
    readTenantSettings({ ...tenant, ACTIONPLAN_SIGN_IN: "browser" }).ACTIONPLAN_SIGN_IN,
    "browser",
  );
  assert.throws(
    () => readTenantSettings({ ...tenant, ACTIONPLAN_SIGN_IN: "sms" }),
    /ACTIONPLAN_SIGN_IN: device-code or browser/,
  );
});

test("a PEM without a private key or certificate is refused", () => {
  assert.throws(
    () => certificateCredential("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"),
    UsageError,
  );
  assert.throws(
    () => certificateCredential("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----"),
    UsageError,
  );
});

const openssl = spawnSync("openssl", ["version"]).status === 0;
// The certificate is made by the openssl command (Debian ships it; a machine without it cannot run this).
test.skipIf(!openssl)("the certificate's SHA-256 thumbprint is worked out from the PEM", () => {
  const dir = mkdtempSync(join(tmpdir(), "actionplan-cert-"));
  try {
    const pem = join(dir, "app.pem");
    const made = spawnSync("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=actionplan-test",
      "-keyout",
      pem,
      "-out",
      join(dir, "cert.pem"),
    ]);
    assert.equal(made.status, 0, made.stderr.toString());
    const both = readFileSync(pem, "utf8") + readFileSync(join(dir, "cert.pem"), "utf8");
    const fingerprint = spawnSync("openssl", [
      "x509",
      "-in",
      join(dir, "cert.pem"),
      "-noout",
      "-fingerprint",
      "-sha256",
    ]);
    const expected = fingerprint.stdout.toString().split("=")[1]?.trim().replace(/:/g, "");
    const credential = certificateCredential(both);
    assert.equal(credential.thumbprintSha256, expected);
    assert.match(credential.x5c, /^-----BEGIN CERTIFICATE-----/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
