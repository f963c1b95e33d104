// Graph's sites and their application permissions: how an administrator gives an app holding Sites.Selected
// one site (README, "Deploy to your tenant", step 6). GET /sites/{hostname}:/sites/{name} gives the site's id
// ("{hostname},{site collection id},{web id}"); POST /sites/{id}/permissions {"roles":["write"],
// "grantedToIdentities":[{"application":{"id","displayName"}}]} grants the app that role on it; GET lists the
// grants, PATCH changes a grant's roles, DELETE takes it away. SharePoint then lets a token with Sites.Selected
// for that app reach the site at that role (sharepoint/scopes.ts).
// Learn: https://learn.microsoft.com/en-us/graph/api/site-get (Sites.Read.All and up),
// https://learn.microsoft.com/en-us/graph/api/site-post-permissions and site-list-permissions,
// site-update-permission, site-delete-permission (Sites.FullControl.All: "Because you can grant full control
// permissions to a site collection by using Sites.Selected, this requirement is necessarily high",
// https://learn.microsoft.com/en-us/graph/permissions-selected-overview), roles read, write, owner,
// fullcontrol (and manage, as PnP sets it).
import { jsonBody, type SandboxRequest, type SandboxResponse, type TokenGrant } from "../http.ts";
import type { SpAppGrant, SpSite } from "../sharepoint/model.ts";
import { GRANT_ROLES, grantedLevel } from "../sharepoint/scopes.ts";
import type { SandboxStore } from "../store.ts";
import { graphEmpty, graphError, graphJson, graphUnauthenticated } from "./errors.ts";

const METADATA = "https://graph.microsoft.com/v1.0/$metadata";

/** Who may read a site (Sites.Selected only with a grant on it) and who may manage its grants. */
const READ_SITE = ["Sites.Read.All", "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All"];
const MANAGE_GRANTS = ["Sites.FullControl.All"];

interface Target {
  site: SpSite;
  /** What follows the site: [] for the site, ["permissions"], or ["permissions", id]. */
  rest: string[];
}

/** The site a Graph path names, by `{hostname}:/sites/{name}` or by its id; null when it names none. */
function findSite(store: SandboxStore, req: SandboxRequest, path: string): Target | null | "not-a-site" {
  const match = /^\/sites\/(.+)$/i.exec(path.replace(/\/+$/, ""));
  if (match === null) return "not-a-site";
  const after = match[1] ?? "";
  const byPath = /^([^/:]+):\/sites\/([^/:]+):?(?:\/(.*))?$/i.exec(after);
  if (byPath !== null) {
    if (byPath[1]?.toLowerCase() !== req.url.hostname.toLowerCase()) return null;
    const site = store.sites.get((byPath[2] ?? "").toLowerCase());
    return site === undefined ? null : { site, rest: (byPath[3] ?? "").split("/").filter(Boolean) };
  }
  const [id = "", ...rest] = after.split("/");
  const [host, siteId, webId] = id.split(",");
  if (host?.toLowerCase() !== req.url.hostname.toLowerCase() || siteId === undefined) return null;
  const site = [...store.sites.values()].find(
    (s) =>
      s.SiteId.toLowerCase() === siteId.toLowerCase() &&
      (webId === undefined || s.WebId.toLowerCase() === webId.toLowerCase()),
  );
  return site === undefined ? null : { site, rest };
}

/** Graph's 403 from SharePoint's side of Graph: the token's permissions do not include the API's. */
function accessDenied(req: SandboxRequest): SandboxResponse {
  // The words SharePoint-backed Graph APIs use (github.com/SharePoint/sp-dev-docs/issues/8746).
  return graphError(403, "accessDenied", "Caller does not have required permissions for this API", req);
}

/**
 * Whether a token may call the API: the sandbox's test token always; a scoped one holding one of `accepted`,
 * or (`selected`) Sites.Selected with a grant on the site.
 */
function mayUse(
  granted: TokenGrant | null | undefined,
  accepted: readonly string[],
  site: SpSite,
  selected = false,
): boolean {
  if (granted === null || granted === undefined) return true;
  const names = granted.permissions.map((p) => p.toLowerCase());
  if (accepted.some((p) => names.includes(p.toLowerCase()))) return true;
  return selected && names.includes("sites.selected") && grantedLevel(site, granted.appId) !== null;
}

function siteId(req: SandboxRequest, site: SpSite): string {
  return `${req.url.hostname},${site.SiteId},${site.WebId}`;
}

function siteResource(req: SandboxRequest, site: SpSite): Record<string, unknown> {
  return {
    "@odata.context": `${METADATA}#sites/$entity`,
    createdDateTime: site.Created,
    description: site.Description,
    id: siteId(req, site),
    lastModifiedDateTime: site.Created,
    name: site.name,
    webUrl: `${req.url.origin}/sites/${site.name}`,
    displayName: site.Title,
    siteCollection: { hostname: req.url.hostname },
  };
}

function permissionResource(grant: SpAppGrant): Record<string, unknown> {
  const identities = [{ application: { id: grant.appId, displayName: grant.displayName } }];
  return {
    id: grant.id,
    "@deprecated.GrantedToIdentities":
      "GrantedToIdentities has been deprecated. Refer to GrantedToIdentitiesV2",
    roles: [...grant.roles],
    grantedToIdentities: identities,
    grantedToIdentitiesV2: identities,
  };
}

