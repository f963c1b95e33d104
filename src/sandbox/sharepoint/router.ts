// Routes /sites/<name>/_api/… to the emulator's handlers, after checking the caller may use the site.
import type { SandboxRequest, SandboxResponse } from "../http.ts";
import type { SandboxStore } from "../store.ts";
import { BatchFormatError, parseBatch, partRequest, writeBatchResponse } from "./batch.ts";
import { isoSeconds, logicalMethod, type SpContext } from "./context.ts";
import { entityResponse, spError, SpErrors } from "./format.ts";
import { addField, handleField, listFields } from "./fields.ts";
import { validateUpdateListItem } from "./item-form.ts";
import { addItem, handleItem, recycleItem } from "./item-writes.ts";
import { queryItems } from "./items.ts";
import { handleVersions } from "./versions.ts";
import { handleList, handleLists, listProperty } from "./lists.ts";
import type { SpList, SpSite, SpUser } from "./model.ts";
import { parseApiPath, PathError, readNumberArg, readStringArg, type Segment } from "./path.ts";
import { listVisible, refusalOf } from "./permissions.ts";
import { accessOf, PERMISSION, type Access } from "./roles.ts";
import { tokenCeiling } from "./scopes.ts";
import {
  breakRoleInheritance,
  effectivePermissions,
  handleRoleAssignments,
  handleRoleDefinitions,
  resetRoleInheritance,
} from "./security.ts";
import { findSiteUserByUpn, type DirectoryEntry } from "./site.ts";
import { ensureUser, siteGroups, siteUsers, userEntity, webEntity } from "./web.ts";

export interface SharePointOptions {
  store: SandboxStore;
  threshold: number;
  now: () => Date;
  tenantId: string;
  findPerson: (upn: string) => DirectoryEntry | undefined;
}

/** The principal SharePoint records as author when an app-only token writes. */
function appPrincipal(site: SpSite, appId: string, tenantId: string, store: SandboxStore): SpUser {
  const login = `i:0i.t|ms.sp.ext|${appId}@${tenantId}`;
  let user = site.users.find((u) => u.LoginName === login);
  if (user === undefined) {
    user = {
      Id: site.nextPrincipalId++,
      LoginName: login,
      Title: "SharePoint App",
      Email: "",
      UserPrincipalName: null,
      IsSiteAdmin: false,
      PrincipalType: 1,
    };
    site.users.push(user);
    store.saveSite(site);
  }
  return user;
}

function findList(
  ctx: SpContext,
  seg: Segment,
  next: Segment | undefined,
): { list: SpList | undefined; used: number; label: string } | null {
  const q = ctx.req.url.searchParams;
  if (seg.name === "lists" && seg.args !== null) {
    const id = readStringArg(seg.args, q)?.toLowerCase();
    return { list: ctx.site.lists.find((l) => l.Id === id), used: 1, label: id ?? "" };
  }
  if (seg.name === "lists" && next !== undefined && (next.name === "getbytitle" || next.name === "getbyid")) {
    const key = readStringArg(next.args, q);
    const list =
      next.name === "getbytitle"
        ? ctx.site.lists.find((l) => l.Title.toLowerCase() === key?.toLowerCase())
        : ctx.site.lists.find((l) => l.Id === key?.toLowerCase().replace(/[{}]/g, ""));
    return { list, used: 2, label: key ?? "" };
  }
  return null;
}

