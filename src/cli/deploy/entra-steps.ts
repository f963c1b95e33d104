// The steps of `actionplan deploy` in Entra, through `az`: who is signed in, the app registration, its
// addresses and permissions, and the tenant's consent. Each is safe to run again: it looks first and changes
// only what is missing, and writes what it made back to the settings file.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  adminConsentUrl,
  applicationBody,
  missingConsent,
  RESOURCE_APP_IDS,
  type PublishedPermissions,
} from "../../deploy/app-registration.ts";
import { ROLES } from "../../deploy/steps.ts";
import type { Resource } from "../../lib/permissions.ts";
import { AzError } from "./az.ts";
import { clientIdOf, required, tempFile, type DeployContext } from "./context.ts";

const GRAPH = "https://graph.microsoft.com/v1.0";

/** A stop that only someone else can clear (consent, a role): the message says who and what. */
export class NeedsSomeoneElse extends Error {}

const accountSchema = z.object({ id: z.string(), tenantId: z.uuid(), user: z.object({ name: z.string() }) });
const meSchema = z.object({ id: z.uuid(), userPrincipalName: z.string() });

/** `az` is signed in, to the app's tenant, with the subscription; returns the deployer's object id. */
export async function signedIn(ctx: DeployContext): Promise<string> {
  const account = await ctx.az.json(
    {
      args: ["account", "show", "--subscription", ctx.settings.AZURE_SUBSCRIPTION_ID],
      what: "find the subscription",
      role: "Reader on the subscription",
    },
    accountSchema,
  );
  const tenant = ctx.settings.AAD_APP_TENANT_ID;
  if (tenant !== undefined && tenant.toLowerCase() !== account.tenantId.toLowerCase())
    throw new AzError(
      `az is signed in to tenant ${account.tenantId}, but the app is registered in ${tenant} (AAD_APP_TENANT_ID in ${ctx.file}): run az login --tenant ${tenant}, then deploy again.`,
    );
  const me = await ctx.az.json(
    {
      args: ["ad", "signed-in-user", "show"],
      what: "find who is deploying",
      role: "a user account (not a service principal)",
    },
    meSchema,
  );
  ctx.log(`Signed in to Azure as ${me.userPrincipalName} (tenant ${account.tenantId}).`);
  if (tenant === undefined) ctx.save({ AAD_APP_TENANT_ID: account.tenantId });
  return me.id;
}

const createdAppSchema = z.object({ appId: z.uuid(), id: z.uuid() });

/** The Entra app registration and its service principal; the Teams app's manifest id. */
export async function registration(ctx: DeployContext): Promise<void> {
  const s = ctx.settings;
  if (s.AAD_APP_CLIENT_ID === undefined || s.AAD_APP_OBJECT_ID === undefined) {
    const app = await ctx.az.json(
      {
        args: [
          "ad",
          "app",
          "create",
          "--display-name",
          "Action Plan Tracker",
          "--sign-in-audience",
          "AzureADMyOrg",
        ],
        what: "register the app in Entra",
        role: ROLES.appDeveloper,
      },
      createdAppSchema,
    );
    ctx.save({ AAD_APP_CLIENT_ID: app.appId, AAD_APP_OBJECT_ID: app.id });
    ctx.log(`Registered the Entra app: client id ${app.appId}.`);
  }
  if (ctx.settings.AAD_APP_ACCESS_AS_USER_PERMISSION_ID === undefined)
    ctx.save({ AAD_APP_ACCESS_AS_USER_PERMISSION_ID: randomUUID() });
  if (ctx.settings.TEAMS_APP_ID === undefined) ctx.save({ TEAMS_APP_ID: randomUUID() });
  await servicePrincipalOf(ctx, clientIdOf(ctx));
}

const spSchema = z.object({
  id: z.uuid(),
  appRoles: z.array(z.object({ id: z.uuid(), value: z.string().nullable() })).default([]),
  oauth2PermissionScopes: z.array(z.object({ id: z.uuid(), value: z.string() })).default([]),
});
type ServicePrincipal = z.infer<typeof spSchema>;

