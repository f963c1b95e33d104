// The harness itself: close() fails a file when a page it opened had an uncaught error or reached outside
// the sandbox, and lets through only what that page's `allow` names, so no test file checks for them itself.
import assert from "node:assert/strict";
import type { Frame } from "playwright-core";
import { test } from "vitest";
import { demoCoordinator } from "../../src/sandbox/seed/demo.ts";
import { startE2E } from "./support/harness.ts";

/** In the tab: an uncaught error, and a request to the internet (refused by the harness). */
async function misbehave(tab: Frame): Promise<void> {
  await tab.evaluate(() => {
    setTimeout(() => {
      throw new Error("thrown by the test");
    });
    void fetch("https://example.com/stray").catch(() => undefined);
  });
  await tab.page().waitForTimeout(500);
}

test("close() names each page's uncaught errors and stray requests, except those its allow-list expects", async () => {
  const e2e = await startE2E();
  let closed = false;
  try {
    const user = demoCoordinator();
    await misbehave((await e2e.openHost({ user })).tab);
    await misbehave(
      (
        await e2e.openHost({ user, theme: "dark" }, undefined, {
          errors: [/thrown by the test/],
          requests: [/stray/],
        })
      ).tab,
    );
    closed = true;
    await assert.rejects(e2e.close(), (error: Error) => {
      assert.match(error.message, /pages reached outside the sandbox or had uncaught errors/);
      assert.match(error.message, /thrown by the test/);
      assert.match(error.message, /https:\/\/example\.com\/stray/);
      assert.doesNotMatch(error.message, /dark/, "the page that allows them is not named");
      return true;
    });
  } finally {
    if (!closed) await e2e.close();
  }
});
