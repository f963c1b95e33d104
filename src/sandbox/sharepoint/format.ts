// How SharePoint writes JSON: the three OData flavours a client can ask for with Accept
// (verbose, minimalmetadata — the default for "application/json" — and nometadata), and its error bodies.
import type { SandboxRequest, SandboxResponse } from "../http.ts";
import { ProjectionError, projectEntity, projectedHere } from "./select.ts";

export type Flavour = "verbose" | "minimal" | "nometadata";

export function flavourOf(req: Pick<SandboxRequest, "headers">): Flavour {
  const accept = (req.headers.accept ?? "").toLowerCase();
  if (accept.includes("odata=verbose")) return "verbose";
  if (accept.includes("odata=nometadata")) return "nometadata";
  return "minimal";
}

const CONTENT_TYPES: Record<Flavour, string> = {
  verbose: "application/json;odata=verbose;charset=utf-8",
  minimal: "application/json;odata=minimalmetadata;streaming=true;charset=utf-8",
  nometadata: "application/json;odata=nometadata;streaming=true;charset=utf-8",
};

/** Metadata SharePoint attaches to an entity: its type, id, edit link and (for items) its ETag. */
export interface EntityMeta {
  type: string;
  id: string;
  editLink: string;
  etag?: string;
}

/** An entity with its metadata kept apart until it is written in the flavour the client asked for. */
export interface Entity {
  meta: EntityMeta;
  props: Record<string, unknown>;
}

function isEntity(value: unknown): value is Entity {
  return typeof value === "object" && value !== null && "meta" in value && "props" in value;
}

function writeValue(value: unknown, flavour: Flavour, baseUrl: string): unknown {
  if (isEntity(value)) return writeEntity(value, flavour, baseUrl);
  if (Array.isArray(value)) {
    const values = value.map((v) => writeValue(v, flavour, baseUrl));
    return flavour === "verbose" ? { results: values } : values;
  }
  return value;
}

/** The entity as written: its metadata (in the flavour's words) first, then its properties. One object. */
function writeEntity(entity: Entity, flavour: Flavour, baseUrl: string): Record<string, unknown> {
  const { meta } = entity;
  const written: Record<string, unknown> = {};
  if (flavour === "verbose") {
    const metadata: Record<string, string> = {
      id: `${baseUrl}/_api/${meta.editLink}`,
      uri: `${baseUrl}/_api/${meta.editLink}`,
      type: meta.type,
    };
    if (meta.etag !== undefined) metadata.etag = meta.etag;
    written.__metadata = metadata;
  } else if (flavour === "minimal") {
    written["odata.type"] = meta.type;
    written["odata.id"] = `${baseUrl}/_api/${meta.editLink}`;
    if (meta.etag !== undefined) written["odata.etag"] = meta.etag;
    written["odata.editLink"] = meta.editLink;
  }
  const { props } = entity;
  for (const key of Object.keys(props)) {
    const value = props[key];
    written[key] = value !== null && typeof value === "object" ? writeValue(value, flavour, baseUrl) : value;
  }
  return written;
}

function spHeaders(flavour: Flavour, extra: Record<string, string>): Record<string, string> {
  return {
    "content-type": CONTENT_TYPES[flavour],
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=0",
    "x-sharepointhealthscore": "0",
    microsoftsharepointteamservices: "16.0.0.25502",
    ...extra,
  };
}

/** Write one entity (or a plain value such as a number) as SharePoint would. */
export function entityResponse(
  req: SandboxRequest,
  baseUrl: string,
  value: Entity,
  status = 200,
  headers: Record<string, string> = {},
): SandboxResponse {
  const flavour = flavourOf(req);
  const projected = projectAll(req, [value]);
  if (!Array.isArray(projected)) return projected;
  const body = writeEntity(projected[0] ?? value, flavour, baseUrl);
  const payload =
    flavour === "verbose"
      ? { d: body }
      : flavour === "minimal"
        ? { "odata.metadata": `${baseUrl}/_api/$metadata#${value.meta.type}`, ...body }
        : body;
  const etagHeader: Record<string, string> = value.meta.etag !== undefined ? { etag: value.meta.etag } : {};
  return {
    status,
    headers: spHeaders(flavour, { ...etagHeader, ...headers }),
    body: JSON.stringify(payload),
  };
}

