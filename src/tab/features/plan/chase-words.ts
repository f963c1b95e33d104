// What "Chase now" says it did, in sentences: the counts, and why nothing went when nothing did (everyone
// owed a reminder today has already had today's card, say), so a second press is not a puzzle.
import type { RunSummary } from "./chase-run.ts";

type Counted = Pick<RunSummary, "sent" | "skipped" | "failed" | "owed" | "alreadyReminded">;

function people(n: number): string {
  return n === 1 ? "1 person" : `${String(n)} people`;
}

/** The first line of the summary: the counts, with the reminded-already ones counted among the skipped. */
export function chaseCounts(summary: Counted): string {
  const already = summary.alreadyReminded.length;
  const skipped = summary.skipped.length + already;
  const why =
    already === 0 ? "" : ` (${already === skipped ? "all" : String(already)} already reminded today)`;
  return `Reminders sent: ${String(summary.sent)}. Skipped: ${String(skipped)}${why}. Failed: ${String(summary.failed.length)}.`;
}

/**
 * Why nothing was sent, when nothing was: everyone owed a reminder today already had today's card, or
 * nobody is owed one today. Null when something was sent or failed (the lists below say what), or when
 * every reminder was skipped for a reason of its own or is the sender's own (each listed with it).
 */
export function nothingSentReason(summary: Counted): string | null {
  // The sender's own reminders (owed) are explained in a line of their own, so they do not stop this one.
  if (summary.sent > 0 || summary.failed.length > 0) return null;
  const already = summary.alreadyReminded.length;
  if (already > 0 && summary.skipped.length === 0) {
    return already === 1
      ? "Nobody was sent another card: the 1 person owed a reminder today has already had today's card, so they were skipped. Each person gets one card a day; the next reminders go out when they are next due."
      : `Nobody was sent another card: all ${people(already)} owed a reminder today have already had today's card, so they were skipped. Each person gets one card a day; the next reminders go out when they are next due.`;
  }
  if (already > 0) {
    return `Nobody was sent another card: ${people(already)} had already had today's card, and the others were skipped for the reasons below.`;
  }
  if (summary.skipped.length === 0 && summary.owed.length === 0) {
    return "Nobody is owed a reminder today: every SRO is up to date, or their next reminder is not due yet.";
  }
  return null;
}
