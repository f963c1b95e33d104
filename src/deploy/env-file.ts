// The council's deployment settings file (env/.env.dev): what the council fills in, and what `actionplan
// deploy` writes back as it creates things, so that a second run picks up where the first stopped. Read with
// Node's own dotenv parser and checked with a schema; written back line by line, keeping the comments.
import { parseEnv } from "node:util";
import { z } from "zod";

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));
const optionalGuid = optionalText.pipe(z.uuid("must be a GUID").optional());

/** What the council fills in before the first run. */
const councilSchema = z.object({
  SHAREPOINT_SITE_URL: z.url({ protocol: /^https?$/, error: "must be the site's address, https://…" }),
  DEVELOPER_NAME: z
    .string("is missing: the council's name as Teams shows the publisher")
    .trim()
    .min(1, "is missing: the council's name as Teams shows the publisher")
    .max(32, "must be at most 32 characters (Teams' limit)"),
  DEVELOPER_URL: z.url({ protocol: /^https$/, error: "is missing: the council's website, https://…" }),
  PRIVACY_URL: z.url({
    protocol: /^https$/,
    error: "is missing: the council's privacy notice covering this app, https://…",
  }),
  TERMS_URL: z.url({
    protocol: /^https$/,
    error: "is missing: the terms of use staff agree to (e.g. an acceptable use policy), https://…",
  }),
  APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, "must be x.y.z, e.g. 1.0.0"),
  REMINDER_CHANNEL: z.enum(["chat", "activity"], "must be chat or activity"),
  REMINDER_SENDER_UPN: optionalText.pipe(z.email("must be an e-mail address").optional()),
  COORDINATOR_UPN: z.email("is missing: the coordinators' mailbox, told when the daily run fails"),
  AZURE_SUBSCRIPTION_ID: z.uuid("is missing: the Azure subscription's id (az account list -o table)"),
  AZURE_RESOURCE_GROUP_NAME: z
    .string("is missing: the resource group to deploy to")
    .trim()
    .min(1, "is missing: the resource group to deploy to"),
  RESOURCE_SUFFIX: z
    .string("is missing: a short name for the council, e.g. north-bridge")
    .regex(/^[a-z0-9-]{2,12}$/i, "must be 2–12 letters, digits or hyphens, e.g. north-bridge"),
});

/** What `deploy` writes back (empty before the first run). */
const writtenSchema = z.object({
  AAD_APP_CLIENT_ID: optionalGuid,
  AAD_APP_OBJECT_ID: optionalGuid,
  AAD_APP_TENANT_ID: optionalGuid,
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: optionalGuid,
  TEAMS_APP_ID: optionalGuid,
  TAB_AZURE_STORAGE_RESOURCE_ID: optionalText,
  TAB_ENDPOINT: optionalText,
  TAB_DOMAIN: optionalText,
  FUNCTION_APP_RESOURCE_ID: optionalText,
  KEY_VAULT_NAME: optionalText,
  KEY_VAULT_URL: optionalText,
  TEAMS_APP_PUBLISHED_APP_ID: optionalGuid,
});

const deploySchema = councilSchema.extend(writtenSchema.shape).superRefine((s, ctx) => {
  if (s.REMINDER_CHANNEL === "chat" && s.REMINDER_SENDER_UPN === undefined)
    ctx.addIssue({
      code: "custom",
      path: ["REMINDER_SENDER_UPN"],
      message: "is missing: chat reminders are sent by a service account (its UPN)",
    });
});

export type DeploySettings = z.infer<typeof deploySchema>;
/** The keys deploy writes back. */
export type WrittenKey = keyof z.infer<typeof writtenSchema>;

/** A settings file that cannot be used; the message names every bad setting and the file. */
export class DeploySettingsError extends Error {}

/** Read and check the settings file's text; `file` names it in the message. */
export function readDeploySettings(text: string, file: string): DeploySettings {
  const parsed = deploySchema.safeParse(parseEnv(text));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")} ${issue.message}`);
  throw new DeploySettingsError(
    `${file} cannot be deployed from; fill in or correct these settings and run again:\n${problems.join("\n")}`,
  );
}

/**
 * The file's text with each of `values` set: an existing `KEY=` line is replaced in place (its comment
 * lines stay), a new key is added at the end.
 */
export function withValues(text: string, values: Partial<Record<WrittenKey, string>>): string {
  const lines = text.split("\n");
  for (const [key, value] of Object.entries(values) as [string, string | undefined][]) {
    if (value === undefined) continue;
    if (/[\r\n]/.test(value)) throw new RangeError(`${key}'s value spans lines: ${JSON.stringify(value)}`);
    const at = lines.findIndex((line) => line.startsWith(`${key}=`));
    if (at >= 0) lines[at] = `${key}=${value}`;
    else {
      const end = lines.length > 0 && lines[lines.length - 1] === "" ? lines.length - 1 : lines.length;
      lines.splice(end, 0, `${key}=${value}`);
    }
  }
  return lines.join("\n");
}
