// The Entra app registration as Graph's `application` resource (PATCH /applications/{id}): the tab's
// single-page-app redirect URIs and the Nested App Authentication broker, the CLI's public-client sign-in,
// the API Teams asks tokens for, and exactly the permissions of the README's table (src/lib/permissions.ts),
// named by the ids each resource's service principal publishes. The same settings as
// infra/aad.manifest.json; https://learn.microsoft.com/graph/api/resources/application.
import { PERMISSIONS, type Resource } from "../lib/permissions.ts";

/** The resources' app ids (the same in every tenant). */
export const RESOURCE_APP_IDS: Record<Resource, string> = {
  Graph: "00000003-0000-0000-c000-000000000000",
  SharePoint: "00000003-0000-0ff1-ce00-000000000000",
};

/** Teams' desktop and mobile, and web clients, allowed to ask for the app's API without a prompt. */
export const TEAMS_CLIENT_IDS = [
  "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
  "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
] as const;

/** What a resource's service principal publishes: its delegated scopes and application roles, by name. */
export interface PublishedPermissions {
  scopes: ReadonlyMap<string, string>;
  roles: ReadonlyMap<string, string>;
}

export interface RegistrationInput {
  clientId: string;
  /** The tab's host, e.g. https://stnorth1a2b3c.z33.web.core.windows.net (no trailing slash). */
  tabEndpoint: string;
  /** The id of the app's own `access_as_user` scope (kept from the first run). */
  accessAsUserId: string;
  published: Record<Resource, PublishedPermissions>;
}

/** A permission of the table that a resource does not publish (a typing error, or another cloud). */
export class UnknownPermissionError extends Error {}

/** The PATCH body for the app registration. */
export function applicationBody(input: RegistrationInput): Record<string, unknown> {
  const host = new URL(input.tabEndpoint).host;
  return {
    signInAudience: "AzureADMyOrg",
    isFallbackPublicClient: true,
    identifierUris: [`api://${host}/${input.clientId}`],
    spa: { redirectUris: [`https://${host}/tab/`, `brk-multihub://${host}`] },
    publicClient: {
      redirectUris: ["http://localhost", "https://login.microsoftonline.com/common/oauth2/nativeclient"],
    },
    api: {
      requestedAccessTokenVersion: 2,
      oauth2PermissionScopes: [
        {
          id: input.accessAsUserId,
          value: "access_as_user",
          type: "User",
          isEnabled: true,
          adminConsentDisplayName: "Sign in to Action Plan Tracker",
          adminConsentDescription: "Lets Teams sign in to Action Plan Tracker as the current user.",
          userConsentDisplayName: "Sign in to Action Plan Tracker",
          userConsentDescription: "Lets Teams sign you in to Action Plan Tracker.",
        },
      ],
      preAuthorizedApplications: TEAMS_CLIENT_IDS.map((appId) => ({
        appId,
        delegatedPermissionIds: [input.accessAsUserId],
      })),
    },
    requiredResourceAccess: requiredResourceAccess(input.published),
  };
}

/** The table's permissions as Graph's requiredResourceAccess, delegated ones as Scope, the app's as Role. */
export function requiredResourceAccess(
  published: Record<Resource, PublishedPermissions>,
): { resourceAppId: string; resourceAccess: { id: string; type: "Scope" | "Role" }[] }[] {
  return (["SharePoint", "Graph"] as const).map((resource) => {
    const access: { id: string; type: "Scope" | "Role" }[] = [];
    for (const p of PERMISSIONS.filter((q) => q.resource === resource)) {
      if (p.ways.some((way) => way !== "app"))
        access.push({ id: idOf(published, resource, p.name, "Scope"), type: "Scope" });
      if (p.ways.includes("app"))
        access.push({ id: idOf(published, resource, p.name, "Role"), type: "Role" });
    }
    return { resourceAppId: RESOURCE_APP_IDS[resource], resourceAccess: access };
  });
}

function idOf(
  published: Record<Resource, PublishedPermissions>,
  resource: Resource,
  name: string,
  type: "Scope" | "Role",
): string {
  const id = (type === "Scope" ? published[resource].scopes : published[resource].roles).get(name);
  if (id === undefined)
    throw new UnknownPermissionError(
      `${resource}'s service principal publishes no ${type === "Scope" ? "delegated permission" : "application permission"} named ${name}.`,
    );
  return id;
}

/** What consent the tenant has given the app, as Graph reports it. */
export interface GrantedConsent {
  /** Delegated scopes consented for all users, per resource app id (oauth2PermissionGrants, AllPrincipals). */
  scopes: ReadonlyMap<string, readonly string[]>;
  /** Application role ids assigned to the app's service principal (appRoleAssignments), per resource app id. */
  roleIds: ReadonlyMap<string, readonly string[]>;
}

/** The table's permissions the tenant has not consented to, as "Graph TeamsActivity.Send (application)". */
export function missingConsent(
  granted: GrantedConsent,
  published: Record<Resource, PublishedPermissions>,
): string[] {
  const missing: string[] = [];
  for (const { resourceAppId, resourceAccess } of requiredResourceAccess(published)) {
    const resource = resourceAppId === RESOURCE_APP_IDS.Graph ? "Graph" : "SharePoint";
    const scopes = new Set((granted.scopes.get(resourceAppId) ?? []).map((s) => s.toLowerCase()));
    const roles = new Set(granted.roleIds.get(resourceAppId) ?? []);
    for (const access of resourceAccess) {
      const name = nameOf(published[resource], access);
      const ok = access.type === "Scope" ? scopes.has(name.toLowerCase()) : roles.has(access.id);
      if (!ok) missing.push(`${resource} ${name} (${access.type === "Scope" ? "delegated" : "application"})`);
    }
  }
  return missing;
}

function nameOf(published: PublishedPermissions, access: { id: string; type: "Scope" | "Role" }): string {
  const map = access.type === "Scope" ? published.scopes : published.roles;
  for (const [name, id] of map) if (id === access.id) return name;
  return access.id;
}

/** The address a Privileged Role Administrator or Global Administrator opens to consent for the tenant. */
export function adminConsentUrl(tenantId: string, clientId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/adminconsent?client_id=${clientId}`;
}