async function servicePrincipalOf(ctx: DeployContext, appId: string): Promise<ServicePrincipal> {
  const call = { what: "find the app's service principal", role: ROLES.appDeveloper };
  const found = await ctx.az.find({ ...call, args: ["ad", "sp", "show", "--id", appId] }, spSchema);
  return found ?? (await ctx.az.json({ ...call, args: ["ad", "sp", "create", "--id", appId] }, spSchema));
}

/** The app registration's redirect URIs, API and permissions; then consent, which stops deploy if missing. */
export async function registrationSettingsAndConsent(ctx: DeployContext): Promise<void> {
  const graphSp = await servicePrincipalOf(ctx, RESOURCE_APP_IDS.Graph);
  const sharePointSp = await servicePrincipalOf(ctx, RESOURCE_APP_IDS.SharePoint);
  const published: Record<Resource, PublishedPermissions> = {
    Graph: publishedBy(graphSp),
    SharePoint: publishedBy(sharePointSp),
  };
  const body = applicationBody({
    clientId: clientIdOf(ctx),
    tabEndpoint: required(ctx, "TAB_ENDPOINT"),
    accessAsUserId: required(ctx, "AAD_APP_ACCESS_AS_USER_PERMISSION_ID"),
    published,
  });
  await ctx.az.run({
    args: [
      "rest",
      "--method",
      "PATCH",
      "--uri",
      `${GRAPH}/applications/${required(ctx, "AAD_APP_OBJECT_ID")}`,
      "--headers",
      "Content-Type=application/json",
      "--body",
      `@${tempFile("application.json", JSON.stringify(body))}`,
    ],
    what: "set the app registration's redirect addresses and permissions",
    role: `an owner of the app registration, or ${ROLES.appDeveloper}`,
  });
  const app = await servicePrincipalOf(ctx, clientIdOf(ctx));
  const listOf = <T extends z.ZodType>(item: T) => z.object({ value: z.array(item) });
  const assignments = await ctx.az.json(
    {
      args: ["rest", "--method", "GET", "--uri", `${GRAPH}/servicePrincipals/${app.id}/appRoleAssignments`],
      what: "read the app's consented application permissions",
      role: ROLES.appDeveloper,
    },
    listOf(z.object({ appRoleId: z.uuid(), resourceId: z.uuid() })),
  );
  const grants = await ctx.az.json(
    {
      args: [
        "rest",
        "--method",
        "GET",
        "--uri",
        `${GRAPH}/oauth2PermissionGrants?$filter=clientId eq '${app.id}' and consentType eq 'AllPrincipals'`,
      ],
      what: "read the app's consented delegated permissions",
      role: ROLES.appDeveloper,
    },
    listOf(z.object({ resourceId: z.uuid(), scope: z.string().nullable() })),
  );
  const appIdOfSp = new Map([
    [graphSp.id, RESOURCE_APP_IDS.Graph],
    [sharePointSp.id, RESOURCE_APP_IDS.SharePoint],
  ]);
  const scopes = new Map<string, string[]>();
  for (const g of grants.value) {
    const appId = appIdOfSp.get(g.resourceId);
    if (appId !== undefined)
      scopes.set(appId, [...(scopes.get(appId) ?? []), ...(g.scope ?? "").split(" ").filter(Boolean)]);
  }
  const roleIds = new Map<string, string[]>();
  for (const a of assignments.value) {
    const appId = appIdOfSp.get(a.resourceId);
    if (appId !== undefined) roleIds.set(appId, [...(roleIds.get(appId) ?? []), a.appRoleId]);
  }
  const missing = missingConsent({ scopes, roleIds }, published);
  if (missing.length > 0)
    throw new NeedsSomeoneElse(
      `The app's permissions are set, but the tenant has not consented to ${String(missing.length)} of them (${missing.join(", ")}). Ask a ${ROLES.consent} to open ${adminConsentUrl(required(ctx, "AAD_APP_TENANT_ID"), clientIdOf(ctx))} and accept (Application and Cloud Application Administrators cannot consent to Graph application permissions: https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent); then run deploy again.`,
    );
  ctx.log("The app's permissions are set and consented.");
}

function publishedBy(sp: ServicePrincipal): PublishedPermissions {
  return {
    scopes: new Map(sp.oauth2PermissionScopes.map((p) => [p.value, p.id])),
    roles: new Map(sp.appRoles.flatMap((r) => (r.value === null ? [] : [[r.value, r.id] as const]))),
  };
}
