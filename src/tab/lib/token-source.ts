// Where the tab's tokens come from, chosen once at start from where it runs and its configuration:
//   - in Teams, when the configuration names the tab's Entra app and the host recommends it, Nested App
//     Authentication (naa-token-source.ts, loaded on demand): tokens for SharePoint and for Graph;
//   - otherwise the host's token through teams-js `authentication.getAuthToken`, Microsoft's documented
//     fallback when NAA is not recommended (the local Teams host answers it with a SharePoint token);
//   - outside Teams, no token: the person is told to open the app in Teams.
// Tokens are kept in memory only: never logged, never put in a URL or in storage.
import { authentication, nestedAppAuth } from "@microsoft/teams-js";
import type { TabConfig } from "./config.ts";
import { cachedTokenSource, SignInError, type TokenSource } from "./token-cache.ts";
import type { ScopedTokenSource } from "./naa-token-source.ts";
import type { TabContext } from "./tab-context.ts";

export type { TokenSource } from "./token-cache.ts";

/** A token source for each service the tab calls. */
export interface TokenSources {
  sharePoint: TokenSource;
  graph: TokenSource;
}

/** The host's token for the signed-in person, through teams-js. */
export function hostTokenSource(): TokenSource {
  return cachedTokenSource(async () => {
    try {
      return await authentication.getAuthToken();
    } catch {
      // teams-js rejects with the host's reason, which can quote the request; people get words instead.
      throw new SignInError("Teams could not sign you in to SharePoint. Close the app and open it again.");
    }
  });
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
    const host = hostTokenSource();
    return { sharePoint: host, graph: host };
  }
  // Started now, so MSAL loads and initialises while the first screen's other work runs.
  const tokens = naaSources(auth.clientId, context);
  tokens.catch(() => undefined); // reported by the first request that needs a token
  const scoped = (scopes: string[]): TokenSource => {
    return async () => (await tokens)(scopes);
  };
  return {
    // ".default": the permissions the council's administrator consented to for the app, nothing more.
    sharePoint: scoped([`${new URL(config.siteUrl).origin}/.default`]),
    graph: scoped([`${new URL(config.graphUrl).origin}/.default`]),
  };
}
