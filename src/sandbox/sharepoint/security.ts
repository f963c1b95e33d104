// The permission endpoints, with the URLs PnPjs calls (node_modules/@pnp/sp/security/*):
//   web/roledefinitions[(id)|/getById(id)|/getbyname('Read')|/getbytype(2)][/<Property>]
//   web|list/roleassignments[(principalId)|/getbyprincipalid(id)][/member|/roledefinitionbindings]
//   web|list/roleassignments/addroleassignment(principalid=n, roledefid=m)   (POST)
//   web|list/roleassignments/removeroleassignment(principalid=n, roledefid=m)   (POST)
//   list/breakroleinheritance(copyroleassignments=…, clearsubscopes=…), list/resetroleinheritance   (POST)
//   web|list/EffectiveBasePermissions, web|list/getUserEffectivePermissions(@user)?@user='<login>'
// Shapes follow what SharePoint Online returns (pnp/cli-microsoft365's spo list get --withPermissions test:
// Member, RoleDefinitionBindings, PrincipalId; edit links Web/Lists(guid'…')/RoleAssignments/GetByPrincipalId(3),
// pnp/pnpcore#720). Changing them needs ManagePermissions, reading them EnumeratePermissions (Full Control).
import type { SandboxResponse } from "../http.ts";
import { logicalMethod, type SpContext } from "./context.ts";
import {
  collectionResponse,
  entityResponse,
  flavourOf,
  spError,
  SpErrors,
  valueResponse,
  voidResponse,
  type Entity,
} from "./format.ts";
import type { SpList, SpRoleAssignment } from "./model.ts";
import { namedInt, readNamedArgs, readNumberArg, readStringArg, type Segment } from "./path.ts";
import { refusal } from "./permissions.ts";
import {
  accessOf,
  assignmentsOn,
  basePermissions,
  PERMISSION,
  permissionsOn,
  ROLE_DEFINITIONS,
  ROLE_ID,
  roleDefinitionById,
  type Access,
  type RoleDefinition,
} from "./roles.ts";
import { groupEntity, userEntity } from "./web.ts";

const SP_EXCEPTION = "-2146232832, Microsoft.SharePoint.SPException";

function outOfRange(ctx: SpContext): SandboxResponse {
  return spError(
    ctx.req,
    400,
    "-2147024809, System.ArgumentException",
    "Value does not fall within the expected range.",
  );
}

function principalNotFound(ctx: SpContext, id: number): SandboxResponse {
  return spError(ctx.req, 400, SP_EXCEPTION, `Can not find the principal with id: ${String(id)}.`);
}

function roleDefinitionEntity(role: RoleDefinition): Entity {
  return {
    meta: { type: "SP.RoleDefinition", id: String(role.Id), editLink: `Web/RoleDefinitions(${role.Id})` },
    props: {
      BasePermissions: role.BasePermissions,
      Description: role.Description,
      Hidden: role.Hidden,
      Id: role.Id,
      Name: role.Name,
      Order: role.Order,
      RoleTypeKind: role.RoleTypeKind,
    },
  };
}

/** An entity cut down to the request's $select, or SharePoint's error for a property the type lacks. */
function selected(ctx: SpContext, entity: Entity): Entity | SandboxResponse {
  const text = ctx.req.url.searchParams.get("$select");
  if (text === null || text.trim() === "" || text.trim() === "*") return entity;
  const props: Record<string, unknown> = {};
  for (const name of text.split(",").map((s) => s.trim())) {
    const key = Object.keys(entity.props).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) return SpErrors.unknownProperty(ctx.req, name, entity.meta.type);
    props[key] = entity.props[key];
  }
  return { meta: entity.meta, props };
}

function entityOrError(ctx: SpContext, entity: Entity): SandboxResponse {
  const cut = selected(ctx, entity);
  return "meta" in cut ? entityResponse(ctx.req, ctx.siteUrl, cut) : cut;
}

