// The directory an import matches SRO names against: every user's UPN, name and job title, from Graph's
// `/users`, a page of 999 at a time. Browser-safe: the tab's import and `actionplan import` both read it.
import type { Client } from "@microsoft/microsoft-graph-client";
import { z } from "../lib/zod.ts";
import { RemoteError } from "../lib/remote-error.ts";
import { createGraphClient, graphCall, nextLinkPath, type GraphConnection } from "./graph-client.ts";

export interface DirectoryPerson {
  upn: string;
  displayName: string;
  jobTitle: string | null;
}

const pageSchema = z.object({
  value: z.array(
    z.object({
      userPrincipalName: z.string(),
      displayName: z.nullish(z.string()),
      jobTitle: z.nullish(z.string()),
    }),
  ),
  "@odata.nextLink": z.optional(z.string()),
});

/** Everyone in the directory (Graph's `/users`, which needs User.Read.All or User.ReadBasic.All). */
export async function loadDirectory(graph: Client, baseUrl: string): Promise<DirectoryPerson[]> {
  const people: DirectoryPerson[] = [];
  let path: string | null = "/users";
  let first = true;
  while (path !== null) {
    const request = graph.api(path);
    // The next link carries $select and $top already.
    if (first) request.select(["userPrincipalName", "displayName", "jobTitle"]).top(999);
    const page = pageSchema.parse(await graphCall(() => request.get() as Promise<unknown>));
    for (const user of page.value)
      people.push({
        upn: user.userPrincipalName.toLowerCase(),
        displayName: user.displayName ?? user.userPrincipalName,
        jobTitle: user.jobTitle ?? null,
      });
    const next = page["@odata.nextLink"];
    path = next === undefined ? null : nextLinkPath({ baseUrl }, next);
    first = false;
  }
  return people;
}

/** Everyone in the directory, through a Graph client made for `connection` (the tab's way in). */
export function loadDirectoryWith(connection: GraphConnection): Promise<DirectoryPerson[]> {
  return loadDirectory(createGraphClient(connection), connection.baseUrl);
}

const userSchema = z.object({ accountEnabled: z.nullish(z.boolean()) });

/**
 * Whether a person is still in the organisation's directory: false when Graph's /users/{upn} answers 404
 * (they have left and their account was deleted) or their account is disabled. Needs User.Read.All, as
 * accountEnabled is not part of the basic profile. For "which SRO post holders have left".
 */
export async function stillInDirectory(graph: Client, upn: string): Promise<boolean> {
  try {
    const user = userSchema.parse(
      await graphCall(
        () =>
          graph
            .api(`/users/${encodeURIComponent(upn)}`)
            .select(["userPrincipalName", "accountEnabled"])
            .get() as Promise<unknown>,
      ),
    );
    return user.accountEnabled !== false;
  } catch (error) {
    if (error instanceof RemoteError && error.status === 404) return false;
    throw error;
  }
}
