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
import type { SpItem, SpList } from "./model.ts";
import { can, PERMISSION, type PermissionKind } from "./roles.ts";

export function allowed(ctx: SpContext, list: SpList | null, kind: PermissionKind): boolean {
  return can(ctx.site, ctx.access, list, kind);
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
  return allowed(ctx, list, PERMISSION.viewListItems) ? null : SpErrors.accessDenied(ctx.req);
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
  if (!allowed(ctx, list, NEEDED[write])) return SpErrors.accessDenied(ctx.req);
  if (overridesItemSettings(ctx, list)) return null;
  if (list.WriteSecurity === 4) return SpErrors.accessDenied(ctx.req);
  if (list.WriteSecurity === 2 && write !== "add" && item !== null && item.AuthorId !== ctx.user.Id)
    return SpErrors.accessDenied(ctx.req);
  return null;
}

/** Lists and their columns are created, changed and deleted with ManageLists (Edit, Design, Full Control). */
export function manageListsRefusal(ctx: SpContext, list: SpList | null): SandboxResponse | null {
  return allowed(ctx, list, PERMISSION.manageLists) ? null : SpErrors.accessDenied(ctx.req);
}