/** Write a collection, with SharePoint's next-page link when there is one. */
export function collectionResponse(
  req: SandboxRequest,
  baseUrl: string,
  typeName: string,
  values: Entity[],
  nextLink?: string,
): SandboxResponse {
  const flavour = flavourOf(req);
  const projected = projectAll(req, values);
  if (!Array.isArray(projected)) return projected;
  const written = projected.map((v) => writeEntity(v, flavour, baseUrl));
  let payload: unknown;
  if (flavour === "verbose")
    payload = { d: { results: written, ...(nextLink !== undefined ? { __next: nextLink } : {}) } };
  else {
    const head = flavour === "minimal" ? { "odata.metadata": `${baseUrl}/_api/$metadata#${typeName}` } : {};
    payload = { ...head, value: written, ...(nextLink !== undefined ? { "odata.nextLink": nextLink } : {}) };
  }
  return { status: 200, headers: spHeaders(flavour, {}), body: JSON.stringify(payload) };
}

/** A scalar property (e.g. ItemCount) as SharePoint returns `…/ItemCount`. */
export function valueResponse(req: SandboxRequest, name: string, value: unknown): SandboxResponse {
  const flavour = flavourOf(req);
  const payload = flavour === "verbose" ? { d: { [name]: value } } : { value };
  return { status: 200, headers: spHeaders(flavour, {}), body: JSON.stringify(payload) };
}

/** The answer to a method that returns nothing (addroleassignment, breakroleinheritance…): 200 with a null. */
export function voidResponse(req: SandboxRequest, method: string): SandboxResponse {
  const flavour = flavourOf(req);
  const payload = flavour === "verbose" ? { d: { [method]: null } } : { "odata.null": true };
  return { status: 200, headers: spHeaders(flavour, {}), body: JSON.stringify(payload) };
}

export function noContent(headers: Record<string, string> = {}): SandboxResponse {
  return { status: 204, headers: { "x-content-type-options": "nosniff", ...headers }, body: "" };
}

/** SharePoint's error body: odata.error (JSON light) or error (verbose), with an exception-style code. */
export function spError(
  req: Pick<SandboxRequest, "headers">,
  status: number,
  code: string,
  message: string,
): SandboxResponse {
  const flavour = flavourOf(req);
  const error = { code, message: { lang: "en-US", value: message } };
  const payload = flavour === "verbose" ? { error } : { "odata.error": error };
  return { status, headers: spHeaders(flavour, {}), body: JSON.stringify(payload) };
}

