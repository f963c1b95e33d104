// The run lease as `actionplan reminders` shows and keeps it: progress on stderr while it waits for another
// run, and the lease given up on Ctrl+C or SIGTERM (a killed run's lease simply runs out).
import type { HeldLease, RunLease } from "../../notify/reminders/run-lease.ts";
import { describeHolder, ukTime } from "../../notify/reminders/run-lease.ts";

/** How often a wait says it is still waiting, when nothing else changed. */
const PROGRESS_EVERY_SECONDS = 15;

/** A lease's onWait that says on stderr who holds it, when that changes and every 15 s while waiting. */
export function leaseProgress(
  waitSeconds: number,
  say: (line: string) => void = (line) => {
    console.error(line);
  },
): (held: HeldLease, waitedSeconds: number) => void {
  let last: { holder: string; at: number } | null = null;
  return (held, waited) => {
    const holder = `${describeHolder(held)}|${held.expiresAt}`;
    if (last !== null && last.holder === holder && waited - last.at < PROGRESS_EVERY_SECONDS) return;
    const first = last === null || last.holder !== holder;
    last = { holder, at: waited };
    say(
      first
        ? `actionplan reminders: another reminder run is sending for this site: ${describeHolder(held)}. ` +
            `It holds the run until ${ukTime(held.expiresAt)} (UK time) unless it finishes or renews first; ` +
            `waiting up to ${String(waitSeconds)} s (--wait) and then going ahead.`
        : `actionplan reminders: still waiting for that run (${String(Math.round(waited))} s of up to ${String(waitSeconds)} s).`,
    );
  };
}

/**
 * While a run holds its lease, Ctrl+C and SIGTERM give it up before the process ends, so the next run need
 * not wait for it to run out. `done` removes the handlers once the run is over.
 */
export function releaseOnSignals(): { hold: (lease: RunLease) => void; done: () => void } {
  const handlers: [NodeJS.Signals, () => void][] = [];
  return {
    hold: (lease) => {
      for (const [signal, code] of [
        ["SIGINT", 130],
        ["SIGTERM", 143],
      ] as const) {
        const handler = () => {
          void lease.release().finally(() => process.exit(code));
        };
        process.once(signal, handler);
        handlers.push([signal, handler]);
      }
    },
    done: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}
