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
import type { ReminderDigest } from "../../domain/index.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import type { DataContext } from "../../sharepoint/context.ts";
import type { CardLinks } from "../cards/index.ts";
import { buildDigestCard } from "../cards/index.ts";
import type { DeliveryChannel, Prepared } from "./channels.ts";
import { Unreachable } from "./channels.ts";
import type { Pacer } from "./pacing.ts";
import type { LogEntry, Outcome } from "./reminder-log.ts";
import { markOutcome, markPending, setChat, siteUserIds } from "./reminder-log.ts";

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
}

/** What delivery needs; `hooks` let tests stop a run part-way as a crash would. */
export interface DeliveryDeps {
  ctx: DataContext;
  channel: DeliveryChannel;
  links: CardLinks;
  pacer: Pacer;
  now?: () => Date;
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
  if (error instanceof Unreachable) return error.message;
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
  const result: DeliveryResult = { sent: 0, skipped: [], failed: [] };
  const byKey = new Map(log.map((e) => [e.key, e]));
  const chats = knownChats(log);
  const userIds = await siteUserIds(
    ctx,
    digests.map((d) => d.recipientUpn),
  );

  for (const [index, digest] of digests.entries()) {
    const recipient = digest.recipientUpn;
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
      (skip === null ? result.failed : result.skipped).push({
        recipient,
        reason,
        reminders: digest.reminders.length,
      });
      const outcome: Outcome =
        skip === null ? { status: "Failed", error: reason } : { status: "Skipped", reason };
      await markOutcome(ctx, ids, outcome).catch(() => undefined);
    };

    let prepared: Prepared;
    try {
      prepared = await channel.prepare(recipient, chats.get(recipient) ?? null);
    } catch (error) {
      const ids = [...(await claim(null).catch(() => new Map<string, number>())).values()];
      await notReached(ids, error);
      continue;
    }

    let claimed: Map<string, number>;
    try {
      claimed = await claim(prepared);
    } catch (error) {
      result.failed.push({
        recipient,
        reason: `could not record in the Reminder Log: ${describe(error)}`,
        reminders: digest.reminders.length,
      });
      continue;
    }
    // Another run claimed some of these at the same moment: send only ours, or nothing.
    const mine = { ...digest, reminders: digest.reminders.filter((r) => claimed.has(r.key)) };
    const ids = [...claimed.values()];
    if (mine.reminders.length === 0) continue;

    deps.hooks?.beforeSend?.(index);
    try {
      const card = buildDigestCard(mine, deps.links);
      await deps.pacer.take(prepared.chatId ?? recipient);
      try {
        await channel.send(mine, card, digestId, prepared);
      } catch (error) {
        // A remembered chat the sender is no longer in, or that is gone: find the right one, record it, retry.
        const stale =
          error instanceof RemoteError && [403, 404].includes(error.status) && chats.has(recipient);
        if (!stale) throw error;
        chats.delete(recipient);
        prepared = await channel.prepare(recipient, null);
        if (prepared.chatId !== null) await setChat(ctx, ids, prepared.chatId);
        await deps.pacer.take(prepared.chatId ?? recipient);
        await channel.send(mine, card, digestId, prepared);
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
