import { test } from "vitest";
import assert from "node:assert/strict";
import { DIRECTORY, personByPost } from "../directory.ts";
import type { Person } from "../directory.ts";
import type { Caller, SandboxRequest, SandboxResponse } from "../http.ts";
import { GRAPH_CONTENT_TYPE } from "./errors.ts";
import { handleGraphUsers } from "./users.ts";

const ORIGIN = "http://127.0.0.1:7357";
const PREFIX = "/graph/v1.0";
const DEFAULT_KEYS = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
];

function holder(post: string): Person {
  const person = personByPost(post);
  assert.ok(person, post);
  return person;
}

const ceo = holder("CEO");
const siobhan = holder("Performance and Improvement Officer");
const asUser = (p: Person): Caller => ({ kind: "user", upn: p.upn });
const asApp: Caller = { kind: "app", appId: "5b3e7c1a-0d4f-4a57-9f57-2f1c0b7e9a11" };

interface Options {
  method?: string;
  caller?: Caller | null;
  headers?: Record<string, string>;
}

/** Sends `pathAndQuery` (after /graph/v1.0) as the HTTP server would: path taken from the parsed URL. */
function send(pathAndQuery: string, options: Options = {}): SandboxResponse | null {
  const url = new URL(ORIGIN + PREFIX + pathAndQuery);
  const req: SandboxRequest = {
    method: options.method ?? "GET",
    url,
    headers: options.headers ?? {},
    body: "",
    caller: options.caller === undefined ? asUser(siobhan) : options.caller,
  };
  return handleGraphUsers(req, url.pathname.slice(PREFIX.length));
}

function ok(pathAndQuery: string, options: Options = {}): Record<string, unknown> {
  const res = send(pathAndQuery, options);
  assert.ok(res, `${pathAndQuery} not handled`);
  assert.equal(res.status, 200, res.body);
  return JSON.parse(res.body) as Record<string, unknown>;
}

interface GraphErrorBody {
  error: { code: string; message: string; innerError: Record<string, string> };
}

function failure(pathAndQuery: string, status: number, options: Options = {}): GraphErrorBody["error"] {
  const res = send(pathAndQuery, options);
  assert.ok(res, `${pathAndQuery} not handled`);
  assert.equal(res.status, status, res.body);
  return (JSON.parse(res.body) as GraphErrorBody).error;
}

function values(body: Record<string, unknown>): Record<string, unknown>[] {
  return body.value as Record<string, unknown>[];
}

test("GET /users/{id} returns Graph's default property set", () => {
  const body = ok(`/users/${siobhan.id}`);
  assert.deepEqual(Object.keys(body), ["@odata.context", ...DEFAULT_KEYS]);
  assert.equal(body["@odata.context"], "https://graph.microsoft.com/v1.0/$metadata#users/$entity");
  assert.equal(body.displayName, "Siobhan O'Connor");
  assert.equal(body.userPrincipalName, siobhan.upn);
  assert.equal(body.jobTitle, "Performance and Improvement Officer");
  assert.equal(body.preferredLanguage, "en-GB");
  assert.ok(Array.isArray(body.businessPhones));
  assert.equal(body.mobilePhone, null);
  assert.equal("department" in body, false);
});

test("users are found by UPN, encoded or not, in any case, and by the key-in-parentheses form", () => {
  for (const path of [
    `/users/${siobhan.upn}`,
    `/users/${encodeURIComponent(siobhan.upn)}`,
    `/users/${siobhan.upn.toUpperCase()}`,
    `/users/${siobhan.id.toUpperCase()}`,
    `/users('${siobhan.upn}')`,
    `/Users/${siobhan.id}`,
  ]) {
    assert.equal(ok(path).id, siobhan.id, path);
  }
});

test("GET /me returns the signed-in user", () => {
  assert.equal(ok("/me", { caller: asUser(ceo) }).id, ceo.id);
});

test("$select limits the properties and is named in the context", () => {
  const body = ok(`/users/${siobhan.id}?$select=displayName,DEPARTMENT`);
  assert.deepEqual(body, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(displayName,department)/$entity",
    displayName: "Siobhan O'Connor",
    department: "Strategy, Improvement and Transformation",
  });
});

test("$select of an unknown property is a 400", () => {
  const error = failure("/me?$select=displayName,shoeSize", 400);
  assert.equal(error.code, "BadRequest");
  assert.match(error.message, /Could not find a property named 'shoeSize' on type 'microsoft\.graph\.user'/);
});

