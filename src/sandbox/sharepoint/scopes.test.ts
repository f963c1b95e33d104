import assert from "node:assert/strict";
import { test } from "vitest";
import type { TokenGrant } from "../http.ts";
import type { SpSite } from "./model.ts";
import { hasPermission, PERMISSION, type PermissionKind } from "./roles.ts";
import { levelMask, tokenCeiling } from "./scopes.ts";

const APP = "0f6c1a4e-5d7b-4c2e-9a31-6b8d2e4f7a90";

function site(grants: { appId: string; roles: string[] }[] = []): SpSite {
  return {
    appGrants: grants.map((g, i) => ({ id: String(i), displayName: "", ...g })),
  } as unknown as SpSite;
}

const delegated = (...permissions: string[]): TokenGrant => ({ kind: "delegated", permissions, appId: APP });
const application = (...permissions: string[]): TokenGrant => ({
  kind: "application",
  permissions,
  appId: APP,
});

/** What a ceiling allows, by the operations the emulator checks. */
function allows(ceiling: bigint | undefined): string[] {
  if (ceiling === undefined) return ["unchecked"];
  const kinds: [string, PermissionKind][] = [
    ["read", PERMISSION.viewListItems],
    ["write", PERMISSION.editListItems],
    ["override", PERMISSION.cancelCheckout],
    ["lists", PERMISSION.manageLists],
    ["permissions", PERMISSION.managePermissions],
  ];
  return kinds.filter(([, kind]) => hasPermission(ceiling, kind)).map(([name]) => name);
}

test.each([
  ["the test token (no scope)", null, site(), ["unchecked"]],
  ["AllSites.Read", delegated("AllSites.Read"), site(), ["read"]],
  ["AllSites.Write", delegated("AllSites.Write"), site(), ["read", "write"]],
  ["AllSites.Manage", delegated("AllSites.Manage"), site(), ["read", "write", "override", "lists"]],
  [
    "AllSites.FullControl",
    delegated("AllSites.FullControl"),
    site(),
    ["read", "write", "override", "lists", "permissions"],
  ],
  [
    "the highest of several, any case",
    delegated("allsites.write", "AllSites.Manage"),
    site(),
    ["read", "write", "override", "lists"],
  ],
  ["a delegated token with no SharePoint permission", delegated("MyFiles.Read"), site(), []],
  ["an app role is not a delegated scope", delegated("Sites.FullControl.All"), site(), []],
  ["Sites.ReadWrite.All", application("Sites.ReadWrite.All"), site(), ["read", "write"]],
  [
    "Sites.FullControl.All",
    application("Sites.FullControl.All"),
    site(),
    ["read", "write", "override", "lists", "permissions"],
  ],
  ["Sites.Selected without a grant", application("Sites.Selected"), site(), []],
  [
    "Sites.Selected granted to another app",
    application("Sites.Selected"),
    site([{ appId: "other", roles: ["fullcontrol"] }]),
    [],
  ],
  [
    "Sites.Selected granted write",
    application("Sites.Selected"),
    site([{ appId: APP, roles: ["write"] }]),
    ["read", "write"],
  ],
  [
    "Sites.Selected granted manage",
    application("Sites.Selected"),
    site([{ appId: APP.toUpperCase(), roles: ["manage"] }]),
    ["read", "write", "override", "lists"],
  ],
  [
    "Sites.Selected granted owner",
    application("Sites.Selected"),
    site([{ appId: APP, roles: ["owner"] }]),
    ["read", "write", "override", "lists", "permissions"],
  ],
  [
    "delegated Sites.Selected with its app's grant",
    delegated("Sites.Selected"),
    site([{ appId: APP, roles: ["read"] }]),
    ["read"],
  ],
] as const)("%s", (_what, granted, on, expected) => {
  assert.deepEqual(allows(tokenCeiling(granted, on)), expected);
});

test("each level is the permission level it corresponds to, each within the next", () => {
  const levels = (["read", "write", "manage", "fullcontrol"] as const).map(levelMask);
  for (let i = 1; i < levels.length; i++) {
    const lower = levels[i - 1] ?? 0n;
    const higher = levels[i] ?? 0n;
    assert.equal(lower & higher, lower);
    assert.notEqual(lower, higher);
  }
});
