import { test } from "vitest";
import assert from "node:assert/strict";
import type { ProgressUpdate, Status } from "./types.ts";
import { isoDate } from "./iso-date.ts";
import { deriveStatus, inferReportedStatus, lastDelayedDay, latestReportedStatus } from "./status.ts";

function action(due: string | null, completedOn: string | null = null) {
  return {
    targetDate: { due: due === null ? null : isoDate(due) },
    completedOn: completedOn === null ? null : isoDate(completedOn),
  };
}

test("one month past: Delayed through the same day a month on (or month end), then Overdue", () => {
  const cases = [
    { from: "issue: due 31 May 2024", due: "2024-05-31", months: 1, last: "2024-06-30" },
    { from: "LGA CPC 2023, action 7.1 (Apr-24)", due: "2024-04-30", months: 1, last: "2024-05-31" },
    {
      from: "LGA CPC 2023, action 6.2 (Feb-24, leap year)",
      due: "2024-02-29",
      months: 1,
      last: "2024-03-31",
    },
    { from: "LGA CPC 2023, action 13.8 (10 Apr 2024)", due: "2024-04-10", months: 1, last: "2024-05-10" },
    { from: "day past a shorter month", due: "2024-01-30", months: 1, last: "2024-02-29" },
    { from: "a plan allowing two months", due: "2024-05-31", months: 2, last: "2024-07-31" },
    { from: "a plan allowing none", due: "2024-05-31", months: 0, last: "2024-05-31" },
  ];
  for (const c of cases) assert.equal(lastDelayedDay(isoDate(c.due), c.months), c.last, c.from);
});

test("deriveStatus: completion, then the date rule, then what the SRO reported", () => {
  const cases: {
    from: string;
    due: string | null;
    completedOn?: string;
    today: string;
    reported: Status | null;
    months?: number;
    derived: Status;
    disagrees: boolean;
  }[] = [
    {
      from: "issue: May-24, nothing reported",
      due: "2024-05-31",
      today: "2024-05-31",
      reported: null,
      derived: "Not started",
      disagrees: false,
    },
    {
      from: "issue: May-24, first day late",
      due: "2024-05-31",
      today: "2024-06-01",
      reported: "On target",
      derived: "Delayed",
      disagrees: true,
    },
    {
      from: "issue: May-24, last Delayed day",
      due: "2024-05-31",
      today: "2024-06-30",
      reported: "On target",
      derived: "Delayed",
      disagrees: true,
    },
    {
      from: "issue: May-24, first Overdue day",
      due: "2024-05-31",
      today: "2024-07-01",
      reported: "Delayed",
      derived: "Overdue",
      disagrees: true,
    },
    {
      from: "SRO already says Delayed",
      due: "2024-05-31",
      today: "2024-06-10",
      reported: "Delayed",
      derived: "Delayed",
      disagrees: false,
    },
    {
      from: "SRO warns of delay before the date",
      due: "2024-05-31",
      today: "2024-05-01",
      reported: "Delayed",
      derived: "Delayed",
      disagrees: false,
    },
    {
      from: "LGA CPC 2023, action 2.3 (Mar-24) on 9 Apr",
      due: "2024-03-31",
      today: "2024-04-09",
      reported: "On target",
      derived: "Delayed",
      disagrees: true,
    },
    {
      from: "LGA CPC 2023, action 2.1 (Jan-24, reported Complete)",
      due: "2024-01-31",
      today: "2024-04-09",
      reported: "Completed",
      derived: "Completed",
      disagrees: false,
    },
    {
      from: "LGA CPC 2023, action 6.7 (Dec-23) on 9 Apr",
      due: "2023-12-31",
      today: "2024-04-09",
      reported: "On target",
      derived: "Overdue",
      disagrees: true,
    },
    {
      from: "LGA CPC 2023, action 6.8 (Ongoing)",
      due: null,
      today: "2030-01-01",
      reported: "On target",
      derived: "On target",
      disagrees: false,
    },
    {
      from: "TBC and nothing reported",
      due: null,
      today: "2030-01-01",
      reported: null,
      derived: "Not started",
      disagrees: false,
    },
    {
      from: "closed by the coordinator",
      due: "2024-01-31",
      completedOn: "2024-03-01",
      today: "2024-04-09",
      reported: "On target",
      derived: "Completed",
      disagrees: true,
    },
    {
      from: "completion recorded after today",
      due: "2024-01-31",
      completedOn: "2024-05-01",
      today: "2024-04-09",
      reported: null,
      derived: "Overdue",
      disagrees: false,
    },
    {
      from: "Best Value rule, 3 months",
      due: "2024-01-31",
      today: "2024-04-09",
      reported: null,
      months: 3,
      derived: "Delayed",
      disagrees: false,
    },
  ];
  for (const c of cases) {
    const result = deriveStatus(action(c.due, c.completedOn ?? null), {
      today: isoDate(c.today),
      reported: c.reported,
      overdueAfterMonths: c.months,
    });
    assert.deepEqual(result, { reported: c.reported, derived: c.derived, disagrees: c.disagrees }, c.from);
  }
});

