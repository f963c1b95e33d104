// The directory through Graph: who is signed in, and line managers, each asked once per run.
import type { Client } from "@microsoft/microsoft-graph-client";
import { z } from "../../lib/zod.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import { graphCall } from "../graph-client.ts";

const userSchema = z.looseObject({ id: z.string(), userPrincipalName: z.string() });

/** Line managers by UPN, through GET /users/{upn}/manager, cached for the run. */
export class ManagerLookup {
  private readonly cache = new Map<string, Promise<string | null>>();

  constructor(private readonly graph: Client) {}

  /** The UPN of the person's manager; null when Graph has none (404) for them. */
  managerOf(upn: string): Promise<string | null> {
    const key = upn.toLowerCase();
    let found = this.cache.get(key);
    if (found === undefined) {
      found = this.fetch(key);
      this.cache.set(key, found);
    }
    return found;
  }

  /** Managers of several people, as the rules' directory wants them. */
  async managersOf(upns: Iterable<string>): Promise<Record<string, string | null>> {
    const unique = [...new Set([...upns].map((u) => u.toLowerCase()))];
    const found = await Promise.all(unique.map((upn) => this.managerOf(upn)));
    return Object.fromEntries(unique.map((upn, i) => [upn, found[i] ?? null]));
  }

  private async fetch(upn: string): Promise<string | null> {
    try {
      const body: unknown = await graphCall(() =>
        this.graph
          .api(`/users/${encodeURIComponent(upn)}/manager`)
          .select(["id", "userPrincipalName"])
          .get(),
      );
      return userSchema.parse(body).userPrincipalName.toLowerCase();
    } catch (error) {
      // No manager, or the person has left the directory: escalations go to the coordinator instead.
      if (error instanceof RemoteError && error.status === 404) return null;
      throw error;
    }
  }
}

/** The signed-in user (GET /me): the sender of chat messages. */
export async function signedInUser(graph: Client): Promise<{ id: string; upn: string }> {
  const me = userSchema.parse(
    await graphCall(() => graph.api("/me").select(["id", "userPrincipalName"]).get()),
  );
  return { id: me.id, upn: me.userPrincipalName.toLowerCase() };
}
