// The Microsoft Entra directory roles sandbox people hold, as a tenant assigns them (Entra admin centre →
// Roles & admins). Only roles an emulator checks are here: publishing an app to the organisation's Teams app
// catalog without review, and adding a new version of one, need Teams Administrator or a higher role
// (https://learn.microsoft.com/graph/api/teamsapp-publish, https://learn.microsoft.com/graph/api/teamsapp-update).
// Nobody in the fictional council is a Global Administrator; its Teams apps are run by one business support
// officer, so that publishing can be tried both as an administrator and as anyone else.
import type { Person } from "./directory.ts";

/** The Entra roles the sandbox knows, by their display names in the Entra admin centre. */
export type DirectoryRole = "Teams Administrator" | "Global Administrator";

/** Who holds which role, by Entra object id (the directory's ids, fixed forever). */
const HOLDERS: ReadonlyMap<string, readonly DirectoryRole[]> = new Map([
  // Laura Kowalczyk, Business Support Officer (SIT): administers the council's Teams apps.
  ["69166cb4-ba1d-472d-bf15-5ba2c90eea3e", ["Teams Administrator"]],
]);

/** The directory roles a person holds (none for most). */
export function directoryRolesOf(person: Person): readonly DirectoryRole[] {
  return HOLDERS.get(person.id.toLowerCase()) ?? [];
}

/** The people who hold any directory role, by object id: for checking the table names real people. */
export function roleHolderIds(): string[] {
  return [...HOLDERS.keys()];
}
