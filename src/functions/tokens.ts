// The daily job's tokens against a tenant. The app signs in with its certificate (SharePoint refuses
// app-only tokens got with a secret) for SharePoint and for Graph's activity feed and people. Chat cards
// need a person's delegated token (Graph posts chat messages for no app), so a licensed service account
// signs in once, interactively, from a device Conditional Access accepts; its MSAL token cache, refresh
// token included, is kept in Key Vault and written back after each run, so the refresh token keeps rolling.
// When it can no longer be refreshed (a password reset, a revoked session, 90 days unused), the run says so
// in words and the coordinators are told (daily-reminders.ts).
import { InteractionRequiredAuthError, PublicClientApplication, type ICachePlugin } from "@azure/msal-node";
import { authorityOf, certificateTokenSource } from "../cli/auth.ts";
import type { TokenSource } from "../sharepoint/core/index.ts";
import type { SecretStore } from "./key-vault.ts";
import type { FunctionSettings } from "./settings.ts";

/** The service account's sign-in can no longer be renewed without the person signing in again. */
export class SenderSignInExpired extends Error {
  constructor(
    readonly sender: string,
    /** Why, in words: no sign-in in the vault, or Entra ID's refusal (its error code). */
    readonly why: string,
  ) {
    super(
      `The reminder service account ${sender} must sign in again (${why}): on a trusted device run \`actionplan reminders --site <site> --as ${sender} --dry-run\` with ACTIONPLAN_TOKEN_CACHE=sender-cache.json, then \`az keyvault secret set --vault-name <vault> --name <ACTIONPLAN_SENDER_CACHE_SECRET> --file sender-cache.json\`.`,
    );
  }
}

/** App-only tokens for one resource (`https://<tenant>.sharepoint.com/.default`, Graph's `.default`). */
export function appTokenSource(settings: FunctionSettings, scope: string): TokenSource {
  return certificateTokenSource(settings, settings.ACTIONPLAN_CERT_PEM, [scope]);
}

/** MSAL's token cache kept in one Key Vault secret: read before each use, written when it changed. */
function vaultCache(store: SecretStore, secret: string): ICachePlugin {
  return {
    async beforeCacheAccess(context) {
      const saved = await store.get(secret);
      if (saved !== null) context.tokenCache.deserialize(saved);
    },
    async afterCacheAccess(context) {
      if (context.cacheHasChanged) await store.set(secret, context.tokenCache.serialize());
    },
  };
}

/** The service account's delegated Graph token, renewed silently from the cache the vault keeps. */
export function senderTokenSource(
  settings: FunctionSettings,
  store: SecretStore,
  graphUrl: string,
): TokenSource {
  const sender = settings.ACTIONPLAN_SENDER_UPN ?? "";
  const secret = settings.ACTIONPLAN_SENDER_CACHE_SECRET ?? "";
  const app = new PublicClientApplication({
    auth: { clientId: settings.ACTIONPLAN_CLIENT_ID, authority: authorityOf(settings.ACTIONPLAN_TENANT_ID) },
    cache: { cachePlugin: vaultCache(store, secret) },
  });
  const scopes = [`${new URL(graphUrl).origin}/.default`];
  return async () => {
    const accounts = await app.getTokenCache().getAllAccounts();
    const account = accounts.find((a) => a.username.toLowerCase() === sender.toLowerCase());
    if (account === undefined)
      throw new SenderSignInExpired(sender, `the vault's secret '${secret}' holds no sign-in for them`);
    try {
      return (await app.acquireTokenSilent({ account, scopes })).accessToken;
    } catch (error) {
      // Only a refusal that needs the person is "sign in again"; a network failure is itself.
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      throw new SenderSignInExpired(sender, `Entra ID refused to renew it: ${error.errorCode}`);
    }
  };
}
