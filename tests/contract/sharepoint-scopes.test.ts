// Contract: SharePoint holds a token to its scope, as well as the person to their rights. A delegated token
// does what both the app's SharePoint permission and the person may (AllSites.Read < Write < Manage <
// FullControl, the levels Reader, Contributor, Designer and Full Control); breaking a list's inheritance and
// assigning roles is Full Control's, so an Owner signed in through an app holding AllSites.Manage is refused
// with SharePoint's 403 "Attempted to perform an unauthorized operation." An app holding Sites.Selected reaches
// only the sites granted to it through Graph's /sites/{id}/permissions, at the role granted. Sandbox only: a
// tenant's tokens carry whatever its app registration was consented, which a test cannot choose.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/security/index.js";
import { createGraphClient } from "../../src/notify/graph-client.ts";
import { GRAPH_AUDIENCE } from "../../src/sandbox/auth.ts";
import { createSharePoint } from "../../src/sharepoint/core/index.ts";
import { provisionSite } from "../../src/sharepoint/provision/index.ts";
import { graphFailure } from "../support/graph-failure.ts";
import { sandboxToken } from "../support/sandbox-token.ts";
import { rejectsWith } from "../support/sharepoint-failure.ts";
import { openSandbox, SANDBOX_PEOPLE, uniqueTitle, type Target } from "../support/targets.ts";

/** The code and message of SharePoint's refusal of a token that does not reach the operation. */
const UNAUTHORIZED = /^-2147024891, System\.UnauthorizedAccessException$/;
const UNAUTHORIZED_MESSAGE = "Attempted to perform an unauthorized operation.";

/** The daily job's app and the administrator's app that grants it the site. */
const JOB_APP = "0f6c1a4e-5d7b-4c2e-9a31-6b8d2e4f7a90";
const ADMIN_APP = "7d2e9b14-3c5a-4f86-b1d0-2e9f6a4c8b37";

const grantSchema = z.object({ id: z.string(), roles: z.array(z.string()) });

