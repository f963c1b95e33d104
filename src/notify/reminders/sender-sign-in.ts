// When the reminder sender's sign-in last worked, as the daily job records it for `actionplan doctor`. The job
// renews the service account's sign-in from the MSAL cache Key Vault keeps on every chat run; Entra ID refuses
// a refresh token left unused for 90 days, or revoked (https://learn.microsoft.com/entra/identity-platform/
// refresh-tokens), and then nothing is sent until someone signs in again. The record is a second item in the
// Reminder Runs list (Title "sender sign-in"), in the lease's columns, so no column is added:
//   HeldBy     the sender's UPN
//   StartedAt  when the sign-in last renewed (kept as it was when a renewal fails)
//   RunName    "signed in", or "must sign in again: <why>" when the last renewal failed
//   Modified   (SharePoint's) when the last renewal was tried
// The lease reads and writes only its own item (Title "reminders"), so the two never meet (lease-item.ts).
import { z } from "../../lib/zod.ts";
import { type DataContext, eq, listOf } from "../../sharepoint/core/index.ts";
import { isDuplicateRefusal } from "./lease-item.ts";

/** The record's Title in Reminder Runs (the lease's is "reminders"). */
export const SENDER_SIGN_IN_KEY = "sender sign-in";

const SIGNED_IN = "signed in";
const MUST_SIGN_IN = "must sign in again: ";

/** One renewal of the sender's sign-in, as the daily job saw it. */
export type SignInOutcome =
  { sender: string; at: Date; ok: true } | { sender: string; at: Date; ok: false; why: string };

/** The record as read. */
export interface SenderSignIn {
  sender: string;
  /** When the sign-in last renewed (ISO), or null when it never has since recording began. */
  lastSucceededAt: string | null;
  /** Why the last renewal failed, or null when it succeeded. */
  failure: string | null;
  /** When the last renewal was tried (SharePoint's Modified, ISO). */
  triedAt: string;
}

const text = z.pipe(
  z.nullish(z.string()),
  z.transform((v: string | null | undefined) => v ?? null),
);
const row = z.object({
  Id: z.int(),
  Modified: z.string(),
  HeldBy: text,
  RunName: text,
  StartedAt: text,
});

async function readRow(ctx: DataContext): Promise<z.infer<typeof row> | null> {
  const rows: unknown = await listOf(ctx.sp, "reminderRuns")
    .items.select("Id", "Modified", "HeldBy", "RunName", "StartedAt")
    .filter(eq("Title", SENDER_SIGN_IN_KEY))
    .orderBy("Id")
    .top(1)();
  return z.array(row).parse(rows)[0] ?? null;
}

/** The site's record of the sender's last sign-in renewal, or null when no run has recorded one. */
export async function readSenderSignIn(ctx: DataContext): Promise<SenderSignIn | null> {
  const found = await readRow(ctx);
  if (found === null) return null;
  const outcome = found.RunName ?? "";
  const lastSucceededAt =
    found.StartedAt !== null && Number.isFinite(Date.parse(found.StartedAt)) ? found.StartedAt : null;
  return {
    sender: found.HeldBy ?? "the reminder sender",
    lastSucceededAt,
    failure: outcome.startsWith(MUST_SIGN_IN)
      ? outcome.slice(MUST_SIGN_IN.length) || "no reason given"
      : null,
    triedAt: found.Modified,
  };
}

/** Record one renewal: a success moves the last sign-in on; a failure keeps it and says why. */
export async function writeSenderSignIn(ctx: DataContext, outcome: SignInOutcome): Promise<void> {
  const values = {
    HeldBy: outcome.sender.slice(0, 255),
    RunName: (outcome.ok ? SIGNED_IN : `${MUST_SIGN_IN}${outcome.why}`).slice(0, 255),
    ExpiresAt: null,
    ...(outcome.ok ? { StartedAt: outcome.at.toISOString() } : {}),
  };
  const items = listOf(ctx.sp, "reminderRuns").items;
  const existing = await readRow(ctx);
  if (existing !== null) {
    await items.getById(existing.Id).update(values);
    return;
  }
  try {
    await items.add({ Title: SENDER_SIGN_IN_KEY, ...values });
  } catch (error) {
    // Another run added it first (the Title is unique): write over theirs.
    if (!isDuplicateRefusal(error)) throw error;
    const added = await readRow(ctx);
    if (added === null) throw error;
    await items.getById(added.Id).update(values);
  }
}

/**
 * Record one renewal for doctor, never failing the run over it: a record that cannot be written is said in
 * the run's log and the next run writes it.
 */
export async function noteSenderSignIn(
  ctx: DataContext,
  outcome: SignInOutcome,
  log: (message: string) => void,
): Promise<void> {
  try {
    await writeSenderSignIn(ctx, outcome);
  } catch (error) {
    log(
      `Could not record the reminder sender's sign-in in the Reminder Runs list (${error instanceof Error ? error.message : String(error)}); doctor reads the last one recorded.`,
    );
  }
}
