// The one place the configuration page talks to teams-js: tell Teams whether Save may be pressed, and on
// Save hand it the tab's settings (teams-js `pages.config`). Outside Teams these do nothing.
import { pages } from "@microsoft/teams-js";
import type { ChannelTabSettings } from "./tab-settings.ts";

/** Whether this page runs in a host that offers the configuration save flow. */
export function canConfigure(inTeams: boolean): boolean {
  return inTeams && pages.config.isSupported();
}

/** Enable or disable the host's Save button. */
export function setValid(valid: boolean): void {
  pages.config.setValidityState(valid);
}

/**
 * On Save, give Teams the settings `current()` returns; Teams is told of success only once it has them,
 * and of failure in words if it refused them.
 */
export function onSave(current: () => ChannelTabSettings | null): void {
  pages.config.registerOnSaveHandler((event) => {
    const settings = current();
    if (settings === null) {
      event.notifyFailure("Choose a plan first.");
      return;
    }
    pages.config.setConfig(settings).then(
      () => {
        event.notifySuccess();
      },
      () => {
        event.notifyFailure("Teams could not save the tab's settings. Please try again.");
      },
    );
  });
}