function routeList(ctx: SpContext, list: SpList, rest: Segment[], basePath: string): SandboxResponse {
  const [seg, next, ...more] = rest;
  const method = logicalMethod(ctx.req);
  const q = ctx.req.url.searchParams;
  if (seg === undefined) return handleList(ctx, list);
  if (seg.name === "items" && seg.args === null && next === undefined) {
    if (method === "GET") return queryItems(ctx, list, `${basePath}/items`);
    if (method === "POST") return addItem(ctx, list);
    return SpErrors.methodNotAllowed(ctx.req, method);
  }
  const itemId =
    seg.name === "items" && seg.args !== null
      ? readNumberArg(seg.args, q)
      : seg.name === "items" && next?.name === "getbyid"
        ? readNumberArg(next.args, q)
        : null;
  if (itemId !== null) {
    const remaining = (seg.args !== null ? [next, ...more] : more).filter((s) => s !== undefined);
    if (remaining.length === 0) return handleItem(ctx, list, itemId);
    const [action] = remaining;
    if (remaining.length === 1 && action?.args === null && action.name === "recycle")
      return recycleItem(ctx, list, itemId);
    if (remaining.length === 1 && action?.args === null && action.name === "validateupdatelistitem")
      return validateUpdateListItem(ctx, list, itemId);
    if (remaining.length === 1 && action?.name === "versions")
      return handleVersions(ctx, list, itemId, action.args === null ? null : readNumberArg(action.args, q));
    return SpErrors.badEndpoint(ctx.req, rest.map((s) => s.name).join("/"));
  }
  switch (seg.name) {
    case "roleassignments":
      return handleRoleAssignments(ctx, list, seg, rest.slice(1), `Web/Lists(guid'${list.Id}')`);
    case "breakroleinheritance":
      if (next !== undefined) break;
      return breakRoleInheritance(ctx, list, seg);
    case "resetroleinheritance":
      if (next !== undefined) break;
      return resetRoleInheritance(ctx, list);
    case "effectivebasepermissions":
    case "getusereffectivepermissions":
      if (next !== undefined) break;
      return effectivePermissions(ctx, list, seg);
  }
  if (seg.name === "fields") {
    if (seg.args === null && next === undefined) {
      if (method === "GET") return listFields(ctx, list);
      if (method === "POST") return addField(ctx, list, false);
      return SpErrors.methodNotAllowed(ctx.req, method);
    }
    if (seg.args === null && next?.name === "addfield" && more.length === 0) {
      if (method !== "POST") return SpErrors.methodNotAllowed(ctx.req, method);
      return addField(ctx, list, true);
    }
    let key: string | null = null;
    let matcher: (title: string, internal: string, id: string) => boolean = () => false;
    if (seg.args !== null) {
      key = readStringArg(seg.args, q)?.toLowerCase() ?? null;
      matcher = (_t, _i, id) => id === key;
    } else if (next?.name === "getbytitle") {
      key = readStringArg(next.args, q);
      matcher = (t) => t.toLowerCase() === key?.toLowerCase();
    } else if (next?.name === "getbyinternalnameortitle") {
      key = readStringArg(next.args, q);
      matcher = (t, i) => i === key || t.toLowerCase() === key?.toLowerCase();
    }
    if (key === null) return SpErrors.badEndpoint(ctx.req, rest.map((s) => s.name).join("/"));
    const field = list.fields.find((f) => matcher(f.Title, f.InternalName, f.Id));
    if (field === undefined) return SpErrors.fieldNotFound(ctx.req, key);
    if ((seg.args !== null ? next : more[0]) !== undefined)
      return SpErrors.badEndpoint(ctx.req, rest.map((s) => s.name).join("/"));
    return handleField(ctx, list, field);
  }
  if (next === undefined && seg.args === null && method === "GET") {
    const property = listProperty(ctx, list, seg.name);
    if (property !== null) return property;
  }
  return SpErrors.badEndpoint(ctx.req, rest.map((s) => s.name).join("/"));
}

function routeWeb(ctx: SpContext, segs: Segment[], path: string): SandboxResponse {
  const [seg, next] = segs;
  const method = logicalMethod(ctx.req);
  if (seg === undefined) {
    if (method !== "GET") return SpErrors.methodNotAllowed(ctx.req, method);
    return entityResponse(ctx.req, ctx.siteUrl, webEntity(ctx));
  }
  switch (seg.name) {
    case "currentuser":
      if (next !== undefined) return SpErrors.resourceNotFound(ctx.req, next.name);
      if (method !== "GET") return SpErrors.methodNotAllowed(ctx.req, method);
      return entityResponse(ctx.req, ctx.siteUrl, userEntity(ctx.user));
    case "ensureuser":
      return ensureUser(ctx);
    case "siteusers":
      // The collection's key in brackets: siteUsers(14) by id, siteUsers(@v)?@v='i:0#.f|membership|…' by login
      // name (PnPjs's getByLoginName sends that alias).
      return siteUsers(
        ctx,
        seg.args === null ? segs.slice(1) : [{ name: "bykey", args: seg.args }, ...segs.slice(1)],
      );
    case "getuserbyid":
      return siteUsers(ctx, [{ name: "getbyid", args: seg.args }]);
    case "sitegroups":
    case "associatedownergroup":
    case "associatedmembergroup":
    case "associatedvisitorgroup":
      return siteGroups(ctx, segs);
    case "roledefinitions":
      return handleRoleDefinitions(ctx, seg, segs.slice(1));
    case "roleassignments":
      return handleRoleAssignments(ctx, null, seg, segs.slice(1), "Web");
    case "effectivebasepermissions":
    case "getusereffectivepermissions":
      if (next !== undefined) return SpErrors.badEndpoint(ctx.req, path);
      return effectivePermissions(ctx, null, seg);
    case "lists": {
      if (seg.args === null && next === undefined) return handleLists(ctx);
      const found = findList(ctx, seg, next);
      if (found === null) return SpErrors.badEndpoint(ctx.req, path);
      // A list the caller has no permission on is answered as one that does not exist.
      if (found.list !== undefined && !listVisible(ctx, found.list)) found.list = undefined;
      if (found.list === undefined) {
        return next?.name === "getbytitle"
          ? SpErrors.listNotFound(ctx.req, found.label, ctx.siteUrl)
          : SpErrors.listIdNotFound(ctx.req);
      }
      const basePath = `web/lists(guid'${found.list.Id}')`;
      return routeList(ctx, found.list, segs.slice(found.used), basePath);
    }
    default:
      return SpErrors.badEndpoint(ctx.req, path);
  }
}

