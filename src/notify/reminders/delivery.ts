// Delivering a run's digests exactly once, with the Reminder Log as the record.
//
// For each digest: make the recipient reachable (chat or app install), then write its reminders to the log
// as Pending (attempts + 1, with the chat id and the digest's id), then send the card marked with the
// digest's id (the attachment id), then write Sent (with SentAt), Failed (with the error) or Skipped (with
// the reason). A reminder counts as done once Sent or Skipped; Failed ones are selected again next run.
//
// A run that stops between Pending and Sent (killed, network gone, SharePoint down) leaves Pending entries.
// The next run settles them before selecting (recoverPending): it looks in the recorded chat for a message
// carrying the recorded digest id since the entry was written. Found: the entry is marked Sent (the send
// happened, only its record was lost), so nothing is sent twice. Not found: the send never happened, so the
// reminder is selected and sent again, so nothing is missed. If Graph cannot be asked, the entry stays
// Pending and is held back this run rather than risk a duplicate. The activity feed cannot be read back
// through Graph, so a Pending activity entry is resent; Teams folds it into the first by its chainId.
//
// Only one run sends at a time (run-lease.ts); should two ever overlap, the Reminder Log's unique key is the
// second line: a Pending entry refused as a duplicate (or written by another run since it was read) means
// another run has that reminder, and this run sends nothing of the digest. The sender's own reminders (you
// cannot chat with yourself) are left owed: nothing is recorded, so the next run by someone else sends them.
import type { ReminderDigest } from "../../domain/index.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import type { DataContext } from "../../sharepoint/core/index.ts";
import type { CardLinks } from "../cards/index.ts";
import { buildDigestCard } from "../cards/index.ts";
import type { DeliveryChannel, Prepared } from "./channels.ts";
import type { Pacer } from "./pacing.ts";
import type { LogEntry, Outcome } from "./reminder-log.ts";
import { markOutcome, markPending, setChat, siteUserIds } from "./reminder-log.ts";
import type { RunLease } from "./run-lease.ts";

/** A recipient a run did not reach, and why. */
export interface NotReached {
  recipient: string;
  reason: string;
  reminders: number;
}

/** What a delivery did. */
export interface DeliveryResult {
  /** Digests delivered. */
  sent: number;
  skipped: NotReached[];
  failed: NotReached[];
  /** Not sent and not recorded, so still owed: the sender's own (the next run as someone else sends them). */
  owed: NotReached[];
}

/** Why the sender's own reminders are owed, in the summary's words. */
export const OWED_TO_SENDER =
  "you ran this run, and Teams has no chat with yourself, so your card was not sent and is not recorded as " +
  "sent: the next run by someone else (the reminder service account, or another coordinator) sends it";

/** What delivery needs; `hooks` let tests stop a run part-way as a crash would. */
export interface DeliveryDeps {
  ctx: DataContext;
  channel: DeliveryChannel;
  links: CardLinks;
  pacer: Pacer;
  /** The run's lease, checked before each card: a run that lost it stops (LeaseLost). */
  lease?: Pick<RunLease, "check">;
  now?: () => Date;
  /** A person's display name by UPN, for the manager digest (falls back to the UPN when unknown). */
  displayName?: (upn: string) => string | undefined;
  hooks?: { beforeSend?: (index: number) => void; afterSend?: (index: number) => void };
}

/**
 * The digest's marker: the same reminders give the same id, so it names this digest in the chat. Web Crypto
 * (in Node and browsers alike), so a coordinator's "Chase now" in the tab runs the same code as the CLI.
 */
export async function digestIdOf(digest: ReminderDigest): Promise<string> {
  const keys = digest.reminders.map((r) => r.key).sort();
  const hash = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(keys.join("\n")));
  return [...new Uint8Array(hash)]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, 32);
}

/** The latest chat id the log records for each recipient (chats are reused, not created again). */
export function knownChats(log: readonly LogEntry[]): Map<string, string> {
  const latest = new Map<string, LogEntry>();
  for (const entry of log) {
    if (entry.chatId === null || entry.recipientUpn === null) continue;
    const seen = latest.get(entry.recipientUpn);
    if (seen === undefined || seen.modified < entry.modified) latest.set(entry.recipientUpn, entry);
  }
  return new Map([...latest].map(([upn, entry]) => [upn, entry.chatId ?? ""]));
}

/** Why Graph would not let us reach someone, when that is about them (skip) rather than about us (fail). */
function skipReason(error: unknown): string | null {
  if (!(error instanceof RemoteError)) return null;
  if (error.status === 403)
    return `no Teams account, or chat or app not allowed for them (Graph 403 ${error.code}: ${error.serviceMessage})`;
  if (error.status === 404) return `not found in the directory (Graph 404 ${error.code})`;
  return null;
}

