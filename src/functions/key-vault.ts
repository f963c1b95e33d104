// The two Key Vault calls the daily job makes (read and write one secret), signed in as the Function App's
// managed identity. Each is one HTTP request, so it is called with fetch rather than through
// @azure/keyvault-secrets and @azure/identity; the identity's token comes from MSAL for Node, which the CLI
// already uses. https://learn.microsoft.com/rest/api/keyvault/secrets/get-secret/get-secret
import { ManagedIdentityApplication } from "@azure/msal-node";
import { z } from "zod";

const API_VERSION = "7.4";
const VAULT_RESOURCE = "https://vault.azure.net";

/** A secret store: what the job needs of Key Vault. */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
}

const secretSchema = z.object({ value: z.string() });

/** Key Vault at `vaultUrl`, with tokens from the Function App's managed identity (MSAL finds its endpoint). */
export function keyVault(vaultUrl: string, env: NodeJS.ProcessEnv = process.env): SecretStore {
  let identity: ManagedIdentityApplication | null = null;
  const token = async (): Promise<string> => {
    if (env.IDENTITY_ENDPOINT === undefined)
      throw new Error(
        "The Function App has no managed identity (IDENTITY_ENDPOINT is not set): turn on its system-assigned identity and give it the 'Key Vault Secrets Officer' role on the vault.",
      );
    // MSAL caches the token and renews it before it expires.
    identity ??= new ManagedIdentityApplication();
    return (await identity.acquireToken({ resource: VAULT_RESOURCE })).accessToken;
  };
  const secretUrl = (name: string) =>
    `${vaultUrl}/secrets/${encodeURIComponent(name)}?api-version=${API_VERSION}`;
  const refused = (verb: string, name: string, status: number) =>
    new Error(
      status === 403
        ? `Key Vault refused to ${verb} the secret '${name}' (403): give the Function App's identity the 'Key Vault Secrets Officer' role on ${vaultUrl}.`
        : `Key Vault could not ${verb} the secret '${name}' at ${vaultUrl} (HTTP ${String(status)}).`,
    );
  return {
    async get(name) {
      const response = await fetch(secretUrl(name), {
        headers: { authorization: `Bearer ${await token()}` },
      });
      if (response.status === 404) return null;
      if (!response.ok) throw refused("read", name, response.status);
      return secretSchema.parse(await response.json()).value;
    },
    async set(name, value) {
      const response = await fetch(secretUrl(name), {
        method: "PUT",
        headers: { authorization: `Bearer ${await token()}`, "content-type": "application/json" },
        body: JSON.stringify({ value, contentType: "application/json" }),
      });
      if (!response.ok) throw refused("write", name, response.status);
    },
  };
}
