// The host answers MSAL's Nested App Authentication requests as Teams does; the answers are checked against
// the shapes msal-browser reads, by running its own NestedAppAuthAdapter (loaded by path: the package does
// not export it) on them.
import assert from "node:assert/strict";
import { test } from "vitest";
import { fileURLToPath } from "node:url";
import { jwtClaims, NAA_ENVIRONMENT, NAA_FUNC, naaResponse, type NaaResponse } from "./naa.ts";
import { answer, appRequestSchema, HOST_SDK_VERSION, type HostResponse, type HostState } from "./protocol.ts";

const CLIENT_ID = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";
const NOW = Date.UTC(2024, 3, 9, 9, 0, 0);
const NOW_SECONDS = NOW / 1000;

const state: HostState = {
  tenantId: "t-1",
  clientId: CLIENT_ID,
  person: { upn: "sro@example.org", id: "u-1", displayName: "Siân O’Brien" },
  signIn: "naa",
  theme: "default",
  frame: "personal",
  actionId: "1",
  sessionId: "s-1",
};

/** A sandbox-like access token: a JWT issued at NOW for 90 minutes. */
const ACCESS_TOKEN = [
  Buffer.from(JSON.stringify({ typ: "JWT", alg: "HS256" })).toString("base64url"),
  Buffer.from(JSON.stringify({ upn: state.person.upn, iat: NOW_SECONDS, exp: NOW_SECONDS + 5400 })).toString(
    "base64url",
  ),
  "c2lnbmF0dXJl",
].join(".");

function execute(method: string, tokenParams?: Record<string, unknown>) {
  // As teams-js posts it (communication.js `L`, after serializeMessageRequest turns uuid into uuidAsString).
  return appRequestSchema.parse({
    id: 7,
    uuidAsString: "u-7",
    func: NAA_FUNC,
    args: [],
    timestamp: NOW,
    apiVersionTag: "v2_nestedAppAuth.execute",
    data: JSON.stringify({
      messageType: "NestedAppAuthRequest",
      method,
      requestId: `r-${method}`,
      sendTime: NOW,
      clientLibrary: "msal.js.browser",
      clientLibraryVersion: "5.30.0",
      ...(tokenParams === undefined ? {} : { tokenParams }),
    }),
  });
}

const tokenParams = (overrides: Record<string, unknown> = {}) => ({
  clientId: CLIENT_ID,
  authority: "https://login.microsoftonline.com/t-1",
  scope: "https://contoso.sharepoint.com/.default",
  correlationId: "corr-1",
  authenticationScheme: "Bearer",
  extraParameters: {},
  ...overrides,
});

/** What teams-js's `D` hands MSAL: args[1], parsed (it drops the message unless messageType matches). */
function naaPayload(response: HostResponse | null): NaaResponse {
  assert.ok(response !== null);
  assert.equal(response.args.length, 2);
  assert.equal(response.args[0], null);
  const text = response.args[1];
  assert.equal(typeof text, "string");
  const payload = JSON.parse(String(text)) as NaaResponse;
  assert.equal(payload.messageType, "NestedAppAuthResponse");
  return payload;
}

async function ask(method: string, params?: Record<string, unknown>, host: HostState = state) {
  const lines: string[] = [];
  const response = await answer(execute(method, params), host, () => Promise.resolve(ACCESS_TOKEN), {
    now: NOW,
    log: (line) => lines.push(line),
  });
  return { response, lines };
}

test("GetInitContext answers the signed-in person's account context, echoing the message's id and uuid", async () => {
  const { response, lines } = await ask("GetInitContext");
  assert.equal(response?.id, 7);
  assert.equal(response.uuidAsString, "u-7");
  assert.deepEqual(naaPayload(response), {
    messageType: "NestedAppAuthResponse",
    requestId: "r-GetInitContext",
    success: true,
    initContext: {
      sdkName: "Action Plan Tracker sandbox host",
      sdkVersion: HOST_SDK_VERSION,
      accountContext: { homeAccountId: "u-1.t-1", environment: NAA_ENVIRONMENT, tenantId: "t-1" },
      capabilities: { queryAccount: false },
    },
  });
  assert.deepEqual(lines, ["Nested app auth: GetInitContext answered."]);
});

