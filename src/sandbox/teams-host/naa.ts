// The host's side of Nested App Authentication (NAA), as plain functions so the browser page and the unit
// tests share them. The tab's MSAL (@azure/msal-browser 5.30, createNestablePublicClientApplication) talks
// to `window.nestedAppAuthBridge`, which teams-js 2.58 installs when the runtime config has
// supports.nestedAppAuth. Shapes read from their own source:
//
//   tab -> host  teams-js internal/communication.js `L` (sendNestedAuthRequestToTopWindow): a message
//                { id, uuidAsString, func: "nestedAppAuth.execute", args: [], data, ... } where `data` is
//                the JSON text of MSAL's request (naa/BridgeProxy.mjs buildRequest):
//                { messageType: "NestedAppAuthRequest", method: "GetInitContext" | "GetToken" |
//                  "GetTokenPopup", requestId, sendTime, clientLibrary, clientLibraryVersion, tokenParams? }
//                with tokenParams as in types/naa/TokenRequest.d.ts (clientId, scope: space-separated, ...).
//   host -> tab  communication.js `D` (processAuthBridgeMessage) reads `event.data.args[1]`, parses it, and
//                hands the text to MSAL only when its messageType is "NestedAppAuthResponse"; BridgeProxy's
//                listener then settles the pending request by requestId: `success` resolves it, otherwise
//                it rejects with `error` (a BridgeError: { status, code?, subError?, description? }).
//                The same message also reaches teams-js's ordinary handler `Y`, which looks the id/uuid up
//                among its callbacks, finds none (a NAA request registers none) and drops it.
import { z } from "zod";

/** What the host knows when answering: its tenant, the Entra app the tab must sign in as, who is signed in. */
export interface NaaHost {
  tenantId: string;
  /** The sandbox's Entra app (SANDBOX_CLIENT_ID); requests for any other client id are refused. */
  clientId: string;
  person: { upn: string; id: string; displayName: string } | null;
  sdkVersion: string;
}

export const NAA_FUNC = "nestedAppAuth.execute";
export const NAA_SDK_NAME = "Action Plan Tracker sandbox host";
/** The cloud instance MSAL keys its cache by (AccountContext.environment). */
export const NAA_ENVIRONMENT = "login.microsoftonline.com";
/** Used when the access token's own expiry cannot be read (Entra's tokens last about an hour). */
const FALLBACK_LIFETIME_SECONDS = 3599;

const requestSchema = z.object({
  messageType: z.literal("NestedAppAuthRequest"),
  method: z.string(),
  requestId: z.string().min(1),
  tokenParams: z
    .object({
      clientId: z.string(),
      scope: z.string().default(""),
      authority: z.string().optional(),
      correlationId: z.string().optional(),
    })
    .optional(),
});
export type NaaRequest = z.infer<typeof requestSchema>;

/** msal-browser's BridgeStatusCode values (types/naa/BridgeStatusCode.d.ts). */
export type BridgeStatus =
  | "USER_INTERACTION_REQUIRED"
  | "USER_CANCEL"
  | "NO_NETWORK"
  | "TRANSIENT_ERROR"
  | "PERSISTENT_ERROR"
  | "DISABLED"
  | "ACCOUNT_UNAVAILABLE"
  | "NESTED_APP_AUTH_UNAVAILABLE";

export interface BridgeError {
  status: BridgeStatus;
  code: string;
  subError: string;
  description: string;
}

/** The account MSAL builds from (types/naa/AccountInfo.d.ts; read by NestedAppAuthAdapter.fromNaaAccountInfo). */
export interface NaaAccount {
  homeAccountId: string;
  environment: string;
  tenantId: string;
  username: string;
  localAccountId: string;
  name: string;
  idTokenClaims: Record<string, unknown>;
}

/** The response envelope (types/naa/BridgeResponseEnvelope.d.ts). */
export interface NaaResponse {
  messageType: "NestedAppAuthResponse";
  requestId: string;
  success: boolean;
  initContext?: {
    sdkName: string;
    sdkVersion: string;
    accountContext?: { homeAccountId: string; environment: string; tenantId: string };
    capabilities: { queryAccount: boolean };
  };
  // types/naa/TokenResponse.d.ts. NestedAppAuthAdapter.fromNaaTokenResponse requires access_token and
  // id_token (else nullOrEmptyToken), decodes id_token's claims (AuthToken.extractTokenClaims: three
  // dot-separated parts, base64url JSON payload), sets expiresOn = request time + expires_in, and takes
  // scopes from `scope` split on spaces.
  token?: {
    access_token: string;
    id_token: string;
    expires_in: number;
    scope: string;
    token_type: "Bearer";
    properties: null;
  };
  // fromNaaAccountInfo requires `environment` (else invalidCacheEnvironment) and fills the rest from
  // id_token's claims when absent; we send them all so the cache key matches the init context's account.
  account?: NaaAccount;
  error?: BridgeError;
}

