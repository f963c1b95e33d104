// Where the tab's tokens come from, chosen once at start from where it runs and its configuration:
//   - in Teams, when the configuration names the tab's Entra app and the host recommends it, Nested App
//     Authentication (naa-token-source.ts, loaded on demand): tokens for SharePoint and for Graph;
//   - otherwise no token, and the person is told in words why and what to do. Teams SSO's
//     `authentication.getAuthToken` is no way round: its token is issued for the app's own api:// resource,
//     which SharePoint and Graph both refuse (401), and exchanging it needs a server (on-behalf-of) that the
//     app does not have. NAA works in the new Teams on the desktop, the web and mobile;
//   - outside Teams, no token: the person is told to open the app in Teams.
// Tokens are kept in memory only: never logged, never put in a URL or in storage.
import { nestedAppAuth } from "@microsoft/teams-js";
import type { TabConfig } from "./config.ts";
import { SignInError, type TokenSource } from "./token-cache.ts";
import type { ScopedTokenSource } from "./naa-token-source.ts";
import type { TabContext } from "./tab-context.ts";

export type { TokenSource } from "./token-cache.ts";

/** A token source for each service the tab calls. */
export interface TokenSources {
  sharePoint: TokenSource;
  graph: TokenSource;
}

// MSAL loads on demand, and only here; the account is the one Teams is signed in with.
async function naaSources(clientId: string, context: TabContext): Promise<ScopedTokenSource> {
  const naa = await import("./naa-token-source.ts");
  return naa.naaTokenSource({
    clientId,
    tenantId: context.tenantId,
    userObjectId: context.userObjectId,
    loginHint: context.loginHint,
  });
}

function naaRecommended(): boolean {
  try {
    return nestedAppAuth.isNAAChannelRecommended();
  } catch {
    return false;
  }
}

/** The token sources for where the tab runs. */
export function chooseTokenSources(context: TabContext, config: TabConfig): TokenSources {
  if (!context.inTeams) {
    const refuse = () =>
      Promise.reject(
        new SignInError("Open Action Plan Tracker in Microsoft Teams to sign in and see your actions."),
      );
    return { sharePoint: refuse, graph: refuse };
  }
  const auth = config.auth;
  if (auth === undefined || !naaRecommended()) {
    const words =
      auth === undefined
        ? "Action Plan Tracker cannot sign you in: its config.json names no Entra app (auth.clientId). Ask your IT team to set it."
        : "This version of Teams cannot sign Action Plan Tracker in to SharePoint. Open it in the new Teams (desktop, web or mobile), or ask your IT team to update Teams.";
    const refuse = () => Promise.reject(new SignInError(words));
    return { sharePoint: refuse, graph: refuse };
  }
  // Started now, so MSAL loads and initialises while the first screen's other work runs.
  const tokens = naaSources(auth.clientId, context);
  tokens.catch(() => undefined); // reported by the first request that needs a token
  // Callers at the same time share one request (the start-up asks for SharePoint's token before the first
  // view's request does); once it has settled, the next call asks MSAL, which answers from its cache.
  const scoped = (scopes: string[]): TokenSource => {
    let pending: Promise<string> | null = null;
    return () => {
      pending ??= tokens
        .then((source) => source(scopes))
        .finally(() => {
          pending = null;
        });
      return pending;
    };
  };
  return {
    // ".default": the permissions the council's administrator consented to for the app, nothing more.
    sharePoint: scoped([`${new URL(config.siteUrl).origin}/.default`]),
    graph: scoped([`${new URL(config.graphUrl).origin}/.default`]),
  };
}
