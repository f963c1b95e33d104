// The web itself, its users (currentUser, ensureUser, siteUsers) and its groups.
import type { SandboxResponse } from "../http.ts";
import { logicalMethod, parseJsonObject, type SpContext } from "./context.ts";
import {
  collectionResponse,
  entityResponse,
  noContent,
  spError,
  SpErrors,
  voidResponse,
  type Entity,
} from "./format.ts";
import type { SpGroup, SpUser } from "./model.ts";
import { readArg, readNumberArg, readStringArg, type Segment } from "./path.ts";
import { refusal } from "./permissions.ts";
import { PERMISSION } from "./roles.ts";
import { CLAIMS_PREFIX, ensureSiteUser } from "./site.ts";

export function webEntity(ctx: SpContext): Entity {
  const { site } = ctx;
  const url = new URL(ctx.siteUrl);
  return {
    meta: { type: "SP.Web", id: site.WebId, editLink: "Web" },
    props: {
      Created: site.Created,
      Description: site.Description,
      Id: site.WebId,
      Language: 2057,
      LastItemModifiedDate: site.lists.reduce(
        (latest, l) => (l.LastItemModifiedDate > latest ? l.LastItemModifiedDate : latest),
        site.Created,
      ),
      ServerRelativeUrl: url.pathname,
      Title: site.Title,
      Url: ctx.siteUrl,
      WebTemplate: "STS",
    },
  };
}

export function userEntity(user: SpUser): Entity {
  return {
    meta: { type: "SP.User", id: String(user.Id), editLink: `Web/GetUserById(${user.Id})` },
    props: {
      Id: user.Id,
      IsHiddenInUI: false,
      LoginName: user.LoginName,
      Title: user.Title,
      PrincipalType: user.PrincipalType,
      Email: user.Email,
      Expiration: "",
      IsEmailAuthenticationGuestUser: false,
      IsShareByEmailGuestUser: false,
      IsSiteAdmin: user.IsSiteAdmin,
      UserId:
        user.UserPrincipalName === null
          ? null
          : { NameId: user.UserPrincipalName, NameIdIssuer: "urn:federation:microsoftonline" },
      UserPrincipalName: user.UserPrincipalName,
    },
  };
}

export function groupEntity(group: SpGroup): Entity {
  return {
    meta: { type: "SP.Group", id: String(group.Id), editLink: `Web/SiteGroups/GetById(${group.Id})` },
    props: {
      Id: group.Id,
      IsHiddenInUI: false,
      LoginName: group.Title,
      Title: group.Title,
      PrincipalType: 8,
      AllowMembersEditMembership: false,
      Description: group.Description,
      OnlyAllowMembersViewMembership: false,
      OwnerTitle: group.Title,
    },
  };
}

function userNotFound(ctx: SpContext, key: string): SandboxResponse {
  return spError(
    ctx.req,
    404,
    "-2146232832, Microsoft.SharePoint.SPException",
    `The specified user ${key} could not be found.`,
  );
}

/** POST …/web/ensureuser { logonName }: adds a directory person to the site's users. */
export function ensureUser(ctx: SpContext): SandboxResponse {
  if (logicalMethod(ctx.req) !== "POST") return SpErrors.methodNotAllowed(ctx.req, ctx.req.method);
  // As the sandbox has always answered: people who may add items (Contribute and up) may ensure a user.
  const denied = refusal(ctx, null, PERMISSION.addListItems);
  if (denied !== null) return denied;
  const body = parseJsonObject(ctx.req.body);
  if (body === null) return SpErrors.badJson(ctx.req);
  const logonName = body.logonName;
  if (typeof logonName !== "string")
    return SpErrors.invalidClientQuery(
      ctx.req,
      "The parameter logonName does not exist in method EnsureUser.",
    );
  const person = ctx.findPerson(
    logonName.startsWith(CLAIMS_PREFIX) ? logonName.slice(CLAIMS_PREFIX.length) : logonName,
  );
  if (person === undefined) return userNotFound(ctx, logonName);
  const before = ctx.site.users.length;
  const user = ensureSiteUser(ctx.site, person);
  if (ctx.site.users.length !== before) ctx.store.saveSite(ctx.site);
  return entityResponse(ctx.req, ctx.siteUrl, userEntity(user));
}

