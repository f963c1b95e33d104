// What a caller may do with a list and its items, as SharePoint decides it: the permission levels that apply
// to the list (its own role assignments, or the web's while it inherits), then the list's item-level settings.
// ReadSecurity 2 ("Read items that were created by the user") trims what is read as a view filter does, so
// another's item "does not exist"; WriteSecurity 2 ("Create items and edit items that were created by the
// user") refuses edits and deletes of another's item; WriteSecurity 4 refuses every write. People with the
// Cancel Checkout permission ("Override list behaviors": Full Control and Design) read and edit all items.
// (SPList.ReadSecurity/WriteSecurity docs; "Note: Users with the Cancel Checkout permission can read and edit
// all items." in the list's advanced settings, natechamberlain.com/2018/09/02/sharepoint-cancel-checkout-permissions.)
import type { SandboxResponse } from "../http.ts";
import type { SpContext } from "./context.ts";
import { SpErrors } from "./format.ts";
import type { SpItem, SpList, SpSite } from "./model.ts";
import { can, holds, PERMISSION, type Access, type PermissionKind } from "./roles.ts";
import { scopeRefusal } from "./scopes.ts";

export function allowed(ctx: SpContext, list: SpList | null, kind: PermissionKind): boolean {
  return can(ctx.site, ctx.access, list, kind);
}

/**
 * SharePoint's refusal of an operation needing `kind` on the web (list null) or a list, or null when it may
 * go on: "Access denied." when the person lacks it, "Attempted to perform an unauthorized operation." when
 * they hold it but their token's scope (or their app's site grant) does not reach it (scopes.ts).
 */
export function refusalOf(
  site: SpSite,
  access: Access,
  req: SpContext["req"],
  list: SpList | null,
  kind: PermissionKind,
): SandboxResponse | null {
  if (can(site, access, list, kind)) return null;
  return holds(site, access, list, kind) ? scopeRefusal(req) : SpErrors.accessDenied(req);
}

/** refusalOf for the caller of `ctx`. */
export function refusal(ctx: SpContext, list: SpList | null, kind: PermissionKind): SandboxResponse | null {
  return refusalOf(ctx.site, ctx.access, ctx.req, list, kind);
}

/**
 * Can the caller see the list at all? SharePoint trims web/lists and answers GetByTitle/GetById for a list the
 * caller has no permission on as for a list that does not exist (404 "List 'X' does not exist at site…").
 */
export function listVisible(ctx: SpContext, list: SpList): boolean {
  return allowed(ctx, list, PERMISSION.viewListItems);
}

function overridesItemSettings(ctx: SpContext, list: SpList): boolean {
  return allowed(ctx, list, PERMISSION.cancelCheckout);
}

/** Which items the caller may read (ViewListItems on the list, then ReadSecurity), worked out once a query. */
export function readableItems(ctx: SpContext, list: SpList): (item: SpItem) => boolean {
  if (!allowed(ctx, list, PERMISSION.viewListItems)) return () => false;
  if (list.ReadSecurity !== 2 || overridesItemSettings(ctx, list)) return () => true;
  const me = ctx.user.Id;
  return (item) => item.AuthorId === me;
}

export function itemReadable(ctx: SpContext, list: SpList, item: SpItem): boolean {
  return readableItems(ctx, list)(item);
}

/** SharePoint's refusal of reading items, or null: without ViewListItems GET …/items is access denied. */
export function readRefusal(ctx: SpContext, list: SpList): SandboxResponse | null {
  return refusal(ctx, list, PERMISSION.viewListItems);
}

export type ItemWrite = "add" | "edit" | "delete";

const NEEDED: Record<ItemWrite, PermissionKind> = {
  add: PERMISSION.addListItems,
  edit: PERMISSION.editListItems,
  delete: PERMISSION.deleteListItems,
};

/**
 * SharePoint's refusal of a write, or null when it is allowed. `item` is the existing item for edit and
 * delete. The permission level is checked first, then WriteSecurity.
 */
export function writeRefusal(
  ctx: SpContext,
  list: SpList,
  write: ItemWrite,
  item: SpItem | null,
): SandboxResponse | null {
  const denied = refusal(ctx, list, NEEDED[write]);
  if (denied !== null) return denied;
  if (overridesItemSettings(ctx, list)) return null;
  // Held back by the list's item-level settings: the person's own override (Cancel Checkout) may be out of
  // their token's reach (a Write token is Contribute, which has none), and then it is the token that refuses.
  const refuse = () =>
    holds(ctx.site, ctx.access, list, PERMISSION.cancelCheckout)
      ? scopeRefusal(ctx.req)
      : SpErrors.accessDenied(ctx.req);
  if (list.WriteSecurity === 4) return refuse();
  if (list.WriteSecurity === 2 && write !== "add" && item !== null && item.AuthorId !== ctx.user.Id)
    return refuse();
  return null;
}

/** Lists and their columns are created, changed and deleted with ManageLists (Edit, Design, Full Control). */
export function manageListsRefusal(ctx: SpContext, list: SpList | null): SandboxResponse | null {
  return refusal(ctx, list, PERMISSION.manageLists);
}
