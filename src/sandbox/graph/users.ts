// Graph v1.0 users, served from the sandbox directory: GET /users, /users/{id | userPrincipalName}, /me,
// their /manager and /directReports. Read-only, as the app only reads the directory: other methods get the
// 405 the directory workload returns.
import { DIRECTORY, directReports, managerOf, personByIdOrUpn, personByUpn } from "../directory.ts";
import type { Person } from "../directory.ts";
import type { SandboxRequest, SandboxResponse } from "../http.ts";
import { graphError, graphJson, graphUnauthenticated } from "./errors.ts";

// Graph names its own host in @odata.context whatever host served the request; nextLinks must instead point
// back at the sandbox, so they are built from the request URL.
const METADATA = "https://graph.microsoft.com/v1.0/$metadata";
const COMPANY_NAME = "London Borough of Northbridge";

// Every user property the emulator knows, in the order Graph writes the default set.
const USER_PROPERTIES = {
  businessPhones: (p: Person) => [...p.businessPhones],
  displayName: (p: Person) => p.displayName,
  givenName: (p: Person) => p.givenName,
  jobTitle: (p: Person) => p.jobTitle,
  mail: (p: Person) => p.mail,
  mobilePhone: (p: Person) => p.mobilePhone ?? null,
  officeLocation: (p: Person) => p.officeLocation ?? null,
  preferredLanguage: () => "en-GB",
  surname: (p: Person) => p.surname,
  userPrincipalName: (p: Person) => p.upn,
  id: (p: Person) => p.id,
  // Graph v1.0 returns the rest only when $select names them.
  accountEnabled: () => true,
  city: () => "London",
  companyName: () => COMPANY_NAME,
  country: () => "United Kingdom",
  department: (p: Person) => p.department,
  mailNickname: (p: Person) => p.upn.slice(0, p.upn.indexOf("@")),
  usageLocation: () => "GB",
  userType: () => "Member",
};
type UserProperty = keyof typeof USER_PROPERTIES;

const ALL_PROPERTIES = Object.keys(USER_PROPERTIES) as UserProperty[];
const DEFAULT_PROPERTIES = ALL_PROPERTIES.slice(0, ALL_PROPERTIES.indexOf("id") + 1);
// OData property names are matched case-insensitively by the directory, and written back canonically.
const PROPERTY_BY_LOWER = new Map(ALL_PROPERTIES.map((name) => [name.toLowerCase(), name]));

// Which properties $filter accepts, per the user resource's "Supports $filter" notes (default queries only).
const FILTER_STARTSWITH: ReadonlySet<UserProperty> = new Set([
  "userPrincipalName",
  "mail",
  "displayName",
  "givenName",
  "surname",
  "jobTitle",
]);
const FILTER_EQ: ReadonlySet<UserProperty> = new Set(["id", ...FILTER_STARTSWITH, "department"]);

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;

type Subject = { kind: "me" } | { kind: "key"; key: string };
type Route =
  | { kind: "list" }
  | { kind: "entity"; subject: Subject }
  | { kind: "manager"; subject: Subject }
  | { kind: "directReports"; subject: Subject };

interface Query {
  /** Null when $select was absent: the default property set. */
  select: UserProperty[] | null;
  filter: ((p: Person) => boolean) | null;
  top: number;
  offset: number;
}

/** Answers GET /users, /users/{id|upn}, /me and their /manager and /directReports; null for other paths. */
export function handleGraphUsers(req: SandboxRequest, path: string): SandboxResponse | null {
  const route = parseRoute(path);
  if (route === null) return null;
  if (req.caller === null) return graphUnauthenticated(req);
  if (req.method !== "GET") {
    // The directory workload's answer to a method a resource does not take (writes are not emulated).
    const message = "Specified HTTP method is not allowed for the request target.";
    return graphError(405, "Request_BadRequest", message, req, { allow: "GET" });
  }

  if (route.kind === "list") {
    const query = parseQuery(req, ["$select", "$filter", "$top", "$skiptoken"]);
    if ("error" in query) return query.error;
    const people = query.filter === null ? DIRECTORY : DIRECTORY.filter(query.filter);
    return collection(req, people, query, "users", false);
  }

  const subject = resolveSubject(req, route.subject);
  if ("error" in subject) return subject.error;

  if (route.kind === "entity") {
    const query = parseQuery(req, ["$select"]);
    if ("error" in query) return query.error;
    const body = { "@odata.context": entityContext("users", query.select), ...render(subject, query.select) };
    return graphJson(200, body, req);
  }

  if (route.kind === "manager") {
    const query = parseQuery(req, ["$select"]);
    if ("error" in query) return query.error;
    const manager = managerOf(subject);
    // Graph answers a missing manager with a 404 naming the navigation property, not with null.
    if (manager === undefined) return notFound(req, "manager");
    const body = {
      "@odata.context": entityContext("directoryObjects", query.select),
      "@odata.type": "#microsoft.graph.user",
      ...render(manager, query.select),
    };
    return graphJson(200, body, req);
  }

  const query = parseQuery(req, ["$select", "$top", "$skiptoken"]);
  if ("error" in query) return query.error;
  return collection(req, directReports(subject), query, "directoryObjects", true);
}

