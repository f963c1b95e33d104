// What a run waiting for another says on stderr: who holds the site's reminders and until when, once, then
// only when that changes or every 15 seconds, not at every look.
import assert from "node:assert/strict";
import { test } from "vitest";
import type { HeldLease } from "../../notify/reminders/run-lease.ts";
import { leaseProgress } from "./reminders-lease.ts";

const held = (who: string): HeldLease => ({
  holder: { who, host: "build-01", pid: 4242, run: "actionplan reminders (every plan)" },
  startedAt: "2026-06-14T08:30:00Z",
  expiresAt: "2026-06-14T08:32:00Z",
});

test("names the holder, its process and the expiry in UK time, then says it is still waiting now and then", () => {
  const lines: string[] = [];
  const onWait = leaseProgress(180, (line) => lines.push(line));
  for (const waited of [0, 2, 4, 6, 8, 10, 12, 14, 16]) onWait(held("ruth@x.gov.uk"), waited);
  assert.deepEqual(lines, [
    "actionplan reminders: another reminder run is sending for this site: ruth@x.gov.uk on build-01 (process 4242), actionplan reminders (every plan), started 14 Jun 2026, 09:30:00. It holds the run until 14 Jun 2026, 09:32:00 (UK time) unless it finishes or renews first; waiting up to 180 s (--wait) and then going ahead.",
    "actionplan reminders: still waiting for that run (16 s of up to 180 s).",
  ]);
});

test("a new holder (another run took it meanwhile) is named at once", () => {
  const lines: string[] = [];
  const onWait = leaseProgress(60, (line) => lines.push(line));
  onWait(held("ruth@x.gov.uk"), 0);
  onWait(held("daniel@x.gov.uk"), 2);
  assert.equal(lines.length, 2);
  assert.match(lines[1] ?? "", /sending for this site: daniel@x\.gov\.uk on build-01/);
});