/** Parse MSAL's request from a nestedAppAuth.execute message's `data`; null when it is not one. */
export function parseNaaRequest(data: unknown): NaaRequest | null {
  if (typeof data !== "string") return null;
  try {
    const parsed = requestSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function base64urlJson(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The claims of a JWT's payload, or null when it is not a JWT. Used for expiry and by the tests. */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split(".")[1];
  if (payload === undefined || payload === "") return null;
  try {
    const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A JWT's whole lifetime (`exp` - `iat`), or null when it does not say. Not `exp` against our clock: the
 * sandbox issues tokens by its own clock, which may be set in the past (the demo runs in 2024).
 */
export function tokenLifetime(token: string): number | null {
  const claims = jwtClaims(token);
  const exp = claims?.exp;
  const iat = claims?.iat;
  return typeof exp === "number" && typeof iat === "number" ? exp - iat : null;
}

/** An unsigned ID token with the claims Entra's v2 ID tokens carry (MSAL decodes, never verifies, them). */
export function idTokenFor(
  host: NaaHost & { person: NonNullable<NaaHost["person"]> },
  audience: string,
  nowSeconds: number,
  lifetimeSeconds: number,
): string {
  const header = base64urlJson({ typ: "JWT", alg: "none" });
  const claims = {
    aud: audience,
    iss: `https://login.microsoftonline.com/${host.tenantId}/v2.0`,
    iat: nowSeconds,
    nbf: nowSeconds,
    exp: nowSeconds + lifetimeSeconds,
    name: host.person.displayName,
    oid: host.person.id,
    preferred_username: host.person.upn,
    sub: host.person.id,
    tid: host.tenantId,
    ver: "2.0",
  };
  // A signature part is present (MSAL's token regex wants three parts) but the sandbox does not sign it.
  return `${header}.${base64urlJson(claims)}.sandbox-unsigned`;
}

function accountContextOf(host: NaaHost & { person: NonNullable<NaaHost["person"]> }) {
  return {
    homeAccountId: `${host.person.id}.${host.tenantId}`,
    environment: NAA_ENVIRONMENT,
    tenantId: host.tenantId,
  };
}

function refusal(requestId: string, error: BridgeError): NaaResponse {
  return { messageType: "NestedAppAuthResponse", requestId, success: false, error };
}

/** The clock, and how long the host's token has left (by default its whole lifetime: a fresh token). */
export interface NaaOptions {
  now?: number;
  expiresIn?: (accessToken: string) => number | null;
}

/**
 * The answer to MSAL's request, as real Teams gives it for the person signed in to the host. `token` is
 * asked for only for GetToken / GetTokenPopup with the right client id.
 */
export async function naaResponse(
  request: NaaRequest,
  host: NaaHost,
  /** A token for the scopes MSAL asked for (space-separated). */
  token: (scope: string) => Promise<string>,
  options: NaaOptions = {},
): Promise<NaaResponse> {
  const now = options.now ?? Date.now();
  const expiresInOf = options.expiresIn ?? tokenLifetime;
  const { requestId } = request;
  const nowSeconds = Math.floor(now / 1000);
  const person = host.person;
  if (person === null) {
    return refusal(requestId, {
      status: "ACCOUNT_UNAVAILABLE",
      code: "no_account",
      subError: "",
      description: "Nobody is signed in to the host.",
    });
  }
  const signedIn = { ...host, person };
  switch (request.method) {
    case "GetInitContext":
      return {
        messageType: "NestedAppAuthResponse",
        requestId,
        success: true,
        initContext: {
          sdkName: NAA_SDK_NAME,
          sdkVersion: host.sdkVersion,
          accountContext: accountContextOf(signedIn),
          capabilities: { queryAccount: false },
        },
      };
    case "GetToken":
    case "GetTokenPopup": {
      const params = request.tokenParams;
      if (params === undefined) {
        return refusal(requestId, {
          status: "PERSISTENT_ERROR",
          code: "invalid_request",
          subError: "",
          description: "The request has no token parameters.",
        });
      }
      if (params.clientId !== host.clientId) {
        // What Entra says for an app id it does not know in the tenant.
        return refusal(requestId, {
          status: "PERSISTENT_ERROR",
          code: "unauthorized_client",
          subError: "",
          description: `AADSTS700016: Application with identifier '${params.clientId}' was not found in the directory. Only ${host.clientId} is registered in the sandbox.`,
        });
      }
      let accessToken: string;
      try {
        accessToken = await token(params.scope);
      } catch {
        return refusal(requestId, {
          status: "TRANSIENT_ERROR",
          code: "temporarily_unavailable",
          subError: "",
          description: "The host could not get a token for the signed-in person.",
        });
      }
      const left = expiresInOf(accessToken);
      const expiresIn = left !== null && left > 0 ? Math.floor(left) : FALLBACK_LIFETIME_SECONDS;
      const idToken = idTokenFor(signedIn, params.clientId, nowSeconds, expiresIn);
      const scope = params.scope.split(/\s+/).filter(Boolean).join(" ");
      return {
        messageType: "NestedAppAuthResponse",
        requestId,
        success: true,
        token: {
          access_token: accessToken,
          id_token: idToken,
          expires_in: expiresIn,
          scope,
          token_type: "Bearer",
          properties: null,
        },
        account: {
          ...accountContextOf(signedIn),
          username: person.upn,
          localAccountId: person.id,
          name: person.displayName,
          idTokenClaims: jwtClaims(idToken) ?? {},
        },
      };
    }
    default:
      return refusal(requestId, {
        status: "PERSISTENT_ERROR",
        code: "unsupported_method",
        subError: "",
        description: `The host does not support the method '${request.method}'.`,
      });
  }
}

/** A line for the host's log: the method, the scopes and the outcome, never a token. */
export function naaLogLine(request: NaaRequest, response: NaaResponse): string {
  const scopes = request.tokenParams?.scope.trim() ?? "";
  const what = scopes === "" ? request.method : `${request.method} (${scopes})`;
  return response.success
    ? `Nested app auth: ${what} answered.`
    : `Nested app auth: ${what} refused (${response.error?.status ?? "error"}: ${response.error?.code ?? ""}).`;
}
