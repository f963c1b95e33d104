// The timer's handler as Azure Functions calls it: settings from the app's environment (checked, each
// missing one named, on every firing), then, on the firing that is 08:30 in London (schedule.ts), the
// certificate's end date, tokens for the tenant, today's date in Europe/London, and the day's run. The
// notices it writes are what the alert rules in infra/alerts/ look for.
import type { InvocationContext, Timer } from "@azure/functions";
import { londonDate } from "../lib/clock.ts";
import type { IsoDate } from "../domain/index.ts";
import { cardLinksOf, readNotifySettings } from "../notify/reminders/settings.ts";
import { runDailyReminders } from "./daily-reminders.ts";
import { certificateExpiryNotice } from "./certificate.ts";
import { keyVault } from "./key-vault.ts";
import { isLondonRunFiring, RUN_FINISHED_NOTICE, RUN_SKIPPED_NOTICE } from "./schedule.ts";
import { readFunctionSettings } from "./settings.ts";
import { appTokenSource, senderTokenSource } from "./tokens.ts";

export async function dailyRemindersTimer(
  _timer: Timer,
  context: InvocationContext,
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): Promise<void> {
  const settings = readFunctionSettings(env);
  const notify = readNotifySettings(settings.ACTIONPLAN_SITE_URL, false, env);
  if (!isLondonRunFiring(now)) {
    context.log(`${RUN_SKIPPED_NOTICE}: ${now.toISOString()} is not the 08:30 London firing.`);
    return;
  }
  const expiry = certificateExpiryNotice(settings.ACTIONPLAN_CERT_PEM, now);
  if (expiry !== null) context.warn(expiry);
  const today = londonDate(now) as IsoDate;
  const graphUrl = notify.ACTIONPLAN_GRAPH_URL;
  const graphScope = `${new URL(graphUrl).origin}/.default`;
  const vault = settings.ACTIONPLAN_KEY_VAULT_URL;
  await runDailyReminders({
    siteUrl: settings.ACTIONPLAN_SITE_URL,
    graphUrl,
    today,
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
  context.log(`${RUN_FINISHED_NOTICE} for ${today}.`);
}
