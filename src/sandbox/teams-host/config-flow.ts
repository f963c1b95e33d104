// The configuration page's save flow, as Teams runs it for a configurable channel tab. Read from
// @microsoft/teams-js 2.58.0 (dist/esm/packages/teams-js/src/public/pages/config.js,
// internal/pagesHelpers.js, internal/communication.js):
//
//   app -> host "settings.setValidityState" args [valid: boolean]               one way (enables Save)
//   app -> host "registerHandler" args ["save"]                                  one way
//   host -> app event { func: "settings.save", args: [{ webhookUrl? }] }         when the person selects Save;
//       teams-js calls the page's registerOnSaveHandler with a SaveEvent (or succeeds itself if none)
//   app -> host "settings.setSettings" args [{ entityId, contentUrl, websiteUrl?, suggestedDisplayName?,
//       removeUrl? }] -> answer [true] | [false, reason]   (sendAndHandleStatusAndReason)
//   app -> host "settings.getSettings" -> answer [settings]                      (sendAndUnwrap)
//   app -> host "settings.save.success" / "settings.save.failure" args [reason?] one way; on success Teams
//       closes the dialog and opens the tab at the saved contentUrl.
import { z } from "zod";

/** A channel tab's saved settings (teams-js `pages.InstanceConfig`), as the host keeps them. */
export const channelTabSchema = z.object({
  entityId: z.string().min(1),
  contentUrl: z.url({ protocol: /^https?$/ }),
  websiteUrl: z.url({ protocol: /^https?$/ }).optional(),
  suggestedDisplayName: z.string().optional(),
  removeUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type ChannelTab = z.infer<typeof channelTabSchema>;

/** What a configuration message asks the host to do. */
export type ConfigEffect =
  | { kind: "validity"; valid: boolean }
  | { kind: "settings"; settings: ChannelTab }
  | { kind: "invalid-settings"; reason: string }
  | { kind: "saved" }
  | { kind: "save-failed"; reason: string };

/** The functions of the save flow this host answers or notes. */
export const CONFIG_FUNCS = new Set([
  "settings.setValidityState",
  "settings.setSettings",
  "settings.getSettings",
  "settings.save.success",
  "settings.save.failure",
]);

/**
 * Whether a saved contentUrl may be framed by this host: the tab's own pages only (Teams frames only the
 * app's valid domains).
 */
export function isTabUrl(url: string, tabBase: string): boolean {
  try {
    const parsed = new URL(url);
    const base = new URL(tabBase);
    return parsed.origin === base.origin && parsed.pathname.startsWith(base.pathname);
  } catch {
    return false;
  }
}

/** The effect of one configuration message, or null when it is not one. */
export function configEffect(func: string, args: readonly unknown[], tabBase: string): ConfigEffect | null {
  switch (func) {
    case "settings.setValidityState":
      return { kind: "validity", valid: args[0] === true };
    case "settings.setSettings": {
      const parsed = channelTabSchema.safeParse(args[0]);
      if (!parsed.success) return { kind: "invalid-settings", reason: "The tab's settings are incomplete." };
      if (!isTabUrl(parsed.data.contentUrl, tabBase))
        return { kind: "invalid-settings", reason: "The tab's contentUrl is not one of the app's pages." };
      return { kind: "settings", settings: parsed.data };
    }
    case "settings.save.success":
      return { kind: "saved" };
    case "settings.save.failure":
      return {
        kind: "save-failed",
        reason: typeof args[0] === "string" ? args[0] : "The app refused to save.",
      };
    default:
      return null;
  }
}

/** The answer the host posts for a configuration request (null for the one-way ones). */
export function configAnswer(
  effect: ConfigEffect | null,
  func: string,
  saved: ChannelTab | null,
): unknown[] | null {
  if (func === "settings.getSettings") return [saved ?? {}];
  if (effect?.kind === "settings") return [true];
  if (effect?.kind === "invalid-settings") return [false, effect.reason];
  return null;
}

/** The event the host sends when the person selects Save. */
export function saveEvent(): { func: "settings.save"; args: [Record<string, never>] } {
  return { func: "settings.save", args: [{}] };
}
