// The short timer that copies the SROs' progress updates onto their actions as they arrive. SROs cannot
// write actions (SharePoint holds that), so each update is added on its own and every reader overlays the
// ones not yet applied; left to the daily run, that backlog grows all day (a council's SROs post in the last
// days before a deadline) and every read of actions pays for it. The app applies them every two minutes
// instead, so readers overlay only the last minutes' updates. A firing with nothing to apply costs one
// $batch request. Azure Functions runs one instance of a timer at a time (it holds a lease in the
// Function App's storage), so two firings never apply the same updates twice; a firing that overlaps the
// daily run is harmless too, since each update is applied only to the action as read (an ETag), and one
// refused with 412 waits for the next firing.
// Microsoft Learn, "Timer trigger for Azure Functions":
// https://learn.microsoft.com/azure/azure-functions/functions-bindings-timer (NCRONTAB, singleton).
import type { InvocationContext, Timer } from "@azure/functions";
import { applyUpdatesOnce } from "../sharepoint/updates/index.ts";
import { readFunctionSettings } from "./settings.ts";
import { appTokenSource } from "./tokens.ts";

/** Every two minutes (NCRONTAB: second minute hour day month weekday), in UTC; the time of day does not matter. */
export const APPLY_UPDATES_SCHEDULE = "0 */2 * * * *";

/** The timer's handler as Azure Functions calls it: settings checked on every firing, then one pass. */
export async function applyUpdatesTimer(
  _timer: Timer,
  context: InvocationContext,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const settings = readFunctionSettings(env);
  const site = settings.ACTIONPLAN_SITE_URL;
  await applyUpdatesOnce(site, appTokenSource(settings, `${new URL(site).origin}/.default`), (message) => {
    context.log(message);
  });
}
