// A person's Teams apps and activity feed: GET/POST /users/{id}/teamwork/installedApps and
// POST /users/{id}/teamwork/sendActivityNotification (the catalog itself is catalog-routes.ts). A notification
// is accepted only from the Entra app of a Teams app installed for the recipient.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Person } from "../directory.ts";
import { jsonBody, type SandboxRequest, type SandboxResponse } from "../http.ts";
import { teamsAppDefinitionJson, teamsAppJson, type CatalogApp } from "./catalog.ts";
import { graphEmpty, graphError, graphJson } from "./errors.ts";
import {
  admit,
  callerAppId,
  METADATA,
  noTeamsLicence,
  signedInPerson,
  type TeamsContext,
} from "./teams-context.ts";
import type { InstallationRecord } from "./teams-state.ts";

const installSchema = z.looseObject({ "teamsApp@odata.bind": z.string() });

const notificationSchema = z.object({
  topic: z.object({
    source: z.enum(["entityUrl", "text"]),
    value: z.string().min(1),
    webUrl: z.string().nullish(),
  }),
  activityType: z.string().min(1),
  chainId: z.number().int().nullish(),
  previewText: z.object({ content: z.string(), contentType: z.string().optional() }),
  templateParameters: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
  // Accepted for the team and chat variants' shape; the user variant's recipient is the user in the path.
  recipient: z.looseObject({}).nullish(),
  // Optional: which Teams app the notification is from, when several share one Entra app.
  teamsAppId: z.string().nullish(),
});

/** GET /users/{id}/teamwork/installedApps[/{installation id}], with $expand and the documented $filter. */
export function listInstalledApps(
  ctx: TeamsContext,
  req: SandboxRequest,
  user: Person,
  installationId?: string,
): SandboxResponse {
  const admitted = admit(ctx, req, "listInstalledApps");
  if ("error" in admitted) return admitted.error;
  const params = new Map([...req.url.searchParams].map(([k, v]) => [k.toLowerCase(), v]));
  const expand = new Set((params.get("$expand") ?? "").split(",").map((s) => s.trim().toLowerCase()));
  const filter = params.get("$filter");
  // The documented filters: teamsApp/id or teamsApp/externalId equal to a value.
  const clause =
    filter === undefined ? null : /^\s*teamsApp\/(id|externalId)\s+eq\s+'([^']*)'\s*$/i.exec(filter);
  if (filter !== undefined && clause === null) {
    return graphError(400, "BadRequest", `Invalid filter clause: ${filter}`, req);
  }
  const render = (install: InstallationRecord): Record<string, unknown> => {
    const app = ctx.catalog.app(install.teamsAppId);
    return {
      id: install.id,
      ...(expand.has("teamsapp") && app !== undefined ? { teamsApp: teamsAppJson(app) } : {}),
      ...(expand.has("teamsappdefinition") && app !== undefined
        ? { teamsAppDefinition: teamsAppDefinitionJson(app) }
        : {}),
    };
  };
  const context = `${METADATA}#users('${user.id}')/teamwork/installedApps`;
  const installs = ctx.state.installationsOf(user.id);
  if (installationId !== undefined) {
    const install = installs.find((i) => i.id === installationId);
    if (install === undefined) return graphError(404, "NotFound", "The app installation was not found.", req);
    return graphJson(200, { "@odata.context": `${context}/$entity`, ...render(install) }, req);
  }
  const matching = installs.filter((install) => {
    if (clause === null) return true;
    const app = ctx.catalog.app(install.teamsAppId);
    const wanted = (clause[2] ?? "").toLowerCase();
    const actual = (clause[1] ?? "").toLowerCase() === "id" ? app?.id : app?.externalId;
    return actual?.toLowerCase() === wanted;
  });
  return graphJson(200, { "@odata.context": context, value: matching.map(render) }, req);
}