test("GetToken answers the host's token, an ID token whose claims decode, the scopes and the account", async () => {
  const { response, lines } = await ask("GetToken", tokenParams({ scope: "User.Read  Sites.ReadWrite.All" }));
  const payload = naaPayload(response);
  assert.equal(payload.success, true);
  assert.equal(payload.requestId, "r-GetToken");
  const token = payload.token;
  assert.ok(token !== undefined);
  assert.equal(token.access_token, ACCESS_TOKEN);
  assert.equal(token.scope, "User.Read Sites.ReadWrite.All");
  assert.equal(token.token_type, "Bearer");
  assert.equal(token.expires_in, 5400, "the access token's own remaining lifetime");
  const claims = jwtClaims(token.id_token);
  assert.deepEqual(claims, {
    aud: CLIENT_ID,
    iss: "https://login.microsoftonline.com/t-1/v2.0",
    iat: NOW_SECONDS,
    nbf: NOW_SECONDS,
    exp: NOW_SECONDS + 5400,
    name: "Siân O’Brien",
    oid: "u-1",
    preferred_username: "sro@example.org",
    sub: "u-1",
    tid: "t-1",
    ver: "2.0",
  });
  assert.deepEqual(payload.account, {
    homeAccountId: "u-1.t-1",
    environment: NAA_ENVIRONMENT,
    tenantId: "t-1",
    username: "sro@example.org",
    localAccountId: "u-1",
    name: "Siân O’Brien",
    idTokenClaims: claims,
  });
  assert.deepEqual(lines, ["Nested app auth: GetToken (User.Read  Sites.ReadWrite.All) answered."]);
  for (const line of lines) {
    assert.ok(!line.includes(ACCESS_TOKEN) && !line.includes(token.id_token), "no token is logged");
    assert.ok(!line.includes(ACCESS_TOKEN.split(".")[1] ?? "-"), "no part of a token is logged");
  }
});

test("GetTokenPopup answers as GetToken does (the sandbox never needs to ask the person)", async () => {
  const payload = naaPayload((await ask("GetTokenPopup", tokenParams())).response);
  assert.equal(payload.success, true);
  assert.equal(payload.token?.access_token, ACCESS_TOKEN);
  assert.equal(payload.token.scope, "https://contoso.sharepoint.com/.default");
});

test("expires_in is what the host says its kept token has left, else the token's lifetime", async () => {
  const kept = await answer(execute("GetToken", tokenParams()), state, () => Promise.resolve(ACCESS_TOKEN), {
    now: NOW,
    expiresIn: () => 1800.6,
  });
  assert.equal(naaPayload(kept).token?.expires_in, 1800);
  assert.equal(jwtClaims(naaPayload(kept).token?.id_token ?? "")?.exp, NOW_SECONDS + 1800);
  const opaque = await answer(execute("GetToken", tokenParams()), state, () => Promise.resolve("opaque"), {
    now: NOW,
  });
  assert.equal(naaPayload(opaque).token?.expires_in, 3599);
});

