// Contract: the directory through the real Microsoft Graph client — users, /me and managers, as the
// reminders' escalations will read them.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Client } from "@microsoft/microsoft-graph-client";
import { createGraphClient, nextLinkPath } from "../../src/notify/graph-client.ts";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import { graphFailure } from "../support/graph-failure.ts";
import { openSandbox, type Target } from "../support/targets.ts";

describe("Graph users (sandbox)", () => {
  let target: Target;
  let graph: Client;
  const member = DIRECTORY.find((p) => p.siteGroup === "Members" && p.managerUpn !== undefined);
  const topOfTree = DIRECTORY.find((p) => p.managerUpn === undefined);

  beforeAll(async () => {
    target = await openSandbox();
    graph = createGraphClient({ baseUrl: target.graphUrl, getToken: () => target.token("member") });
  });
  afterAll(async () => {
    await target.close();
  });

  test("/me is the token's person with Graph's default properties", async () => {
    const me = (await graph.api("/me").get()) as Record<string, unknown>;
    assert.equal(me.userPrincipalName, target.upnOf("member"));
    for (const key of ["id", "displayName", "givenName", "surname", "jobTitle", "mail", "businessPhones"])
      assert.ok(key in me, key);
    assert.ok(!("department" in me), "department only comes when selected");
  });

  test("a user by upn, with $select, and the same user by id", async () => {
    assert.ok(member !== undefined);
    const byUpn = (await graph
      .api(`/users/${member.upn}`)
      .select(["id", "displayName", "department"])
      .get()) as Record<string, unknown>;
    assert.equal(byUpn.displayName, member.displayName);
    assert.equal(byUpn.department, member.department);
    assert.deepEqual(
      Object.keys(byUpn)
        .filter((k) => !k.startsWith("@odata"))
        .sort(),
      ["department", "displayName", "id"],
    );
    const byId = (await graph.api(`/users/${member.id}`).get()) as Record<string, unknown>;
    assert.equal(byId.userPrincipalName, member.upn);
  });

  test("a user's manager is returned; someone without one is Graph's 404 Request_ResourceNotFound", async () => {
    assert.ok(member !== undefined && topOfTree !== undefined);
    const manager = (await graph.api(`/users/${member.upn}/manager`).get()) as Record<string, unknown>;
    assert.equal(manager.userPrincipalName, member.managerUpn);
    assert.equal(manager["@odata.type"], "#microsoft.graph.user");
    const none = await graphFailure(graph.api(`/users/${topOfTree.upn}/manager`).get());
    assert.equal(none.statusCode, 404);
    assert.equal(none.code, "Request_ResourceNotFound");
  });

  test("an unknown user is 404 Request_ResourceNotFound naming the key", async () => {
    const error = await graphFailure(graph.api("/users/nobody@northbridge.gov.uk").get());
    assert.equal(error.statusCode, 404);
    assert.equal(error.code, "Request_ResourceNotFound");
    assert.match(error.message, /nobody@northbridge\.gov\.uk/);
  });

  test("no token is 401 InvalidAuthenticationToken; /me with an app-only token is refused", async () => {
    const anonymous = createGraphClient({ baseUrl: target.graphUrl, getToken: () => Promise.resolve("") });
    const unauthenticated = await graphFailure(anonymous.api("/me").get());
    assert.equal(unauthenticated.statusCode, 401);
    assert.equal(unauthenticated.code, "InvalidAuthenticationToken");
    const app = createGraphClient({ baseUrl: target.graphUrl, getToken: () => target.token("app") });
    const meAsApp = await graphFailure(app.api("/me").get());
    assert.equal(meAsApp.statusCode, 400);
    const userAsApp = (await app.api(`/users/${target.upnOf("member") ?? ""}`).get()) as Record<
      string,
      unknown
    >;
    assert.equal(userAsApp.userPrincipalName, target.upnOf("member"));
  });

  test("listing users pages with @odata.nextLink", async () => {
    const first = (await graph.api("/users").top(10).get()) as {
      value: unknown[];
      "@odata.nextLink"?: string;
    };
    assert.equal(first.value.length, 10);
    assert.ok(first["@odata.nextLink"] !== undefined);
    let total = first.value.length;
    let next: string | undefined = first["@odata.nextLink"];
    while (next !== undefined) {
      const page = (await graph.api(nextLinkPath({ baseUrl: target.graphUrl }, next)).get()) as {
        value: unknown[];
        "@odata.nextLink"?: string;
      };
      total += page.value.length;
      next = page["@odata.nextLink"];
    }
    assert.equal(total, DIRECTORY.length);
  });
});
