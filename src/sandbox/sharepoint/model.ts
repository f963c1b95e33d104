// The state the SharePoint emulator keeps: sites with their users, groups, lists, fields and items.
// Shapes follow SharePoint's own property names so that serialising them is a rename-free copy.

export interface SpUser {
  Id: number;
  LoginName: string;
  Title: string;
  Email: string;
  UserPrincipalName: string | null;
  IsSiteAdmin: boolean;
  /** 1 = user; the sandbox has no domain groups as principals. */
  PrincipalType: number;
}

export interface SpGroup {
  Id: number;
  Title: string;
  Description: string;
  memberIds: number[];
}

export interface SpField {
  Id: string;
  InternalName: string;
  Title: string;
  FieldTypeKind: number;
  TypeAsString: string;
  Indexed: boolean;
  Required: boolean;
  Hidden: boolean;
  ReadOnlyField: boolean;
  Description: string;
  EnforceUniqueValues: boolean;
  DefaultValue: string | null;
  Group: string;
  MaxLength?: number;
  Choices?: string[];
  LookupList?: string;
  LookupField?: string;
  AllowMultipleValues?: boolean;
  SelectionMode?: number;
  DisplayFormat?: number;
  /** Built-in columns (ID, Created, Author…) cannot be deleted or re-typed. */
  builtIn: boolean;
}

export interface SpItem {
  Id: number;
  GUID: string;
  version: number;
  Created: string;
  Modified: string;
  AuthorId: number;
  EditorId: number;
  /** Values of the list's own columns by internal name; lookups and people hold ids (number or number[]). */
  values: Record<string, unknown>;
  /** Earlier versions, oldest first, kept while the list's EnableVersioning is on (see versions.ts). */
  history?: SpItemVersion[];
}

/** An earlier version of an item: what it held, and who wrote it when. */
export interface SpItemVersion {
  version: number;
  Modified: string;
  EditorId: number;
  values: Record<string, unknown>;
}

/** One principal's permission levels on a securable object (web or list), by role definition id. */
export interface SpRoleAssignment {
  principalId: number;
  roleDefinitionIds: number[];
}

export interface SpList {
  Id: string;
  Title: string;
  Description: string;
  BaseTemplate: number;
  Created: string;
  LastItemModifiedDate: string;
  EntityTypeName: string;
  nextItemId: number;
  fields: SpField[];
  items: Map<number, SpItem>;
  /** The list's own role assignments once its inheritance is broken; null while it inherits the web's. */
  roleAssignments: SpRoleAssignment[] | null;
  /** Item-level permissions: 1 read all items, 2 read only items the reader created. */
  ReadSecurity: number;
  /** 1 create and edit all items, 2 create items and edit only one's own, 4 none. */
  WriteSecurity: number;
  /** Whether item changes keep versions; absent (data from before it was emulated) reads as off. */
  EnableVersioning?: boolean;
}

/**
 * An application's Sites.Selected grant on a site, as Graph's POST /sites/{id}/permissions records it: the
 * app, and the role it holds there (read, write, manage, owner or fullcontrol).
 */
export interface SpAppGrant {
  /** The permission's id in Graph's /sites/{id}/permissions. */
  id: string;
  appId: string;
  displayName: string;
  roles: string[];
}

export interface SpSite {
  /** The path segment after /sites/. */
  name: string;
  SiteId: string;
  WebId: string;
  Title: string;
  Description: string;
  Created: string;
  nextPrincipalId: number;
  users: SpUser[];
  groups: SpGroup[];
  ownerGroupId: number;
  memberGroupId: number;
  visitorGroupId: number;
  /** The root web's role assignments (a root web always has unique permissions). */
  roleAssignments: SpRoleAssignment[];
  /** Apps granted this site under Sites.Selected; absent (data from before grants were emulated) is none. */
  appGrants?: SpAppGrant[];
  lists: SpList[];
}

/** SharePoint's field kinds (SP.FieldType) that the emulator supports, with their type names and classes. */
/** A field's properties that only some kinds of column have (a text column's MaxLength, a choice's Choices). */
export const FIELD_KIND_PROPERTIES = [
  "MaxLength",
  "Choices",
  "LookupList",
  "LookupField",
  "AllowMultipleValues",
  "SelectionMode",
  "DisplayFormat",
] as const;

export const FIELD_KINDS: Record<number, { typeAsString: string; odataType: string }> = {
  1: { typeAsString: "Integer", odataType: "SP.FieldNumber" },
  2: { typeAsString: "Text", odataType: "SP.FieldText" },
  3: { typeAsString: "Note", odataType: "SP.FieldMultiLineText" },
  4: { typeAsString: "DateTime", odataType: "SP.FieldDateTime" },
  5: { typeAsString: "Counter", odataType: "SP.Field" },
  6: { typeAsString: "Choice", odataType: "SP.FieldChoice" },
  7: { typeAsString: "Lookup", odataType: "SP.FieldLookup" },
  8: { typeAsString: "Boolean", odataType: "SP.Field" },
  9: { typeAsString: "Number", odataType: "SP.FieldNumber" },
  10: { typeAsString: "Currency", odataType: "SP.FieldCurrency" },
  11: { typeAsString: "URL", odataType: "SP.FieldUrl" },
  12: { typeAsString: "Computed", odataType: "SP.FieldComputed" },
  14: { typeAsString: "Guid", odataType: "SP.FieldGuid" },
  15: { typeAsString: "MultiChoice", odataType: "SP.FieldMultiChoice" },
  20: { typeAsString: "User", odataType: "SP.FieldUser" },
};

export function typeAsStringOf(field: Pick<SpField, "FieldTypeKind" | "AllowMultipleValues">): string {
  const base = FIELD_KINDS[field.FieldTypeKind]?.typeAsString ?? "Text";
  if (field.AllowMultipleValues === true && (base === "User" || base === "Lookup")) return `${base}Multi`;
  return base;
}

/** SharePoint's internal-name encoding: characters other than letters and digits become _xHHHH_, max 32 chars. */
export function internalNameFromTitle(title: string): string {
  let name = "";
  for (const ch of title) {
    if (/[A-Za-z0-9_]/.test(ch)) name += ch;
    else name += `_x${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}_`;
    if (name.length >= 32) break;
  }
  return name.slice(0, 32);
}

/** SP.Data.<EntityTypeName>Item, the type name SharePoint gives a list's items. */
export function itemTypeName(list: SpList): string {
  return `SP.Data.${list.EntityTypeName}Item`;
}

/** SharePoint derives the entity type name from the list's title when it is created: spaces dropped, "List" added. */
export function entityTypeNameFor(title: string, template: number): string {
  const cleaned = title.replace(/[^A-Za-z0-9_]/g, "").replace(/^(\d)/, "_$1") || "Untitled";
  return template === 101 ? cleaned : `${cleaned}List`;
}

/** A field is a lookup-like column whose value is an id (or ids) of another list's item or of a site user. */
export function isIdValued(field: SpField): boolean {
  return field.FieldTypeKind === 7 || field.FieldTypeKind === 20;
}