test("msal-browser's own adapter turns the GetToken answer into an authentication result", async () => {
  const adapterUrl = new URL(
    "../../../node_modules/@azure/msal-browser/dist/naa/mapping/NestedAppAuthAdapter.mjs",
    import.meta.url,
  );
  const decodeUrl = new URL(
    "../../../node_modules/@azure/msal-browser/dist/encode/Base64Decode.mjs",
    import.meta.url,
  );
  const { NestedAppAuthAdapter } = (await import(fileURLToPath(adapterUrl))) as {
    NestedAppAuthAdapter: new (
      clientId: string,
      capabilities: undefined,
      crypto: { base64Decode: (s: string) => string; createNewGuid: () => string },
      logger: unknown,
    ) => {
      fromNaaTokenResponse: (
        request: unknown,
        response: unknown,
        reqTimestamp: number,
      ) => Record<string, unknown>;
    };
  };
  const { base64Decode } = (await import(fileURLToPath(decodeUrl))) as {
    base64Decode: (s: string) => string;
  };
  const adapter = new NestedAppAuthAdapter(
    CLIENT_ID,
    undefined,
    { base64Decode, createNewGuid: () => "g" },
    {},
  );
  const payload = naaPayload((await ask("GetToken", tokenParams())).response);
  const result = adapter.fromNaaTokenResponse(tokenParams(), payload, NOW_SECONDS);
  assert.equal(result.accessToken, ACCESS_TOKEN);
  assert.deepEqual(result.scopes, ["https://contoso.sharepoint.com/.default"]);
  assert.equal(result.tenantId, "t-1");
  assert.equal(result.uniqueId, "u-1");
  assert.deepEqual(result.expiresOn, new Date((NOW_SECONDS + 5400) * 1000));
  const account = result.account as Record<string, unknown>;
  assert.equal(account.homeAccountId, "u-1.t-1");
  assert.equal(account.environment, NAA_ENVIRONMENT);
  assert.equal(account.username, "sro@example.org");
  assert.equal(account.name, "Siân O’Brien");
  assert.equal((result.idTokenClaims as Record<string, unknown>).aud, CLIENT_ID);
});

test("a token for another Entra app, an unknown method or a failed token is refused with a BridgeError", async () => {
  const wrongClient = naaPayload((await ask("GetToken", tokenParams({ clientId: "someone-else" }))).response);
  assert.equal(wrongClient.success, false);
  assert.equal(wrongClient.token, undefined);
  assert.equal(wrongClient.error?.status, "PERSISTENT_ERROR");
  assert.equal(wrongClient.error.code, "unauthorized_client");
  assert.equal(typeof wrongClient.error.subError, "string");
  assert.match(wrongClient.error.description, /AADSTS700016/);

  const unknown = naaPayload((await ask("GetAccountByHomeId")).response);
  assert.equal(unknown.success, false);
  assert.equal(unknown.error?.code, "unsupported_method");

  const noParams = naaPayload((await ask("GetToken")).response);
  assert.equal(noParams.error?.code, "invalid_request");

  const failed = await answer(execute("GetToken", tokenParams()), state, () =>
    Promise.reject(new Error("x")),
  );
  assert.equal(naaPayload(failed).error?.status, "TRANSIENT_ERROR");
});

test("nobody signed in: NAA requests are refused as account unavailable", async () => {
  const response = await naaResponse(
    { messageType: "NestedAppAuthRequest", method: "GetInitContext", requestId: "r" },
    { tenantId: "t-1", clientId: CLIENT_ID, person: null, sdkVersion: HOST_SDK_VERSION },
    () => Promise.resolve(ACCESS_TOKEN),
  );
  assert.equal(response.success, false);
  assert.equal(response.error?.status, "ACCOUNT_UNAVAILABLE");
});

test("in sso mode, and for anything that is not MSAL's request, the host stays silent", async () => {
  const sso: HostState = { ...state, signIn: "sso" };
  let asked = false;
  const token = () => {
    asked = true;
    return Promise.resolve(ACCESS_TOKEN);
  };
  assert.equal(await answer(execute("GetToken", tokenParams()), sso, token), null);
  assert.equal(await answer(execute("GetInitContext"), sso, token), null);
  assert.equal(asked, false, "no token is fetched for an ignored request");
  const notMsal = appRequestSchema.parse({ id: 1, func: NAA_FUNC, args: [], data: '{"messageType":"x"}' });
  assert.equal(await answer(notMsal, state, token), null);
  assert.equal(await answer({ ...notMsal, data: "not json" }, state, token), null);
});
