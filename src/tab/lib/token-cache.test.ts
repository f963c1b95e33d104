import assert from "node:assert/strict";
import { test } from "vitest";
import { cachedTokenSource, tokenExpiry } from "./token-cache.ts";

function jwt(exp: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "HS256" })}.${part({ exp })}.sig`;
}

test("a JWT's expiry is read; anything else has none", () => {
  assert.equal(tokenExpiry(jwt(1_700_000_000)), 1_700_000_000_000);
  assert.equal(tokenExpiry("opaque"), null);
  assert.equal(tokenExpiry("a.!!!.c"), null);
});

test("a token is fetched once, shared by concurrent callers, and renewed five minutes before expiry", async () => {
  let now = 1_000_000_000_000;
  let fetched = 0;
  const source = cachedTokenSource(
    () => {
      fetched++;
      return Promise.resolve(jwt(now / 1000 + 3600));
    },
    () => now,
  );
  const [a, b] = await Promise.all([source(), source()]);
  assert.equal(a, b);
  assert.equal(fetched, 1);
  now += 54 * 60 * 1000;
  await source();
  assert.equal(fetched, 1);
  now += 2 * 60 * 1000;
  await source();
  assert.equal(fetched, 2);
});
