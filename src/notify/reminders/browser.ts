// The browser-safe entry to the reminders, for the tab's "Chase now": the same run as `actionplan reminders
// --plan`, sent as the signed-in person through their delegated token (Graph posts chat messages only as a
// person). Nothing here or below reads the process environment or Node's modules.
import type { IsoDate } from "../../domain/iso-date.ts";
import type { DataContext } from "../../sharepoint/core/index.ts";
import type { PlanRecord } from "../../sharepoint/schema/index.ts";
import { createGraphClient } from "../graph-client.ts";
import { chatChannel } from "./chat-channel.ts";
import { signedInUser } from "./people.ts";
import { runReminders, type RunSummary } from "./run.ts";
import type { HeldLease } from "./run-lease.ts";
import { cardLinksOf, readNotifySettings } from "./settings.ts";

export type { RunSummary } from "./run.ts";
export type { HeldLease } from "./run-lease.ts";
export { describeHolder, LeaseLost, RunInProgress, ukTime } from "./run-lease.ts";
// Date-change notices go through the same chat channel as "Chase now".
export { notifyDateChange, type DateChangeNotice, type NoticeResult } from "../date-change-notice.ts";

/**
 * How long "Chase now" waits for another reminder run (the scheduled one, say) before saying who is sending:
 * a coordinator watches the button meanwhile, so less than the CLI's three minutes.
 */
export const CHASE_WAIT_SECONDS = 30;

/** What a chase from the tab is given. */
export interface ChaseInput {
  ctx: DataContext;
  siteUrl: string;
  /** True against the local sandbox: its Graph, catalog app and update form are the defaults. */
  sandbox: boolean;
  /**
   * The settings a tenant needs (ACTIONPLAN_TEAMS_APP_ID, ACTIONPLAN_TEAMS_CATALOG_ID,
   * ACTIONPLAN_UPDATE_FORM_URL…), by their names.
   */
  settings: Record<string, string>;
  /** A delegated Graph token for the signed-in person. */
  getToken: () => Promise<string>;
  plan: PlanRecord;
  today: IsoDate;
  /** Told while another reminder run holds the site's reminders and this one waits for it. */
  onWait?: (held: HeldLease, waitedSeconds: number) => void;
}

/**
 * Send the plan's reminders due today as the signed-in person; the summary says what happened. Holds the
 * site's reminder lease as the CLI's run does (one run at a time), so it throws RunInProgress when another
 * run kept it past CHASE_WAIT_SECONDS.
 */
export async function chasePlan(input: ChaseInput): Promise<RunSummary> {
  // No process environment in a browser: the tab's configuration gives the settings, over the sandbox's
  // defaults; a missing one is named.
  const settings = readNotifySettings(input.siteUrl, input.sandbox, input.settings);
  const graph = createGraphClient({ baseUrl: settings.ACTIONPLAN_GRAPH_URL, getToken: input.getToken });
  const sender = await signedInUser(graph);
  const channel = chatChannel(graph, { baseUrl: settings.ACTIONPLAN_GRAPH_URL }, sender);
  return runReminders({
    ctx: input.ctx,
    graph,
    channel,
    plans: [input.plan],
    allPlans: false,
    today: input.today,
    links: cardLinksOf(settings),
    lease: {
      holder: {
        who: sender.upn,
        host: "the Teams tab",
        pid: null,
        run: `Chase now for "${input.plan.title}"`,
      },
      waitSeconds: CHASE_WAIT_SECONDS,
      ...(input.onWait === undefined ? {} : { onWait: input.onWait }),
    },
  });
}
