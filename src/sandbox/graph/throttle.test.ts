import assert from "node:assert/strict";
import { test } from "vitest";
import { TEAMS_LIMITS, TeamsThrottle } from "./throttle.ts";

function clock(start = Date.UTC(2024, 4, 24, 9)): { now: () => Date; advance: (ms: number) => void } {
  let at = start;
  return {
    now: () => new Date(at),
    advance: (ms) => {
      at += ms;
    },
  };
}

test("one message per second per chat: the second waits, a refused request is not counted", () => {
  const time = clock();
  const throttle = new TeamsThrottle(time.now);
  const key = { appId: "app", userId: "u1", resource: "chat-a" };
  assert.deepEqual(throttle.admit("postChatMessage", key), { ok: true });
  time.advance(300);
  assert.deepEqual(throttle.admit("postChatMessage", key), { ok: false, retryAfterSeconds: 1 });
  // Another chat has its own window.
  assert.deepEqual(throttle.admit("postChatMessage", { ...key, resource: "chat-b" }), { ok: true });
  time.advance(700);
  assert.deepEqual(throttle.admit("postChatMessage", key), { ok: true });
});

test("twenty messages per second per app across chats, then 429 until the oldest leaves the window", () => {
  const time = clock();
  const throttle = new TeamsThrottle(time.now);
  const perApp = TEAMS_LIMITS.postChatMessage.find((l) => l.scope === "app")?.max ?? 0;
  assert.equal(perApp, 20);
  for (let i = 0; i < perApp; i++) {
    assert.ok(throttle.admit("postChatMessage", { appId: "app", resource: `chat-${String(i)}` }).ok);
    time.advance(10);
  }
  assert.deepEqual(throttle.admit("postChatMessage", { appId: "app", resource: "chat-x" }), {
    ok: false,
    retryAfterSeconds: 1,
  });
  assert.ok(throttle.admit("postChatMessage", { appId: "other-app", resource: "chat-x" }).ok);
  time.advance(810);
  assert.ok(throttle.admit("postChatMessage", { appId: "app", resource: "chat-x" }).ok);
});

test("activity notifications: five per second per app", () => {
  const time = clock();
  const throttle = new TeamsThrottle(time.now);
  for (let i = 0; i < 5; i++) assert.ok(throttle.admit("sendActivityNotification", { appId: "app" }).ok);
  assert.equal(throttle.admit("sendActivityNotification", { appId: "app" }).ok, false);
  time.advance(1000);
  assert.ok(throttle.admit("sendActivityNotification", { appId: "app" }).ok);
});
