// The daily job: the same reminder run as `actionplan reminders`, as the Azure Function's timer calls it at
// 08:30 Europe/London, Monday to Friday. The run itself leaves out bank holidays (each plan's nation), sends
// each reminder once (the Reminder Log) and one run at a time (the site's lease), so a second firing on the
// same day, or a coordinator's run meanwhile, sends nothing twice. It then copies the SROs' updates onto
// their actions, as the app may.
import { hostname } from "node:os";
import type { IsoDate } from "../domain/index.ts";
import { createGraphClient } from "../notify/graph-client.ts";
import { activityChannel } from "../notify/reminders/channels.ts";
import { chatChannel } from "../notify/reminders/chat-channel.ts";
import { planCoordinators } from "../notify/reminders/load.ts";
import { TEAMS_LIMITS_PER_SECOND } from "../notify/reminders/pacing.ts";
import { signedInUser } from "../notify/reminders/people.ts";
import { runReminders, type RunSummary } from "../notify/reminders/run.ts";
import { noteSenderSignIn } from "../notify/reminders/sender-sign-in.ts";
import { tabDeepLink, type CardLinks } from "../notify/cards/index.ts";
import { applyPendingUpdates } from "../sharepoint/updates/index.ts";
import { createSharePoint, dataContext, type TokenSource } from "../sharepoint/core/index.ts";
import { listPlans } from "../sharepoint/plans/index.ts";
import { SenderSignInExpired } from "./tokens.ts";

/** The activity type the manifest declares for "the reminder sender must sign in again". */
export const SENDER_EXPIRED_ACTIVITY = "senderSignInExpired";

/** What one day's run is given: where, how cards go, and the tokens (the app's, and the sender's for chat). */
export interface DailyJob {
  siteUrl: string;
  graphUrl: string;
  today: IsoDate;
  links: CardLinks;
  channel: "chat" | "activity";
  coordinator?: string;
  tokens: { sharePoint: TokenSource; graphApp: TokenSource; graphSender: TokenSource | null };
  log: (message: string) => void;
}

/** The run's summary; throws (so the invocation shows as failed) when a delivery failed or none could start. */
export async function runDailyReminders(job: DailyJob): Promise<RunSummary> {
  const ctx = dataContext(createSharePoint({ siteUrl: job.siteUrl, getToken: job.tokens.sharePoint }));
  const app = createGraphClient({ baseUrl: job.graphUrl, getToken: job.tokens.graphApp });
  const plans = await listPlans(ctx);
  const channel =
    job.channel === "activity"
      ? activityChannel(app, job.links, TEAMS_LIMITS_PER_SECOND.activityNotificationPerApp)
      : await senderChannel(
          job,
          app,
          plans.map((p) => p.id),
          ctx,
        );
  const summary = await runReminders({
    ctx,
    graph: app,
    channel,
    plans,
    allPlans: true,
    today: job.today,
    links: job.links,
    ...(job.coordinator === undefined ? {} : { coordinator: job.coordinator }),
    lease: {
      holder: { host: hostname(), pid: process.pid, run: "the daily reminder job (Azure Functions)" },
    },
  });
  job.log(
    `${job.today}: ${String(summary.reminders.length)} reminder(s) due, ${String(summary.sent)} card(s) sent, ${String(summary.failed.length)} failed, ${String(summary.skipped.length)} skipped.`,
  );
  const applied = await applyPendingUpdates(ctx);
  if (applied.actions > 0)
    job.log(`Copied the SROs' latest updates onto ${String(applied.actions)} action(s).`);
  if (summary.failed.length > 0)
    throw new Error(
      `${String(summary.failed.length)} card(s) could not be delivered (${summary.failed.map((f) => `${f.recipient}: ${f.reason}`).join("; ")}); the next run retries them.`,
    );
  return summary;
}

/** The chat channel from the service account; when its sign-in has expired, the coordinators are told. */
async function senderChannel(
  job: DailyJob,
  app: ReturnType<typeof createGraphClient>,
  planIds: string[],
  ctx: ReturnType<typeof dataContext>,
) {
  if (job.tokens.graphSender === null) throw new Error("Chat cards need the service account's token.");
  const delegated = createGraphClient({ baseUrl: job.graphUrl, getToken: job.tokens.graphSender });
  try {
    // Asked first on its own, so an expired sign-in is told apart from Graph refusing the call.
    await job.tokens.graphSender();
  } catch (error) {
    if (!(error instanceof SenderSignInExpired)) throw error;
    await noteSenderSignIn(ctx, { sender: error.sender, at: new Date(), ok: false, why: error.why }, job.log);
    const coordinators = await planCoordinators(ctx, planIds, job.coordinator);
    const told = [...new Set(Object.values(coordinators).filter((c): c is string => c !== null))];
    const feed = activityChannel(app, job.links, TEAMS_LIMITS_PER_SECOND.activityNotificationPerApp);
    for (const coordinator of told) {
      try {
        await feed.prepare(coordinator, null);
        await app.api(`/users/${encodeURIComponent(coordinator)}/teamwork/sendActivityNotification`).post({
          topic: { source: "text", value: "Action plan reminders", webUrl: tabDeepLink(job.links) },
          activityType: SENDER_EXPIRED_ACTIVITY,
          previewText: { content: `No reminders were sent today: ${error.sender} must sign in again.` },
          templateParameters: [{ name: "sender", value: error.sender }],
        });
        job.log(`Told ${coordinator} that ${error.sender} must sign in again.`);
      } catch (alertFailed) {
        // The run fails with the expiry either way; the alert's own failure is said beside it.
        job.log(
          `Could not tell ${coordinator} in Teams (${alertFailed instanceof Error ? alertFailed.message : String(alertFailed)}).`,
        );
      }
    }
    if (told.length === 0) job.log("No coordinator was found to tell; set ACTIONPLAN_COORDINATOR.");
    throw error;
  }
  const sender = await signedInUser(delegated);
  // Recorded for `actionplan doctor`, which warns before the sign-in goes unused for 90 days.
  await noteSenderSignIn(ctx, { sender: sender.upn, at: new Date(), ok: true }, job.log);
  return chatChannel(delegated, { baseUrl: job.graphUrl }, sender);
}
