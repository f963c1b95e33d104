// The sandbox keeps permissions across a restart, and data folders written before permissions were emulated
// still load: their sites get a team site's groups' levels and their lists inherit them.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, test } from "vitest";
import { listPath, openTestSite, type TestSite } from "./sharepoint/test-kit.ts";
import { SandboxStore } from "./store.ts";

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite();
});
afterAll(async () => {
  await site.close();
});

test("a restarted sandbox keeps unique permissions, role assignments and item-level settings", async () => {
  const coordinated = listPath("Actions like");
  const contributions = listPath("Updates like");
  for (const title of ["Actions like", "Updates like"])
    await site.call("owner", "POST", "web/lists", { Title: title, BaseTemplate: 100 });
  await site.call(
    "owner",
    "POST",
    `${coordinated}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`,
  );
  await site.call(
    "owner",
    "POST",
    `${coordinated}/roleassignments/addroleassignment(principalid=5,roledefid=1073741826)`,
  );
  await site.call("owner", "MERGE", contributions, { WriteSecurity: 2 });
  const owners = (await site.call("owner", "POST", `${contributions}/items`, { Title: "Owner's" })).json
    ?.Id as number;

  await site.restart();

  const settings = await site.call("owner", "GET", `${coordinated}?$select=HasUniqueRoleAssignments`);
  assert.equal(settings.json?.HasUniqueRoleAssignments, true);
  assert.equal((await site.call("member", "GET", `${coordinated}/items`)).status, 200);
  assert.equal((await site.call("member", "POST", `${coordinated}/items`, { Title: "x" })).status, 403);
  const write = await site.call("owner", "GET", `${contributions}?$select=WriteSecurity`);
  assert.equal(write.json?.WriteSecurity, 2);
  assert.equal(
    (await site.call("member", "MERGE", `${contributions}/items(${owners})`, { Title: "x" })).status,
    403,
  );
});

test("a data folder from before permissions loads with SharePoint's defaults", () => {
  const dir = mkdtempSync(join(tmpdir(), "actionplan-old-store-"));
  try {
    const list = {
      Id: "5e7c1d2a-0000-4000-8000-000000000001",
      Title: "Plans",
      Description: "",
      BaseTemplate: 100,
      Created: "2024-01-01T00:00:00Z",
      LastItemModifiedDate: "2024-01-01T00:00:00Z",
      EntityTypeName: "PlansList",
      nextItemId: 2,
      fields: [],
      items: [],
    };
    const oldSite = {
      name: "improvement",
      SiteId: "s",
      WebId: "w",
      Title: "Improvement",
      Description: "",
      Created: "2024-01-01T00:00:00Z",
      nextPrincipalId: 6,
      users: [],
      groups: [],
      ownerGroupId: 3,
      memberGroupId: 5,
      visitorGroupId: 4,
      lists: [list],
    };
    writeFileSync(
      join(dir, "snapshot.json"),
      JSON.stringify({ version: 1, sites: [oldSite], documents: {} }),
    );
    const journalled = { ...list, Id: "5e7c1d2a-0000-4000-8000-000000000002", Title: "Actions" };
    writeFileSync(
      join(dir, "journal.jsonl"),
      `${JSON.stringify({ op: "list", site: "improvement", list: journalled })}\n`,
    );
    const store = new SandboxStore(dir);
    store.load();
    const loaded = store.sites.get("improvement");
    assert.ok(loaded !== undefined, "the old site loads");
    assert.deepEqual(loaded.roleAssignments, [
      { principalId: 3, roleDefinitionIds: [1073741829] },
      { principalId: 4, roleDefinitionIds: [1073741826] },
      { principalId: 5, roleDefinitionIds: [1073741827] },
    ]);
    for (const l of loaded.lists) {
      assert.equal(l.roleAssignments, null, `${l.Title} inherits`);
      assert.equal(l.ReadSecurity, 1);
      assert.equal(l.WriteSecurity, 1);
    }
    assert.deepEqual(
      loaded.lists.map((l) => l.Title),
      ["Plans", "Actions"],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