function findUser(ctx: SpContext, seg: Segment): SpUser | undefined | null {
  const q = ctx.req.url.searchParams;
  switch (seg.name) {
    case "bykey": {
      // siteUsers(n) is the user with that id; siteUsers('login') (or an @alias naming it) the one of that login.
      const key = readArg(seg.args, q);
      if (key?.kind === "number") return ctx.site.users.find((u) => u.Id === key.value);
      const login = key?.value.toLowerCase();
      return ctx.site.users.find((u) => u.LoginName.toLowerCase() === login);
    }
    case "getbyid": {
      const id = readNumberArg(seg.args, q);
      return ctx.site.users.find((u) => u.Id === id);
    }
    case "getbyemail": {
      const email = readStringArg(seg.args, q)?.toLowerCase();
      return ctx.site.users.find((u) => u.Email.toLowerCase() === email);
    }
    case "getbyloginname": {
      const login = readStringArg(seg.args, q)?.toLowerCase();
      return ctx.site.users.find((u) => u.LoginName.toLowerCase() === login);
    }
    default:
      return null;
  }
}

/** …/web/siteusers[/getById(n)|getByEmail('…')|getByLoginName('…')] and …/web/getuserbyid(n) */
export function siteUsers(
  ctx: SpContext,
  rest: Segment[],
  users: SpUser[] = ctx.site.users,
): SandboxResponse {
  const [seg, ...more] = rest;
  if (seg === undefined) {
    if (logicalMethod(ctx.req) !== "GET") return SpErrors.methodNotAllowed(ctx.req, ctx.req.method);
    return collectionResponse(ctx.req, ctx.siteUrl, "SP.ApiData.Users", users.map(userEntity));
  }
  const user = findUser(ctx, seg);
  if (user === null) return SpErrors.badEndpoint(ctx.req, seg.name);
  if (more[0] !== undefined) return SpErrors.resourceNotFound(ctx.req, more[0].name);
  // An @alias is named by what it stands for, as SharePoint names the user it could not find.
  const key = readArg(seg.args, ctx.req.url.searchParams);
  if (user === undefined || !users.includes(user))
    return userNotFound(ctx, key === null ? (seg.args ?? "") : String(key.value));
  const method = logicalMethod(ctx.req);
  if (method === "GET") return entityResponse(ctx.req, ctx.siteUrl, userEntity(user));
  // Changing or removing a site user (MERGE, DELETE) is SharePoint's to do; the sandbox does not, and says so.
  if (method === "MERGE" || method === "PATCH" || method === "PUT")
    return SpErrors.notEmulated(ctx.req, "changing a site user (SP.User)");
  if (method === "DELETE")
    return SpErrors.notEmulated(
      ctx.req,
      users === ctx.site.users ? "removing a site user" : "removing a user from a site group",
    );
  return SpErrors.methodNotAllowed(ctx.req, method);
}

function groupUsers(ctx: SpContext, group: SpGroup, rest: Segment[]): SandboxResponse {
  const members = ctx.site.users.filter((u) => group.memberIds.includes(u.Id));
  const method = logicalMethod(ctx.req);
  if (rest.length === 0 && method === "POST") {
    const denied = refusal(ctx, null, PERMISSION.managePermissions);
    if (denied !== null) return denied;
    const body = parseJsonObject(ctx.req.body);
    const login = body?.LoginName;
    if (typeof login !== "string")
      return SpErrors.invalidClientQuery(ctx.req, "The property 'LoginName' is required.");
    const person = ctx.findPerson(
      login.startsWith(CLAIMS_PREFIX) ? login.slice(CLAIMS_PREFIX.length) : login,
    );
    if (person === undefined) return userNotFound(ctx, login);
    const user = ensureSiteUser(ctx.site, person);
    if (!group.memberIds.includes(user.Id)) group.memberIds.push(user.Id);
    ctx.store.saveSite(ctx.site);
    return entityResponse(ctx.req, ctx.siteUrl, userEntity(user), 201);
  }
  return siteUsers(ctx, rest, members);
}

