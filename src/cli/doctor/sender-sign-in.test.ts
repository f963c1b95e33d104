import assert from "node:assert/strict";
import { test } from "vitest";
import type { IsoDate } from "../../domain/index.ts";
import type { SenderSignIn } from "../../notify/reminders/sender-sign-in.ts";
import { senderSignInFinding, signInStepFor } from "./sender-sign-in.ts";

const SENDER = "reminders@northbridge.gov.uk";
const SITE = "https://northbridge.sharepoint.com/sites/improvement";
const STEP = signInStepFor(SITE, {
  ACTIONPLAN_KEY_VAULT_URL: "https://kv-actionplan-nb.vault.azure.net/",
  ACTIONPLAN_SENDER_CACHE_SECRET: "actionplan-sender-cache",
});
const TODAY = "2026-12-09" as IsoDate;

const record = (over: Partial<SenderSignIn>): SenderSignIn => ({
  sender: SENDER,
  lastSucceededAt: "2026-12-09T08:30:05Z",
  failure: null,
  triedAt: "2026-12-09T08:30:06Z",
  ...over,
});

test("a renewal this morning passes, saying when", () => {
  const finding = senderSignInFinding(record({}), TODAY, STEP);
  assert.equal(finding.ok, true);
  assert.deepEqual(finding.lines, [
    "reminders@northbridge.gov.uk last signed in (renewed by the daily job) on 9 December 2026 at 08:30 (UK time)",
  ]);
  assert.equal(finding.warnings, undefined);
});

test("the last run's renewal refused fails, with the sign-in step for this site and vault", () => {
  const finding = senderSignInFinding(
    record({ failure: "Entra ID refused to renew it: invalid_grant", triedAt: "2026-12-09T08:30:06Z" }),
    TODAY,
    STEP,
  );
  assert.equal(finding.ok, false);
  assert.deepEqual(finding.lines, [
    "the daily job could not renew reminders@northbridge.gov.uk's sign-in on 9 December 2026 (Entra ID refused to renew it: invalid_grant), so no chat cards are sent; it last renewed on 9 December 2026: on a trusted device run `ACTIONPLAN_TOKEN_CACHE=sender-cache.json npx actionplan reminders --site https://northbridge.sharepoint.com/sites/improvement --as reminders@northbridge.gov.uk --dry-run`, then `az keyvault secret set --vault-name kv-actionplan-nb -n actionplan-sender-cache -f sender-cache.json` (the next run records it)",
  ]);
});

test("60 days without a renewal passes quietly; 61 warns with the day Entra ID stops taking it", () => {
  const sixty = senderSignInFinding(record({ lastSucceededAt: "2026-10-10T07:30:00Z" }), TODAY, STEP);
  assert.equal(sixty.warnings, undefined);
  const older = senderSignInFinding(record({ lastSucceededAt: "2026-10-09T07:30:00Z" }), TODAY, STEP);
  assert.equal(older.ok, true);
  assert.match(
    older.warnings?.[0] ?? "",
    /^reminders@northbridge\.gov\.uk's sign-in has not been renewed for 61 days, and Entra ID refuses it once unused for 90 \(from 7 January 2027\): check the daily job still runs with ACTIONPLAN_CHANNEL=chat, or on a trusted device run `ACTIONPLAN_TOKEN_CACHE=sender-cache\.json/,
  );
});

test("nothing recorded yet is a warning; without the vault's settings the step names placeholders", () => {
  const none = senderSignInFinding(null, TODAY, signInStepFor(SITE, {}));
  assert.equal(none.ok, true);
  assert.match(
    none.warnings?.[0] ?? "",
    /records the sender's sign-in each time it runs with the chat channel/,
  );
  const failed = senderSignInFinding(
    record({ lastSucceededAt: null, failure: "the vault's secret holds no sign-in for them" }),
    TODAY,
    signInStepFor(SITE, {}),
  );
  assert.equal(failed.ok, false);
  assert.match(failed.lines[0] ?? "", /so no chat cards are sent: on a trusted device/);
  assert.match(
    failed.lines[0] ?? "",
    /--vault-name <vault> -n actionplan-sender-cache -f sender-cache\.json/,
  );
});
