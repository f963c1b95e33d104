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
}

const SITES_ALL = ["Sites.Manage.All", "Sites.FullControl.All"];

export const PERMISSIONS: readonly Permission[] = [
  {
    resource: "SharePoint",
    name: "AllSites.Write",
    ways: ["tab"],
    why: "read and write the plan's lists",
    broader: ["AllSites.Manage", "AllSites.FullControl"],
  },
  {
    resource: "SharePoint",
    name: "AllSites.Manage",
    ways: ["person"],
    why: "`provision` creates lists and columns",
    broader: ["AllSites.FullControl"],
  },
  {
    resource: "SharePoint",
    name: "Sites.Selected",
    ways: ["app"],
    why: "the one site, granted `write` (or `fullcontrol`)",
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

/** Of what a way of running needs of a resource, what a token granting `granted` lacks. */
export function missingPermissions(way: Way, resource: Resource, granted: readonly string[]): Permission[] {
  const has = new Set(granted.map((g) => g.toLowerCase()));
  return neededBy(way, resource).filter(
    (p) => ![p.name, ...(p.broader ?? [])].some((name) => has.has(name.toLowerCase())),
  );
}
