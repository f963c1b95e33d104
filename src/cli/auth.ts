// How the CLI gets a SharePoint token. Against the local sandbox (a site on localhost), `--as <upn>` asks the
// sandbox's token endpoint. Against a real tenant it signs in with MSAL for Node: a person through the
// device-code flow (tokens cached on disk, so the next run is silent), or a daemon with a certificate
// (SharePoint refuses app-only tokens obtained with a client secret). Settings come from the environment and
// are checked once, listing everything missing.
import { spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import {
  ConfidentialClientApplication,
  PublicClientApplication,
  type ICachePlugin,
  type TokenCacheContext,
} from "@azure/msal-node";
import { z } from "zod";
import type { TokenSource } from "../sharepoint/core/index.ts";
import { UsageError } from "./command.ts";
import { officerPredicate, settingProblems } from "../lib/zod-words.ts";

/** Whether a site URL points at the local sandbox rather than SharePoint Online. */
export function isSandboxSite(siteUrl: string): boolean {
  const host = new URL(siteUrl).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1";
}

const sandboxTokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() });
const sandboxErrorSchema = z.object({ error_description: z.string() });

/** Graph's scope, as the CLI asks Entra for it. */
const GRAPH_DEFAULT = "https://graph.microsoft.com/.default";

/**
 * Tokens for `upn` from the sandbox at `origin`, for one resource as Entra issues them (`scope`: SharePoint's
 * `<origin>/.default` unless said), fetched once and renewed shortly before they expire.
 */
export function sandboxTokenSource(origin: string, upn: string, scope = `${origin}/.default`): TokenSource {
  return sandboxTokens(origin, { user: upn }, upn, scope);
}

/** App-only tokens from the sandbox for a client id (as `{"app": id}` at /sandbox/token), Graph's unless said. */
export function sandboxAppTokenSource(origin: string, clientId: string, scope = GRAPH_DEFAULT): TokenSource {
  return sandboxTokens(origin, { app: clientId }, `the app ${clientId}`, scope);
}

