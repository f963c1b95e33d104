// One pass of copying the site's pending updates onto their actions, and the same pass on a timer: what the
// Function App's short timer does (src/functions/apply-updates.ts) and what the sandbox does in its place
// (`actionplan sandbox --apply-every`), so readers overlay only the last minutes' updates.
import { createSharePoint, dataContext, type TokenSource } from "../core/index.ts";
import { applyPendingUpdates, type AppliedReport } from "./apply-pending.ts";

/** What the timer writes when it copied anything; nothing is written when there was nothing to copy. */
export const APPLIED_NOTICE = "Progress updates applied";

/** Copy the site's pending updates onto their actions as the app; the report says what moved. */
export async function applyUpdatesOnce(
  siteUrl: string,
  getToken: TokenSource,
  log: (message: string) => void,
): Promise<AppliedReport> {
  const ctx = dataContext(createSharePoint({ siteUrl, getToken }));
  const report = await applyPendingUpdates(ctx);
  if (report.updates > 0 || report.ignored > 0)
    log(
      `${APPLIED_NOTICE}: ${String(report.updates)} update(s) marked applied, ${String(report.actions)} action(s) changed${report.ignored > 0 ? `, ${String(report.ignored)} kept as not the author's to move` : ""}.`,
    );
  return report;
}

/**
 * The same pass every `everyMs`, as the sandbox runs it in place of the Function App (`actionplan sandbox
 * --apply-every`): one pass at a time, a failure said (once until it changes) and tried again at the next tick. `stop` waits for a
 * pass under way.
 */
export function applyUpdatesEvery(
  everyMs: number,
  siteUrl: string,
  getToken: TokenSource,
  log: (message: string) => void,
): { stop: () => Promise<void> } {
  let stopped = false;
  let lastFailure = "";
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = applyUpdatesOnce(siteUrl, getToken, log)
      .then(() => {
        lastFailure = "";
      })
      .catch((error: unknown) => {
        // Said once, not every tick: a site not provisioned yet fails the same way until it is.
        const failure = error instanceof Error ? error.message : String(error);
        if (failure !== lastFailure) log(`Progress updates could not be applied yet: ${failure}`);
        lastFailure = failure;
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  timer = setTimeout(tick, everyMs);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
