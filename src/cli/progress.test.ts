import assert from "node:assert/strict";
import { afterEach, beforeEach, test, vi } from "vitest";
import { startProgress } from "./progress.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test("on a terminal, work past a second shows a counting line on stderr, wiped at the end", () => {
  const written: string[] = [];
  const progress = startProgress("reminders", { isTTY: true, write: (t: string) => written.push(t) });
  vi.advanceTimersByTime(900);
  assert.equal(written.length, 0, "nothing in the first second");
  vi.advanceTimersByTime(2200);
  assert.deepEqual(
    written.map((t: string) => t.replace("\r\x1b[K", "")),
    [
      "actionplan reminders: still working, 1 s…",
      "actionplan reminders: still working, 2 s…",
      "actionplan reminders: still working, 3 s…",
    ],
  );
  progress.done();
  assert.equal(written[written.length - 1], "\r\x1b[K");
  vi.advanceTimersByTime(5000);
  assert.equal(written.length, 4, "nothing after the end");
});

test("a quick command, or stderr that is a file or pipe, writes nothing", () => {
  const written: string[] = [];
  startProgress("plans", { isTTY: true, write: (t: string) => written.push(t) }).done();
  const piped = startProgress("reminders", { isTTY: false, write: (t: string) => written.push(t) });
  vi.advanceTimersByTime(5000);
  piped.done();
  assert.deepEqual(written, []);
});