function sandboxTokens(
  origin: string,
  subject: { user: string } | { app: string },
  who: string,
  scope: string,
): TokenSource {
  let cached: { token: string; renewAt: number } | null = null;
  return async () => {
    if (cached !== null && Date.now() < cached.renewAt) return cached.token;
    const response = await fetch(`${origin}/sandbox/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...subject, scope }),
    });
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const problem = sandboxErrorSchema.safeParse(json);
      throw new UsageError(
        `the sandbox refused a token for '${who}': ${problem.success ? problem.data.error_description : `HTTP ${String(response.status)}`}`,
      );
    }
    const body = sandboxTokenSchema.parse(json);
    cached = { token: body.access_token, renewAt: Date.now() + ((body.expires_in ?? 3600) - 60) * 1000 };
    return body.access_token;
  };
}

/** The settings for signing in to a real tenant, from the environment. */
export const tenantSettingsSchema = z.object({
  ACTIONPLAN_TENANT_ID: z.string().min(1, "the Entra ID tenant id (a GUID) or its domain"),
  ACTIONPLAN_CLIENT_ID: z.uuid("the app registration's Application (client) ID"),
  /** A PEM file holding the app's certificate and its private key: presence means sign in as the app. */
  ACTIONPLAN_CERT_PATH: z.string().min(1).optional(),
  /** SHA-256 thumbprint (hex); worked out from the certificate when absent. */
  ACTIONPLAN_CERT_THUMBPRINT: z
    .string()
    .regex(/^[0-9A-Fa-f:]{64,95}$/, "a SHA-256 thumbprint in hex")
    .optional(),
  ACTIONPLAN_TOKEN_CACHE: z.string().min(1).optional(),
  /**
   * How a person signs in: a device code (default), or the browser on this machine through a loopback
   * redirect, for tenants whose Conditional Access blocks the device-code flow.
   */
  ACTIONPLAN_SIGN_IN: z.enum(["device-code", "browser"], "device-code or browser").default("device-code"),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/** Check the tenant settings, failing with every missing or malformed one named. */
export function readTenantSettings(env: NodeJS.ProcessEnv = process.env): TenantSettings {
  const result = tenantSettingsSchema.safeParse(env, { error: officerPredicate });
  if (result.success) return result.data;
  const problems = settingProblems(result.error.issues);
  throw new UsageError(`signing in to SharePoint Online needs these settings:\n${problems.join("\n")}`);
}

/** MSAL's token cache kept in a file only the user can read, so a person signs in once per machine. */
function fileCache(path: string): ICachePlugin {
  return {
    beforeCacheAccess: (context: TokenCacheContext) => {
      if (existsSync(path)) context.tokenCache.deserialize(readFileSync(path, "utf8"));
      return Promise.resolve();
    },
    afterCacheAccess: (context: TokenCacheContext) => {
      if (context.cacheHasChanged) {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        writeFileSync(path, context.tokenCache.serialize(), { mode: 0o600 });
        chmodSync(path, 0o600);
      }
      return Promise.resolve();
    },
  };
}

/** The certificate credential MSAL needs: the private key and the certificate's SHA-256 thumbprint. */
export function certificateCredential(pem: string, thumbprint?: string) {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem) || !pem.includes("-----BEGIN CERTIFICATE-----"))
    throw new UsageError(
      "ACTIONPLAN_CERT_PATH must be a PEM file holding both the certificate and its private key",
    );
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0] ?? "";
  const sha256 = thumbprint ?? new X509Certificate(certificate).fingerprint256;
  return { thumbprintSha256: sha256.replace(/:/g, "").toUpperCase(), privateKey: pem, x5c: certificate };
}

/** The Entra ID authority MSAL signs in against for a tenant (its id or domain). */
export function authorityOf(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}`;
}

/**
 * App-only tokens for `scopes` from Entra ID, signing in as the app with its certificate (`pem`: the
 * certificate and its private key). The CLI reads the PEM from a file, the daily job from Key Vault.
 */
export function certificateTokenSource(
  settings: Pick<
    TenantSettings,
    "ACTIONPLAN_TENANT_ID" | "ACTIONPLAN_CLIENT_ID" | "ACTIONPLAN_CERT_THUMBPRINT"
  >,
  pem: string,
  scopes: string[],
): TokenSource {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: settings.ACTIONPLAN_CLIENT_ID,
      authority: authorityOf(settings.ACTIONPLAN_TENANT_ID),
      clientCertificate: certificateCredential(pem, settings.ACTIONPLAN_CERT_THUMBPRINT),
    },
  });
  return async () => {
    const result = await app.acquireTokenByClientCredential({ scopes });
    if (result === null) throw new Error("Entra ID returned no token for the app.");
    return result.accessToken;
  };
}

/**
 * A token source for SharePoint Online: app-only with a certificate when ACTIONPLAN_CERT_PATH is set,
 * otherwise a person signing in with a device code (`loginHint` pre-selects their account).
 */
