// The organisation's Teams app catalog through Graph: GET /appCatalogs/teamsApps (find an app by its manifest
// id, $expand=appDefinitions for its versions), POST /appCatalogs/teamsApps (publish a new app, or with
// ?requiresReview=true submit it for an administrator's approval) and POST /appCatalogs/teamsApps/{id}/
// appDefinitions (a new version of it). As Learn documents them (https://learn.microsoft.com/graph/api/
// appcatalogs-list-teamsapps, …/teamsapp-publish, …/teamsapp-update): delegated only, least privileged
// AppCatalog.Submit (the permission table in permissions.ts refuses a token without it); publishing without
// review and updating need the Teams Administrator role or a higher one; every app's manifest id is unique;
// a manifest that fails the schema is 400 with the schema errors, in the shape Learn's example shows.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { validateManifest } from "../../app-package/validate.ts";
import type { Json } from "../../app-package/manifest.ts";
import { manifestOf, type ManifestProblem } from "../../teams-catalog/package.ts";
import { compareVersions } from "../../teams-catalog/version.ts";
import { directoryRolesOf } from "../directory-roles.ts";
import type { Person } from "../directory.ts";
import type { SandboxRequest, SandboxResponse } from "../http.ts";
import {
  definitionJson,
  latestDefinition,
  teamsAppJson,
  type CatalogRecord,
  type DefinitionRecord,
} from "./catalog.ts";
import { graphError, graphJson } from "./errors.ts";
import { admit, METADATA, signedInPerson, type TeamsContext } from "./teams-context.ts";

/** The roles that may publish without review and update: Teams Administrator "or a higher privileged role". */
const PUBLISHER_ROLES = new Set(["Teams Administrator", "Global Administrator"]);

/** What the catalog keeps of a manifest that passed the schema. */
const manifestSchema = z.looseObject({
  id: z.string(),
  version: z.string(),
  name: z.looseObject({ short: z.string() }),
  description: z.looseObject({ short: z.string(), full: z.string() }),
  webApplicationInfo: z.looseObject({ id: z.string() }).optional(),
});
type Manifest = z.infer<typeof manifestSchema>;

/** GET /appCatalogs/teamsApps, with `$filter=externalId eq '…'` (or id, displayName, distributionMethod). */
export function listCatalogApps(ctx: TeamsContext, req: SandboxRequest): SandboxResponse {
  const admitted = admit(ctx, req, "listCatalogApps");
  if ("error" in admitted) return admitted.error;
  const filter = queryParam(req, "$filter");
  const expand = (queryParam(req, "$expand") ?? "").split(",").map((s) => s.trim().toLowerCase());
  const clause =
    filter === undefined
      ? null
      : /^\s*(id|externalId|displayName|distributionMethod)\s+eq\s+'([^']*)'\s*$/i.exec(filter);
  if (filter !== undefined && clause === null) {
    return graphError(400, "BadRequest", `Invalid filter clause: ${filter}`, req);
  }
  const apps = ctx.catalog.all().filter((app) => {
    if (clause === null) return true;
    const json = appJson(app);
    const property = Object.keys(json).find((k) => k.toLowerCase() === (clause[1] ?? "").toLowerCase());
    const value = property === undefined ? undefined : json[property];
    return typeof value === "string" && value.toLowerCase() === (clause[2] ?? "").toLowerCase();
  });
  const value = apps.map((app) => ({
    ...appJson(app),
    ...(expand.includes("appdefinitions")
      ? { appDefinitions: app.definitions.map((d) => definitionJson(app.id, d)) }
      : {}),
  }));
  return graphJson(200, { "@odata.context": `${METADATA}#appCatalogs/teamsApps`, value }, req);
}

