// Who can grant the permissions a token lacks, and where. Tenant-wide admin consent to Microsoft Graph
// application permissions (app roles) takes a Privileged Role Administrator (or a Global Administrator, who
// holds every role's rights); an Application Administrator or Cloud Application Administrator can consent to
// any other permission of any API: delegated ones, and SharePoint's Sites.Selected
// (https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent, Prerequisites). The consent
// address is https://login.microsoftonline.com/{tenant id or domain}/adminconsent?client_id={client id}.
import type { Resource } from "../../lib/permissions.ts";

/** The tenant and the app registration a token was issued for. */
export interface ConsentTarget {
  tenantId: string;
  clientId: string;
}

/** The address that asks an administrator for tenant-wide consent to everything the app registration lists. */
export function adminConsentUrl(target: ConsentTarget): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(target.tenantId)}/adminconsent?client_id=${encodeURIComponent(target.clientId)}`;
}

/** Whether consent to this kind of permission takes a privileged role (Microsoft Graph app roles). */
export function needsPrivilegedRole(kind: "application" | "delegated", resource: Resource): boolean {
  return kind === "application" && resource === "Graph";
}

/** One line: who may grant consent to the lacking permissions, and the address to send them. */
export function consentLine(
  kind: "application" | "delegated",
  resource: Resource,
  target: ConsentTarget | null,
): string {
  const who = needsPrivilegedRole(kind, resource)
    ? "a Privileged Role Administrator or Global Administrator grants admin consent (Application and Cloud Application Administrators cannot consent to Microsoft Graph application permissions)"
    : `an Application Administrator or Cloud Application Administrator (or a Privileged Role Administrator or Global Administrator) can grant admin consent to ${kind === "delegated" ? "delegated permissions" : `${resource} application permissions`}`;
  return target === null
    ? `${who}: App registrations → the app → API permissions → Grant admin consent`
    : `${who}: App registrations → the app → API permissions → Grant admin consent, or ${adminConsentUrl(target)}`;
}
