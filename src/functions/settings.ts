// The daily job's settings: the Function App's application settings, checked once with a schema. Nothing
// has a default that could point at the sandbox: every missing or malformed setting is named, with what it
// should hold, and the run stops before it reads or sends anything.
import { z } from "zod";
import { officerPredicate, settingProblems } from "../lib/zod-words.ts";

/** What an app setting holds when App Service could not resolve its Key Vault reference. */
const UNRESOLVED_REFERENCE = /^@Microsoft\.KeyVault\(/i;

const secret = (what: string) =>
  z
    .string(what)
    .min(1, what)
    .refine(
      (value) => !UNRESOLVED_REFERENCE.test(value),
      "is still a Key Vault reference: the Function App's managed identity cannot read that secret (give it the 'Key Vault Secrets Officer' role on the vault, as infra/main.bicep does: it reads the certificate and writes the sender's sign-in back; then restart the app)",
    );

const functionSettingsSchema = z
  .object({
    ACTIONPLAN_SITE_URL: z
      .url({
        protocol: /^https$/,
        error: "the plan's SharePoint site, e.g. https://contoso.sharepoint.com/sites/improvement",
      })
      .transform((u) => u.replace(/\/+$/, "")),
    ACTIONPLAN_TENANT_ID: z
      .string("the Entra ID tenant id (a GUID)")
      .min(1, "the Entra ID tenant id (a GUID)"),
    ACTIONPLAN_CLIENT_ID: z.uuid("the app registration's Application (client) ID"),
    /** The app's certificate and private key as PEM: a Key Vault reference to the certificate's secret. */
    ACTIONPLAN_CERT_PEM: secret(
      "the app's certificate and private key (PEM), as a Key Vault reference: @Microsoft.KeyVault(SecretUri=https://<vault>.vault.azure.net/secrets/<certificate name>/)",
    ).refine(
      (pem) => /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem) && pem.includes("-----BEGIN CERTIFICATE-----"),
      "must hold both the certificate and its private key in PEM (create the Key Vault certificate with content type PEM)",
    ),
    /** How SROs get their cards: chat (a service account's delegated token) or the activity feed (the app). */
    ACTIONPLAN_CHANNEL: z.enum(["chat", "activity"], "chat or activity"),
    ACTIONPLAN_SENDER_UPN: z.email("the reminder service account's sign-in address").optional(),
    ACTIONPLAN_KEY_VAULT_URL: z
      .url({ protocol: /^https?$/, error: "the vault's address, e.g. https://kv-actionplan.vault.azure.net" })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
    ACTIONPLAN_SENDER_CACHE_SECRET: z
      .string()
      .regex(/^[0-9A-Za-z-]{1,127}$/, "the Key Vault secret's name (letters, digits and hyphens)")
      .optional(),
  })
  .superRefine((settings, ctx) => {
    if (settings.ACTIONPLAN_CHANNEL !== "chat") return;
    // Chat cards go from a person: the service account whose MSAL token cache the vault keeps.
    const needed = {
      ACTIONPLAN_SENDER_UPN: "the reminder service account's sign-in address (chat cards come from it)",
      ACTIONPLAN_KEY_VAULT_URL: "the vault holding the service account's sign-in (chat cards need it)",
      ACTIONPLAN_SENDER_CACHE_SECRET: "the Key Vault secret holding the service account's sign-in",
    } as const;
    for (const [name, what] of Object.entries(needed))
      if (settings[name as keyof typeof needed] === undefined)
        ctx.addIssue({ code: "custom", path: [name], message: what });
  });

export type FunctionSettings = z.infer<typeof functionSettingsSchema>;

/** A setting is missing or malformed; the message names every one. */
export class FunctionSettingsError extends Error {}

/** The daily job's settings from its environment, or an error naming each one missing or wrong. */
export function readFunctionSettings(env: NodeJS.ProcessEnv = process.env): FunctionSettings {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = functionSettingsSchema.safeParse(given, { error: officerPredicate });
  if (result.success) return result.data;
  const problems = settingProblems(result.error.issues);
  throw new FunctionSettingsError(
    `the daily reminder job needs these application settings:\n${problems.join("\n")}`,
  );
}

/** Every setting the job reads (the Bicep template gives each one to the Function App). */
export const FUNCTION_SETTING_NAMES: readonly string[] = Object.keys(functionSettingsSchema.shape);
