// The host's side of the configuration page's save flow in the browser: the settings the page hands over
// are held until the page reports the save succeeded, then kept (for the session, as Teams keeps a channel
// tab's settings) and the channel tab opens at their contentUrl.
import { channelTabSchema, configEffect, type ChannelTab } from "../config-flow.ts";
import type { AppRequest } from "../protocol.ts";

const STORAGE_KEY = "teams-host:channel-tab";

export interface ChannelTabStore {
  saved: () => ChannelTab | null;
  propose: (settings: ChannelTab) => void;
  /** Keep the proposed settings; false when the page proposed none. */
  commit: () => boolean;
}

/** The channel tab's settings, kept in the host page's session storage. */
export function channelTabStore(): ChannelTabStore {
  let pending: ChannelTab | null = null;
  const read = (): ChannelTab | null => {
    try {
      const parsed = channelTabSchema.safeParse(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null"));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  return {
    saved: read,
    propose: (settings) => {
      pending = settings;
    },
    commit: () => {
      if (pending === null) return false;
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(pending));
      pending = null;
      return true;
    },
  };
}

/** Act on a configuration message: enable Save, hold settings, or finish the save. */
export function handleConfigMessage(
  request: AppRequest,
  tabBase: string,
  store: ChannelTabStore,
  on: { setValid: (valid: boolean) => void; saved: () => void; failed: (reason: string) => void },
): void {
  const effect = configEffect(request.func, request.args, tabBase);
  if (effect === null) return;
  switch (effect.kind) {
    case "validity":
      on.setValid(effect.valid);
      return;
    case "settings":
      store.propose(effect.settings);
      return;
    case "invalid-settings":
      on.failed(effect.reason);
      return;
    case "saved":
      if (store.commit()) on.saved();
      else on.failed("the app reported success without giving the tab's settings.");
      return;
    case "save-failed":
      on.failed(effect.reason);
      return;
  }
}
