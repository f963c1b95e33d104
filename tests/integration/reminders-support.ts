// Shared set-up for the reminder tests: the demo plan in a sandbox, a reminder run through the real Graph
// client and PnPjs, and what each person's inbox holds.
import { z } from "zod";
import { sandboxTokenSource } from "../../src/cli/auth.ts";
import type { IsoDate } from "../../src/domain/index.ts";
import type { DailyJob } from "../../src/functions/daily-reminders.ts";
import type { CardLinks } from "../../src/notify/cards/index.ts";
import { createGraphClient } from "../../src/notify/graph-client.ts";
import { activityChannel, type DeliveryChannel } from "../../src/notify/reminders/channels.ts";
import { chatChannel } from "../../src/notify/reminders/chat-channel.ts";
import { TEAMS_LIMITS_PER_SECOND } from "../../src/notify/reminders/pacing.ts";
import { signedInUser } from "../../src/notify/reminders/people.ts";
import { runReminders, type ReminderRun, type RunSummary } from "../../src/notify/reminders/run.ts";
import { cardLinksOf, readNotifySettings, SANDBOX_CLIENT_ID } from "../../src/notify/reminders/settings.ts";
import { demoCoordinator, seedDemo } from "../../src/sandbox/seed/demo.ts";
import type { SandboxOptions } from "../../src/sandbox/server.ts";
import { createSharePoint, dataContext, type DataContext } from "../../src/sharepoint/core/index.ts";
import { listPlans } from "../../src/sharepoint/plans/index.ts";
import { sandboxToken } from "../support/sandbox-token.ts";
import { openSandbox } from "../support/targets.ts";

/** The coordinator who sends the cards in these tests (a site Owner). */
export const SENDER = "siobhan.oconnor@northbridge.gov.uk";
/** The Owner who loads the demo plan, and so its coordinator. */
export const COORDINATOR = demoCoordinator().toLowerCase();

/** A sandbox with the demo plan loaded. */
export async function openDemo(options: Partial<SandboxOptions> = {}) {
  const target = await openSandbox(options);
  const origin = target.sandbox.url;
  // Loaded by the demo coordinator, who therefore coordinates the plan; another Owner sends.
  await seedDemo(target.siteUrl, sandboxTokenSource(origin, COORDINATOR));
  const ctx: DataContext = dataContext(
    createSharePoint({ siteUrl: target.siteUrl, getToken: sandboxTokenSource(origin, SENDER) }),
  );
  const settings = readNotifySettings(target.siteUrl, true, {});
  const graphAs = (getToken: () => Promise<string>) =>
    createGraphClient({ baseUrl: settings.ACTIONPLAN_GRAPH_URL, getToken });
  const delegated = graphAs(sandboxTokenSource(origin, SENDER, "https://graph.microsoft.com/.default"));
  const app = graphAs(() => sandboxToken(origin, { app: SANDBOX_CLIENT_ID }));
  const links = cardLinksOf(settings);
  const limits = {
    perSecond: TEAMS_LIMITS_PER_SECOND.chatMessagePerApp,
    perChatPerSecond: TEAMS_LIMITS_PER_SECOND.chatMessagePerChat,
  };
  const channels = {
    chat: async (): Promise<DeliveryChannel> =>
      chatChannel(
        delegated,
        { baseUrl: settings.ACTIONPLAN_GRAPH_URL },
        await signedInUser(delegated),
        limits,
      ),
    /** Chat messages posted with an app-only token, which Graph refuses. */
    chatAppOnly: async (): Promise<DeliveryChannel> =>
      chatChannel(app, { baseUrl: settings.ACTIONPLAN_GRAPH_URL }, await signedInUser(delegated), limits),
    /** The activity feed, sent as the app; `withLinks` stands in for the settings' (a wrong catalog id, say). */
    activity: (withLinks: CardLinks = links): DeliveryChannel =>
      activityChannel(app, withLinks, TEAMS_LIMITS_PER_SECOND.activityNotificationPerApp),
  };
  const run = async (
    today: string,
    channel: DeliveryChannel | null,
    extra: Partial<ReminderRun> = {},
  ): Promise<RunSummary> =>
    runReminders({
      ctx,
      graph: delegated,
      channel,
      plans: await listPlans(ctx),
      allPlans: true,
      today: today as IsoDate,
      links,
      ...extra,
    });
  return { target, ctx, links, run, channels, close: () => target.close() };
}

