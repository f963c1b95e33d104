// Nested App Authentication (NAA): in Teams, MSAL asks the host for the signed-in person's tokens for
// SharePoint and Graph through the bridge teams-js installs, with no sign-in page and no server. Loaded with a
// dynamic import only when the tab runs in a tenant, so the local host and the bundle's entry do not carry it.
//
// From Microsoft Learn, "Nested app authentication" (Teams) and msal-browser's own source:
//   - the client is made with `createNestablePublicClientApplication` after teams-js has initialised (the bridge
//     exists only then); when the host offers no bridge it returns MSAL's standard browser client instead, which
//     is MSAL's documented fallback (a silent sign-in with the person's login hint, then a pop-up);
//   - the account is the one Teams is signed in with: the context's tenant, object id and login hint;
//   - a silent request first; only `InteractionRequiredAuthError` (consent, MFA, conditional access) asks the
//     person, with a pop-up the host draws.
// Tokens stay in MSAL's memory cache: never sessionStorage, never logs (MSAL's logger is given no callback),
// never URLs.
import {
  BrowserCacheLocation,
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import { SignInError } from "./token-cache.ts";

/** Who is signed in to Teams, from its context, and the Entra app the tab signs in as. */
export interface NaaSignIn {
  clientId: string;
  /** The tenant's id from the Teams context; null signs in against "organizations". */
  tenantId: string | null;
  /** The person's Entra object id from the Teams context. */
  userObjectId: string | null;
  loginHint: string | null;
}

/** Asks for a token for the given scopes; renews through MSAL's cache, which refreshes before expiry. */
export type ScopedTokenSource = (scopes: string[]) => Promise<string>;

/** Create the MSAL client for `signIn` and a source of access tokens from it. */
export async function naaTokenSource(signIn: NaaSignIn): Promise<ScopedTokenSource> {
  let pca: IPublicClientApplication;
  try {
    pca = await createNestablePublicClientApplication({
      auth: {
        clientId: signIn.clientId,
        authority: `https://login.microsoftonline.com/${signIn.tenantId ?? "organizations"}`,
        // The page itself: registered as the SPA redirect (with brk-multihub://<domain> for NAA's broker).
        redirectUri: new URL(".", document.baseURI).href,
      },
      cache: { cacheLocation: BrowserCacheLocation.MemoryStorage },
      system: { loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined } },
    });
  } catch {
    throw new SignInError("Teams could not start signing you in. Close the app and open it again.");
  }
  const account = (): AccountInfo | null =>
    pca.getAccount({
      ...(signIn.tenantId === null ? {} : { tenantId: signIn.tenantId }),
      ...(signIn.userObjectId === null || signIn.tenantId === null
        ? {}
        : { homeAccountId: `${signIn.userObjectId}.${signIn.tenantId}` }),
      ...(signIn.loginHint === null ? {} : { loginHint: signIn.loginHint }),
    });

  return async (scopes) => {
    const known = account();
    try {
      const result =
        known === null
          ? await pca.ssoSilent({
              scopes,
              ...(signIn.loginHint === null ? {} : { loginHint: signIn.loginHint }),
            })
          : await pca.acquireTokenSilent({ scopes, account: known });
      return result.accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw signInFailed();
    }
    try {
      const result = await pca.acquireTokenPopup({
        scopes,
        ...(signIn.loginHint === null ? {} : { loginHint: signIn.loginHint }),
      });
      pca.setActiveAccount(result.account);
      return result.accessToken;
    } catch {
      throw signInFailed();
    }
  };
}

// MSAL's errors quote the request (scopes, correlation ids, sometimes the login hint); people get words.
function signInFailed(): SignInError {
  return new SignInError(
    "You are not signed in to SharePoint. If a sign-in window was blocked, allow pop-ups for Teams; then close the app and open it again.",
  );
}