/** POST /appCatalogs/teamsApps[?requiresReview=true]: a new app from a zip package. */
export async function publishCatalogApp(ctx: TeamsContext, req: SandboxRequest): Promise<SandboxResponse> {
  const who = publisher(ctx, req);
  if ("error" in who) return who.error;
  const review = requiresReview(req);
  if (!review && !holdsPublisherRole(who.person)) {
    // Learn: "A user who has admin privileges can opt not to set requiresReview"; anyone else must. The
    // message is the sandbox's own.
    return graphError(
      403,
      "Forbidden",
      "Only a Teams Administrator or a higher privileged role can publish an app to the organization's catalog without review; set requiresReview=true to submit it for review.",
      req,
    );
  }
  const read = await readPackage(req);
  if ("error" in read) return read.error;
  const { manifest } = read;
  if (ctx.catalog.byExternalId(manifest.id) !== undefined) {
    // "Each app in the app catalog must have a unique manifest ID." Graph's answer, as the Developer Portal
    // passes it on (github.com/OfficeDev/microsoft-365-agents-toolkit/issues/10489): 409, AppDefinitionAlreadyExists.
    return graphError(
      409,
      "Conflict",
      "Conflict",
      req,
      {},
      { code: "AppDefinitionAlreadyExists", message: "" },
    );
  }
  const record: CatalogRecord = {
    id: randomUUID(),
    externalId: manifest.id,
    definitions: [definitionOf(ctx, manifest, who.person, review ? "submitted" : "published")],
  };
  ctx.catalog.save(record);
  const location = `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${record.id}`;
  return graphJson(
    201,
    { "@odata.context": `${METADATA}#appCatalogs/teamsApps/$entity`, ...appJson(record) },
    req,
    { location },
  );
}

/** POST /appCatalogs/teamsApps/{id}/appDefinitions[?requiresReview=true]: a new version of an app. */
export async function addAppDefinition(
  ctx: TeamsContext,
  req: SandboxRequest,
  appId: string,
): Promise<SandboxResponse> {
  const who = publisher(ctx, req);
  if ("error" in who) return who.error;
  if (!holdsPublisherRole(who.person)) {
    // Learn: "Only Teams Service admins or a higher privileged role can call this API", review or not. The
    // message is the sandbox's own.
    return graphError(
      403,
      "Forbidden",
      "Only a Teams Administrator or a higher privileged role can update an app in the organization's catalog.",
      req,
    );
  }
  const record = ctx.catalog.record(appId);
  if (record === undefined) {
    return graphError(404, "NotFound", `The Teams app '${appId}' was not found in the catalog.`, req);
  }
  const read = await readPackage(req);
  if ("error" in read) return read.error;
  const { manifest } = read;
  // Not documented: Learn says to address the app by its catalog id, not the package's manifest id. A package
  // of another app, or a version not above every one uploaded, is refused here, as Teams admin centre refuses
  // them; the sandbox's own words.
  if (manifest.id.toLowerCase() !== record.externalId.toLowerCase()) {
    return graphError(
      400,
      "BadRequest",
      `The package's manifest id ${manifest.id} is not the app's (${record.externalId}).`,
      req,
    );
  }
  const highest = record.definitions
    .map((d) => d.version)
    .sort(compareVersions)
    .at(-1);
  if (highest !== undefined && compareVersions(manifest.version, highest) <= 0) {
    return graphError(
      409,
      "Conflict",
      `The app's version ${manifest.version} must be higher than ${highest}, the version already in the catalog.`,
      req,
      {},
      { code: "AppDefinitionAlreadyExists", message: "" },
    );
  }
  const definition = definitionOf(ctx, manifest, who.person, requiresReview(req) ? "submitted" : "published");
  ctx.catalog.save({ ...record, definitions: [...record.definitions, definition] });
  const json = definitionJson(record.id, definition);
  const location = `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${record.id}/appDefinitions/${String(json.id)}`;
  return graphJson(
    201,
    { "@odata.context": `${METADATA}#appCatalogs/teamsApps('${record.id}')/appDefinitions/$entity`, ...json },
    req,
    { location },
  );
}

/** Graph's teamsApp for a catalog app: its name is its newest version's. */
function appJson(record: CatalogRecord): Record<string, unknown> {
  return teamsAppJson({
    id: record.id,
    externalId: record.externalId,
    displayName: latestDefinition(record)?.displayName ?? record.externalId,
  });
}

function definitionOf(
  ctx: TeamsContext,
  manifest: Manifest,
  person: Person,
  publishingState: DefinitionRecord["publishingState"],
): DefinitionRecord {
  return {
    version: manifest.version,
    displayName: manifest.name.short,
    azureADAppId: manifest.webApplicationInfo?.id ?? null,
    shortDescription: manifest.description.short,
    description: manifest.description.full,
    publishingState,
    lastModifiedDateTime: ctx.now().toISOString(),
    createdBy: person.id,
  };
}