/** The roles of a request body, each one Graph knows; null when there are none or one it does not. */
function readRoles(body: Record<string, unknown>): string[] | null {
  const roles = body.roles;
  if (!Array.isArray(roles) || roles.length === 0) return null;
  const names = roles.map((r) => (typeof r === "string" ? r.toLowerCase() : ""));
  return names.every((r) => r in GRANT_ROLES) ? [...new Set(names)] : null;
}

/** The application a grant is for: grantedToIdentities (as Learn's example), grantedToIdentitiesV2 or grantedTo. */
function readApplication(body: Record<string, unknown>): { id: string; displayName: string } | null {
  for (const key of ["grantedToIdentities", "grantedToIdentitiesV2", "grantedTo"]) {
    const value = body[key];
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first !== "object" || first === null) continue;
    const app = (first as { application?: unknown }).application;
    if (typeof app !== "object" || app === null) continue;
    const { id, displayName } = app as { id?: unknown; displayName?: unknown };
    if (typeof id === "string" && id.trim() !== "")
      return { id: id.trim(), displayName: typeof displayName === "string" ? displayName : "" };
  }
  return null;
}

function invalid(req: SandboxRequest, message: string): SandboxResponse {
  return graphError(400, "invalidRequest", message, req);
}

/** The id Graph gives an app's grant on a site: the app's SharePoint login, base64-encoded. */
function grantId(appId: string, tenantId: string): string {
  return Buffer.from(`i:0i.t|ms.sp.ext|${appId}@${tenantId}`).toString("base64");
}

/** The sites emulator over the sandbox store; `tenantId` names the tenant in grant ids. */
export function createGraphSites(options: { store: SandboxStore; tenantId: string }) {
  const { store, tenantId } = options;

  function permissions(req: SandboxRequest, site: SpSite, rest: string[]): SandboxResponse {
    if (!mayUse(req.granted, MANAGE_GRANTS, site)) return accessDenied(req);
    const grants = site.appGrants ?? [];
    const [, id] = rest;
    if (id === undefined) {
      if (req.method === "GET")
        return graphJson(
          200,
          {
            "@odata.context": `${METADATA}#sites('${siteId(req, site)}')/permissions`,
            value: grants.map(permissionResource),
          },
          req,
        );
      if (req.method !== "POST")
        return graphError(405, "methodNotAllowed", "The method is not allowed on this resource.", req);
      const body = jsonBody(req);
      if (typeof body !== "object" || body === null) return invalid(req, "Invalid request");
      const roles = readRoles(body as Record<string, unknown>);
      if (roles === null)
        return invalid(req, `roles must name one or more of ${Object.keys(GRANT_ROLES).join(", ")}.`);
      const app = readApplication(body as Record<string, unknown>);
      if (app === null) return invalid(req, "grantedToIdentities must name an application by its id.");
      // Granting an app that already holds the site adds the roles to its one grant.
      let grant = grants.find((g) => g.appId.toLowerCase() === app.id.toLowerCase());
      if (grant === undefined) {
        grant = { id: grantId(app.id, tenantId), appId: app.id, displayName: app.displayName, roles };
        site.appGrants = [...grants, grant];
      } else grant.roles = [...new Set([...grant.roles, ...roles])];
      store.saveSite(site);
      return graphJson(201, permissionResource(grant), req);
    }
    const grant = grants.find((g) => g.id === id);
    if (grant === undefined || rest.length > 2)
      return graphError(404, "itemNotFound", "The specified permission does not exist.", req);
    if (req.method === "GET") return graphJson(200, permissionResource(grant), req);
    if (req.method === "PATCH") {
      const body = jsonBody(req);
      const roles =
        typeof body === "object" && body !== null ? readRoles(body as Record<string, unknown>) : null;
      if (roles === null)
        return invalid(req, `roles must name one or more of ${Object.keys(GRANT_ROLES).join(", ")}.`);
      grant.roles = roles;
      store.saveSite(site);
      return graphJson(200, permissionResource(grant), req);
    }
    if (req.method === "DELETE") {
      site.appGrants = grants.filter((g) => g !== grant);
      store.saveSite(site);
      return graphEmpty(204, req);
    }
    return graphError(405, "methodNotAllowed", "The method is not allowed on this resource.", req);
  }

  return {
    /** Answers /sites/…; null for paths that belong to other emulators. */
    handle(req: SandboxRequest, path: string): SandboxResponse | null {
      const target = findSite(store, req, path);
      if (target === "not-a-site") return null;
      if (req.caller === null) return graphUnauthenticated(req);
      if (target === null) return graphError(404, "itemNotFound", "Requested site could not be found", req);
      const { site, rest } = target;
      if (rest.length === 0) {
        if (req.method !== "GET")
          return graphError(405, "methodNotAllowed", "The method is not allowed on this resource.", req);
        return mayUse(req.granted, READ_SITE, site, true)
          ? graphJson(200, siteResource(req, site), req)
          : accessDenied(req);
      }
      if (rest[0]?.toLowerCase() === "permissions") return permissions(req, site, rest);
      return graphError(400, "BadRequest", `Resource not found for the segment '${rest[0] ?? ""}'.`, req);
    },
  };
}