/** …/web/sitegroups[/getById(n)|getByName('…')][/users…] and …/web/associated{owner,member,visitor}group[/users…] */
export function siteGroups(ctx: SpContext, segs: Segment[]): SandboxResponse {
  const [first, ...rest] = segs;
  const byId = (id: number | null) => ctx.site.groups.find((g) => g.Id === id);
  let group: SpGroup | undefined;
  let after: Segment[];
  if (first === undefined) return SpErrors.badEndpoint(ctx.req, "");
  if (first.name === "sitegroups") {
    const [which, ...more] = rest;
    // siteGroups(4): PnPjs's getById, the collection's key in brackets.
    if (first.args !== null) {
      group = byId(readNumberArg(first.args, ctx.req.url.searchParams));
      if (group === undefined)
        return spError(
          ctx.req,
          404,
          "-2146232832, Microsoft.SharePoint.SPException",
          "Group cannot be found.",
        );
      return groupPath(ctx, group, rest);
    }
    if (which === undefined) {
      if (logicalMethod(ctx.req) === "POST") return createGroup(ctx);
      if (logicalMethod(ctx.req) !== "GET") return SpErrors.methodNotAllowed(ctx.req, ctx.req.method);
      return collectionResponse(ctx.req, ctx.siteUrl, "SP.ApiData.Groups", ctx.site.groups.map(groupEntity));
    }
    // PnPjs quotes the id (removeById('5')), which SharePoint reads as the number it names.
    if (which.name === "removebyid") {
      const arg = readArg(which.args, ctx.req.url.searchParams);
      const id = arg === null ? null : Number(arg.value);
      return removeGroup(ctx, id !== null && Number.isInteger(id) ? id : null);
    }
    if (which.name === "getbyid") group = byId(readNumberArg(which.args, ctx.req.url.searchParams));
    else if (which.name === "getbyname") {
      const name = readStringArg(which.args, ctx.req.url.searchParams)?.toLowerCase();
      group = ctx.site.groups.find((g) => g.Title.toLowerCase() === name);
    } else return SpErrors.badEndpoint(ctx.req, which.name);
    if (group === undefined)
      return spError(ctx.req, 404, "-2146232832, Microsoft.SharePoint.SPException", "Group cannot be found.");
    after = more;
  } else {
    const id = {
      associatedownergroup: ctx.site.ownerGroupId,
      associatedmembergroup: ctx.site.memberGroupId,
      associatedvisitorgroup: ctx.site.visitorGroupId,
    }[first.name];
    group = byId(id ?? null);
    if (group === undefined) return SpErrors.badEndpoint(ctx.req, first.name);
    after = rest;
  }
  return groupPath(ctx, group, after);
}

/** A group, or what follows it: `users`; anything else is a resource SharePoint does not have. */
function groupPath(ctx: SpContext, group: SpGroup, after: Segment[]): SandboxResponse {
  const [next, ...tail] = after;
  if (next === undefined) {
    const method = logicalMethod(ctx.req);
    if (method === "GET") return entityResponse(ctx.req, ctx.siteUrl, groupEntity(group));
    if (method === "MERGE" || method === "PATCH") return updateGroup(ctx, group);
    // SharePoint removes a group with sitegroups/removebyid(n), which the sandbox does; DELETE it does not.
    if (method === "DELETE")
      return SpErrors.notEmulated(ctx.req, "DELETE on a site group (use sitegroups/removebyid(n))");
    return SpErrors.methodNotAllowed(ctx.req, method);
  }
  if (next.name === "users") return groupUsers(ctx, group, tail);
  return SpErrors.resourceNotFound(ctx.req, next.name);
}

/** The properties of SP.Group the sandbox changes; the others it has are refused as not emulated. */
const GROUP_WRITABLE = new Set(["title", "description"]);

