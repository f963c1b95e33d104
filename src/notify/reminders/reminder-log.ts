// The Reminder Log list as the notifier reads and writes it: one item per reminder key (unique), written
// Pending before a send and Sent, Failed or Skipped after. See delivery.ts for how a run uses it.
import { z } from "../../lib/zod.ts";
import type { Reminder } from "../../domain/index.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import {
  allRows,
  type DataContext,
  eq,
  firstPage,
  inOneBatch,
  listOf,
  MAX_PAGE,
  settle,
  valueOf,
} from "../../sharepoint/core/index.ts";
import { DELIVERY_STATUSES, readRows, upnOf } from "../../sharepoint/schema/index.ts";
import { isDuplicateRefusal } from "./lease-item.ts";

/** One of Pending, Sent, Failed, Skipped. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A log item as the notifier needs it. */
export interface LogEntry {
  itemId: number;
  etag: string;
  key: string;
  status: DeliveryStatus | null;
  attempts: number;
  recipientUpn: string | null;
  chatId: string | null;
  digestId: string | null;
  /** When the item was last written (ISO): a Pending entry's message, if sent, is no older. */
  modified: string;
  /**
   * Skipped only because its recipient ran the run (what runs before the fix recorded): never sent, so
   * not done. Such reminders are now left owed, unrecorded, and sent by a run as someone else.
   */
  skippedAsSender: boolean;
}

// The reason those runs recorded (chat-channel.ts, until the sender's own reminders were left owed).
const SKIPPED_AS_SENDER = /they are the sender/i;

const SELECT = [
  "Id",
  "ReminderKey",
  "DeliveryStatus",
  "Attempts",
  "ChatId",
  "DigestId",
  "LastError",
  "Modified",
  "Recipient/Name",
  "Recipient/EMail",
];
const text = z.pipe(
  z.nullish(z.string()),
  z.transform((v: string | null | undefined) => v ?? null),
);
const logRow = z.object({
  Id: z.int(),
  "odata.etag": z.string().check(z.minLength(1)),
  ReminderKey: z.string(),
  DeliveryStatus: z.nullish(z.enum(DELIVERY_STATUSES)),
  Attempts: z.nullish(z.number()),
  ChatId: text,
  DigestId: text,
  LastError: text,
  Modified: z.string(),
  Recipient: z.nullish(z.object({ Name: text, EMail: text })),
});

/**
 * The log entries of the given plans (all of them when `planIds` is absent), each plan one query on the
 * indexed Plan lookup; the whole log is read by Id pages, which SharePoint serves past any threshold.
 */
export async function loadReminderLog(ctx: DataContext, planIds?: readonly string[]): Promise<LogEntry[]> {
  const items = () =>
    listOf(ctx.sp, "reminderLog")
      .items.select(...SELECT)
      .expand("Recipient");
  const queries =
    planIds === undefined
      ? [items().orderBy("Id").top(ctx.pageSize)]
      : planIds.map((id) =>
          items()
            .filter(eq("PlanId", Number(id)))
            .top(MAX_PAGE),
        );
  const rows: unknown[] = [];
  for (const query of queries) rows.push(...(await allRows(ctx.sp, await firstPage(query))));
  // An entry that does not parse is left out (reported in ctx.warnings): its key then looks unsent, and the
  // unique ReminderKey refuses the Pending entry a send would add for it, so it is not sent twice.
  return readRows(logRow, rows, "reminderLog", ctx.warnings, (row) => ({
    itemId: row.Id,
    etag: row["odata.etag"],
    key: row.ReminderKey,
    status: row.DeliveryStatus ?? null,
    attempts: row.Attempts ?? 0,
    recipientUpn: row.Recipient == null ? null : upnOf({ ...row.Recipient, Title: null }),
    chatId: row.ChatId,
    digestId: row.DigestId,
    modified: row.Modified,
    skippedAsSender: row.DeliveryStatus === "Skipped" && SKIPPED_AS_SENDER.test(row.LastError ?? ""),
  }));
}

const withId = z.looseObject({ Id: z.int() });

/** Site user ids (what person columns hold) for UPNs, in one batch; a UPN SharePoint refuses is left out. */
export async function siteUserIds(ctx: DataContext, upns: Iterable<string>): Promise<Map<string, number>> {
  const unique = [...new Set([...upns].map((u) => u.toLowerCase()))];
  const ensured = await inOneBatch(ctx.sp, (sp) =>
    unique.map((upn) => settle(sp.web.ensureUser(`i:0#.f|membership|${upn}`))),
  );
  const ids = new Map<string, number>();
  for (const [i, outcome] of (await Promise.all(ensured)).entries()) {
    const parsed = outcome.ok ? withId.safeParse(outcome.value) : null;
    if (parsed?.success === true) ids.set(unique[i] ?? "", parsed.data.Id);
  }
  return ids;
}

