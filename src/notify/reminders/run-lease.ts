// One reminder run at a time per site. Before it reads the Reminder Log, a run that sends takes the site's
// lease (the item in Reminder Runs, lease-item.ts): if no run holds it, or the holder's time has run out, it
// writes itself in at the ETag it read, so of two runs that saw it free only one succeeds (SharePoint
// answers the other 412) and the loser goes back to waiting. The very first run on a site adds the item;
// the unique Title refuses a second run adding it too. While it works the run renews the lease every third
// of its length, and before each send it checks it still holds it; at the end (also on failure) it
// releases it. A run that is killed simply stops renewing: its lease runs out and the next run goes ahead.
//
// Clocks: the expiry is written by the holder's clock and read by the waiter's. Hosts keep time by NTP; a
// lease renewed every third of its length stays ahead of a waiter whose clock is up to two thirds of it
// fast, which for the default two minutes is far more than any synchronised clock drifts.
import { RemoteError } from "../../lib/remote-error.ts";
import type { DataContext } from "../../sharepoint/core/index.ts";
import type { LeaseHolder, LeaseItem, LeaseValues } from "./lease-item.ts";
import {
  addLeaseItem,
  deleteLeaseItem,
  isDuplicateRefusal,
  readLeaseItems,
  writeLeaseItem,
} from "./lease-item.ts";

export type { LeaseHolder } from "./lease-item.ts";

/** How long a lease lasts unrenewed: long enough for a stalled request, short enough after a kill. */
export const DEFAULT_LEASE_SECONDS = 120;
/** How long a run waits for another by default: a killed run's whole lease, and a little more. */
export const DEFAULT_WAIT_SECONDS = 180;
const POLL_MS = 2000;

/** What taking the lease needs. */
export interface LeaseOptions {
  holder: LeaseHolder;
  /** How long the lease lasts if it is not renewed (it is renewed every third of this). */
  seconds: number;
  /** How long to wait for a run that holds it before giving up (0: do not wait). */
  waitSeconds: number;
  /** Told while waiting: who holds it, and how long this run has waited so far. */
  onWait?: (held: HeldLease, waitedSeconds: number) => void;
  /** Told when the lease could not be released (it then runs out on its own). */
  onReleaseFailure?: (error: unknown) => void;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/** Another run's hold on the lease, as a waiting run sees it. */
export interface HeldLease {
  holder: LeaseHolder;
  startedAt: string | null;
  expiresAt: string;
}

/** A lease this run holds. */
export interface RunLease {
  /** When it runs out unless renewed (ISO). */
  readonly expiresAt: string;
  /** Throws LeaseLost when this run may no longer send (another run took over, or renewals failed). */
  check(): void;
  /** Give it up (never throws: a lease that cannot be released runs out on its own). */
  release(): Promise<void>;
}

const TIME = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "Europe/London",
});

/** "14 Jun 2026, 09:30:12" (UK time) for an ISO time. */
export function ukTime(iso: string): string {
  return TIME.format(new Date(iso));
}

/** "ruth@… on build-01 (process 4242), actionplan reminders (every plan), started 14 Jun 2026, 09:30:12". */
export function describeHolder(held: Pick<HeldLease, "holder" | "startedAt">): string {
  const { who, host, pid, run } = held.holder;
  const where = pid === null ? host : `${host} (process ${String(pid)})`;
  const since = held.startedAt === null ? "" : `, started ${ukTime(held.startedAt)}`;
  return `${who} on ${where}, ${run}${since}`;
}

/** Another run holds the lease and this one waited as long as it was allowed to. */
export class RunInProgress extends Error {
  constructor(
    readonly held: HeldLease,
    readonly waitedSeconds: number,
  ) {
    super(
      `another reminder run is sending for this site: ${describeHolder(held)}. It holds the run until ` +
        `${ukTime(held.expiresAt)} (UK time) unless it finishes or renews first; ` +
        (waitedSeconds >= 1 ? `waited ${String(Math.round(waitedSeconds))} s. ` : "") +
        "Nothing was sent by this run. Try again once it has finished; reminders it sends are not sent again.",
    );
    this.name = "RunInProgress";
  }
}

/** This run no longer holds the lease, so it stopped before sending more. */
export class LeaseLost extends Error {
  constructor(reason: string) {
    super(
      `this reminder run stopped before sending more: ${reason}. What it sent is in the Reminder Log, and ` +
        "the next run sends the rest (nothing is sent twice).",
    );
    this.name = "LeaseLost";
  }
}

function isHeld(item: LeaseItem, now: Date): item is LeaseItem & { expiresAt: string } {
  return item.expiresAt !== null && Date.parse(item.expiresAt) > now.getTime();
}

function isConflict(error: unknown): boolean {
  return error instanceof RemoteError && error.isConflict;
}