/** MERGE a site group: its Title and Description, for those who may manage permissions (204, as SharePoint). */
function updateGroup(ctx: SpContext, group: SpGroup): SandboxResponse {
  const denied = refusal(ctx, null, PERMISSION.managePermissions);
  if (denied !== null) return denied;
  const body = parseJsonObject(ctx.req.body);
  if (body === null) return SpErrors.badJson(ctx.req);
  const known = Object.keys(groupEntity(group).props);
  const changes = Object.entries(body).filter(([name]) => name !== "__metadata");
  for (const [name] of changes) {
    if (GROUP_WRITABLE.has(name.toLowerCase())) continue;
    if (known.some((k) => k.toLowerCase() === name.toLowerCase()))
      return SpErrors.notEmulated(ctx.req, `changing a site group's ${name}`);
    return SpErrors.unknownProperty(ctx.req, name, "SP.Group");
  }
  const value = (name: string) => changes.find(([k]) => k.toLowerCase() === name)?.[1];
  const title = value("title");
  const description = value("description");
  if (title !== undefined) {
    if (typeof title !== "string") return SpErrors.invalidClientQuery(ctx.req, "Title must be a string.");
    const refused = titleRefusal(ctx, title, group);
    if (refused !== null) return refused;
  }
  if (description !== undefined && typeof description !== "string")
    return SpErrors.invalidClientQuery(ctx.req, "Description must be a string.");
  if (typeof title === "string") group.Title = title;
  if (typeof description === "string") group.Description = description;
  ctx.store.saveSite(ctx.site);
  return noContent();
}

/** POST …/web/sitegroups/removebyid(n): the group gone, with its permissions on the web and every list. */
function removeGroup(ctx: SpContext, id: number | null): SandboxResponse {
  if (logicalMethod(ctx.req) !== "POST") return SpErrors.methodNotAllowed(ctx.req, ctx.req.method);
  const denied = refusal(ctx, null, PERMISSION.managePermissions);
  if (denied !== null) return denied;
  const { site } = ctx;
  if (!site.groups.some((g) => g.Id === id))
    return spError(ctx.req, 404, "-2146232832, Microsoft.SharePoint.SPException", "Group cannot be found.");
  site.groups = site.groups.filter((g) => g.Id !== id);
  site.roleAssignments = site.roleAssignments.filter((a) => a.principalId !== id);
  for (const list of site.lists) {
    if (list.roleAssignments === null) continue;
    list.roleAssignments = list.roleAssignments.filter((a) => a.principalId !== id);
    ctx.store.saveList(site, list);
  }
  ctx.store.saveSite(site);
  return voidResponse(ctx.req, "RemoveById");
}

/** SharePoint refuses a group name longer than this. */
const MAX_GROUP_TITLE = 255;

/** SharePoint's refusal of a group name: empty, too long, or another group's or user's; null when it will do. */
function titleRefusal(ctx: SpContext, title: string, self: SpGroup | null): SandboxResponse | null {
  if (title.trim() === "")
    return SpErrors.invalidClientQuery(ctx.req, "The parameter Title cannot be empty.");
  if (title.length > MAX_GROUP_TITLE)
    return SpErrors.invalidClientQuery(
      ctx.req,
      `The group name is ${String(title.length)} characters long; SharePoint allows at most ${String(MAX_GROUP_TITLE)}.`,
    );
  const taken = (name: string) => name.toLowerCase() === title.toLowerCase();
  if (ctx.site.groups.some((g) => g !== self && taken(g.Title)) || ctx.site.users.some((u) => taken(u.Title)))
    return spError(
      ctx.req,
      500,
      "-2130575293, Microsoft.SharePoint.SPException",
      "The specified name is already in use.\n\nPlease choose another name.",
    );
  return null;
}

/** POST …/web/sitegroups { Title, Description }: a new, empty group, for those who may manage permissions. */
function createGroup(ctx: SpContext): SandboxResponse {
  const denied = refusal(ctx, null, PERMISSION.managePermissions);
  if (denied !== null) return denied;
  const body = parseJsonObject(ctx.req.body);
  if (body === null) return SpErrors.badJson(ctx.req);
  const title = body.Title;
  if (typeof title !== "string")
    return SpErrors.invalidClientQuery(ctx.req, "The parameter Title cannot be empty.");
  const refused = titleRefusal(ctx, title, null);
  if (refused !== null) return refused;
  const group: SpGroup = {
    Id: ctx.site.nextPrincipalId++,
    Title: title,
    Description: typeof body.Description === "string" ? body.Description : "",
    memberIds: [],
  };
  ctx.site.groups.push(group);
  ctx.store.saveSite(ctx.site);
  return entityResponse(ctx.req, ctx.siteUrl, groupEntity(group), 201);
}
