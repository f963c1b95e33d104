import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "vitest";
import { certificateFinding, checkCertificate } from "./certificate.ts";

const NOW = new Date("2026-12-07T18:00:00Z");

test.each([
  ["2027-06-30T12:00:00Z", true, "the app's certificate ends on 30 June 2027, in 205 days", undefined],
  [
    "2027-01-06T12:00:00Z",
    true,
    "the app's certificate ends on 6 January 2027, in 30 days",
    "the app's certificate ends on 6 January 2027, in 30 days: renew it in Key Vault and upload the new .cer to the Entra app",
  ],
  [
    "2026-12-08T09:00:00Z",
    true,
    "the app's certificate ends on 8 December 2026, in 1 day",
    "the app's certificate ends on 8 December 2026, in 1 day: renew it in Key Vault and upload the new .cer to the Entra app",
  ],
  [
    "2026-12-05T09:00:00Z",
    false,
    "the app's certificate ended on 5 December 2026, so the app cannot sign in: renew it in Key Vault and upload the new .cer to the Entra app",
    undefined,
  ],
])("a certificate ending %s: ok %s", (notAfter, ok, line, warning) => {
  const finding = certificateFinding(new Date(notAfter), NOW);
  assert.equal(finding.ok, ok);
  assert.deepEqual(finding.lines, [line]);
  assert.deepEqual(finding.warnings, warning === undefined ? undefined : [warning]);
});

test("31 days before its end says nothing more than the date", () => {
  assert.equal(certificateFinding(new Date("2027-01-07T12:00:00Z"), NOW).warnings, undefined);
});

test("a PEM without a readable certificate, or no file, fails saying so", () => {
  const dir = mkdtempSync(join(tmpdir(), "doctor-cert-"));
  try {
    const pem = join(dir, "app.pem");
    writeFileSync(pem, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    assert.match(checkCertificate(pem, NOW).lines[0] ?? "", /holds no certificate that can be read/);
    assert.match(checkCertificate(join(dir, "none.pem"), NOW).lines[0] ?? "", /^cannot read /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const openssl = spawnSync("openssl", ["version"]).status === 0;

describe.skipIf(!openssl)("the PEM doctor signs in with", () => {
  test("its certificate's notAfter is read: ten days left is a warning", () => {
    const dir = mkdtempSync(join(tmpdir(), "doctor-cert-"));
    try {
      const pem = join(dir, "app.pem");
      const made = spawnSync("openssl", [
        ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "10"],
        ...["-subj", "/CN=actionplan-test", "-keyout", pem, "-out", pem],
      ]);
      assert.equal(made.status, 0, made.stderr.toString());
      const finding = checkCertificate(pem, new Date());
      assert.equal(finding.ok, true);
      assert.match(finding.warnings?.[0] ?? "", /ends on .+, in (9|10) days: renew it in Key Vault/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
