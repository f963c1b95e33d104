// Permission levels and role assignments over REST, as provisioning sets them with PnPjs: a list's
// inheritance broken, groups granted and revoked, and what that then lets each person do.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { errorOf, listPath, openTestSite, PEOPLE, type TestSite } from "./test-kit.ts";

let site: TestSite;
beforeAll(async () => {
  site = await openTestSite();
});
afterAll(async () => {
  await site.close();
});

const OWNERS = 3;
const VISITORS = 4;
const MEMBERS = 5;
const FULL_CONTROL = 1073741829;
const EDIT = 1073741830;
const CONTRIBUTE = 1073741827;
const READ = 1073741826;
const LIMITED_ACCESS = 1073741825;

type Assignment = {
  PrincipalId: number;
  Member: { Title: string };
  RoleDefinitionBindings: { Id: number }[];
};

async function newList(title: string): Promise<string> {
  const created = await site.call("owner", "POST", "web/lists", { Title: title, BaseTemplate: 100 });
  assert.equal(created.status, 201, created.text);
  return listPath(title);
}

async function assignments(list: string): Promise<Map<number, number[]>> {
  const reply = await site.call(
    "owner",
    "GET",
    `${list}/roleassignments?$expand=Member,RoleDefinitionBindings`,
  );
  assert.equal(reply.status, 200, reply.text);
  const rows = reply.json?.value as Assignment[];
  return new Map(rows.map((a) => [a.PrincipalId, a.RoleDefinitionBindings.map((r) => r.Id)]));
}

const grant = (list: string, principal: number, role: number) =>
  site.call(
    "owner",
    "POST",
    `${list}/roleassignments/addroleassignment(principalid=${principal}, roledefid=${role})`,
  );
const revoke = (list: string, principal: number, role: number) =>
  site.call(
    "owner",
    "POST",
    `${list}/roleassignments/removeroleassignment(principalid=${principal},roledefid=${role})`,
  );

describe("permission levels", () => {
  test("the web has SharePoint's built-in levels with their ids and permission masks", async () => {
    const all = await site.call("member", "GET", "web/roledefinitions");
    const byName = new Map(
      (all.json?.value as { Name: string; Id: number; RoleTypeKind: number; BasePermissions: unknown }[]).map(
        (r) => [r.Name, r],
      ),
    );
    assert.deepEqual(
      [...byName.keys()],
      ["Full Control", "Design", "Edit", "Contribute", "Read", "Limited Access"],
    );
    assert.deepEqual(byName.get("Read")?.BasePermissions, { High: "176", Low: "138612833" });
    assert.equal((await site.call("owner", "GET", "web/roledefinitions/getbyname('Read')")).json?.Id, READ);
    assert.equal((await site.call("owner", "GET", "web/roledefinitions/getbytype(6)")).json?.Id, EDIT);
    const contribute = await site.call(
      "owner",
      "GET",
      `web/roledefinitions/getbyid(${CONTRIBUTE})?$select=Name`,
    );
    assert.deepEqual(contribute.json, { Name: "Contribute" });
    assert.deepEqual((await site.call("owner", "GET", `web/roledefinitions(${FULL_CONTROL})/name`)).json, {
      value: "Full Control",
    });
    const unknown = await site.call("owner", "GET", "web/roledefinitions/getbyname('Approve')");
    assert.equal(unknown.status, 400);
    assert.equal(errorOf(unknown).message, "Value does not fall within the expected range.");
  });

  test("the site's groups hold Full Control, Contribute and Read on the web", async () => {
    const web = await assignments("web");
    assert.deepEqual(web.get(OWNERS), [FULL_CONTROL]);
    assert.deepEqual(web.get(MEMBERS), [CONTRIBUTE]);
    assert.deepEqual(web.get(VISITORS), [READ]);
    const denied = await site.call("member", "GET", "web/roleassignments");
    assert.equal(denied.status, 403, "reading permissions needs EnumeratePermissions");
  });
});

