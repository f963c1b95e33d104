// Which service a sandbox token is for, as Entra decides it from the scopes asked for, and the refusals
// SharePoint and Graph give a token for another: a token for the tab's own api:// resource (what Teams SSO's
// getAuthToken gives) is refused by both, a SharePoint token by Graph and a Graph token by SharePoint.
import { GRAPH_AUDIENCE, SANDBOX_CLIENT_ID, type TokenRefusal } from "./auth.ts";
import { TENANT } from "./directory.ts";
import { graphError } from "./graph/errors.ts";
import type { SandboxRequest, SandboxResponse } from "./http.ts";

/**
 * What `.default` grants a person in the sandbox: the delegated permissions of the README's permissions table.
 * For SharePoint that is every delegated permission the app registration is given (tab and CLI alike), as
 * Entra's `.default` issues all the consented permissions of the resource, whoever asks
 * (https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc#the-default-scope); for Graph, likewise,
 * the tab's and the CLI's columns together. tests/integration/permissions-table.test.ts holds them together.
 */
export const DEFAULT_SCOPES = {
  sharePoint: ["AllSites.Manage", "AllSites.FullControl"],
  graph: ["User.Read", "User.Read.All", "Chat.Create", "Chat.Read", "ChatMessage.Send", "AppCatalog.Submit"],
  api: ["access_as_user"],
};

/** What `.default` grants an app-only token: the README's "daily job as the app" column. */
export const DEFAULT_APP_SCOPES = {
  sharePoint: ["Sites.FullControl.All"],
  graph: [
    "User.Read.All",
    "AppCatalog.Read.All",
    "TeamsAppInstallation.ReadWriteForUser.All",
    "TeamsActivity.Send",
  ],
  api: [] as string[],
};

/** The tab's own resource in the sandbox, as the manifest's webApplicationInfo.resource names it. */
export function apiResource(origin: string): string {
  return `api://${new URL(origin).host}/${SANDBOX_CLIENT_ID}`;
}

export type ScopeAnswer =
  { ok: true; audience: string | readonly string[]; scopes: string[] } | { ok: false; description: string };

/**
 * The audience and permissions for `scope` (space-separated, as MSAL sends it: `<resource>/.default` or
 * `<resource>/<permission>`), all for one resource. No scope at all is the sandbox's test token, for both
 * SharePoint and Graph, which Entra never issues; the tab, the host and the CLI always say which.
 */
export function resolveScopes(
  scope: string | undefined,
  origin: string,
  who: "user" | "app" = "user",
): ScopeAnswer {
  const asked = (scope ?? "")
    .split(/\s+/)
    .filter((s) => s !== "" && !["openid", "profile", "offline_access"].includes(s));
  if (asked.length === 0) return { ok: true, audience: [origin, GRAPH_AUDIENCE], scopes: [] };
  const resources = new Map<string, string[]>();
  for (const one of asked) {
    const cut = one.lastIndexOf("/");
    const resource = cut <= 0 ? "" : one.slice(0, cut);
    resources.set(resource, [...(resources.get(resource) ?? []), one.slice(cut + 1)]);
  }
  if (resources.size > 1)
    return {
      ok: false,
      description:
        "AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource.",
    };
  const [resource = "", permissions = []] = [...resources][0] ?? [];
  const kind =
    resource === origin
      ? "sharePoint"
      : resource === GRAPH_AUDIENCE
        ? "graph"
        : resource === apiResource(origin)
          ? "api"
          : null;
  if (kind === null)
    return {
      ok: false,
      description: `AADSTS500011: The resource principal named ${resource || (asked[0] ?? "")} was not found in the tenant. The sandbox issues tokens for ${origin}, ${GRAPH_AUDIENCE} and ${apiResource(origin)}.`,
    };
  const defaults = who === "app" ? DEFAULT_APP_SCOPES : DEFAULT_SCOPES;
  const scopes = permissions.flatMap((p) => (p === ".default" ? defaults[kind] : [p]));
  return { ok: true, audience: resource, scopes: [...new Set(scopes)] };
}

/** SharePoint's 401 challenge: where to get a token for it. */
const SP_WWW_AUTHENTICATE = `Bearer realm="${TENANT.id}",client_id="00000003-0000-0ff1-ce00-000000000000",trusted_issuers="00000001-0000-0000-c000-000000000000@*,D3776938-3DBA-481F-A652-4BEDFCAB7CD8@*,https://sts.windows.net/*/,https://login.microsoftonline.com/*/v2.0,00000003-0000-0ff1-ce00-000000000000@90140122-8516-11e1-8eff-49304924019b",authorization_uri="https://login.windows.net/common/oauth2/authorize"`;

/**
 * SharePoint's 401 for a request with no token, a forged one, an expired one, one used before its `nbf`, or
 * one issued by another tenant. SharePoint holds a token to the realm (tenant id) in its challenge; a token
 * from another directory is one whose issuer it does not trust, answered "Invalid issuer or signature." as
 * for a forged one (SharePoint's words for an untrusted token: github.com/SharePoint/sp-dev-docs/issues/5889,
 * github.com/AzureAD/microsoft-identity-web/issues/1056).
 */
export function spUnauthorized(reason: TokenRefusal): SandboxResponse {
  const description = {
    missing: "Invalid JWT token. No token found.",
    invalid: "Invalid issuer or signature.",
    expired: "Invalid JWT token. The token is expired.",
    notYetValid: "Invalid JWT token. The token is not yet valid.",
    otherTenant: "Invalid issuer or signature.",
  }[reason];
  return spTokenRefusal(3000006, description);
}

/** SharePoint's 401 for a token issued for another resource. */
export function spWrongAudience(audiences: readonly string[]): SandboxResponse {
  return spTokenRefusal(3000003, `Invalid audience Uri '${audiences.join(", ")}'.`);
}

/** SharePoint's 401 for a token it will not take: the challenge, its diagnostics code and the reason. */
function spTokenRefusal(diagnostic: number, description: string): SandboxResponse {
  return {
    status: 401,
    headers: {
      "www-authenticate": SP_WWW_AUTHENTICATE,
      "content-type": "application/json; charset=utf-8",
      "x-ms-diagnostics": `${String(diagnostic)};reason="${description}";category="invalid_client"`,
    },
    body: JSON.stringify({ error_description: description }),
  };
}

/** Graph's 401 for a token issued for another resource. */
export function graphWrongAudience(req: SandboxRequest): SandboxResponse {
  return graphError(
    401,
    "InvalidAuthenticationToken",
    "Access token validation failure. Invalid audience.",
    req,
  );
}
