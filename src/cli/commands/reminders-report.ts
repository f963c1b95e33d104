// What `actionplan reminders` prints for a person (without --json): who gets a card, about which actions
// and why, in words rather than rule names, and a last line that says plainly what was (or was not) sent.
import type { RunSummary } from "../../notify/reminders/run.ts";

type Selected = RunSummary["reminders"][number];

const KIND_WORDS: Record<Selected["kind"], string> = {
  "target-near": "target date near",
  "target-passed": "target date passed",
  "update-due": "update due",
  "update-late": "update late",
  "escalation-update": "escalation: update late",
  "escalation-overdue": "escalation: over a month overdue",
};

const ROLE_WORDS: Record<Selected["role"], string> = {
  sro: "SRO",
  delegate: "delegate",
  manager: "manager",
  coordinator: "coordinator",
};

const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeZone: "UTC" });
const SHORT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "Friday 24 May 2024" for an ISO date. */
function day(iso: string, format = DAY): string {
  return format.format(new Date(`${iso}T00:00:00Z`)).replace(",", "");
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}

// Action refs sort as numbers ("2.10" after "2.9").
const byRef = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

function why(r: Selected, today: string): string {
  const period = r.period !== null && r.kind.includes("update") ? ` (${r.period})` : "";
  // A reminder scheduled for an earlier day is a missed run's catch-up; say so, or the date looks wrong.
  const late = r.dueOn < today ? `, due since ${day(r.dueOn, SHORT)}` : "";
  return `${KIND_WORDS[r.kind]}${period}${late}`;
}

function recipientBlock(recipient: string, reminders: Selected[], today: string): string[] {
  const roles = [...new Set(reminders.map((r) => ROLE_WORDS[r.role]))].join(", ");
  const byAction = new Map<string, Selected[]>();
  for (const r of reminders) byAction.set(r.action, [...(byAction.get(r.action) ?? []), r]);
  const refs = [...byAction.keys()].sort(byRef);
  const width = Math.max(...refs.map((ref) => ref.length));
  return [
    `${recipient} (${roles}): ${plural(refs.length, "action")} in one card`,
    ...refs.map(
      (ref) => `  ${ref.padEnd(width)}  ${(byAction.get(ref) ?? []).map((r) => why(r, today)).join("; ")}`,
    ),
  ];
}

/** The run's summary as a person reads it. */
export function formatRunSummary(summary: RunSummary): string {
  const when = day(summary.today);
  const byRecipient = new Map<string, Selected[]>();
  for (const r of summary.reminders)
    byRecipient.set(r.recipient, [...(byRecipient.get(r.recipient) ?? []), r]);
  const lines = [
    summary.dryRun
      ? `Reminders for ${when}: dry run, so nothing is sent and nothing recorded.`
      : `Reminders for ${when}, by Teams ${summary.channel === "activity" ? "activity feed" : "chat"}.`,
  ];
  const already = summary.alreadyReminded.length;
  if (summary.reminders.length === 0) {
    lines.push(
      already === 0
        ? "No reminders are due (any already sent are never sent again)."
        : `No reminders are left to send: ${plural(already, "person", "people")} due one today already had today's card, and a card is never sent twice.`,
    );
  } else if (already > 0) {
    lines.push(
      `${plural(already, "person", "people")} due a reminder today already had today's card and are not sent another.`,
    );
  }
  for (const recipient of [...byRecipient.keys()].sort()) {
    lines.push("", ...recipientBlock(recipient, byRecipient.get(recipient) ?? [], summary.today));
  }
  if (summary.unrouted.length > 0) {
    lines.push("", "Nobody to send these to (fix the plan's SRO posts):");
    for (const u of summary.unrouted) lines.push(`  ${u.actionRef}  ${KIND_WORDS[u.kind]}: ${u.reason}`);
  }
  lines.push("");
  if (summary.recovered > 0) {
    lines.push(`${plural(summary.recovered, "card")} that an interrupted run sent were found and recorded.`);
  }
  const people = plural(byRecipient.size, "person", "people");
  const reminders = plural(summary.reminders.length, "reminder");
  if (byRecipient.size === 0) {
    lines.push("Nothing was sent.");
  } else if (summary.dryRun) {
    lines.push(`Would send one card each to ${people} (${reminders}). Nothing was sent.`);
  } else {
    lines.push(`Sent ${plural(summary.sent, "card")} of ${String(byRecipient.size)} (${reminders}).`);
  }
  for (const s of summary.skipped) lines.push(`Skipped ${s.recipient}: ${s.reason}`);
  // Only the sender's own are owed, so the person reading this is the one owed them.
  for (const o of summary.owed) {
    lines.push(`Owed to you (${o.recipient}), ${plural(o.reminders, "reminder")} listed above: ${o.reason}.`);
  }
  for (const f of summary.failed) lines.push(`FAILED ${f.recipient}: ${f.reason}`);
  if (summary.failed.length > 0) {
    lines.push(`${plural(summary.failed.length, "card")} failed; the next run tries again.`);
  }
  return lines.join("\n");
}