/** POST /users/{id}/teamwork/installedApps: install a catalog app in the person's personal scope. */
export function installApp(ctx: TeamsContext, req: SandboxRequest, user: Person): SandboxResponse {
  const admitted = admit(ctx, req, "installApp");
  if ("error" in admitted) return admitted.error;
  const parsed = installSchema.safeParse(jsonBody(req));
  if (!parsed.success) return graphError(400, "BadRequest", "Invalid request body was sent.", req);
  const bind = parsed.data["teamsApp@odata.bind"];
  const appId = /\/appCatalogs\/teamsApps(?:\('([^']+)'\)|\/([^/?#]+))$/i.exec(bind);
  if (appId === null) return graphError(400, "BadRequest", `Invalid odata.bind value '${bind}'.`, req);
  const app = ctx.catalog.app(decodeURIComponent(appId[1] ?? appId[2] ?? ""));
  if (app === undefined) {
    return graphError(
      404,
      "NotFound",
      `The Teams app '${appId[1] ?? appId[2] ?? ""}' was not found in the catalog.`,
      req,
    );
  }
  if (user.teams === false) return noTeamsLicence(req);
  if (ctx.state.installationsOf(user.id).some((i) => i.teamsAppId === app.id)) {
    // Installing an app that is already there is a 409 Conflict; the message text is the sandbox's own.
    return graphError(
      409,
      "Conflict",
      `The app '${app.displayName}' is already installed for this user.`,
      req,
    );
  }
  ctx.state.saveInstallation({
    id: Buffer.from(`${user.id}##${app.id}`).toString("base64"),
    userId: user.id,
    teamsAppId: app.id,
    installedDateTime: ctx.now().toISOString(),
  });
  return graphEmpty(201, req);
}

/** POST /users/{id}/teamwork/sendActivityNotification: one notification in the person's activity feed. */
export function sendActivityNotification(
  ctx: TeamsContext,
  req: SandboxRequest,
  user: Person,
): SandboxResponse {
  const admitted = admit(ctx, req, "sendActivityNotification");
  if ("error" in admitted) return admitted.error;
  const { caller } = admitted;
  const parsed = notificationSchema.safeParse(jsonBody(req));
  if (!parsed.success) return graphError(400, "BadRequest", "Invalid request body was sent.", req);
  const body = parsed.data;
  if (body.topic.source === "text" && (body.topic.webUrl ?? "") === "") {
    // "webUrl is required when using topic source as text."
    return graphError(400, "BadRequest", "The topic's webUrl is required when its source is 'text'.", req);
  }
  const sender = signedInPerson(caller);
  if (sender?.id === user.id) {
    // "A user can't send notifications to themselves. For this scenario, use application permissions."
    return graphError(400, "BadRequest", "A user cannot send an activity notification to themselves.", req);
  }
  const appId = callerAppId(caller);
  const installed = installedAppFor(ctx, user, appId, body.teamsAppId ?? undefined);
  if (installed === undefined) {
    return graphError(
      403,
      "Forbidden",
      `Application with AAD App Id '${appId}' is not authorized to generate custom text notifications about '/users/${user.id}/teamwork/sendActivityNotification' to the recipient. Ensure that the expected Teams app is installed in the target scope (user, team, or chat).`,
      req,
    );
  }
  const at = ctx.now();
  ctx.state.saveActivity({
    id: randomUUID(),
    recipientId: user.id,
    appId,
    teamsAppId: installed.id,
    actor: sender?.displayName ?? installed.displayName,
    activityType: body.activityType,
    topic: { source: body.topic.source, value: body.topic.value, webUrl: body.topic.webUrl ?? null },
    previewText: body.previewText.content,
    templateParameters: body.templateParameters,
    chainId: body.chainId ?? null,
    createdDateTime: at.toISOString(),
  });
  return graphEmpty(204, req);
}

/**
 * The installed catalog app whose manifest names this Entra app, if the person has one; when the request
 * names a Teams app (teamsAppId), only that app counts.
 */
function installedAppFor(
  ctx: TeamsContext,
  user: Person,
  entraAppId: string,
  teamsAppId: string | undefined,
): CatalogApp | undefined {
  for (const install of ctx.state.installationsOf(user.id)) {
    const app = ctx.catalog.app(install.teamsAppId);
    if (app === undefined || app.azureADAppId.toLowerCase() !== entraAppId.toLowerCase()) continue;
    if (teamsAppId === undefined || app.id.toLowerCase() === teamsAppId.toLowerCase()) return app;
  }
  return undefined;
}
