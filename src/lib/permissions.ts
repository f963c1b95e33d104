// The permissions each way of running needs: the README's one table ("Signing in to a real tenant"), as
// `actionplan doctor` checks a token's `scp` (a person) or `roles` (the app) against it. The README's table
// and the sandbox's `.default` grants are held to this by tests/integration/permissions-table.test.ts.

export type Way = "tab" | "person" | "app";
export type Resource = "SharePoint" | "Graph";

export interface Permission {
  resource: Resource;
  name: string;
  ways: readonly Way[];
  why: string;
  /** Broader permissions that include this one (a token holding any of them is enough). */
  broader?: readonly string[];
  /**
   * Entra's id of the delegated permission, where infra/aad.manifest.json names it by id rather than by name:
   * the id in SharePoint Online's service principal (appId 00000003-0000-0ff1-ce00-000000000000,
   * oauth2PermissionScopes), which `az ad sp show --id 00000003-0000-0ff1-ce00-000000000000` lists.
   */
  scopeId?: string;
  /**
   * Needed only to deploy (`actionplan teams-app publish`, run by an administrator), not to run the app:
   * doctor, which checks the identities that run it (the reminder sender, the daily job), does not ask for it.
   */
  deployOnly?: true;
}

const SITES_ALL = ["Sites.Manage.All", "Sites.FullControl.All"];

/**
 * The role the daily job's app needs in its Sites.Selected grant on the site: `manage` (Design). The job adds
 * and edits items (the Reminder Log, Reminder Runs, the actions SROs updated) and marks SROs' updates applied
 * on Progress Updates, an "edit own items" list, which takes "override list behaviors": more than `write`
 * (Contribute). It changes no permissions, so not `fullcontrol` (provisioning's). Learn lists the roles read,
 * write, owner and fullcontrol (https://learn.microsoft.com/graph/permissions-selected-overview, "Roles");
 * manage is on the Microsoft 365 Developer Blog's list ("SharePoint now supports delegated Sites.Selected
 * authentication", 2024). Graph's create call has refused manage and fullcontrol ("Invalid value for role",
 * microsoftgraph/microsoft-graph-docs#11814) where its update took them, so doctor says: create `write`, then
 * update it to `manage`.
 */
export const APP_SITE_ROLE = "manage";

// SharePoint's rights for an app are Read, Write, Manage and FullControl, the levels Reader, Contributor,
// Designer and Full Control (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/add-in-permissions-in-sharepoint),
// and a delegated token does what both the app and the person may
// (https://learn.microsoft.com/en-us/graph/permissions-selected-overview, "How access is calculated"). So:
// - marking an SRO's update applied edits an item someone else created on an "edit own items" list, which
//   only "override list behaviors" (Cancel Checkout: Design and Full Control) allows: Write is not enough for
//   a coordinator in the tab, nor `write` for the daily job as the app;
// - `provision` breaks lists' permission inheritance and assigns roles: Manage Permissions, Full Control's
//   alone, so AllSites.FullControl (or a `fullcontrol` grant for the app), not AllSites.Manage.
// One app registration serves the tab and the CLI, and `.default` gives every token all of its consented
// SharePoint scopes: the tab's token carries AllSites.FullControl too, still held to each person's own rights.
export const PERMISSIONS: readonly Permission[] = [
  {
    resource: "SharePoint",
    name: "AllSites.Manage",
    ways: ["tab"],
    why: "the plan's lists; coordinators mark SROs' updates applied",
    broader: ["AllSites.FullControl"],
    scopeId: "b3f70a70-8a4b-4f95-9573-d71c496a53f4",
  },
  {
    resource: "SharePoint",
    name: "AllSites.FullControl",
    ways: ["person"],
    why: "`provision` sets who may write each list",
    scopeId: "56680e0d-d2a3-4ae1-80d8-3c4f2100e3d0",
  },
  {
    resource: "SharePoint",
    name: "Sites.Selected",
    ways: ["app"],
    why: `the one site, granted \`${APP_SITE_ROLE}\` (\`fullcontrol\` to provision)`,
    broader: SITES_ALL,
  },
  { resource: "Graph", name: "User.Read", ways: ["tab", "person"], why: "who is signed in (`/me`)" },
  {
    resource: "Graph",
    name: "User.Read.All",
    ways: ["tab", "person", "app"],
    why: "people, their posts and managers (escalations)",
    broader: ["User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
  },
  {
    resource: "Graph",
    name: "Chat.Create",
    ways: ["tab", "person"],
    why: "the one-on-one chat a reminder card goes to",
    broader: ["Chat.ReadWrite"],
  },
  {
    resource: "Graph",
    name: "Chat.Read",
    ways: ["tab", "person"],
    why: "reading the chat back, so a card is sent once",
    broader: ["Chat.ReadWrite"],
  },
  {
    resource: "Graph",
    name: "ChatMessage.Send",
    ways: ["tab", "person"],
    why: "posting the reminder card",
    broader: ["Chat.ReadWrite"],
  },
  {
    resource: "Graph",
    name: "AppCatalog.Submit",
    ways: ["person"],
    why: "`teams-app publish` puts the Teams app in the organisation's catalog",
    broader: ["AppCatalog.ReadWrite.All", "Directory.ReadWrite.All"],
    deployOnly: true,
  },
  {
    resource: "Graph",
    name: "AppCatalog.Read.All",
    ways: ["app"],
    why: "finding the app in the organisation's catalog",
    broader: ["AppCatalog.ReadWrite.All"],
  },
  {
    resource: "Graph",
    name: "TeamsAppInstallation.ReadWriteForUser.All",
    ways: ["app"],
    why: "installing the app for an SRO, to notify them",
    broader: ["TeamsAppInstallation.ReadWriteAndConsentForUser.All"],
  },
  { resource: "Graph", name: "TeamsActivity.Send", ways: ["app"], why: "the activity-feed notification" },
];

/** The permissions a way of running needs of one resource. */
export function neededBy(way: Way, resource: Resource): Permission[] {
  return PERMISSIONS.filter((p) => p.resource === resource && p.ways.includes(way));
}

/**
 * Of what a way of running needs of a resource to run the app (not what only deploying it needs), what a token
 * granting `granted` lacks.
 */
export function missingPermissions(way: Way, resource: Resource, granted: readonly string[]): Permission[] {
  const has = new Set(granted.map((g) => g.toLowerCase()));
  return neededBy(way, resource).filter(
    (p) =>
      p.deployOnly !== true && ![p.name, ...(p.broader ?? [])].some((name) => has.has(name.toLowerCase())),
  );
}
