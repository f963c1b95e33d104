// The steps of `actionplan deploy` in Azure, through `az`: the resources from infra/main.bicep, the app's
// certificate in Key Vault, and the uploads. Each is safe to run again: it looks first and changes only what
// is missing, and writes what it made back to the settings file.
import { join } from "node:path";
import { z } from "zod";
import { ROLES } from "../../deploy/steps.ts";
import { AzError } from "./az.ts";
import { clientIdOf, lastSegment, required, tempFile, type DeployContext } from "./context.ts";

const outputsSchema = z.record(z.string(), z.object({ value: z.unknown() }));

/** The Azure resources (infra/main.bicep); their names and addresses go back to the settings file. */
export async function azureResources(ctx: DeployContext, deployerObjectId: string): Promise<void> {
  const s = ctx.settings;
  const params: Record<string, string> = {
    councilPrefix: s.RESOURCE_SUFFIX,
    tenantId: s.AAD_APP_TENANT_ID ?? "",
    sharePointSiteUrl: s.SHAREPOINT_SITE_URL,
    clientId: clientIdOf(ctx),
    teamsAppId: s.TEAMS_APP_ID ?? "",
    reminderChannel: s.REMINDER_CHANNEL,
    reminderSenderUpn: s.REMINDER_SENDER_UPN ?? "",
    coordinatorUpn: s.COORDINATOR_UPN,
    deployerObjectId,
    teamsCatalogAppId: s.TEAMS_APP_PUBLISHED_APP_ID ?? "",
  };
  const outputs = await ctx.az.json(
    {
      args: [
        "deployment",
        "group",
        "create",
        "--subscription",
        s.AZURE_SUBSCRIPTION_ID,
        "--resource-group",
        s.AZURE_RESOURCE_GROUP_NAME,
        "--name",
        "action-plan-tracker",
        "--template-file",
        join(ctx.root, "infra", "main.bicep"),
        "--parameters",
        ...Object.entries(params).map(([k, v]) => `${k}=${v}`),
        "--query",
        "properties.outputs",
      ],
      what: "create the Azure resources",
      role: ROLES.groupOwner,
    },
    outputsSchema,
  );
  const text = (name: string): string => {
    const value = outputs[name]?.value;
    if (typeof value !== "string" || value === "")
      throw new AzError(
        `The Azure deployment gave no ${name}; check infra/main.bicep's outputs, then run deploy again.`,
      );
    return value;
  };
  ctx.save({
    TAB_AZURE_STORAGE_RESOURCE_ID: text("TAB_AZURE_STORAGE_RESOURCE_ID"),
    TAB_ENDPOINT: text("TAB_ENDPOINT"),
    TAB_DOMAIN: text("TAB_DOMAIN"),
    FUNCTION_APP_RESOURCE_ID: text("FUNCTION_APP_RESOURCE_ID"),
    KEY_VAULT_NAME: text("KEY_VAULT_NAME"),
    KEY_VAULT_URL: text("KEY_VAULT_URL"),
  });
  // The static website serves the tab over HTTPS; it is a data-plane setting Bicep cannot make.
  await ctx.az.run({
    args: [
      "storage",
      "blob",
      "service-properties",
      "update",
      "--account-name",
      lastSegment(text("TAB_AZURE_STORAGE_RESOURCE_ID")),
      "--static-website",
      "true",
      "--index-document",
      "index.html",
      "--404-document",
      "index.html",
    ],
    what: "turn on the storage account's static website",
    role: ROLES.groupOwner,
  });
  ctx.log(`Azure resources ready: tab at ${text("TAB_ENDPOINT")}/tab/, Key Vault ${text("KEY_VAULT_NAME")}.`);
}

const certificateSchema = z.object({
  cer: z.string().min(1),
  x509ThumbprintHex: z.string().min(1),
  attributes: z.object({ expires: z.iso.datetime({ offset: true }).nullable().optional() }).optional(),
});

/** A certificate ending within this many days is renewed by deploy (doctor warns from 30, the alert too). */
export const RENEW_WITHIN_DAYS = 60;

/**
 * The app's certificate in Key Vault (PEM, so the Function App reads it through a Key Vault reference), and
 * its public part on the app registration. Key Vault does not renew it by itself: a new version that Entra
 * did not know would become the Function App's at once and its sign-in would fail. Deploy makes the new
 * version and uploads it in one run, once the certificate ends within RENEW_WITHIN_DAYS; doctor and the
 * certificate alert say when that is.
 */