function contextInfo(ctx: SpContext): SandboxResponse {
  return entityResponse(ctx.req, ctx.siteUrl, {
    meta: { type: "SP.ContextWebInformation", id: "", editLink: "contextinfo" },
    props: {
      FormDigestTimeoutSeconds: 1800,
      FormDigestValue: `0x${ctx.site.WebId.replace(/-/g, "").toUpperCase()},${new Date(ctx.now()).toUTCString()}`,
      LibraryVersion: "16.0.25502.12006",
      SiteFullUrl: ctx.siteUrl,
      SupportedSchemaVersions: ["14.0.0.0", "15.0.0.0"],
      WebFullUrl: ctx.siteUrl,
    },
  });
}

/**
 * Answer one SharePoint REST request. `apiPath` is the part after /_api/; `siteUrl` the absolute site URL.
 * The caller is already known to hold a valid token.
 */
export function handleSharePoint(
  options: SharePointOptions,
  req: SandboxRequest,
  site: SpSite,
  siteUrl: string,
  apiPath: string,
): SandboxResponse {
  const caller = req.caller;
  if (caller === null) return SpErrors.accessDenied(req);
  const user =
    caller.kind === "app"
      ? appPrincipal(site, caller.appId, options.tenantId, options.store)
      : findSiteUserByUpn(site, caller.upn);
  if (user === undefined) return SpErrors.accessDenied(req);
  // Someone who holds nothing on the web (in no group, not even Limited Access) is refused everything, and so
  // is a token that reaches nothing here (Sites.Selected without a grant on this site).
  const access: Access = {
    ...accessOf(site, user.Id, caller.kind === "app"),
    ceiling: tokenCeiling(req.granted, site),
  };
  const closed =
    refusalOf(site, access, req, null, PERMISSION.open) ??
    refusalOf(site, access, req, null, PERMISSION.useRemoteApis);
  if (closed !== null) return closed;
  const ctx: SpContext = {
    req,
    site,
    siteUrl,
    access,
    user,
    store: options.store,
    threshold: options.threshold,
    now: options.now,
    findPerson: options.findPerson,
  };
  let segs: Segment[];
  try {
    segs = parseApiPath(apiPath);
  } catch (error) {
    if (error instanceof PathError) return SpErrors.badEndpoint(req, apiPath);
    throw error;
  }
  const [first, ...rest] = segs;
  if (first === undefined) return SpErrors.badEndpoint(req, apiPath);
  if (first.name === "$batch") {
    if (req.method !== "POST") return SpErrors.methodNotAllowed(req, req.method);
    let parts;
    try {
      parts = parseBatch(req.headers["content-type"], req.body);
    } catch (error) {
      if (error instanceof BatchFormatError)
        return spError(
          req,
          400,
          "-1, Microsoft.SharePoint.Client.InvalidClientQueryException",
          error.message,
        );
      throw error;
    }
    const responses = parts.map((part) => {
      const inner = partRequest(req, part);
      const prefix = `${new URL(siteUrl).pathname}/_api/`;
      const innerPath = decodeURIComponent(inner.url.pathname);
      if (
        inner.url.origin !== new URL(siteUrl).origin ||
        !innerPath.toLowerCase().startsWith(prefix.toLowerCase())
      ) {
        return SpErrors.badEndpoint(inner, innerPath);
      }
      return handleSharePoint(options, inner, site, siteUrl, innerPath.slice(prefix.length));
    });
    return writeBatchResponse(responses);
  }
  if (first.name === "contextinfo") {
    if (req.method !== "POST") return SpErrors.methodNotAllowed(req, req.method);
    return contextInfo(ctx);
  }
  if (first.name === "web") return routeWeb(ctx, rest, apiPath);
  if (first.name === "site" && rest.length === 0) {
    return entityResponse(req, siteUrl, {
      meta: { type: "SP.Site", id: site.SiteId, editLink: "site" },
      props: { Id: site.SiteId, Url: siteUrl, ServerRelativeUrl: new URL(siteUrl).pathname },
    });
  }
  return SpErrors.badEndpoint(req, apiPath);
}

export { isoSeconds };
