// Reminder keys: the reminder log stores them, and a key in the log is never sent again. A key names the
// kind, the action, the period (for update reminders), the day the reminder was scheduled for and the
// recipient, e.g. "update-late|2.3|Q1-2024-25|2024-06-10|jo.bloggs@council.gov.uk".
import type { IsoDate } from "../iso-date.ts";
import type { ReminderKind } from "./types.ts";

/** The parts a reminder key is made of. */
export interface ReminderKeyParts {
  kind: ReminderKind;
  actionId: string;
  periodId: string | null;
  dueOn: IsoDate;
  recipientUpn: string;
}

// "%" and "|" in a part are percent-encoded, so an id containing "|" cannot make two reminders collide,
// while keys stay readable in the log ("@" and "." are left alone).
const part = (text: string) => text.replace(/%/g, "%25").replace(/\|/g, "%7C");

/** The stable key of a reminder (UPNs are case-insensitive, so the recipient is lower-cased). */
export function reminderKey(p: ReminderKeyParts): string {
  return `${occurrenceId(p)}|${part(p.recipientUpn.toLowerCase())}`;
}

/** The key without its recipient: which scheduled reminder it is, whoever received it. */
export function occurrenceId(p: Omit<ReminderKeyParts, "recipientUpn">): string {
  return [p.kind, part(p.actionId), part(p.periodId ?? "-"), p.dueOn].join("|");
}

/**
 * The occurrences already sent, from the log's keys. A reminder counts as sent once anyone received it, so
 * a delegate whose cover starts the day after the holder was reminded is not sent the same reminder again
 * on a catch-up, nor a new manager an escalation their predecessor already had.
 */
export function sentOccurrences(keys: Iterable<string>): Set<string> {
  const sent = new Set<string>();
  for (const key of keys) {
    const cut = key.lastIndexOf("|");
    if (cut > 0) sent.add(key.slice(0, cut));
  }
  return sent;
}
