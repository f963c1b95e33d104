// Telling people in Teams of a date-change request or decision, from the tab, as the signed-in person. The
// notifier (and Graph's client) loads only when there is something to send. A notice that cannot be sent
// never undoes the request or decision: the person is told in words whom to tell themselves.
import type { DateChangeNotice } from "../../notify/reminders/browser.ts";
import type { TabConfig } from "./config.ts";
import { describeError } from "./describe-error.ts";
import { notifySettingsOf } from "./notify-settings.ts";
import type { TokenSource } from "./token-source.ts";

export type { DateChangeNotice } from "../../notify/reminders/browser.ts";

/** Send the notice; null when everyone was told, else words saying who was not. */
export async function tellOfDateChange(
  graph: { config: TabConfig; getGraphToken: TokenSource },
  notice: DateChangeNotice,
  recipients: readonly string[],
  who: string,
): Promise<string | null> {
  if (recipients.length === 0) return `${who} could not be told in Teams; please let them know yourself.`;
  try {
    const { notifyDateChange } = await import("../../notify/reminders/browser.ts");
    const result = await notifyDateChange({
      siteUrl: graph.config.siteUrl,
      sandbox: graph.config.clockUrl !== undefined,
      settings: notifySettingsOf(graph.config),
      getToken: graph.getGraphToken,
      notice,
      recipients,
    });
    if (result.failed.length === 0) return null;
    return `${who} could not all be told in Teams (${result.failed.map((f) => f.upn).join(", ")}); please let them know yourself.`;
  } catch (error) {
    return `${who} could not be told in Teams (${describeError(error)}); please let them know yourself.`;
  }
}
