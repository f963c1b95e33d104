// The configuration page's save flow answers as teams-js 2.58 reads it (see config-flow.ts for the source).
import assert from "node:assert/strict";
import { test } from "vitest";
import { configAnswer, configEffect, saveEvent } from "./config-flow.ts";
import { answer, appRequestSchema, legacyContext, type HostState } from "./protocol.ts";

const BASE = "http://localhost:4300/tab/";
const settings = {
  entityId: "dashboard-1",
  contentUrl: `${BASE}?view=dashboard&planId=1`,
  websiteUrl: `${BASE}?view=dashboard&planId=1`,
  suggestedDisplayName: "Dashboard: Plan",
};
const state: HostState = {
  tenantId: "t-1",
  clientId: "c-1",
  person: { upn: "c@example.org", id: "u-1", displayName: "A coordinator" },
  signIn: "naa",
  theme: "default",
  frame: "configure",
  actionId: "1",
  sessionId: "s-1",
  tabBase: BASE,
  channelTab: null,
};
const request = (func: string, args: unknown[] = []) => appRequestSchema.parse({ id: 7, func, args });

test("the configuration frame is the settings frame context of a channel", async () => {
  const init = await answer(request("initialize", ["2.58.0", 4]), state, () => Promise.resolve(""));
  assert.equal(init?.args[0], "settings");
  assert.equal(legacyContext(state).frameContext, "settings");
  assert.equal(typeof legacyContext(state).channelId, "string");
});

test("setValidityState and save success/failure are one way; setSettings answers [true] or [false, reason]", async () => {
  assert.deepEqual(configEffect("settings.setValidityState", [true], BASE), {
    kind: "validity",
    valid: true,
  });
  assert.equal(
    await answer(request("settings.setValidityState", [true]), state, () => Promise.resolve("")),
    null,
  );
  assert.equal(await answer(request("settings.save.success"), state, () => Promise.resolve("")), null);
  assert.deepEqual(
    (await answer(request("settings.setSettings", [settings]), state, () => Promise.resolve("")))?.args,
    [true],
  );
  const foreign = { ...settings, contentUrl: "https://evil.example/tab/" };
  assert.equal(configEffect("settings.setSettings", [foreign], BASE)?.kind, "invalid-settings");
  assert.equal(
    configAnswer(configEffect("settings.setSettings", [{}], BASE), "settings.setSettings", null)?.[0],
    false,
  );
  assert.deepEqual(configEffect("settings.save.failure", ["no"], BASE), {
    kind: "save-failed",
    reason: "no",
  });
});

test("getSettings answers the saved settings, and a saved channel tab's context names its entityId", async () => {
  const saved = { ...state, channelTab: settings };
  assert.deepEqual((await answer(request("settings.getSettings"), saved, () => Promise.resolve("")))?.args, [
    settings,
  ]);
  assert.equal(legacyContext({ ...saved, frame: "channel" }).entityId, "dashboard-1");
  assert.deepEqual(saveEvent(), { func: "settings.save", args: [{}] });
});