function describe(error: unknown): string {
  if (error instanceof RemoteError)
    return `${error.service} ${String(error.status)} ${error.code}: ${error.serviceMessage}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Settle Pending entries left by an interrupted run (see the header). Resolves to the keys confirmed sent
 * and the keys still in doubt (to hold back this run).
 */
export async function recoverPending(
  ctx: DataContext,
  channel: DeliveryChannel,
  log: readonly LogEntry[],
): Promise<{ confirmed: string[]; inDoubt: string[] }> {
  const groups = new Map<string, LogEntry[]>();
  for (const entry of log) {
    if (entry.status !== "Pending" || entry.digestId === null) continue;
    const id = `${entry.chatId ?? ""}|${entry.digestId}`;
    groups.set(id, [...(groups.get(id) ?? []), entry]);
  }
  const confirmed: string[] = [];
  const inDoubt: string[] = [];
  for (const entries of groups.values()) {
    const first = entries[0];
    if (first === undefined || first.digestId === null) continue;
    const since = entries.reduce((min, e) => (e.modified < min ? e.modified : min), first.modified);
    try {
      const at = await channel.deliveredAt(first.chatId, first.digestId, since);
      if (at === null || at === undefined) continue;
      await markOutcome(
        ctx,
        entries.map((e) => e.itemId),
        { status: "Sent", at, note: "Confirmed in the chat after an interrupted run." },
      );
      confirmed.push(...entries.map((e) => e.key));
    } catch {
      inDoubt.push(...entries.map((e) => e.key));
    }
  }
  return { confirmed, inDoubt };
}

/** Deliver each digest once, recording every reminder before and after. */
export async function deliverDigests(
  deps: DeliveryDeps,
  digests: readonly ReminderDigest[],
  log: readonly LogEntry[],
): Promise<DeliveryResult> {
  const { ctx, channel } = deps;
  const now = deps.now ?? (() => new Date());
  const result: DeliveryResult = { sent: 0, skipped: [], failed: [], owed: [] };
  const byKey = new Map(log.map((e) => [e.key, e]));
  const chats = knownChats(log);
  const userIds = await siteUserIds(
    ctx,
    digests.map((d) => d.recipientUpn),
  );

  for (const [index, digest] of digests.entries()) {
    const recipient = digest.recipientUpn;
    const count = digest.reminders.length;
    // Never recorded, so never taken for done: a run as someone else selects them again.
    if (channel.sender !== null && recipient.toLowerCase() === channel.sender.toLowerCase()) {
      result.owed.push({ recipient, reason: OWED_TO_SENDER, reminders: count });
      continue;
    }
    deps.lease?.check();
    const digestId = await digestIdOf(digest);
    const claim = (prepared: Prepared | null) =>
      markPending(
        ctx,
        digest.reminders.map((reminder) => ({
          reminder,
          recipientId: userIds.get(recipient) ?? null,
          chatId: prepared?.chatId ?? null,
          digestId,
          existing: byKey.get(reminder.key),
        })),
      );
    // Not reached: skipped when the reason is theirs, failed otherwise; listed, and recorded if it can be.
    const notReached = async (ids: number[], error: unknown) => {
      const skip = skipReason(error);
      const reason = skip ?? describe(error);
      (skip === null ? result.failed : result.skipped).push({ recipient, reason, reminders: count });
      const outcome: Outcome =
        skip === null ? { status: "Failed", error: reason } : { status: "Skipped", reason };
      await markOutcome(ctx, ids, outcome).catch(() => undefined);
    };

    let prepared: Prepared;
    try {
      prepared = await channel.prepare(recipient, chats.get(recipient) ?? null);
    } catch (error) {
      const written = await claim(null).catch(() => null);
      await notReached([...(written?.claimed.values() ?? [])], error);
      continue;
    }

    let written: Awaited<ReturnType<typeof claim>>;
    try {
      written = await claim(prepared);
    } catch (error) {
      result.failed.push({
        recipient,
        reason: `could not record in the Reminder Log: ${describe(error)}`,
        reminders: count,
      });
      continue;
    }
    const ids = [...written.claimed.values()];
    if (written.taken.length > 0 || written.failed.length > 0) {
      // Another run has some of these (or they could not be recorded): this run sends none of the card, and
      // what it did record is Failed, so the next run sends whatever is still owed, in one card.
      const reason =
        written.taken.length > 0
          ? `another run was sending to them at the same moment (the Reminder Log refused ${String(written.taken.length)} of these as already there), so this run sent nothing to them; the next run sends what is still owed`
          : `could not record in the Reminder Log: ${describe(written.failed[0]?.error)}`;
      if (written.taken.length < count) result.failed.push({ recipient, reason, reminders: count });
      else
        result.skipped.push({
          recipient,
          reason: "another run is sending them this card (the Reminder Log already has all of it)",
          reminders: count,
        });
      await markOutcome(ctx, ids, { status: "Failed", error: reason }).catch(() => undefined);
      continue;
    }

    deps.lease?.check();
    deps.hooks?.beforeSend?.(index);
    try {
      const card = buildDigestCard(
        digest,
        deps.links,
        deps.displayName === undefined ? {} : { displayName: deps.displayName },
      );
      await deps.pacer.take(prepared.chatId ?? recipient);
      try {
        await channel.send(digest, card, digestId, prepared);
      } catch (error) {
        // A remembered chat the sender is no longer in, or that is gone: find the right one, record it, retry.
        const stale =
          error instanceof RemoteError && [403, 404].includes(error.status) && chats.has(recipient);
        if (!stale) throw error;
        chats.delete(recipient);
        prepared = await channel.prepare(recipient, null);
        if (prepared.chatId !== null) await setChat(ctx, ids, prepared.chatId);
        await deps.pacer.take(prepared.chatId ?? recipient);
        await channel.send(digest, card, digestId, prepared);
      }
    } catch (error) {
      await notReached(ids, error);
      continue;
    }
    if (prepared.chatId !== null) chats.set(recipient, prepared.chatId);
    result.sent += 1;
    deps.hooks?.afterSend?.(index);
    // Sent, even if this record fails: the entries stay Pending and the next run finds the message.
    await markOutcome(ctx, ids, { status: "Sent", at: now().toISOString() }).catch(() => undefined);
  }
  return result;
}