export function tenantTokenSource(
  siteUrl: string,
  settings: TenantSettings,
  loginHint?: string,
  say: (message: string) => void = (m) => {
    console.error(m);
  },
): TokenSource {
  const authority = authorityOf(settings.ACTIONPLAN_TENANT_ID);
  // `.default` asks for whatever SharePoint permissions the registration was granted (AllSites.Manage and
  // AllSites.FullControl for people, Sites.Selected or Sites.FullControl.All for the app).
  const scopes = [`${new URL(siteUrl).origin}/.default`];
  if (settings.ACTIONPLAN_CERT_PATH !== undefined)
    return certificateTokenSource(
      settings,
      readFileSync(resolve(settings.ACTIONPLAN_CERT_PATH), "utf8"),
      scopes,
    );
  const cachePath = settings.ACTIONPLAN_TOKEN_CACHE ?? join(homedir(), ".actionplan", "msal-cache.json");
  const app = new PublicClientApplication({
    auth: { clientId: settings.ACTIONPLAN_CLIENT_ID, authority },
    cache: { cachePlugin: fileCache(cachePath) },
  });
  return async () => {
    const accounts = await app.getTokenCache().getAllAccounts();
    const account =
      accounts.find((a) => loginHint !== undefined && a.username.toLowerCase() === loginHint.toLowerCase()) ??
      (loginHint === undefined ? accounts[0] : undefined);
    if (account !== undefined) {
      const silent = await app.acquireTokenSilent({ account, scopes }).catch(() => null);
      if (silent !== null) return silent.accessToken;
    }
    const result =
      settings.ACTIONPLAN_SIGN_IN === "browser"
        ? await app.acquireTokenInteractive({
            scopes,
            ...(loginHint === undefined ? {} : { loginHint }),
            openBrowser: (url) => {
              say(`Sign in in your browser (opening it now): ${url}`);
              openInBrowser(url);
              return Promise.resolve();
            },
            successTemplate: "Signed in to Action Plan Tracker. You can close this tab.",
            errorTemplate: "Action Plan Tracker could not sign you in: {error}",
          })
        : await app.acquireTokenByDeviceCode({
            scopes,
            deviceCodeCallback: (response) => {
              say(response.message);
            },
          });
    if (result === null) throw new Error("Sign-in was cancelled.");
    return result.accessToken;
  };
}

/** Open a page in this machine's browser; if none opens, the address printed beside it still works. */
function openInBrowser(url: string): void {
  const [command, args]: [string, string[]] =
    process.platform === "win32"
      ? ["cmd", ["/c", "start", '""', url]]
      : [process.platform === "darwin" ? "open" : "xdg-open", [url]];
  spawn(command, args, { stdio: "ignore", detached: true })
    .on("error", () => undefined)
    .unref();
}

/** Whom to act as against the sandbox: `--as`, which the sandbox cannot guess. */
function sandboxPerson(as: string | undefined): string {
  if (as === undefined)
    throw new UsageError(
      "--as <upn> is needed against the sandbox: say whom to act as (see /sandbox/people)",
    );
  return as;
}

/**
 * The token source for a site: the sandbox's own tokens, or MSAL against a real tenant. With `appOnly`, against
 * the sandbox, the sandbox app's own token for `sandboxClientId` (a tenant's app signs in with
 * ACTIONPLAN_CERT_PATH, which the caller checks).
 */
export function tokenSourceFor(
  siteUrl: string,
  as: string | undefined,
  options: { appOnly?: boolean; sandboxClientId?: string } = {},
): TokenSource {
  if (isSandboxSite(siteUrl)) {
    const origin = new URL(siteUrl).origin;
    if (options.appOnly === true)
      return sandboxAppTokenSource(origin, options.sandboxClientId ?? "", `${origin}/.default`);
    return sandboxTokenSource(origin, sandboxPerson(as));
  }
  return tenantTokenSource(siteUrl, readTenantSettings(), as);
}

/**
 * A token source for Microsoft Graph, with the same rules as SharePoint's: against the sandbox, `--as`'s
 * delegated token, or with `appOnly` the sandbox app's own; against a tenant, MSAL asking for
 * https://graph.microsoft.com/.default (a certificate means app-only, else the signed-in person).
 */
export function graphTokenSourceFor(
  siteUrl: string,
  as: string | undefined,
  options: { appOnly?: boolean; sandboxClientId?: string; graphUrl?: string } = {},
): TokenSource {
  if (isSandboxSite(siteUrl)) {
    const origin = new URL(siteUrl).origin;
    if (options.appOnly === true) return sandboxAppTokenSource(origin, options.sandboxClientId ?? "");
    return sandboxTokenSource(origin, sandboxPerson(as), GRAPH_DEFAULT);
  }
  return tenantTokenSource(options.graphUrl ?? "https://graph.microsoft.com", readTenantSettings(), as);
}
