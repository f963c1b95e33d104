// The tab's start-up, side by side rather than one after another: from the moment the entry runs, config.json
// (which index.html has already asked for, see its preload) is read while teams-js initialises; once both are
// there the sign-in starts (its MSAL chunk is preloaded by index.html too) and the SharePoint token is asked
// for straight away, while "today" comes from the clock. The first SharePoint request then finds its token
// there or on its way. Started once, by main.tsx before React renders; Boot waits for the result.
import type { IsoDate } from "../../domain/iso-date.ts";
import { loadTabConfig, type TabConfig } from "./config.ts";
import { loadToday } from "./today.ts";
import { chooseTokenSources, type TokenSources } from "./token-source.ts";
import { startTeams } from "./use-teams-context.tsx";

/** What the tab needs before any view. */
export interface StartedTab {
  config: TabConfig;
  today: IsoDate;
  tokens: TokenSources;
}

let started: Promise<StartedTab> | null = null;

function begin(): Promise<StartedTab> {
  const config = loadTabConfig();
  const context = startTeams();
  const today = config.then((c) => loadToday(c.clockUrl));
  const tokens = Promise.all([context, config]).then(([tab, c]) => {
    const sources = chooseTokenSources(tab, c);
    // Asked for now, not when the first view's request needs it: a refusal is reported by that request.
    if (tab.inTeams) sources.sharePoint().catch(() => undefined);
    return sources;
  });
  return Promise.all([config, today, tokens]).then(([c, t, sources]) => ({
    config: c,
    today: t,
    tokens: sources,
  }));
}

/** The tab's start-up, begun on the first call; every later call gets the same promise. */
export function startUp(): Promise<StartedTab> {
  started ??= begin();
  return started;
}
