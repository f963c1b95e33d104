// "Chase now" for the tab: the reminders' browser entry with the tab's configuration and a Graph token for the
// signed-in coordinator. Loaded only when a coordinator confirms, so Graph's client and the reminder rules stay
// off the first screen's bundle. Against the sandbox (the configuration names its clock) the sandbox's Graph,
// catalog app and update form are the defaults; in a tenant the configuration names the Teams app (its
// manifest id and its catalog id, which the cards' buttons open it by) and the update form (`npm run package`
// writes them), and a missing one is named in the error.
import type { IsoDate } from "../../../domain/iso-date.ts";
import {
  chasePlan as chase,
  describeHolder,
  LeaseLost,
  RunInProgress,
  ukTime,
  type HeldLease,
  type RunSummary,
} from "../../../notify/reminders/browser.ts";
import type { DataContext } from "../../../sharepoint/core/index.ts";
import type { PlanRecord } from "../../../sharepoint/schema/index.ts";
import { ConfigError, type TabConfig } from "../../lib/config.ts";
import { notifySettingsOf } from "../../lib/notify-settings.ts";
import type { TokenSource } from "../../lib/token-source.ts";

export type { RunSummary } from "../../../notify/reminders/browser.ts";
export { notifySettingsOf } from "../../lib/notify-settings.ts";

/** Words for a wait on another reminder run, while "Chase now" waits for it. */
export function waitingNote(held: HeldLease): string {
  return `Waiting for another reminder run to finish: ${describeHolder(held)}, holding it until ${ukTime(held.expiresAt)}.`;
}

/** Words for a chase stopped by another reminder run, or null for any other failure. */
export function chaseStoppedMessage(error: unknown): string | null {
  if (error instanceof RunInProgress)
    return `Reminders are being sent by another run right now: ${describeHolder(error.held)}. It holds them until ${ukTime(error.held.expiresAt)} unless it finishes first. Nothing was sent from here; try again when it has finished (nobody is reminded twice).`;
  if (error instanceof LeaseLost) return `The reminders stopped part-way: ${error.message}`;
  return null;
}

/** Send the plan's reminders due today as the signed-in coordinator (one reminder run at a time). */
export async function chasePlan(
  ctx: DataContext,
  plan: PlanRecord,
  today: IsoDate,
  graph: { config: TabConfig; getGraphToken: TokenSource },
  onWait?: (held: HeldLease) => void,
): Promise<RunSummary> {
  const sandbox = graph.config.clockUrl !== undefined;
  const missing = [
    graph.config.teamsAppId === undefined ? "teamsAppId (the Teams app's manifest id)" : null,
    graph.config.teamsCatalogAppId === undefined
      ? "teamsCatalogAppId (the Teams app's App ID in the Teams admin centre → Manage apps)"
      : null,
    graph.config.updateFormUrl === undefined ? "updateFormUrl (the update form's address)" : null,
  ].filter((problem) => problem !== null);
  // Reminder cards link to the app and its update form; without them "Chase now" sends nothing.
  if (!sandbox && missing.length > 0)
    throw new ConfigError(missing.map((name) => `config.json needs ${name} for "Chase now"`));
  return chase({
    ctx,
    siteUrl: graph.config.siteUrl,
    sandbox,
    settings: notifySettingsOf(graph.config),
    getToken: graph.getGraphToken,
    plan,
    today,
    ...(onWait === undefined ? {} : { onWait }),
  });
}