function parseRoute(path: string): Route | null {
  const queryAt = path.indexOf("?");
  const segments = (queryAt === -1 ? path : path.slice(0, queryAt)).split("/").filter((s) => s !== "");
  // Graph also accepts the key-in-parentheses form: /users('alice@contoso.com').
  const keyed = /^users\('(.*)'\)$/i.exec(segments[0] ?? "");
  if (keyed !== null) segments.splice(0, 1, "users", (keyed[1] ?? "").replace(/''/g, "'"));

  // Segment names are case-insensitive in Graph; keys are kept as sent.
  const [root, key, navigation, ...rest] = segments;
  if (rest.length > 0) return null;
  if (root?.toLowerCase() === "me") {
    return navigation === undefined ? withNavigation({ kind: "me" }, key) : null;
  }
  if (root?.toLowerCase() !== "users") return null;
  if (key === undefined) return { kind: "list" };
  // $count, delta() and type casts are Graph features this emulator does not serve: leave them to a 404.
  if (key.startsWith("$") || /^delta(\(\))?$/i.test(key) || /^microsoft\.graph\./i.test(key)) return null;
  return withNavigation({ kind: "key", key: decodeSegment(key) }, navigation);
}

function withNavigation(subject: Subject, navigation: string | undefined): Route | null {
  switch (navigation?.toLowerCase()) {
    case undefined:
      return { kind: "entity", subject };
    case "manager":
      return { kind: "manager", subject };
    case "directreports":
      return { kind: "directReports", subject };
    default:
      // Other navigations (/chats, /teamwork/...) belong to other emulators.
      return null;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function resolveSubject(req: SandboxRequest, subject: Subject): Person | { error: SandboxResponse } {
  if (subject.kind === "key") {
    return personByIdOrUpn(subject.key) ?? { error: notFound(req, subject.key) };
  }
  if (req.caller?.kind !== "user") {
    return {
      error: graphError(
        400,
        "BadRequest",
        "/me request is only valid with delegated authentication flow.",
        req,
      ),
    };
  }
  return personByUpn(req.caller.upn) ?? { error: notFound(req, req.caller.upn) };
}

function notFound(req: SandboxRequest, resource: string): SandboxResponse {
  return graphError(
    404,
    "Request_ResourceNotFound",
    `Resource '${resource}' does not exist or one of its queried reference-property objects are not present.`,
    req,
  );
}

function parseQuery(req: SandboxRequest, allowed: readonly string[]): Query | { error: SandboxResponse } {
  const params = req.url.searchParams;
  for (const name of params.keys()) {
    if (name.startsWith("$") && !allowed.includes(name.toLowerCase())) {
      return badRequest(
        req,
        "BadRequest",
        `The sandbox does not emulate query option '${name}' on this resource.`,
      );
    }
  }
  const get = (option: string): string | null => {
    for (const [name, value] of params) if (name.toLowerCase() === option) return value;
    return null;
  };

  let select: UserProperty[] | null = null;
  const selectText = get("$select");
  if (selectText !== null) {
    select = [];
    for (const raw of selectText.split(",")) {
      const name = raw.trim();
      if (name === "") continue;
      if (name === "*") {
        select.push(...ALL_PROPERTIES);
        continue;
      }
      const property = PROPERTY_BY_LOWER.get(name.toLowerCase());
      if (property === undefined) {
        return badRequest(
          req,
          "BadRequest",
          `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
        );
      }
      if (!select.includes(property)) select.push(property);
    }
    if (select.length === 0) select = null;
  }

  let top = DEFAULT_PAGE_SIZE;
  const topText = get("$top");
  if (topText !== null) {
    top = /^\d+$/.test(topText) ? Number(topText) : NaN;
    if (!(top >= 1 && top <= MAX_PAGE_SIZE)) {
      return badRequest(
        req,
        "Request_BadRequest",
        `Invalid page size specified: '${topText}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
      );
    }
  }

  let offset = 0;
  const token = get("$skiptoken");
  if (token !== null) {
    const decoded = decodeSkipToken(token);
    if (decoded === null) {
      return badRequest(
        req,
        "Directory_ExpiredPageToken",
        "The specified page token value has expired and can no longer be included in your request.",
      );
    }
    offset = decoded;
  }

  let filter: Query["filter"] = null;
  const filterText = get("$filter");
  if (filterText !== null) {
    const parsed = parseFilter(filterText);
    if (typeof parsed === "string") return badRequest(req, "Request_UnsupportedQuery", parsed);
    filter = parsed;
  }

  return { select, filter, top, offset };
}

function badRequest(req: SandboxRequest, code: string, message: string): { error: SandboxResponse } {
  return { error: graphError(400, code, message, req) };
}

/** One clause, `prop eq 'v'` or `startswith(prop,'v')`; returns the predicate or Graph's error message. */
function parseFilter(text: string): ((p: Person) => boolean) | string {
  const literal = "'((?:[^']|'')*)'";
  const eq = new RegExp(`^\\s*(\\w+)\\s+eq\\s+${literal}\\s*$`, "i").exec(text);
  const starts = new RegExp(`^\\s*startswith\\(\\s*(\\w+)\\s*,\\s*${literal}\\s*\\)\\s*$`, "i").exec(text);
  const match = eq ?? starts;
  if (match === null) {
    // Name the property as Graph does when the clause starts with one; otherwise say what is emulated.
    const property = /^\s*(\w+)\s+(?:ne|gt|ge|lt|le|in|has)\b/i.exec(text)?.[1];
    if (property !== undefined) return unsupportedFilter(property);
    return "The sandbox emulates one $filter clause on users: <property> eq '<value>' or startswith(<property>,'<value>').";
  }
  const name = match[1] ?? "";
  const property = PROPERTY_BY_LOWER.get(name.toLowerCase());
  const allowed = eq === null ? FILTER_STARTSWITH : FILTER_EQ;
  if (property === undefined || !allowed.has(property)) return unsupportedFilter(name);
  // The directory compares strings case-insensitively; '' is OData's escaped apostrophe.
  const wanted = (match[2] ?? "").replace(/''/g, "'").toLowerCase();
  const read = USER_PROPERTIES[property];
  return (p) => {
    const value = String(read(p)).toLowerCase();
    return eq === null ? value.startsWith(wanted) : value === wanted;
  };
}

function unsupportedFilter(property: string): string {
  return `Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`;
}

function render(p: Person, select: readonly UserProperty[] | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of select ?? DEFAULT_PROPERTIES) out[name] = USER_PROPERTIES[name](p);
  return out;
}

function entityContext(set: string, select: readonly UserProperty[] | null): string {
  return `${METADATA}#${set}${select === null ? "" : `(${select.join(",")})`}/$entity`;
}

function collection(
  req: SandboxRequest,
  people: readonly Person[],
  query: Query,
  set: "users" | "directoryObjects",
  typed: boolean,
): SandboxResponse {
  const page = people.slice(query.offset, query.offset + query.top);
  const body: Record<string, unknown> = {
    "@odata.context": `${METADATA}#${set}${query.select === null ? "" : `(${query.select.join(",")})`}`,
  };
  const end = query.offset + page.length;
  if (end < people.length) {
    // Graph keeps the other query options in the nextLink and swaps in an opaque $skiptoken.
    const next = new URL(req.url.href);
    for (const name of [...next.searchParams.keys()]) {
      if (name.toLowerCase() === "$skiptoken") next.searchParams.delete(name);
    }
    next.searchParams.set("$skiptoken", encodeSkipToken(end));
    body["@odata.nextLink"] = next.href;
  }
  body.value = page.map((p) =>
    typed ? { "@odata.type": "#microsoft.graph.user", ...render(p, query.select) } : render(p, query.select),
  );
  return graphJson(200, body, req);
}

// Graph's skip tokens are opaque; this one is the offset, wrapped so that clients cannot treat it as a number.
function encodeSkipToken(offset: number): string {
  return Buffer.from(`northbridge-users:${offset}`).toString("base64url");
}

function decodeSkipToken(token: string): number | null {
  const match = /^northbridge-users:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return match === null ? null : Number(match[1]);
}