/** The signed-in person publishing, once the request is admitted; app-only tokens are refused. */
function publisher(ctx: TeamsContext, req: SandboxRequest): { person: Person } | { error: SandboxResponse } {
  const admitted = admit(ctx, req, "publishCatalogApp");
  if ("error" in admitted) return admitted;
  const person = signedInPerson(admitted.caller);
  if (person === undefined) {
    // Learn's permission table: "Application: Not supported." The message is the sandbox's own.
    const message =
      "Application-only tokens are not supported for this API: publish to the Teams app catalog signed in as a user (delegated AppCatalog.Submit).";
    return { error: graphError(403, "Forbidden", message, req) };
  }
  return { person };
}

function holdsPublisherRole(person: Person): boolean {
  return directoryRolesOf(person).some((role) => PUBLISHER_ROLES.has(role));
}

function queryParam(req: SandboxRequest, name: string): string | undefined {
  return [...req.url.searchParams].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}

function requiresReview(req: SandboxRequest): boolean {
  return queryParam(req, "requiresReview")?.toLowerCase() === "true";
}

/** Learn's error codes for a package Teams cannot read ("Error response" on teamsapp-publish). */
const PACKAGE_PROBLEMS: Record<ManifestProblem, { code: string; message: string }> = {
  notZip: {
    code: "Serialization_FileMissing",
    message:
      "The file manifest.json couldn't be found in the app package: the request body is not a zip file.",
  },
  noManifest: {
    code: "Serialization_FileMissing",
    message: "The file manifest.json couldn't be found in the app package.",
  },
  notJson: {
    code: "Serialization_FileNotValidJson",
    message: "The file couldn't be parsed as a JSON object.",
  },
};

/** The package's manifest, checked against the official schema; or the 400 Graph gives with the errors. */
async function readPackage(
  req: SandboxRequest,
): Promise<{ manifest: Manifest } | { error: SandboxResponse }> {
  const read = manifestOf(req.bytes ?? new Uint8Array());
  if (!read.ok) return { error: badPackage(req, [{ ...PACKAGE_PROBLEMS[read.problem], target: "" }]) };
  let errors: string[];
  try {
    errors = await validateManifest(read.manifest as Json);
  } catch (error) {
    // No schema bundled for the manifest's version: Teams does not know that version either.
    const message = error instanceof Error ? error.message : String(error);
    return { error: badPackage(req, [{ code: "SchemaError_Enum", message, target: "manifestVersion" }]) };
  }
  const parsed = manifestSchema.safeParse(read.manifest);
  if (errors.length > 0 || !parsed.success) {
    const details = errors.length > 0 ? errors.map(schemaDetail) : [schemaDetail("/ is not a manifest")];
    return { error: badPackage(req, details) };
  }
  return { manifest: parsed.data };
}

interface Detail {
  code: string;
  message: string;
  target: string;
}

/** One schema error ("/developer/websiteUrl must match pattern …. Details: {…}") as Graph's detail. */
function schemaDetail(line: string): Detail {
  const match = /^(\S*) (.*?)(?:\. Details: .*)?$/s.exec(line);
  const target = (match?.[1] ?? "").split("/").filter(Boolean).join(".");
  const message = match?.[2] ?? line;
  const code = SCHEMA_CODES.find(([words]) => message.startsWith(words))?.[1] ?? "SchemaError_Other";
  return { code, message, target };
}

/** ajv's words for each rule, and Learn's code for it. */
const SCHEMA_CODES: readonly (readonly [string, string])[] = [
  ["must have required property", "SchemaError_Required"],
  ["must match pattern", "SchemaError_Pattern"],
  ["must match format", "SchemaError_Format"],
  ["must be equal to one of the allowed values", "SchemaError_Enum"],
  ["must NOT have additional properties", "SchemaError_AdditionalProperties"],
  ["must NOT have more than", "SchemaError_MaximumLength"],
  ["must NOT have fewer than", "SchemaError_MinimumLength"],
  ["must be <=", "SchemaError_Maximum"],
  ["must be >=", "SchemaError_Minimum"],
  ["must be ", "SchemaError_Type"],
];

/** Graph's 400 for a package it cannot take: "target | message; …", with the details in the innerError. */
function badPackage(req: SandboxRequest, details: Detail[]): SandboxResponse {
  const message = details.map((d) => (d.target === "" ? d.message : `${d.target} | ${d.message}`)).join("; ");
  return graphError(
    400,
    "BadRequest",
    message,
    req,
    {},
    {
      code: "UnableToParseTeamsAppManifest",
      message,
      details,
    },
  );
}
