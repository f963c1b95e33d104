// How the tab signs in, through the local Teams host as through Teams: with Nested App Authentication when the
// host recommends it (MSAL, loaded on demand, asks the host's bridge), and with the host's own token when it
// does not. Either way SharePoint gets the signed-in person's token, and no token ever appears in a URL.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { personByPost } from "../../src/sandbox/directory.ts";
import { startE2E, type E2E, type HostPage } from "./support/harness.ts";
import { waitForHeading } from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;
const MSAL_CHUNK = /\/tab\/assets\/naa-token-source-[^/]+\.js$/;

const claimsSchema = z
  .object({ upn: z.string().optional(), preferred_username: z.string().optional() })
  .loose();

/** Who a bearer token was issued to (the sandbox's tokens are JWTs). */
function signedInAs(authorization: string): string {
  const payload = authorization.replace(/^Bearer /, "").split(".")[1] ?? "";
  const claims = claimsSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  return (claims.upn ?? claims.preferred_username ?? "").toLowerCase();
}

describe("Signing in", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  const sharePointCalls = (host: HostPage) => host.requests.filter((r) => r.url.includes("/_api/"));

  test("where Teams recommends Nested App Authentication, MSAL signs the SRO in through the host's bridge", async () => {
    const host = await e2e.openHost({ user: SRO.upn, signin: "naa" });
    await waitForHeading(host.tab, /^Delayed/);
    assert.equal(
      await host.tab.evaluate(() => "nestedAppAuthBridge" in window),
      true,
      "teams-js installed the bridge",
    );
    assert.ok(
      host.requests.some((r) => MSAL_CHUNK.test(r.url)),
      "the tab loaded its MSAL chunk",
    );
    const calls = sharePointCalls(host);
    assert.ok(calls.length > 0, "the tab read SharePoint");
    for (const call of calls) {
      assert.ok(call.authorization?.startsWith("Bearer "), `${call.url} carries a bearer token`);
      assert.equal(signedInAs(call.authorization ?? ""), SRO.upn, "as the signed-in SRO");
    }
    const tokens = new Set(calls.map((c) => (c.authorization ?? "").replace(/^Bearer /, "")));
    for (const request of host.requests)
      for (const token of tokens) assert.ok(!request.url.includes(token), `no token in ${request.url}`);
  });

  test("where it does not, the tab says so in words, asks SharePoint nothing and never loads MSAL", async () => {
    // Teams SSO's token is for the app's own api:// resource, which SharePoint and Graph refuse; the tab does
    // not send it, and says what to do instead.
    const host = await e2e.openHost({ user: SRO.upn, signin: "sso" });
    await host.tab
      .getByText(
        /This version of Teams cannot sign Action Plan Tracker in to SharePoint\. Open it in the new Teams/,
      )
      .first()
      .waitFor();
    assert.equal(await host.tab.evaluate(() => "nestedAppAuthBridge" in window), false);
    assert.ok(!host.requests.some((r) => MSAL_CHUNK.test(r.url)), "MSAL was not loaded");
    assert.deepEqual(sharePointCalls(host), [], "no request reached SharePoint");
  });
});