describe("a list's own permissions", () => {
  test("a new list inherits the web's; HasUniqueRoleAssignments is returned when selected", async () => {
    const list = await newList("Inheriting list");
    const plain = await site.call("owner", "GET", list);
    assert.equal(plain.json?.HasUniqueRoleAssignments, undefined);
    const selected = await site.call(
      "owner",
      "GET",
      `${list}?$select=HasUniqueRoleAssignments,ReadSecurity,WriteSecurity`,
    );
    assert.deepEqual(selected.json, { HasUniqueRoleAssignments: false, ReadSecurity: 1, WriteSecurity: 1 });
    assert.deepEqual((await assignments(list)).get(MEMBERS), [CONTRIBUTE]);
    const refused = await grant(list, MEMBERS, READ);
    assert.equal(refused.status, 400);
    assert.equal(
      errorOf(refused).message,
      "This operation is not allowed on an object that inherits permissions.",
    );
  });

  test("breaking inheritance without copying leaves the caller alone with Full Control", async () => {
    const list = await newList("Coordinated list");
    assert.equal(
      (
        await site.call(
          "owner",
          "POST",
          `${list}/breakroleinheritance(copyroleassignments=false, clearsubscopes=true)`,
        )
      ).status,
      200,
    );
    const me = (await site.call("owner", "GET", "web/currentuser")).json?.Id as number;
    assert.deepEqual([...(await assignments(list)).entries()], [[me, [FULL_CONTROL]]]);
    const member = await site.call("member", "GET", `${list}/items`);
    assert.equal(member.status, 404, "a Member with no permission on the list is told it does not exist");
    assert.equal(
      errorOf(member).message,
      `List 'Coordinated list' does not exist at site with URL '${site.siteUrl}'.`,
    );
  });

  test("Owners Full Control, Members and Visitors Read: Members read but cannot write", async () => {
    const list = await newList("Plans like");
    const added = await site.call("owner", "POST", `${list}/items`, { Title: "Plan A" });
    const id = added.json?.Id as number;
    await site.call(
      "owner",
      "POST",
      `${list}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`,
    );
    for (const [principal, role] of [
      [OWNERS, FULL_CONTROL],
      [MEMBERS, READ],
      [VISITORS, READ],
    ] as const)
      assert.equal((await grant(list, principal, role)).status, 200);
    assert.equal((await site.call("member", "GET", `${list}/items`)).status, 200);
    assert.equal(
      (await site.call("member", "MERGE", `${list}/items(${id})`, { Title: "Renamed" })).status,
      403,
    );
    assert.equal((await site.call("member", "DELETE", `${list}/items(${id})`)).status, 403);
    const add = await site.call("member", "POST", `${list}/items`, { Title: "Slipped in" });
    assert.equal(add.status, 403);
    assert.equal(errorOf(add).code, "-2147024891, System.UnauthorizedAccessException");
    assert.equal(
      (await site.call("owner", "MERGE", `${list}/items(${id})`, { Title: "Renamed" })).status,
      204,
    );
    assert.equal(
      (await site.call("app", "MERGE", `${list}/items(${id})`, { Title: "By the app" })).status,
      204,
    );

    // Drift by hand (Members given Edit) lets them write; revoking it closes the door again.
    assert.equal((await grant(list, MEMBERS, EDIT)).status, 200);
    assert.deepEqual((await assignments(list)).get(MEMBERS), [READ, EDIT]);
    assert.equal(
      (await site.call("member", "MERGE", `${list}/items(${id})`, { Title: "Mine now" })).status,
      204,
    );
    assert.equal((await revoke(list, MEMBERS, EDIT)).status, 200);
    assert.equal(
      (await site.call("member", "MERGE", `${list}/items(${id})`, { Title: "Not now" })).status,
      403,
    );

    const one = await site.call(
      "owner",
      "GET",
      `${list}/roleassignments/getbyprincipalid(${MEMBERS})/roledefinitionbindings`,
    );
    assert.deepEqual(
      (one.json?.value as { Name: string }[]).map((r) => r.Name),
      ["Read"],
    );
    const member = await site.call("owner", "GET", `${list}/roleassignments(${MEMBERS})/member`);
    assert.match(String(member.json?.Title), /Members$/);
    const none = await site.call("owner", "GET", `${list}/roleassignments/getbyprincipalid(999)`);
    assert.equal(errorOf(none).message, "Can not find the principal with id: 999.");
  });

  test("copying keeps the web's assignments; resetting inherits them again", async () => {
    const list = await newList("Copied list");
    await site.call(
      "owner",
      "POST",
      `${list}/breakroleinheritance(copyroleassignments=true,clearsubscopes=true)`,
    );
    assert.deepEqual((await assignments(list)).get(MEMBERS), [CONTRIBUTE]);
    await revoke(list, MEMBERS, CONTRIBUTE);
    assert.equal(
      (await assignments(list)).has(MEMBERS),
      false,
      "an assignment with no levels left is removed",
    );
    assert.equal((await site.call("member", "GET", `${list}/items`)).status, 404);
    assert.equal((await site.call("owner", "POST", `${list}/resetroleinheritance`)).status, 200);
    const after = await site.call("owner", "GET", `${list}?$select=HasUniqueRoleAssignments`);
    assert.equal(after.json?.HasUniqueRoleAssignments, false);
    assert.equal((await site.call("member", "POST", `${list}/items`, { Title: "Back" })).status, 201);
  });

  test("only people with ManagePermissions change permissions", async () => {
    const list = await newList("Guarded list");
    for (const who of ["member", "visitor"] as const) {
      for (const path of [
        "breakroleinheritance(copyroleassignments=true,clearsubscopes=false)",
        "resetroleinheritance",
      ])
        assert.equal((await site.call(who, "POST", `${list}/${path}`)).status, 403, `${who} ${path}`);
      const reply = await site.call(
        who,
        "POST",
        `web/roleassignments/addroleassignment(principalid=${MEMBERS},roledefid=${FULL_CONTROL})`,
      );
      assert.equal(reply.status, 403);
    }
    await site.call(
      "owner",
      "POST",
      `${list}/breakroleinheritance(copyroleassignments=true,clearsubscopes=false)`,
    );
    const member = await site.call(
      "member",
      "POST",
      `${list}/roleassignments/addroleassignment(principalid=${MEMBERS},roledefid=${FULL_CONTROL})`,
    );
    assert.equal(member.status, 403);
    const limited = await grant(list, MEMBERS, LIMITED_ACCESS);
    assert.equal(errorOf(limited).message, "You cannot grant a user the limited access permission level.");
  });

  test("someone outside the site's groups given Contribute on one list reaches that list only", async () => {
    const list = await newList("Reminder log like");
    await site.call(
      "owner",
      "POST",
      `${list}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`,
    );
    assert.equal((await site.call("outsider", "GET", "web")).status, 403, "not yet known to the site");
    const sender = await site.call("owner", "POST", "web/ensureuser", { logonName: PEOPLE.outsider });
    const senderId = sender.json?.Id as number;
    assert.equal((await grant(list, senderId, CONTRIBUTE)).status, 200);
    assert.deepEqual(
      (await assignments("web")).get(senderId),
      [LIMITED_ACCESS],
      "SharePoint adds Limited Access",
    );
    assert.equal((await site.call("outsider", "POST", `${list}/items`, { Title: "Sent" })).status, 201);
    assert.equal((await site.call("outsider", "GET", `${listPath("Plans like")}/items`)).status, 404);
    const lists = await site.call("outsider", "GET", "web/lists?$select=Title");
    assert.deepEqual(lists.json?.value, [{ Title: "Reminder log like" }], "web/lists is trimmed");
    const mask = await site.call("outsider", "GET", `${list}/EffectiveBasePermissions`);
    assert.deepEqual(mask.json, { High: "432", Low: "1011028719" });
    const theirs = await site.call(
      "owner",
      "GET",
      `${list}/getusereffectivepermissions(@u)?@u='i:0%23.f|membership|${PEOPLE.outsider}'`,
    );
    assert.deepEqual(theirs.json, { High: "432", Low: "1011028719" });
  });

  test("a $batch breaks inheritance and grants in order, as provisioning sends it", async () => {
    const list = await newList("Batched list");
    const replies = await site.batch("owner", [
      { method: "POST", path: `${list}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)` },
      {
        method: "POST",
        path: `${list}/roleassignments/addroleassignment(principalid=${MEMBERS},roledefid=${READ})`,
      },
      { method: "GET", path: `${list}?$select=HasUniqueRoleAssignments` },
    ]);
    assert.deepEqual(
      replies.map((r) => r.status),
      [200, 200, 200],
    );
    assert.equal(replies[2]?.json?.HasUniqueRoleAssignments, true);
    const member = await site.batch("member", [
      { method: "POST", path: `${list}/items`, body: { Title: "x" } },
    ]);
    assert.equal(member[0]?.status, 403);
  });
});

describe("the web's own assignments", () => {
  test("Members given Edit on the web (a group-connected site) may change an inheriting list's settings", async () => {
    const list = await newList("Contributions like");
    await site.call("owner", "MERGE", list, { WriteSecurity: 2 });
    assert.equal((await site.call("member", "MERGE", list, { WriteSecurity: 1 })).status, 403);
    assert.equal((await grant("web", MEMBERS, EDIT)).status, 200);
    try {
      assert.equal((await site.call("member", "MERGE", list, { WriteSecurity: 1 })).status, 204);
    } finally {
      assert.equal((await revoke("web", MEMBERS, EDIT)).status, 200);
    }
    assert.deepEqual((await assignments("web")).get(MEMBERS), [CONTRIBUTE]);
  });
});