test("an unknown user is Graph's 404, with matching ids in headers and innerError", () => {
  const res = send("/users/nobody@northbridge.gov.uk", { headers: { "client-request-id": "abc-123" } });
  assert.ok(res);
  assert.equal(res.status, 404);
  assert.equal(res.headers["content-type"], GRAPH_CONTENT_TYPE);
  const { error } = JSON.parse(res.body) as GraphErrorBody;
  assert.equal(error.code, "Request_ResourceNotFound");
  assert.equal(
    error.message,
    "Resource 'nobody@northbridge.gov.uk' does not exist or one of its queried reference-property objects are not present.",
  );
  assert.equal(error.innerError["request-id"], res.headers["request-id"]);
  assert.equal(error.innerError["client-request-id"], "abc-123");
  assert.equal(res.headers["client-request-id"], "abc-123");
  assert.match(error.innerError.date ?? "", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
});

test("every response carries Graph's content type and correlation ids", () => {
  const res = send(`/users/${ceo.id}`, { headers: { "client-request-id": "cr-1" } });
  assert.ok(res);
  assert.equal(res.headers["content-type"], GRAPH_CONTENT_TYPE);
  assert.equal(res.headers["client-request-id"], "cr-1");
  assert.match(res.headers["request-id"] ?? "", /^[0-9a-f-]{36}$/);
  // Without a client-request-id, Graph returns the request-id in its place.
  const bare = send(`/users/${ceo.id}`);
  assert.ok(bare);
  assert.equal(bare.headers["client-request-id"], bare.headers["request-id"]);
  assert.notEqual(bare.headers["request-id"], res.headers["request-id"]);
});

test("GET /users/{id}/manager returns the manager as a directoryObject", () => {
  const body = ok(`/users/${siobhan.upn}/manager`);
  assert.equal(body["@odata.context"], "https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity");
  assert.equal(body["@odata.type"], "#microsoft.graph.user");
  assert.equal(body.jobTitle, "Programme Manager (PMO)");
  assert.equal(body.id, holder("Programme Manager (PMO)").id);
  const selected = ok(`/me/manager?$select=id,mail`);
  assert.deepEqual(Object.keys(selected), ["@odata.context", "@odata.type", "id", "mail"]);
});

test("no manager is a 404 naming 'manager'", () => {
  const error = failure("/me/manager", 404, { caller: asUser(ceo) });
  assert.equal(error.code, "Request_ResourceNotFound");
  assert.equal(
    error.message,
    "Resource 'manager' does not exist or one of its queried reference-property objects are not present.",
  );
  assert.equal(
    failure(`/users/${holder("Independent Improvement Board Chair").id}/manager`, 404).code,
    "Request_ResourceNotFound",
  );
});

test("the manager of an unknown user is a 404 naming the user", () => {
  assert.match(
    failure("/users/ghost@northbridge.gov.uk/manager", 404).message,
    /^Resource 'ghost@northbridge\.gov\.uk'/,
  );
});

test("/me with an app-only token is Graph's 400", () => {
  for (const path of ["/me", "/me/manager"]) {
    const error = failure(path, 400, { caller: asApp });
    assert.equal(error.code, "BadRequest");
    assert.equal(error.message, "/me request is only valid with delegated authentication flow.");
  }
  // App-only callers may still read users by id.
  assert.equal(ok(`/users/${ceo.id}`, { caller: asApp }).id, ceo.id);
});

test("no token is a 401 with WWW-Authenticate; a bad token says validation failed", () => {
  const res = send("/me", { caller: null });
  assert.ok(res);
  assert.equal(res.status, 401);
  assert.match(res.headers["www-authenticate"] ?? "", /^Bearer /);
  const { error } = JSON.parse(res.body) as GraphErrorBody;
  assert.equal(error.code, "InvalidAuthenticationToken");
  assert.equal(error.message, "Access token is empty.");
  const bad = failure("/users", 401, { caller: null, headers: { authorization: "Bearer not-a-jwt" } });
  assert.equal(bad.message, "Access token validation failure.");
});

test("methods other than GET are 405", () => {
  for (const method of ["POST", "PATCH", "DELETE"]) {
    const res = send(`/users/${ceo.id}`, { method });
    assert.ok(res);
    assert.equal(res.status, 405);
    assert.equal(res.headers.allow, "GET");
    assert.equal((JSON.parse(res.body) as GraphErrorBody).error.code, "Request_BadRequest");
  }
});

test("GET /users lists everyone in one default page", () => {
  const body = ok("/users");
  assert.equal(body["@odata.context"], "https://graph.microsoft.com/v1.0/$metadata#users");
  assert.equal(body["@odata.nextLink"], undefined);
  assert.equal(values(body).length, DIRECTORY.length);
  assert.deepEqual(Object.keys(values(body)[0] ?? {}), DEFAULT_KEYS);
});

test("$top pages through @odata.nextLink, keeping the other options and the sandbox address", () => {
  const seen: string[] = [];
  let next: string | undefined = `/users?$top=7&$select=id,displayName`;
  let pages = 0;
  while (next !== undefined) {
    const body = ok(next);
    pages += 1;
    assert.equal(body["@odata.context"], "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName)");
    for (const user of values(body)) {
      assert.deepEqual(Object.keys(user), ["id", "displayName"]);
      seen.push(String(user.id));
    }
    const link = body["@odata.nextLink"];
    if (typeof link === "string") {
      const url = new URL(link);
      assert.equal(url.origin, ORIGIN);
      assert.ok(url.pathname.startsWith(`${PREFIX}/users`));
      assert.equal(url.searchParams.get("$top"), "7");
      next = url.pathname.slice(PREFIX.length) + url.search;
    } else {
      next = undefined;
    }
  }
  assert.equal(pages, Math.ceil(DIRECTORY.length / 7));
  assert.deepEqual(
    seen,
    DIRECTORY.map((p) => p.id),
  );
});

test("$top outside 1..999 and a forged $skiptoken are 400s", () => {
  assert.match(failure("/users?$top=1000", 400).message, /Must be between 1 and 999 inclusive/);
  failure("/users?$top=0", 400);
  failure("/users?$skiptoken=forged", 400);
});

test("$filter finds users by UPN or mail, case-insensitively, with OData quote escaping", () => {
  const byUpn = ok(`/users?$filter=userPrincipalName eq '${siobhan.upn.toUpperCase()}'`);
  assert.deepEqual(
    values(byUpn).map((u) => u.id),
    [siobhan.id],
  );
  const byMail = ok(`/users?$filter=${encodeURIComponent(`mail eq '${ceo.mail}'`)}`);
  assert.deepEqual(
    values(byMail).map((u) => u.id),
    [ceo.id],
  );
  const bySurname = ok(`/users?$filter=surname eq 'O''Connor'`);
  assert.deepEqual(
    values(bySurname).map((u) => u.id),
    [siobhan.id],
  );
  const none = ok(`/users?$filter=mail eq 'nobody@northbridge.gov.uk'`);
  assert.deepEqual(values(none), []);
  const starts = ok(`/users?$filter=startswith(displayName,'siob')`);
  assert.deepEqual(
    values(starts).map((u) => u.id),
    [siobhan.id],
  );
});

test("unsupported $filter clauses are Graph's Request_UnsupportedQuery", () => {
  const ne = failure(`/users?$filter=userType ne 'Guest'`, 400);
  assert.equal(ne.code, "Request_UnsupportedQuery");
  assert.equal(
    ne.message,
    "Unsupported or invalid query filter clause specified for property 'userType' of resource 'User'.",
  );
  assert.equal(failure(`/users?$filter=businessPhones eq '1'`, 400).code, "Request_UnsupportedQuery");
  assert.equal(failure(`/users?$filter=mail eq 'a' or mail eq 'b'`, 400).code, "Request_UnsupportedQuery");
});

test("query options the emulator does not serve are refused, not ignored", () => {
  assert.match(failure(`/users/${ceo.id}?$expand=manager`, 400).message, /\$expand/);
  failure(`/users/${ceo.id}?$filter=mail eq 'x'`, 400);
});

test("GET /users/{id}/directReports lists typed directory objects", () => {
  const body = ok(`/users/${holder("Head of Strategy and Performance").id}/directReports`);
  assert.equal(body["@odata.context"], "https://graph.microsoft.com/v1.0/$metadata#directoryObjects");
  assert.deepEqual(
    values(body).map((u) => [u["@odata.type"], u.jobTitle]),
    [
      ["#microsoft.graph.user", "Programme Manager (PMO)"],
      ["#microsoft.graph.user", "Senior Performance Analyst"],
    ],
  );
  assert.deepEqual(values(ok("/me/directReports")), []);
});

test("paths owned by other emulators are left alone", () => {
  for (const path of [
    "/chats",
    "/me/chats",
    `/users/${ceo.id}/chats`,
    `/users/${ceo.id}/teamwork/installedApps`,
    `/users/${ceo.id}/teamwork/sendActivityNotification`,
    "/users/$count",
    "/users/delta",
    "/groups",
  ]) {
    assert.equal(send(path), null, path);
  }
});
