// The host's answers have the shapes teams-js 2.58 reads (see protocol.ts for the source files).
import assert from "node:assert/strict";
import { test } from "node:test";
import { answer, appRequestSchema, legacyContext, runtimeConfig, type HostState } from "./protocol.ts";

const state: HostState = {
  tenantId: "t-1",
  person: { upn: "sro@example.org", id: "u-1", displayName: "An SRO" },
  theme: "dark",
  frame: "deep-link",
  actionId: "12",
  sessionId: "s-1",
};
const request = (func: string, args: unknown[] = []) =>
  appRequestSchema.parse({ id: 3, uuidAsString: "abc", func, args, timestamp: 1, apiVersionTag: "v2_x" });

test("initialize answers frame context, client type, a v4 runtime config and the SDK version", async () => {
  const response = await answer(request("initialize", ["2.58.0", 4]), state, () => Promise.resolve(""));
  assert.ok(response !== null);
  assert.equal(response.id, 3);
  assert.equal(response.uuidAsString, "abc");
  const [frame, client, config, version] = response.args;
  assert.equal(frame, "content");
  assert.equal(client, "web");
  assert.equal(JSON.parse(String(config)).apiVersion, 4);
  assert.equal(version, "2.58.0");
  assert.deepEqual(JSON.parse(runtimeConfig()).supports, { pages: { config: {} } });
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

test("getAuthToken answers [true, token], or [false, reason] without the cause", async () => {
  assert.deepEqual(
    (await answer(request("authentication.getAuthToken"), state, () => Promise.resolve("tok")))?.args,
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