/** Take the site's reminder lease, waiting for another run up to `waitSeconds`; throws RunInProgress. */
export async function acquireRunLease(ctx: DataContext, options: LeaseOptions): Promise<RunLease> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const runId = globalThis.crypto.randomUUID();
  const started = now();
  const deadline = started.getTime() + options.waitSeconds * 1000;
  const valuesAt = (at: Date): LeaseValues => ({
    holder: options.holder,
    startedAt: started.toISOString(),
    expiresAt: new Date(at.getTime() + options.seconds * 1000).toISOString(),
    runId,
  });
  // Each lost race means another run wrote the item; it then holds it, so the loop waits, not spins.
  let races = 0;
  const lostRace = () => {
    races += 1;
    if (races > 50)
      throw new Error("The reminder lease kept changing hands while this run tried to take it.");
  };
  for (;;) {
    const items = await readLeaseItems(ctx);
    const current = items[0];
    if (current === undefined) {
      const values = valuesAt(now());
      try {
        const mine = await addLeaseItem(ctx, values);
        // Read back: the oldest item is the lease, should the Title's uniqueness ever have been lost.
        const after = await readLeaseItems(ctx);
        const first = after[0];
        if (first?.itemId === mine.itemId && first.runId === runId)
          return holding(ctx, options, { itemId: first.itemId, etag: first.etag, values }, valuesAt, now);
        // An older item is the lease: ours is surplus. (Ours first but rewritten: another run took it.)
        const surplus =
          first?.itemId === mine.itemId ? undefined : after.find((i) => i.itemId === mine.itemId);
        if (surplus !== undefined) await deleteLeaseItem(ctx, surplus.itemId, surplus.etag);
      } catch (error) {
        if (!isDuplicateRefusal(error)) throw error;
      }
      lostRace();
      continue;
    }
    const at = now();
    if (!isHeld(current, at)) {
      const values = valuesAt(at);
      try {
        const etag = await writeLeaseItem(ctx, current.itemId, current.etag, values);
        const taken = { itemId: current.itemId, etag: etag ?? (await etagOf(ctx, runId)), values };
        return holding(ctx, options, taken, valuesAt, now);
      } catch (error) {
        if (!isConflict(error) && !(error instanceof LeaseLost)) throw error;
      }
      lostRace();
      continue;
    }
    const held: HeldLease = {
      holder: current.holder,
      startedAt: current.startedAt,
      expiresAt: current.expiresAt,
    };
    const waited = (at.getTime() - started.getTime()) / 1000;
    if (at.getTime() >= deadline) throw new RunInProgress(held, waited);
    options.onWait?.(held, waited);
    const untilExpiry = Date.parse(current.expiresAt) - at.getTime() + 50;
    await sleep(Math.max(50, Math.min(POLL_MS, untilExpiry, deadline - at.getTime())));
  }
}

/** The lease's ETag when a write did not return one: read back, and only if this run still holds it. */
async function etagOf(ctx: DataContext, runId: string): Promise<string> {
  const item = (await readLeaseItems(ctx))[0];
  if (item?.runId !== runId) throw new LeaseLost("another run took the lease at the same moment");
  return item.etag;
}

function holding(
  ctx: DataContext,
  options: LeaseOptions,
  taken: { itemId: number; etag: string; values: LeaseValues },
  valuesAt: (at: Date) => LeaseValues,
  now: () => Date,
): RunLease {
  const { itemId } = taken;
  let { etag } = taken;
  let expiresAt = taken.values.expiresAt;
  let lost: string | null = null;
  let released = false;
  let renewing: Promise<void> | null = null;
  const renewMs = (options.seconds * 1000) / 3;

  const renew = async () => {
    const values = valuesAt(now());
    try {
      const next = await writeLeaseItem(ctx, itemId, etag, values);
      if (next === null) throw new Error("SharePoint returned no ETag for the lease");
      etag = next;
      expiresAt = values.expiresAt;
    } catch (error) {
      // 412: someone wrote the lease since our last renewal, which they may only do once it ran out.
      if (isConflict(error)) lost = "another run took over its lease after it ran out";
      // Anything else: try again at the next tick; check() stops the run if the time runs short.
    }
  };
  const timer = setInterval(() => {
    if (renewing !== null || released || lost !== null) return;
    renewing = renew().finally(() => {
      renewing = null;
    });
  }, renewMs);
  // A run's work keeps a process alive, never its lease timer.
  (timer as { unref?: () => void }).unref?.();

  return {
    get expiresAt() {
      return expiresAt;
    },
    check() {
      if (lost !== null) throw new LeaseLost(lost);
      // Two renewals missed: a send started now might outlast the lease, so stop rather than risk it.
      if (Date.parse(expiresAt) - now().getTime() < renewMs)
        throw new LeaseLost(`its lease could not be renewed and runs out at ${ukTime(expiresAt)}`);
    },
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      await renewing;
      if (lost !== null) return;
      try {
        await writeLeaseItem(ctx, itemId, etag, null);
      } catch (error) {
        if (!isConflict(error)) options.onReleaseFailure?.(error);
      }
    },
  };
}

/** Run `body` holding the site's reminder lease, released afterwards whatever happens. */
export async function withRunLease<T>(
  ctx: DataContext,
  options: LeaseOptions,
  body: (lease: RunLease) => Promise<T>,
): Promise<T> {
  const lease = await acquireRunLease(ctx, options);
  try {
    return await body(lease);
  } finally {
    await lease.release();
  }
}