/** GET …/web/roledefinitions and one role definition (by id, name or kind), or one of its properties. */
export function handleRoleDefinitions(ctx: SpContext, first: Segment, rest: Segment[]): SandboxResponse {
  const method = logicalMethod(ctx.req);
  if (method !== "GET") return SpErrors.methodNotAllowed(ctx.req, method);
  const q = ctx.req.url.searchParams;
  let role: RoleDefinition | undefined;
  let after = rest;
  if (first.args !== null) role = roleDefinitionById(readNumberArg(first.args, q) ?? 0);
  else {
    const [which, ...more] = rest;
    if (which === undefined)
      return collectionResponse(
        ctx.req,
        ctx.siteUrl,
        "SP.ApiData.RoleDefinitions",
        ROLE_DEFINITIONS.map(roleDefinitionEntity),
      );
    after = more;
    if (which.name === "getbyid") role = roleDefinitionById(readNumberArg(which.args, q) ?? 0);
    else if (which.name === "getbyname") {
      const name = readStringArg(which.args, q)?.toLowerCase();
      role = ROLE_DEFINITIONS.find((r) => r.Name.toLowerCase() === name);
    } else if (which.name === "getbytype") {
      const kind = readNumberArg(which.args, q);
      role = ROLE_DEFINITIONS.find((r) => r.RoleTypeKind === kind);
    } else return SpErrors.badEndpoint(ctx.req, which.name);
  }
  if (role === undefined) return outOfRange(ctx);
  const [property, ...tail] = after;
  if (property === undefined) return entityOrError(ctx, roleDefinitionEntity(role));
  const props = roleDefinitionEntity(role).props;
  const key = Object.keys(props).find((k) => k.toLowerCase() === property.name);
  if (key === undefined || tail.length > 0 || property.args !== null)
    return SpErrors.badEndpoint(ctx.req, property.name);
  return valueResponse(ctx.req, key, props[key]);
}

function principalEntity(ctx: SpContext, id: number): Entity | null {
  const user = ctx.site.users.find((u) => u.Id === id);
  if (user !== undefined) return userEntity(user);
  const group = ctx.site.groups.find((g) => g.Id === id);
  return group === undefined ? null : groupEntity(group);
}

function assignmentEntity(
  ctx: SpContext,
  basePath: string,
  assignment: SpRoleAssignment,
  expand: ReadonlySet<string>,
): Entity {
  const props: Record<string, unknown> = {};
  if (expand.has("member")) props.Member = principalEntity(ctx, assignment.principalId);
  if (expand.has("roledefinitionbindings"))
    props.RoleDefinitionBindings = assignment.roleDefinitionIds
      .map(roleDefinitionById)
      .filter((r): r is RoleDefinition => r !== undefined)
      .map(roleDefinitionEntity);
  props.PrincipalId = assignment.principalId;
  const link = `${basePath}/RoleAssignments/GetByPrincipalId(${assignment.principalId})`;
  return { meta: { type: "SP.RoleAssignment", id: link, editLink: link }, props };
}

function readExpand(ctx: SpContext): Set<string> | SandboxResponse {
  const text = ctx.req.url.searchParams.get("$expand");
  const expand = new Set<string>();
  if (text === null || text.trim() === "") return expand;
  for (const part of text.split(",")) {
    const head = (part.trim().split("/")[0] ?? "").toLowerCase();
    if (head !== "member" && head !== "roledefinitionbindings")
      return SpErrors.unknownProperty(ctx.req, part.trim(), "SP.RoleAssignment");
    expand.add(head);
  }
  return expand;
}

/** Persist a change to the web's or a list's role assignments. */
function saveScope(ctx: SpContext, list: SpList | null): void {
  if (list === null) ctx.store.saveSite(ctx.site);
  else ctx.store.saveList(ctx.site, list);
}

/** The web permissions a principal (a user with their groups, or a group) holds. */
function principalAccess(ctx: SpContext, id: number): Access {
  if (ctx.site.groups.some((g) => g.Id === id)) return { full: false, principalIds: new Set([id]) };
  return accessOf(ctx.site, id, false);
}