describe("SharePoint scopes and Sites.Selected (sandbox)", () => {
  let target: Target;
  let origin: string;
  const spWith = (token: () => Promise<string>): SPFI =>
    createSharePoint({ siteUrl: target.siteUrl, getToken: token, attempts: 1 });
  /** A person signed in through an app holding `scope` (a SharePoint permission). */
  const person = (who: "owner" | "member", scope: string) =>
    spWith(() => sandboxToken(origin, { user: SANDBOX_PEOPLE[who], scope: `${origin}/${scope}` }));
  /** The app signed in on its own, holding `role` (a SharePoint application permission). */
  const app = (appId: string, role: string) =>
    spWith(() => sandboxToken(origin, { app: appId, scope: `${origin}/${role}` }));
  const graphAsAdmin = () =>
    createGraphClient({
      baseUrl: target.graphUrl,
      getToken: () =>
        sandboxToken(origin, { app: ADMIN_APP, scope: `${GRAPH_AUDIENCE}/Sites.FullControl.All` }),
      maxRetries: 0,
    });
  /** Grant the job's app `roles` on the site, as README step 6 does through Graph; the grant's id. */
  async function grant(roles: string[]): Promise<string> {
    const graph = graphAsAdmin();
    const site = z
      .object({ id: z.string() })
      .parse(await graph.api(`/sites/${new URL(origin).hostname}:/sites/improvement`).get());
    const made = grantSchema.parse(
      await graph.api(`/sites/${site.id}/permissions`).post({
        roles,
        grantedToIdentities: [{ application: { id: JOB_APP, displayName: "Action Plan Tracker" } }],
      }),
    );
    return `/sites/${site.id}/permissions/${made.id}`;
  }
  /** Whether a list has unique permissions, read with the sandbox's unchecked test token. */
  const unique = async (title: string) =>
    (
      await spWith(() => target.token("owner"))
        .web.lists.getByTitle(title)
        .select("HasUniqueRoleAssignments")<{ HasUniqueRoleAssignments: boolean }>()
    ).HasUniqueRoleAssignments;

  beforeAll(async () => {
    target = await openSandbox();
    origin = new URL(target.siteUrl).origin;
  });
  afterAll(async () => {
    await target.close();
  });

  test("an Owner through AllSites.Manage creates a list but cannot break its inheritance or assign a role", async () => {
    const sp = person("owner", "AllSites.Manage");
    const title = uniqueTitle("Scopes Manage");
    await sp.web.lists.add(title);
    const list = sp.web.lists.getByTitle(title);
    await list.items.add({ Title: "Manage includes writing items" });
    const broke = await rejectsWith(list.breakRoleInheritance(false, true), 403, UNAUTHORIZED);
    assert.equal(broke.serviceMessage, UNAUTHORIZED_MESSAGE);
    assert.equal(broke.isAppPermissionRefusal, true);
    assert.equal(await unique(title), false, "the list still inherits the site's permissions");
    const visitors = await sp.web.associatedVisitorGroup.select("Id")<{ Id: number }>();
    const read = await sp.web.roleDefinitions.getByType(2).select("Id")<{ Id: number }>();
    await rejectsWith(sp.web.roleAssignments.add(visitors.Id, read.Id), 403, UNAUTHORIZED);
    // Reading who holds what (Enumerate Permissions) is Full Control's too.
    await rejectsWith(list.roleAssignments(), 403, UNAUTHORIZED);
  });

  test("the refusal is SharePoint's body in each JSON flavour: odata.error, verbose error, nometadata", async () => {
    const title = uniqueTitle("Scopes Flavours");
    await person("owner", "AllSites.FullControl").web.lists.add(title);
    const token = await sandboxToken(origin, {
      user: SANDBOX_PEOPLE.owner,
      scope: `${origin}/AllSites.Manage`,
    });
    const path = `${target.siteUrl}/_api/web/lists/getByTitle('${title}')/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`;
    const expected = {
      code: "-2147024891, System.UnauthorizedAccessException",
      message: { lang: "en-US", value: UNAUTHORIZED_MESSAGE },
    };
    for (const [accept, key] of [
      ["application/json;odata=verbose", "error"],
      ["application/json;odata=nometadata", "odata.error"],
      ["application/json", "odata.error"],
    ] as const) {
      const response = await fetch(path, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, Accept: accept },
      });
      assert.equal(response.status, 403, accept);
      assert.deepEqual((await response.json()) as unknown, { [key]: expected }, accept);
    }
  });

  test("AllSites.FullControl lets an Owner break inheritance and assign roles", async () => {
    const sp = person("owner", "AllSites.FullControl");
    const title = uniqueTitle("Scopes FullControl");
    await sp.web.lists.add(title);
    const list = sp.web.lists.getByTitle(title);
    await list.breakRoleInheritance(false, true);
    assert.equal(await unique(title), true);
    const visitors = await sp.web.associatedVisitorGroup.select("Id")<{ Id: number }>();
    const read = await sp.web.roleDefinitions.getByType(2).select("Id")<{ Id: number }>();
    await list.roleAssignments.add(visitors.Id, read.Id);
    const held: { PrincipalId: number }[] = await list.roleAssignments();
    assert.ok(held.some((a) => a.PrincipalId === visitors.Id));
  });

  test("the person still bounds the token: a Member through AllSites.FullControl is Access denied", async () => {
    const title = uniqueTitle("Scopes Member");
    await person("owner", "AllSites.FullControl").web.lists.add(title);
    const sp = person("member", "AllSites.FullControl");
    await sp.web.lists.getByTitle(title).items.add({ Title: "Members write items" });
    const denied = await rejectsWith(
      sp.web.lists.getByTitle(title).breakRoleInheritance(false, true),
      403,
      UNAUTHORIZED,
    );
    assert.match(denied.serviceMessage, /^Access denied\./);
    assert.equal(denied.isAppPermissionRefusal, false);
  });

  test("AllSites.Read reads items but cannot add one; AllSites.Write adds items but cannot create a list", async () => {
    const title = uniqueTitle("Scopes Read Write");
    await person("owner", "AllSites.FullControl").web.lists.add(title);
    const reader = person("owner", "AllSites.Read");
    assert.deepEqual(await reader.web.lists.getByTitle(title).items(), []);
    await rejectsWith(reader.web.lists.getByTitle(title).items.add({ Title: "x" }), 403, UNAUTHORIZED);
    const writer = person("owner", "AllSites.Write");
    await writer.web.lists.getByTitle(title).items.add({ Title: "Write adds items" });
    await rejectsWith(writer.web.lists.add(uniqueTitle("Scopes Not Made")), 403, UNAUTHORIZED);
  });

  test("provision with AllSites.Manage is refused at the first permission step, and says what it needs", async () => {
    const refused = await rejectsWith(provisionSite(person("owner", "AllSites.Manage")), 403, UNAUTHORIZED);
    assert.equal(refused.isAppPermissionRefusal, true);
  });

  test("an app holding Sites.Selected reaches nothing until it is granted the site", async () => {
    const job = app(JOB_APP, "Sites.Selected");
    const refused = await rejectsWith(job.web.select("Title")(), 403, UNAUTHORIZED);
    assert.equal(refused.serviceMessage, UNAUTHORIZED_MESSAGE);
    // Granting another site does not reach this one.
    const other = await fetch(`${origin}/sandbox/sites`, {
      method: "POST",
      body: JSON.stringify({ name: "elsewhere" }),
    });
    assert.equal(other.status, 201);
    const graph = graphAsAdmin();
    const elsewhere = z
      .object({ id: z.string() })
      .parse(await graph.api(`/sites/${new URL(origin).hostname}:/sites/elsewhere`).get());
    await graph.api(`/sites/${elsewhere.id}/permissions`).post({
      roles: ["fullcontrol"],
      grantedToIdentities: [{ application: { id: JOB_APP, displayName: "Action Plan Tracker" } }],
    });
    await rejectsWith(job.web.select("Title")(), 403, UNAUTHORIZED);
  });

  test("granted `write`, the app writes items but cannot change permissions or lists; `manage` overrides 'edit own items'", async () => {
    const owner = spWith(() => target.token("owner"));
    const title = uniqueTitle("Scopes Selected");
    await owner.web.lists.add(title);
    const grantPath = await grant(["write"]);
    const job = app(JOB_APP, "Sites.Selected");
    const list = job.web.lists.getByTitle(title);
    const added = await list.items.add({ Title: "Written by the daily job" });
    await list.items.getById(added.Id).update({ Title: "And edited" });
    await rejectsWith(list.breakRoleInheritance(false, true), 403, UNAUTHORIZED);
    await rejectsWith(job.web.lists.add(uniqueTitle("Scopes Not Made")), 403, UNAUTHORIZED);
    // An "edit own items" list (WriteSecurity 2), as Progress Updates: a Member's item is not the app's to edit
    // with Contribute's rights; marking it applied needs Design's "override list behaviors" (manage).
    await owner.web.lists.getByTitle(title).update({ WriteSecurity: 2 });
    const members = spWith(() => target.token("member"));
    const theirs = await members.web.lists.getByTitle(title).items.add({ Title: "An SRO's update" });
    await rejectsWith(list.items.getById(theirs.Id).update({ Title: "Applied" }), 403, UNAUTHORIZED);
    const graph = graphAsAdmin();
    const changed = grantSchema.parse(await graph.api(grantPath).patch({ roles: ["manage"] }));
    assert.deepEqual(changed.roles, ["manage"]);
    await list.items.getById(theirs.Id).update({ Title: "Applied" });
    await rejectsWith(list.breakRoleInheritance(false, true), 403, UNAUTHORIZED);
    // Taken away, the grant reaches nothing again.
    await graph.api(grantPath).delete();
    await rejectsWith(job.web.select("Title")(), 403, UNAUTHORIZED);
  });

  test("granted `fullcontrol`, the app provisions the site", async () => {
    await grant(["fullcontrol"]);
    const report = await provisionSite(app(JOB_APP, "Sites.Selected"));
    assert.deepEqual(report.problems, []);
    assert.ok(report.changes.length > 0);
  });

  test("an app with Sites.FullControl.All reaches every site; Sites.ReadWrite.All writes but cannot manage lists", async () => {
    const title = uniqueTitle("Scopes All Sites");
    await app("another-app", "Sites.FullControl.All").web.lists.add(title);
    const writer = app("another-app", "Sites.ReadWrite.All");
    await writer.web.lists.getByTitle(title).items.add({ Title: "ReadWrite.All writes" });
    await rejectsWith(writer.web.lists.add(uniqueTitle("Scopes Not Made")), 403, UNAUTHORIZED);
  });

  test("granting a site through Graph needs Sites.FullControl.All", async () => {
    const graph = createGraphClient({
      baseUrl: target.graphUrl,
      getToken: () => sandboxToken(origin, { app: ADMIN_APP, scope: `${GRAPH_AUDIENCE}/Sites.Read.All` }),
      maxRetries: 0,
    });
    const site = z
      .object({ id: z.string() })
      .parse(await graph.api(`/sites/${new URL(origin).hostname}:/sites/improvement`).get());
    const refused = await graphFailure(
      graph.api(`/sites/${site.id}/permissions`).post({
        roles: ["fullcontrol"],
        grantedToIdentities: [{ application: { id: ADMIN_APP, displayName: "Self-granted" } }],
      }),
    );
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.code, "accessDenied");
  });
});
