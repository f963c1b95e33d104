// The host's answers have the shapes teams-js 2.58 reads (see protocol.ts for the source files).
import assert from "node:assert/strict";
import { test } from "vitest";
import { answer, appRequestSchema, legacyContext, runtimeConfig, type HostState } from "./protocol.ts";

const state: HostState = {
  tenantId: "t-1",
  clientId: "c-1",
  person: { upn: "sro@example.org", id: "u-1", displayName: "An SRO" },
  signIn: "naa",
  theme: "dark",
  frame: "deep-link",
  actionId: "12",
  sessionId: "s-1",
};
const request = (func: string, args: unknown[] = []) =>
  appRequestSchema.parse({ id: 3, uuidAsString: "abc", func, args, timestamp: 1, apiVersionTag: "v2_x" });

test("initialize answers frame context, client type, the SDK version and a v4 runtime config, in Teams' order", async () => {
  const response = await answer(request("initialize", ["2.58.0", 4]), state, () => Promise.resolve(""));
  assert.ok(response !== null);
  assert.equal(response.id, 3);
  assert.equal(response.uuidAsString, "abc");
  const [frame, client, version, config] = response.args;
  assert.equal(frame, "content");
  assert.equal(client, "web");
  // teams-js takes the third as the SDK version only when it is not JSON (appHelpers.js).
  assert.equal(version, "2.58.0");
  assert.throws(() => JSON.parse(version), SyntaxError);
  assert.equal(JSON.parse(String(config)).apiVersion, 4);
  assert.equal(config, runtimeConfig("naa"));
});

test("the runtime config recommends and supports NAA in naa mode, neither in sso mode", async () => {
  const naa = JSON.parse(runtimeConfig("naa"));
  assert.equal(naa.isNAAChannelRecommended, true);
  assert.deepEqual(naa.supports, { pages: { config: {} }, dialog: { url: {} }, nestedAppAuth: {} });
  const sso = JSON.parse(runtimeConfig("sso"));
  assert.equal(sso.isNAAChannelRecommended, false);
  assert.deepEqual(sso.supports, { pages: { config: {} }, dialog: { url: {} } });
  const response = await answer(request("initialize", ["2.58.0", 4]), { ...state, signIn: "sso" }, () =>
    Promise.resolve(""),
  );
  assert.equal(response?.args[3], runtimeConfig("sso"));
});

test("getContext answers the flat context with the deep link's sub-page id", async () => {
  const response = await answer(request("getContext"), state, () => Promise.resolve(""));
  assert.deepEqual(response?.args, [legacyContext(state)]);
  const context = legacyContext(state);
  assert.equal(context.subEntityId, "12");
  assert.equal(context.locale, "en-GB");
  assert.equal(context.theme, "dark");
  assert.equal(context.userPrincipalName, "sro@example.org");
  assert.equal(legacyContext({ ...state, frame: "channel" }).entityId, "dashboard");
  assert.equal(legacyContext({ ...state, frame: "dialog" }).frameContext, "task");
});

test("getAuthToken answers [true, token], or [false, reason] without the cause, in both sign-in modes", async () => {
  assert.deepEqual(
    (await answer(request("authentication.getAuthToken"), state, () => Promise.resolve("tok")))?.args,
    [true, "tok"],
  );
  assert.deepEqual(
    (
      await answer(request("authentication.getAuthToken"), { ...state, signIn: "sso" }, () =>
        Promise.resolve("tok"),
      )
    )?.args,
    [true, "tok"],
  );
  const refused = await answer(request("authentication.getAuthToken"), state, () =>
    Promise.reject(new Error("x")),
  );
  assert.equal(refused?.args[0], false);
});

test("one-way messages and unknown functions get no answer", async () => {
  assert.equal(
    await answer(request("appInitialization.success", ["2.58.0"]), state, () => Promise.resolve("")),
    null,
  );
  assert.equal(await answer(request("pages.navigateToApp"), state, () => Promise.resolve("")), null);
  assert.equal(appRequestSchema.safeParse({ func: "x" }).success, false);
});