/** POST …/roleassignments/addroleassignment(…) or removeroleassignment(…). */
function changeAssignment(ctx: SpContext, list: SpList | null, seg: Segment): SandboxResponse {
  const adding = seg.name === "addroleassignment";
  const method = adding ? "AddRoleAssignment" : "RemoveRoleAssignment";
  if (logicalMethod(ctx.req) !== "POST") return SpErrors.methodNotAllowed(ctx.req, ctx.req.method);
  const denied = refusal(ctx, list, PERMISSION.managePermissions);
  if (denied !== null) return denied;
  const args = readNamedArgs(seg.args, ctx.req.url.searchParams);
  const principalId = namedInt(args, "principalid");
  const roleDefId = namedInt(args, "roledefid");
  const missing = (name: string) =>
    SpErrors.invalidClientQuery(ctx.req, `The parameter ${name} does not exist in method ${method}.`);
  if (principalId === null) return missing("principalId");
  if (roleDefId === null) return missing("roleDefId");
  if (list !== null && list.roleAssignments === null)
    return spError(
      ctx.req,
      400,
      SP_EXCEPTION,
      "This operation is not allowed on an object that inherits permissions.",
    );
  if (principalEntity(ctx, principalId) === null) return principalNotFound(ctx, principalId);
  const role = roleDefinitionById(roleDefId);
  if (role === undefined) return outOfRange(ctx);
  const assignments = list?.roleAssignments ?? ctx.site.roleAssignments;
  const existing = assignments.find((a) => a.principalId === principalId);
  if (adding) {
    if (role.Id === ROLE_ID.limitedAccess)
      return spError(
        ctx.req,
        400,
        SP_EXCEPTION,
        "You cannot grant a user the limited access permission level.",
      );
    if (existing === undefined) assignments.push({ principalId, roleDefinitionIds: [role.Id] });
    else if (!existing.roleDefinitionIds.includes(role.Id)) existing.roleDefinitionIds.push(role.Id);
    // Someone given access to a list but to nothing on the site gets Limited Access to the web, so that they
    // can reach the list (SharePoint grants it itself; it cannot be granted by hand).
    if (list !== null && permissionsOn(ctx.site, principalAccess(ctx, principalId), null) === 0n) {
      ctx.site.roleAssignments.push({ principalId, roleDefinitionIds: [ROLE_ID.limitedAccess] });
      ctx.store.saveSite(ctx.site);
    }
  } else if (existing !== undefined) {
    existing.roleDefinitionIds = existing.roleDefinitionIds.filter((id) => id !== role.Id);
    if (existing.roleDefinitionIds.length === 0) assignments.splice(assignments.indexOf(existing), 1);
  }
  saveScope(ctx, list);
  return voidResponse(ctx.req, method);
}

/** …/roleassignments… on the web (list null) or on a list whose path is `basePath`. */
export function handleRoleAssignments(
  ctx: SpContext,
  list: SpList | null,
  seg: Segment,
  rest: Segment[],
  basePath: string,
): SandboxResponse {
  const [next, ...more] = rest;
  if (seg.args === null && more.length === 0 && next !== undefined && next.name.endsWith("roleassignment"))
    return next.name === "addroleassignment" || next.name === "removeroleassignment"
      ? changeAssignment(ctx, list, next)
      : SpErrors.badEndpoint(ctx.req, next.name);
  const method = logicalMethod(ctx.req);
  const denied = refusal(ctx, list, PERMISSION.enumeratePermissions);
  if (denied !== null) return denied;
  const expand = readExpand(ctx);
  if (!(expand instanceof Set)) return expand;
  const assignments = [...assignmentsOn(ctx.site, list)].sort((a, b) => a.principalId - b.principalId);
  const q = ctx.req.url.searchParams;
  let principalId: number | null;
  let after: Segment[];
  if (seg.args !== null) [principalId, after] = [readNumberArg(seg.args, q), rest];
  else if (next?.name === "getbyprincipalid") [principalId, after] = [readNumberArg(next.args, q), more];
  else if (next === undefined) {
    if (method !== "GET") return SpErrors.methodNotAllowed(ctx.req, method);
    const values = assignments.map((a) => assignmentEntity(ctx, basePath, a, expand));
    return collectionResponse(ctx.req, ctx.siteUrl, "SP.ApiData.RoleAssignments", values);
  } else return SpErrors.badEndpoint(ctx.req, next.name);
  if (principalId === null) return SpErrors.badEndpoint(ctx.req, "roleassignments");
  const assignment = assignments.find((a) => a.principalId === principalId);
  if (assignment === undefined) return principalNotFound(ctx, principalId);
  const [part, ...tail] = after;
  if (part === undefined) {
    if (method === "GET")
      return entityResponse(ctx.req, ctx.siteUrl, assignmentEntity(ctx, basePath, assignment, expand));
    if (method !== "DELETE") return SpErrors.methodNotAllowed(ctx.req, method);
    const mayNot = refusal(ctx, list, PERMISSION.managePermissions);
    if (mayNot !== null) return mayNot;
    const own = list?.roleAssignments ?? ctx.site.roleAssignments;
    own.splice(
      own.findIndex((a) => a.principalId === principalId),
      1,
    );
    saveScope(ctx, list);
    return { status: 200, headers: { "content-length": "0" }, body: "" };
  }
  if (method !== "GET" || tail.length > 0) return SpErrors.badEndpoint(ctx.req, part.name);
  if (part.name === "member") {
    const member = principalEntity(ctx, assignment.principalId);
    return member === null
      ? principalNotFound(ctx, assignment.principalId)
      : entityResponse(ctx.req, ctx.siteUrl, member);
  }
  if (part.name === "roledefinitionbindings") {
    const roles = assignment.roleDefinitionIds.map(roleDefinitionById).filter((r) => r !== undefined);
    return collectionResponse(
      ctx.req,
      ctx.siteUrl,
      "SP.ApiData.RoleDefinitions",
      roles.map(roleDefinitionEntity),
    );
  }
  return SpErrors.badEndpoint(ctx.req, part.name);
}