/** The errors the emulator gives, in SharePoint Online's words. */
export const SpErrors = {
  accessDenied: (req: Pick<SandboxRequest, "headers">) =>
    spError(
      req,
      403,
      "-2147024891, System.UnauthorizedAccessException",
      "Access denied. You do not have permission to perform this action or access this resource.",
    ),
  listNotFound: (req: Pick<SandboxRequest, "headers">, title: string, siteUrl: string) =>
    spError(
      req,
      404,
      "-1, System.ArgumentException",
      `List '${title}' does not exist at site with URL '${siteUrl}'.`,
    ),
  listIdNotFound: (req: Pick<SandboxRequest, "headers">) =>
    spError(
      req,
      404,
      "-1, System.ArgumentException",
      "List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.",
    ),
  itemNotFound: (req: Pick<SandboxRequest, "headers">) =>
    spError(
      req,
      404,
      "-2130575338, System.ArgumentException",
      "Item does not exist. It may have been deleted by another user.",
    ),
  fieldNotFound: (req: Pick<SandboxRequest, "headers">, name: string) =>
    spError(
      req,
      404,
      "-2147024809, System.ArgumentException",
      `Column '${name}' does not exist. It may have been deleted by another user.`,
    ),
  columnNotFoundInQuery: (req: Pick<SandboxRequest, "headers">, name: string) =>
    spError(
      req,
      400,
      "-1, Microsoft.SharePoint.SPException",
      `Column '${name}' does not exist. It may have been deleted by another user.`,
    ),
  invalidQuery: (req: Pick<SandboxRequest, "headers">, message: string) =>
    spError(req, 400, "-1, Microsoft.SharePoint.SPException", message),
  invalidClientQuery: (req: Pick<SandboxRequest, "headers">, message: string) =>
    spError(req, 400, "-1, Microsoft.SharePoint.Client.InvalidClientQueryException", message),
  badEndpoint: (req: Pick<SandboxRequest, "headers">, path: string) =>
    spError(
      req,
      404,
      "-1, Microsoft.SharePoint.Client.InvalidClientQueryException",
      `The expression "${path}" is not valid.`,
    ),
  /** A path segment the object before it does not have (`/web/currentuser/nonsense`). */
  resourceNotFound: (req: Pick<SandboxRequest, "headers">, segment: string) =>
    spError(
      req,
      404,
      "-1, Microsoft.SharePoint.Client.ResourceNotFoundException",
      `Cannot find resource for the request ${segment}.`,
    ),
  methodNotAllowed: (req: Pick<SandboxRequest, "headers">, method: string) =>
    spError(
      req,
      405,
      "-1, Microsoft.SharePoint.Client.InvalidClientQueryException",
      `The HTTP method '${method}' cannot be used on this resource.`,
    ),
  throttled: (req: Pick<SandboxRequest, "headers">) =>
    spError(
      req,
      500,
      "-2147024860, Microsoft.SharePoint.SPQueryThrottledException",
      "The attempted operation is prohibited because it exceeds the list view threshold.",
    ),
  etagMismatch: (req: Pick<SandboxRequest, "headers">, given: string, current: string) =>
    spError(
      req,
      412,
      "-1, Microsoft.SharePoint.Client.ClientServiceException",
      `The request ETag value '${given}' does not match the object's ETag value '${current}'.`,
    ),
  badJson: (req: Pick<SandboxRequest, "headers">) =>
    spError(
      req,
      400,
      "-1, Microsoft.SharePoint.Client.InvalidClientQueryException",
      "Invalid JSON. A token was not recognized in the JSON content.",
    ),
  /**
   * A request SharePoint would carry out but the sandbox does not: refused rather than acknowledged, so that
   * nothing a client writes is answered 200 and silently dropped.
   */
  notEmulated: (req: Pick<SandboxRequest, "headers">, what: string) =>
    spError(
      req,
      501,
      "-1, System.NotImplementedException",
      `The sandbox does not emulate ${what}; SharePoint Online would carry it out.`,
    ),
  unknownProperty: (req: Pick<SandboxRequest, "headers">, name: string, typeName: string) =>
    spError(
      req,
      400,
      "-1, Microsoft.SharePoint.Client.InvalidClientQueryException",
      `The property '${name}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type.`,
    ),
};

/** The entities under the request's $select/$expand (those select.ts projects), or SharePoint's refusal. */
function projectAll(req: SandboxRequest, values: readonly Entity[]): Entity[] | SandboxResponse {
  try {
    return values.map((v) => (projectedHere(v.meta.type) ? projectEntity(req, v) : v));
  } catch (error) {
    if (error instanceof ProjectionError) return projectionRefusal(req, error);
    throw error;
  }
}

/** SharePoint's 400 for a $select of a property the type does not have, or an $expand the sandbox lacks. */
function projectionRefusal(req: Pick<SandboxRequest, "headers">, error: ProjectionError): SandboxResponse {
  if (error.kind === "property") return SpErrors.unknownProperty(req, error.property, error.typeName);
  return SpErrors.invalidClientQuery(
    req,
    `The sandbox does not model $expand=${error.property} on ${error.typeName}; ask for the properties themselves.`,
  );
}
