import assert from "node:assert/strict";
import { test } from "vitest";
import type { IsoDate } from "../../domain/index.ts";
import type { LastRun } from "../../notify/reminders/lease-item.ts";
import { lastRunFinding } from "./last-run.ts";

const run = (finishedAt: string): LastRun => ({
  finishedAt,
  holder: { who: "the app", host: "func-northbridge", pid: 42, run: "daily reminders" },
});

test.each([
  // Wednesday 9 December 2026, run at 08:31 London time.
  ["2026-12-09T08:31:00Z", "2026-12-09", true, /finished on 9 December 2026 at 08:31 \(UK time\), today$/],
  ["2026-12-08T08:31:00Z", "2026-12-09", true, /, the last working day$/],
  // Monday: Friday's run is the last working day's.
  [
    "2026-12-11T08:31:00Z",
    "2026-12-14",
    true,
    /finished on 11 December 2026 at 08:31 .*the last working day$/,
  ],
  // Tuesday after Easter Monday: Good Friday and Easter Monday are bank holidays, so Thursday's run is the
  // last working day's and Wednesday's too old.
  ["2027-03-25T08:31:00Z", "2027-03-30", true, /the last working day$/],
  ["2027-03-24T08:31:00Z", "2027-03-30", false, /^the daily job has not run since 24 March 2027: check/],
  // Summer time: 23:30 UTC is the next day in London.
  ["2026-07-14T23:30:00Z", "2026-07-15", true, /finished on 15 July 2026 at 00:30 \(UK time\), today$/],
  [
    "2026-12-04T08:31:00Z",
    "2026-12-09",
    false,
    /^the daily job has not run since 4 December 2026: check the Function App's Monitor blade and Application Insights$/,
  ],
])("a run finished at %s, on %s: ok %s", (finishedAt, today, ok, line) => {
  const finding = lastRunFinding(run(finishedAt), today as IsoDate);
  assert.equal(finding.ok, ok, finding.lines.join("\n"));
  assert.match(finding.lines[0] ?? "", line);
});

test("a site never run is a warning, not a failure", () => {
  const finding = lastRunFinding(null, "2026-12-09" as IsoDate);
  assert.equal(finding.ok, true);
  assert.match(finding.warnings?.[0] ?? "", /^the daily job has not run on this site yet/);
});