/** POST …/breakroleinheritance(copyroleassignments=…, clearsubscopes=…) */
export function breakRoleInheritance(ctx: SpContext, list: SpList, seg: Segment): SandboxResponse {
  if (logicalMethod(ctx.req) !== "POST") return SpErrors.methodNotAllowed(ctx.req, ctx.req.method);
  const denied = refusal(ctx, list, PERMISSION.managePermissions);
  if (denied !== null) return denied;
  const copy = readNamedArgs(seg.args, ctx.req.url.searchParams).get("copyroleassignments");
  if (copy?.kind !== "boolean")
    return SpErrors.invalidClientQuery(
      ctx.req,
      "The parameter copyRoleAssignments does not exist in method BreakRoleInheritance.",
    );
  // Already unique: nothing changes. Otherwise the parent's assignments are copied, or (copy false) only the
  // caller is given Full Control (SPSecurableObject.BreakRoleInheritance docs). Items have no unique
  // permissions in the emulator, so clearSubscopes has nothing to clear.
  if (list.roleAssignments === null) {
    list.roleAssignments = copy.value
      ? ctx.site.roleAssignments.map((a) => ({ ...a, roleDefinitionIds: [...a.roleDefinitionIds] }))
      : [{ principalId: ctx.user.Id, roleDefinitionIds: [ROLE_ID.fullControl] }];
    ctx.store.saveList(ctx.site, list);
  }
  return voidResponse(ctx.req, "BreakRoleInheritance");
}

/** POST …/resetroleinheritance: the list inherits the web's permissions again. */
export function resetRoleInheritance(ctx: SpContext, list: SpList): SandboxResponse {
  if (logicalMethod(ctx.req) !== "POST") return SpErrors.methodNotAllowed(ctx.req, ctx.req.method);
  const denied = refusal(ctx, list, PERMISSION.managePermissions);
  if (denied !== null) return denied;
  if (list.roleAssignments !== null) {
    list.roleAssignments = null;
    ctx.store.saveList(ctx.site, list);
  }
  return voidResponse(ctx.req, "ResetRoleInheritance");
}

/** SP.BasePermissions as SharePoint returns a complex value: flat in JSON light, wrapped in verbose. */
function permissionsResponse(ctx: SpContext, name: string, mask: bigint): SandboxResponse {
  const value = basePermissions(mask);
  const flavour = flavourOf(ctx.req);
  const payload =
    flavour === "verbose"
      ? { d: { [name]: { __metadata: { type: "SP.BasePermissions" }, ...value } } }
      : flavour === "minimal"
        ? { "odata.metadata": `${ctx.siteUrl}/_api/$metadata#SP.BasePermissions`, ...value }
        : value;
  const response = valueResponse(ctx.req, name, null);
  return { ...response, body: JSON.stringify(payload) };
}

/** GET …/EffectiveBasePermissions or …/getUserEffectivePermissions(@user) on the web or a list. */
export function effectivePermissions(ctx: SpContext, list: SpList | null, seg: Segment): SandboxResponse {
  if (logicalMethod(ctx.req) !== "GET") return SpErrors.methodNotAllowed(ctx.req, ctx.req.method);
  if (seg.name === "effectivebasepermissions")
    return permissionsResponse(ctx, "EffectiveBasePermissions", permissionsOn(ctx.site, ctx.access, list));
  const denied = refusal(ctx, list, PERMISSION.enumeratePermissions);
  if (denied !== null) return denied;
  const login = readStringArg(seg.args, ctx.req.url.searchParams)?.toLowerCase();
  const user = ctx.site.users.find((u) => u.LoginName.toLowerCase() === login);
  if (user === undefined)
    return spError(ctx.req, 404, SP_EXCEPTION, `The specified user ${login ?? ""} could not be found.`);
  const mask = permissionsOn(ctx.site, accessOf(ctx.site, user.Id, false), list);
  return permissionsResponse(ctx, "GetUserEffectivePermissions", mask);
}