const inboxSchema = z.object({
  chats: z.array(
    z.object({
      with: z.array(z.object({ upn: z.string() })),
      messages: z.array(
        z.object({
          from: z.object({ upn: z.string() }).nullable(),
          cards: z.array(z.object({ attachmentId: z.string(), card: z.record(z.string(), z.unknown()) })),
        }),
      ),
    }),
  ),
  activity: z.array(z.object({ activityType: z.string(), previewText: z.string() })),
});

/**
 * A person's inbox from /sandbox/inbox.json. Asked again once when the connection was closed under it: the
 * tests block this process in spawnSync for longer than the sandbox keeps an idle connection (5 s), and the
 * first request after it can take a socket the sandbox has already closed, as any HTTP client may.
 */
export async function inboxOf(origin: string, upn: string) {
  const url = `${origin}/sandbox/inbox.json?user=${encodeURIComponent(upn)}`;
  const response = await fetch(url).catch((error: unknown) => {
    if (!(error instanceof TypeError)) throw error;
    return fetch(url);
  });
  return inboxSchema.parse(await response.json());
}

/** The cards a person received from the sender, newest first. */
export async function cardsFrom(origin: string, upn: string, sender = SENDER) {
  const inbox = await inboxOf(origin, upn);
  return inbox.chats
    .filter((c) => c.with.some((w) => w.upn.toLowerCase() === sender))
    .flatMap((c) => c.messages.filter((m) => m.from?.upn.toLowerCase() === sender))
    .flatMap((m) => m.cards);
}

/** Recipients of a run's selected reminders. */
export function recipientsOf(summary: RunSummary): string[] {
  return [...new Set(summary.reminders.map((r) => r.recipient))].sort();
}

const GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

/** An app-only token for one resource from the sandbox, as the Function App's certificate sign-in gets it. */
function sandboxAppToken(origin: string, scope: string): () => Promise<string> {
  return () => sandboxToken(origin, { app: SANDBOX_CLIENT_ID, scope });
}

/**
 * The daily job's run against the demo sandbox, with a tenant's tokens: the app's own for SharePoint and
 * Graph, and the reminder sender's delegated one for chat.
 */
export function demoDailyJob(
  demo: Awaited<ReturnType<typeof openDemo>>,
  today: string,
  overrides: Partial<DailyJob> = {},
): DailyJob {
  const origin = demo.target.sandbox.url;
  const settings = readNotifySettings(demo.target.siteUrl, true, {});
  return {
    siteUrl: demo.target.siteUrl,
    graphUrl: settings.ACTIONPLAN_GRAPH_URL,
    today: today as IsoDate,
    links: cardLinksOf(settings),
    channel: "chat",
    tokens: {
      sharePoint: sandboxAppToken(origin, `${origin}/.default`),
      graphApp: sandboxAppToken(origin, GRAPH_DEFAULT),
      graphSender: sandboxTokenSource(origin, SENDER, GRAPH_DEFAULT),
    },
    log: () => undefined,
    ...overrides,
  };
}

/** What `actionplan doctor --json` prints. */
export const doctorReportSchema = z.object({
  ok: z.boolean(),
  checks: z.array(
    z.object({
      check: z.string(),
      ok: z.boolean(),
      lines: z.array(z.string()),
      warnings: z.array(z.string()).optional(),
    }),
  ),
});
