// Nested App Authentication (NAA) for a real tenant — NOT IMPLEMENTED YET, on purpose kept out of the
// bundle until it is.
//
// What it must do (Microsoft Learn, "Nested app authentication"; msal-browser >= 3.15):
//   1. After teams-js `app.initialize()`, check `nestedAppAuth.isNAAChannelRecommended()`.
//   2. If recommended: `createNestablePublicClientApplication({ auth: { clientId, authority:
//      "https://login.microsoftonline.com/<tenant>" } })`, then `acquireTokenSilent({ scopes:
//      ["https://<tenant>.sharepoint.com/.default"], account })`, falling back to `acquireTokenPopup` on
//      InteractionRequiredAuthError. The account comes from the context's loginHint.
//   3. If not recommended (older hosts): the documented fallback is the Teams SSO token from
//      `authentication.getAuthToken()` exchanged on a backend (on-behalf-of) — which this app does not have —
//      so it would fall back to `authentication.authenticate()` with a popup page running MSAL redirect.
//   4. msal-browser is loaded with a dynamic import so the first screen does not pay for it.
//
// Until then `chooseTokenSource` (token-source.ts) uses the host's token, which the local Teams host
// answers; a real Teams client answers getAuthToken with a token for the app's own resource, which
// SharePoint refuses, so a tenant deployment needs this module first.
export {};
