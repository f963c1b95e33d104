// Asking the sandbox for a token, for tests and the bench. Kept apart from targets.ts so that code driving a
// sandbox in another process does not load the in-process one.
import { z } from "zod";

const tokenSchema = z.object({ access_token: z.string() });

/**
 * A fresh token from the sandbox at `url` for a person (`{ user: upn }`) or an app (`{ app: clientId }`): the
 * test token for both services, or with `scope` a token for that one resource, as Entra issues them.
 */
export async function sandboxToken(
  url: string,
  body: ({ user: string } | { app: string }) & { scope?: string },
): Promise<string> {
  const response = await fetch(`${url}/sandbox/token`, { method: "POST", body: JSON.stringify(body) });
  return tokenSchema.parse(await response.json()).access_token;
}
