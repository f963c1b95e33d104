// The timer's handler as Azure Functions calls it: settings from the app's environment (checked, each
// missing one named), tokens for the tenant, today's date in Europe/London, then the day's run.
import type { InvocationContext, Timer } from "@azure/functions";
import { londonDate } from "../lib/clock.ts";
import type { IsoDate } from "../domain/index.ts";
import { cardLinksOf, readNotifySettings } from "../notify/reminders/settings.ts";
import { runDailyReminders } from "./daily-reminders.ts";
import { keyVault } from "./key-vault.ts";
import { readFunctionSettings } from "./settings.ts";
import { appTokenSource, senderTokenSource } from "./tokens.ts";

/** 08:30 Monday to Friday (NCRONTAB: second minute hour day month weekday), in WEBSITE_TIME_ZONE. */
export const DAILY_SCHEDULE = "0 30 8 * * 1-5";

export async function dailyRemindersTimer(
  _timer: Timer,
  context: InvocationContext,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const settings = readFunctionSettings(env);
  const notify = readNotifySettings(settings.ACTIONPLAN_SITE_URL, false, env);
  const graphUrl = notify.ACTIONPLAN_GRAPH_URL;
  const graphScope = `${new URL(graphUrl).origin}/.default`;
  const vault = settings.ACTIONPLAN_KEY_VAULT_URL;
  await runDailyReminders({
    siteUrl: settings.ACTIONPLAN_SITE_URL,
    graphUrl,
    today: londonDate(new Date()) as IsoDate,
    links: cardLinksOf(notify),
    channel: settings.ACTIONPLAN_CHANNEL,
    ...(notify.ACTIONPLAN_COORDINATOR === undefined ? {} : { coordinator: notify.ACTIONPLAN_COORDINATOR }),
    tokens: {
      sharePoint: appTokenSource(settings, `${new URL(settings.ACTIONPLAN_SITE_URL).origin}/.default`),
      graphApp: appTokenSource(settings, graphScope),
      graphSender:
        settings.ACTIONPLAN_CHANNEL === "chat" && vault !== undefined
          ? senderTokenSource(settings, keyVault(vault, env), graphUrl)
          : null,
    },
    log: (message) => {
      context.log(message);
    },
  });
}
