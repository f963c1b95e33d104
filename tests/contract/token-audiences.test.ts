// Contract: a token is for one service, as Entra issues them, and each service refuses a token for another,
// through the real PnPjs and Graph clients: Teams SSO's token (for the app's own api:// resource) is refused
// by SharePoint and by Graph; a SharePoint token by Graph; a Graph token by SharePoint. The sandbox issues
// tokens shaped like Entra's: aud, scp (delegated) or roles (app-only), tid, appid.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { createGraphClient } from "../../src/notify/graph-client.ts";
import { GRAPH_AUDIENCE, SANDBOX_CLIENT_ID, TokenAuthority } from "../../src/sandbox/auth.ts";
import { TENANT } from "../../src/sandbox/directory.ts";
import { createSharePoint } from "../../src/sharepoint/core/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { graphFailure } from "../support/graph-failure.ts";
import { openSandbox } from "../support/targets.ts";

const USER = "helen.fairbairn@northbridge.gov.uk";

const tokenAnswer = z.object({ access_token: z.string(), scope: z.string() });

function claimsOf(token: string): Record<string, unknown> {
  return z
    .record(z.string(), z.unknown())
    .parse(JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")));
}

describe("token audiences (sandbox)", () => {
  let target: Awaited<ReturnType<typeof openSandbox>>;
  let origin: string;
  const token = async (body: Record<string, string>) => {
    const response = await fetch(`${origin}/sandbox/token`, { method: "POST", body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as unknown };
  };
  const tokenFor = async (scope: string) =>
    tokenAnswer.parse((await token({ user: USER, scope })).json).access_token;
  const sharePointWith = (t: string) =>
    createSharePoint({ siteUrl: target.siteUrl, getToken: () => Promise.resolve(t) });
  const graphWith = (t: string) =>
    createGraphClient({ baseUrl: target.graphUrl, getToken: () => Promise.resolve(t), maxRetries: 0 });
  async function spStatus(t: string): Promise<{ status: number; message: string }> {
    try {
      await sharePointWith(t).web.select("Title")();
      return { status: 200, message: "" };
    } catch (error) {
      assert.ok(error instanceof RemoteError, String(error));
      return { status: error.status, message: error.serviceMessage };
    }
  }

  beforeAll(async () => {
    target = await openSandbox();
    origin = new URL(target.siteUrl).origin;
  });
  afterAll(async () => {
    await target.close();
  });

  test("Teams SSO's token, for the app's api:// resource, is refused by SharePoint and by Graph", async () => {
    const sso = await tokenFor(`api://${new URL(origin).host}/${SANDBOX_CLIENT_ID}/access_as_user`);
    assert.deepEqual(await spStatus(sso), {
      status: 401,
      message: `Invalid audience Uri 'api://${new URL(origin).host}/${SANDBOX_CLIENT_ID}'.`,
    });
    const graph = await graphFailure(graphWith(sso).api("/me").get());
    assert.equal(graph.statusCode, 401);
    assert.equal(graph.code, "InvalidAuthenticationToken");
    assert.match(graph.message, /Invalid audience/);
  });

  test("a SharePoint token works on SharePoint only, a Graph token on Graph only", async () => {
    const sharePoint = await tokenFor(`${origin}/.default`);
    const graph = await tokenFor(`${GRAPH_AUDIENCE}/.default`);
    assert.equal((await spStatus(sharePoint)).status, 200);
    assert.equal((await graphFailure(graphWith(sharePoint).api("/me").get())).statusCode, 401);
    assert.equal((await spStatus(graph)).status, 401);
    const me = z.object({ userPrincipalName: z.string() }).parse(await graphWith(graph).api("/me").get());
    assert.equal(me.userPrincipalName, USER);
  });

  test("tokens carry Entra's claims: aud, scp for a person, roles for an app, tid and appid", async () => {
    const answer = tokenAnswer.parse((await token({ user: USER, scope: `${GRAPH_AUDIENCE}/.default` })).json);
    const claims = claimsOf(answer.access_token);
    assert.equal(claims.aud, GRAPH_AUDIENCE);
    assert.equal(
      claims.scp,
      "User.Read User.Read.All Chat.Create Chat.Read ChatMessage.Send AppCatalog.Submit",
    );
    assert.equal(answer.scope, claims.scp);
    assert.equal(claims.appid, SANDBOX_CLIENT_ID);
    assert.equal(typeof claims.tid, "string");
    const app = claimsOf(
      tokenAnswer.parse(
        (await token({ app: SANDBOX_CLIENT_ID, scope: `${GRAPH_AUDIENCE}/Chat.Read.All` })).json,
      ).access_token,
    );
    assert.deepEqual(app.roles, ["Chat.Read.All"]);
    assert.equal(app.scp, undefined);
  });

  test("a scope for a resource the tenant does not have, or for two resources at once, is Entra's invalid_scope", async () => {
    const unknown = await token({ user: USER, scope: "https://contoso.example/.default" });
    assert.equal(unknown.status, 400);
    assert.match(JSON.stringify(unknown.json), /invalid_scope.*AADSTS500011/);
    const two = await token({ user: USER, scope: `${origin}/.default ${GRAPH_AUDIENCE}/.default` });
    assert.equal(two.status, 400);
    assert.match(JSON.stringify(two.json), /AADSTS28000/);
  });

  // Signed as the sandbox signs its own, so only the tenant (tid) or the time (nbf) is wrong.
  const refusedTokens = [
    {
      what: "a token issued by another tenant",
      issuer: (dataDir: string) => new TokenAuthority(dataDir, "8c1f5b2e-4d3a-4e6f-9b7c-0a2d4e6f8b1c"),
      spReason: "Invalid issuer or signature.",
      graphMessage: "Access token validation failure. Invalid issuer or signature.",
    },
    {
      what: "a token used before its nbf",
      issuer: (dataDir: string) => new TokenAuthority(dataDir, TENANT.id, () => Date.now() + 60 * 60 * 1000),
      spReason: "Invalid JWT token. The token is not yet valid.",
      graphMessage: "Access token has expired or is not yet valid.",
    },
  ];
  for (const c of refusedTokens) {
    test(`${c.what} is 401 from SharePoint (its challenge and reason) and from Graph (InvalidAuthenticationToken)`, async () => {
      const issuer = c.issuer(target.options.dataDir);
      const person = { kind: "user", upn: USER } as const;
      const sharePoint = issuer.issue(person, origin, ["AllSites.Manage"]).access_token;
      const response = await fetch(`${target.siteUrl}/_api/web`, {
        headers: { Authorization: `Bearer ${sharePoint}`, Accept: "application/json" },
      });
      assert.equal(response.status, 401);
      assert.match(response.headers.get("www-authenticate") ?? "", /^Bearer realm="/);
      assert.equal(
        response.headers.get("x-ms-diagnostics"),
        `3000006;reason="${c.spReason}";category="invalid_client"`,
      );
      assert.deepEqual(await response.json(), { error_description: c.spReason });
      assert.deepEqual(await spStatus(sharePoint), { status: 401, message: c.spReason });
      const graph = await graphFailure(
        graphWith(issuer.issue(person, GRAPH_AUDIENCE, ["User.Read"]).access_token)
          .api("/me")
          .get(),
      );
      assert.equal(graph.statusCode, 401);
      assert.equal(graph.code, "InvalidAuthenticationToken");
      assert.equal(graph.message, c.graphMessage);
      // The same person's own tokens, from the sandbox's tenant and in date, go through.
      assert.equal((await spStatus(await tokenFor(`${origin}/.default`))).status, 200);
    });
  }

  test("a scoped token without a permission the endpoint needs is Graph's 403 Authorization_RequestDenied", async () => {
    const narrow = await tokenFor(`${GRAPH_AUDIENCE}/User.Read`);
    const me = z.object({ id: z.string() }).parse(await graphWith(narrow).api("/me").get());
    const manager = await graphFailure(graphWith(narrow).api(`/users/${me.id}/manager`).get());
    assert.equal(manager.statusCode, 403);
    assert.equal(manager.code, "Authorization_RequestDenied");
    assert.equal(manager.message, "Insufficient privileges to complete the operation.");
    // With the permission the Learn page names, the same call goes through (404: Helen has a manager or not).
    const wide = await tokenFor(`${GRAPH_AUDIENCE}/User.Read.All`);
    const answered = await graphWith(wide)
      .api(`/users/${me.id}/manager`)
      .get()
      .then(
        () => 200,
        (error: unknown) => (error as { statusCode?: number }).statusCode,
      );
    assert.ok(answered === 200 || answered === 404, String(answered));
  });
});
