// Where the tab's SharePoint tokens come from, chosen once at start. In the local Teams host (and in any
// host that answers it for SharePoint) the host's own token through teams-js `authentication.getAuthToken`;
// in a tenant, Nested App Authentication (see naa-token-source.ts). Tokens are kept in memory only: never
// logged, never put in a URL or in storage.
import { authentication } from "@microsoft/teams-js";
import { cachedTokenSource, SignInError, type TokenSource } from "./token-cache.ts";
import type { TabContext } from "./tab-context.ts";

export type { TokenSource } from "./token-cache.ts";

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

/** The token source for where the tab runs. */
export function chooseTokenSource(context: TabContext): TokenSource {
  if (!context.inTeams) {
    return () =>
      Promise.reject(
        new SignInError("Open Action Plan Tracker in Microsoft Teams to sign in and see your actions."),
      );
  }
  // TODO(issue 4, auth): in a tenant, prefer Nested App Authentication when the host recommends it (see
  // naa-token-source.ts); the local host answers getAuthToken with a SharePoint token for the person.
  return hostTokenSource();
}