/** What a Pending write records about one reminder. */
export interface PendingWrite {
  reminder: Reminder;
  recipientId: number | null;
  chatId: string | null;
  digestId: string;
  /** The entry already in the log (a Failed or interrupted attempt), updated rather than added. */
  existing: LogEntry | undefined;
}

/** What a Pending write claimed: the entries written, and the keys it could not write. */
export interface Claim {
  /** Item ids of the entries written, by key. */
  claimed: Map<string, number>;
  /**
   * Keys another run has: SharePoint refused the new entry as a duplicate of the unique ReminderKey, or
   * the old one had been written since it was read (412).
   */
  taken: string[];
  /** Keys whose write failed for another reason, with the error. */
  failed: { key: string; error: unknown }[];
}

/**
 * Record reminders as Pending (attempts + 1) in one batch, each only if nobody wrote it since we read it: a
 * new key is added (the unique index refuses a second run adding it too) and an old one is updated at its
 * ETag. Says which keys were claimed, which another run has, and which could not be written.
 */
export async function markPending(ctx: DataContext, writes: readonly PendingWrite[]): Promise<Claim> {
  const outcomes = await inOneBatch(ctx.sp, (sp) =>
    writes.map((w) => {
      const r = w.reminder;
      const values = {
        DeliveryStatus: "Pending",
        Attempts: (w.existing?.attempts ?? 0) + 1,
        ChatId: w.chatId,
        DigestId: w.digestId,
      };
      if (w.existing !== undefined) {
        return settle(
          listOf(sp, "reminderLog").items.getById(w.existing.itemId).update(values, w.existing.etag),
        );
      }
      return settle(
        listOf(sp, "reminderLog").items.add({
          Title: `${r.kind} ${r.actionRef} for ${r.recipientUpn}`.slice(0, 255),
          ReminderKey: r.key,
          ReminderKind: r.kind,
          RecipientId: w.recipientId,
          ActionId: Number(r.actionId),
          PlanId: Number(r.planId),
          PeriodId: r.period === null ? null : Number(r.period.id),
          ...values,
        }),
      );
    }),
  );
  const claim: Claim = { claimed: new Map(), taken: [], failed: [] };
  for (const [i, outcome] of (await Promise.all(outcomes)).entries()) {
    const w = writes[i];
    if (w === undefined) continue;
    const key = w.reminder.key;
    if (outcome.ok) {
      claim.claimed.set(key, w.existing?.itemId ?? withId.parse(valueOf(outcome)).Id);
    } else if (
      isDuplicateRefusal(outcome.error) ||
      (outcome.error instanceof RemoteError && outcome.error.isConflict)
    ) {
      claim.taken.push(key);
    } else {
      claim.failed.push({ key, error: outcome.error });
    }
  }
  return claim;
}

/** How a send ended, for the entries it covered. */
export type Outcome =
  | { status: "Sent"; at: string; note?: string }
  | { status: "Failed"; error: string }
  | { status: "Skipped"; reason: string };

/** Record the outcome on the given entries, in one batch; throws if any could not be written. */
export async function markOutcome(
  ctx: DataContext,
  itemIds: readonly number[],
  outcome: Outcome,
): Promise<void> {
  const values =
    outcome.status === "Sent"
      ? { DeliveryStatus: "Sent", SentAt: outcome.at, LastError: outcome.note ?? null }
      : {
          DeliveryStatus: outcome.status,
          LastError: outcome.status === "Failed" ? outcome.error : outcome.reason,
        };
  const results = await inOneBatch(ctx.sp, (sp) =>
    itemIds.map((id) => settle(listOf(sp, "reminderLog").items.getById(id).update(values))),
  );
  for (const result of await Promise.all(results)) valueOf(result);
}

/** Point Pending entries at another chat (the remembered one was stale) before the message is posted. */
export async function setChat(ctx: DataContext, itemIds: readonly number[], chatId: string): Promise<void> {
  const results = await inOneBatch(ctx.sp, (sp) =>
    itemIds.map((id) => settle(listOf(sp, "reminderLog").items.getById(id).update({ ChatId: chatId }))),
  );
  for (const result of await Promise.all(results)) valueOf(result);
}