test("latestReportedStatus takes the latest update on or before the day that carries a status", () => {
  const update = (
    id: string,
    actionId: string,
    date: string,
    reportedStatus: Status | null,
  ): ProgressUpdate => ({
    id,
    actionId,
    periodId: null,
    date: isoDate(date),
    text: "",
    reportedStatus,
    percentComplete: null,
    evidenceUrl: null,
  });
  const updates = [
    update("a", "1.1", "2024-01-10", "On target"),
    update("b", "1.1", "2024-03-10", "Delayed"),
    update("c", "1.1", "2024-04-01", null),
    update("d", "1.1", "2024-05-10", "Completed"),
    update("e", "1.2", "2024-04-01", "Completed"),
  ];
  const on = (actionId: string, day: string): Status | null =>
    latestReportedStatus(updates, actionId, isoDate(day));
  assert.equal(on("1.1", "2024-04-09"), "Delayed");
  assert.equal(on("1.1", "2024-05-10"), "Completed");
  assert.equal(on("1.1", "2024-01-09"), null);
  assert.equal(on("9.9", "2024-04-09"), null);
});

test("inferReportedStatus reads completion only where the update plainly says so", () => {
  const cases: { from: string; text: string; status: Status }[] = [
    { from: "LGA CPC 2023, action 15.1", text: "Complete", status: "Completed" },
    {
      from: "LGA CPC 2023, action 2.1",
      text: "Complete - On the 28 th of February the MTFS ... was agreed at Full Council.",
      status: "Completed",
    },
    {
      from: "LGA CPC 2023, action 2.4",
      text: "Complete, there is a clear single narrative in place for the MTFS.",
      status: "Completed",
    },
    {
      from: "LGA CPC 2023, action 6.2",
      text: "Complete Transformation Boards have been rationalised from 6 boards to 3.",
      status: "Completed",
    },
    {
      from: "LGA CPC 2023, action 14.1",
      text: "Completed. Outstanding Annual Governance Statement approved by the Audit Committee.",
      status: "Completed",
    },
    {
      from: "LGA CPC 2023, action 13.8",
      text: "The LBTH submission has been completed.",
      status: "Completed",
    },
    { from: "issue example", text: "complete.", status: "Completed" },
    {
      from: "LGA CPC 2023, action 18.1",
      text: "Communications are developing the People First Campaign linking to culture change. Complete by April 24",
      status: "On target",
    },
    {
      from: "LGA CPC 2023, action 5.1",
      text: "A review has been undertaken and Phase 1 of the restructure complete, savings included in MTFS.",
      status: "On target",
    },
    {
      from: "LGA CPC 2023, action 17.1",
      text: "FOI Review completed Mayor enquiries and complaint reviews underway",
      status: "On target",
    },
    {
      from: "LGA CPC 2023, action 8.1",
      text: "The Corporate Grants Register data capture process has been completed subject to verification from CD's. Assurance mechanisms are being checked.",
      status: "On target",
    },
    {
      from: "LGA CPC 2023, action 16.5",
      text: "A review of the Wi-fi in the building has been completed and no significant issues identified. However, problems with mobile phone connectivity has been confirmed.",
      status: "On target",
    },
    {
      from: "a promise, not a report",
      text: "Complete in June once Cabinet has agreed it",
      status: "On target",
    },
    { from: "hedged", text: "The first phase is now complete.", status: "On target" },
    { from: "negated", text: "Not complete", status: "On target" },
    { from: "past tense, a body", text: "Completed by Full Council in March.", status: "Completed" },
    { from: "past tense, a deadline", text: "Completed by the end of May", status: "On target" },
    {
      from: "LGA CPC 2023, action 6.8",
      text: "Regular engagement taking place with TAB",
      status: "On target",
    },
    { from: "no update yet", text: "   ", status: "Not started" },
  ];
  for (const c of cases) assert.equal(inferReportedStatus(c.text), c.status, c.from);
  assert.equal(inferReportedStatus(null), "Not started");
});