export async function certificate(ctx: DeployContext, now = new Date()): Promise<void> {
  const vault = required(ctx, "KEY_VAULT_NAME");
  const role = `Key Vault Certificates Officer on ${vault} (deploy's Bicep gives it to whoever deploys; a role just given can take a few minutes to apply)`;
  const show = ["keyvault", "certificate", "show", "--vault-name", vault, "--name", "actionplan-app"];
  let cert = await ctx.az.find({ args: show, what: "read the app's certificate", role }, certificateSchema);
  const ends = cert?.attributes?.expires;
  const endingSoon = ends != null && Date.parse(ends) - now.getTime() < RENEW_WITHIN_DAYS * 86_400_000;
  if (cert === null || endingSoon) {
    const policy = await ctx.az.json(
      {
        args: ["keyvault", "certificate", "get-default-policy"],
        what: "read Key Vault's certificate policy",
        role,
      },
      z.record(z.string(), z.unknown()),
    );
    const ours = {
      ...policy,
      secretProperties: { contentType: "application/x-pem-file" },
      // E-mail the vault's contacts rather than renew unseen (see above).
      lifetimeActions: [{ trigger: { daysBeforeExpiry: 30 }, action: { actionType: "EmailContacts" } }],
    };
    await ctx.az.run({
      args: [
        "keyvault",
        "certificate",
        "create",
        "--vault-name",
        vault,
        "--name",
        "actionplan-app",
        "--policy",
        `@${tempFile("policy.json", JSON.stringify(ours))}`,
      ],
      what: "create the app's certificate",
      role,
    });
    cert = await ctx.az.json({ args: show, what: "read the app's certificate", role }, certificateSchema);
    // Whom Key Vault e-mails 30 days before the end (the policy's EmailContacts).
    await ctx.az.run({
      args: [
        "keyvault",
        "certificate",
        "contact",
        "add",
        "--vault-name",
        vault,
        "--email",
        ctx.settings.COORDINATOR_UPN,
      ],
      what: "name the certificate's contact",
      role,
    });
    ctx.log(
      endingSoon
        ? `Renewed the app's certificate in ${vault} (the old one ended ${ends.slice(0, 10)}).`
        : `Created the app's certificate in ${vault}.`,
    );
  }
  const clientId = clientIdOf(ctx);
  const credentials = await ctx.az.json(
    {
      args: ["ad", "app", "credential", "list", "--id", clientId, "--cert"],
      what: "read the app registration's certificates",
      role: ROLES.appDeveloper,
    },
    z.array(z.object({ customKeyIdentifier: z.string().nullable().optional() })),
  );
  const thumbprint = cert.x509ThumbprintHex.toLowerCase();
  if (credentials.some((c) => (c.customKeyIdentifier ?? "").toLowerCase() === thumbprint)) return;
  const body = cert.cer.match(/.{1,64}/g)?.join("\n") ?? cert.cer;
  await ctx.az.run({
    args: [
      "ad",
      "app",
      "credential",
      "reset",
      "--id",
      clientId,
      "--append",
      "--cert",
      `@${tempFile("actionplan-app.pem", `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`)}`,
    ],
    what: "add the certificate to the app registration",
    role: `an owner of the app registration, or ${ROLES.appDeveloper}`,
  });
  ctx.log(`Added the certificate (thumbprint ${thumbprint}) to the app registration.`);
}

/** The tab to the static website, and the daily job to the Function App with the app's catalog id. */
export async function upload(ctx: DeployContext, siteDir: string, functionZip: string): Promise<void> {
  const account = lastSegment(required(ctx, "TAB_AZURE_STORAGE_RESOURCE_ID"));
  await ctx.az.run({
    args: [
      "storage",
      "blob",
      "upload-batch",
      "--account-name",
      account,
      "--destination",
      "$web",
      "--source",
      siteDir,
      "--overwrite",
      "--auth-mode",
      "login",
    ],
    what: "upload the tab",
    role: `Storage Blob Data Contributor on ${account} (deploy's Bicep gives it to whoever deploys; a role just given can take a few minutes to apply)`,
  });
  const functionApp = lastSegment(required(ctx, "FUNCTION_APP_RESOURCE_ID"));
  const group = [
    "--subscription",
    ctx.settings.AZURE_SUBSCRIPTION_ID,
    "--resource-group",
    ctx.settings.AZURE_RESOURCE_GROUP_NAME,
    "--name",
    functionApp,
  ];
  const catalogId = ctx.settings.TEAMS_APP_PUBLISHED_APP_ID;
  if (catalogId !== undefined)
    await ctx.az.run({
      args: [
        "functionapp",
        "config",
        "appsettings",
        "set",
        ...group,
        "--settings",
        `ACTIONPLAN_TEAMS_CATALOG_ID=${catalogId}`,
      ],
      what: "give the daily job the app's catalog id",
      role: ROLES.groupOwner,
    });
  await ctx.az.run({
    args: ["functionapp", "deployment", "source", "config-zip", ...group, "--src", functionZip],
    what: "deploy the daily job",
    role: ROLES.groupOwner,
  });
  ctx.log(`Uploaded the tab to ${account} and the daily job to ${functionApp}.`);
}
