// "Chase now" for the tab: the reminders' browser entry with the tab's configuration and the host's token.
// Loaded only when a coordinator confirms, so Graph's client and the reminder rules stay off the first
// screen's bundle. Against the sandbox (the configuration names its clock) the host's token is accepted by
// its Graph; in a tenant this needs a Graph token from Nested App Authentication (not built yet).
import type { IsoDate } from "../../../domain/iso-date.ts";
import { chasePlan as chase, type RunSummary } from "../../../notify/reminders/browser.ts";
import type { DataContext } from "../../../sharepoint/context.ts";
import type { PlanRecord } from "../../../sharepoint/records.ts";
import { loadTabConfig } from "../../lib/config.ts";
import { hostTokenSource } from "../../lib/token-source.ts";

export type { RunSummary } from "../../../notify/reminders/browser.ts";

/** Send the plan's reminders due today as the signed-in coordinator. */
export async function chasePlan(ctx: DataContext, plan: PlanRecord, today: IsoDate): Promise<RunSummary> {
  const config = await loadTabConfig();
  return chase({
    ctx,
    siteUrl: config.siteUrl,
    sandbox: config.clockUrl !== undefined,
    getToken: hostTokenSource(),
    plan,
    today,
  });
}
