import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { SCHEMA, type ListKey } from "../schema/schema.ts";
import {
  describeSecurityStep,
  parseListSecurity,
  parseRoleDefinitions,
  planSecurity,
  ROLE_KIND,
  type ListSecurity,
  type SitePrincipals,
} from "./provision-security.ts";

const who: SitePrincipals = {
  owners: { id: 3, title: "Improvement Owners" },
  visitors: { id: 4, title: "Improvement Visitors" },
  members: { id: 5, title: "Improvement Members" },
  sender: { id: 21, title: "Reminder Sender" },
  caller: { id: 7, title: "Ruth Abernethy" },
};

function described(site: ReadonlyMap<ListKey, ListSecurity>, principals = who): string[] {
  return planSecurity(SCHEMA.lists, site, principals).map(describeSecurityStep);
}

/** The security a fully provisioned site has, to start drift from. */
function provisioned(): Map<ListKey, ListSecurity> {
  const owners = { principalId: 3, principalTitle: "Improvement Owners", roleKinds: [ROLE_KIND.fullControl] };
  const visitors = { principalId: 4, principalTitle: "Improvement Visitors", roleKinds: [ROLE_KIND.read] };
  const members = (kind: number) => ({
    principalId: 5,
    principalTitle: "Improvement Members",
    roleKinds: [kind],
  });
  const sender = { principalId: 21, principalTitle: "Reminder Sender", roleKinds: [ROLE_KIND.contribute] };
  const site = new Map<ListKey, ListSecurity>();
  for (const list of SCHEMA.lists) {
    const assignments = {
      contributions: [owners, visitors, members(ROLE_KIND.contribute)],
      coordinated: [owners, visitors, members(ROLE_KIND.read)],
      senders: [owners, sender],
    }[list.access];
    const writeSecurity = list.access === "contributions" ? 2 : 1;
    site.set(list.key, { hasUniqueRoleAssignments: true, readSecurity: 1, writeSecurity, assignments });
  }
  return site;
}

describe("who may write what, planned from what the site has", () => {
  test("a new site: SROs edit only their own updates; the rest is written by Owners only", () => {
    const steps = described(new Map());
    assert.ok(steps.includes("'Progress Updates': people edit only the items they created"));
    assert.ok(steps.includes("'Target Date Changes': people edit only the items they created"));
    for (const list of ["Plans", "Recommendations", "Actions", "SRO Posts", "Reporting Periods"]) {
      assert.ok(steps.includes(`'${list}': given its own permissions`), list);
      assert.ok(steps.includes(`'${list}': Improvement Members given Read`), list);
      assert.ok(steps.includes(`'${list}': Improvement Owners given Full Control`), list);
      // SharePoint leaves whoever broke inheritance with Full Control of their own: taken away again.
      assert.ok(steps.includes(`'${list}': Ruth Abernethy no longer has Full Control`), list);
    }
    assert.ok(steps.includes("'Reminder Log': Reminder Sender given Contribute"));
    assert.ok(!steps.some((s) => s.startsWith("'Reminder Log': Improvement Members")));
    // Not inherited: a Teams site's Members have Edit, which would let them change the list's settings.
    assert.ok(steps.includes("'Progress Updates': given its own permissions"));
    assert.ok(steps.includes("'Progress Updates': Improvement Members given Contribute"));
  });

  test("a provisioned site needs nothing", () => {
    assert.deepEqual(described(provisioned()), []);
  });

  test("drift is repaired: Members given Edit on Actions by hand lose it, a reader group keeps Read", () => {
    const site = provisioned();
    const actions = site.get("actions");
    assert.ok(actions !== undefined);
    actions.assignments = actions.assignments.map((a) =>
      a.principalId === 5 ? { ...a, roleKinds: [ROLE_KIND.read, 6] } : a,
    );
    actions.assignments.push({
      principalId: 30,
      principalTitle: "Internal Audit",
      roleKinds: [ROLE_KIND.read],
    });
    assert.deepEqual(described(site), ["'Actions': Improvement Members no longer has Edit"]);
  });

  test("drift is repaired: a Reminder Log opened to Members is closed again, even for reading", () => {
    const site = provisioned();
    site.get("reminderLog")?.assignments.push({
      principalId: 5,
      principalTitle: "Improvement Members",
      roleKinds: [ROLE_KIND.read],
    });
    assert.deepEqual(described(site), ["'Reminder Log': Improvement Members no longer has Read"]);
  });

  test("drift is repaired: updates opened to everyone's edits and inheriting the site again go back", () => {
    const site = provisioned();
    site.set("progressUpdates", {
      hasUniqueRoleAssignments: false,
      readSecurity: 1,
      writeSecurity: 1,
      assignments: [],
    });
    assert.deepEqual(described(site), [
      "'Progress Updates': people edit only the items they created",
      "'Progress Updates': given its own permissions",
      "'Progress Updates': Improvement Owners given Full Control",
      "'Progress Updates': Improvement Members given Contribute",
      "'Progress Updates': Improvement Visitors given Read",
      "'Progress Updates': Ruth Abernethy no longer has Full Control",
    ]);
  });

  test("without a reminder sender the Reminder Log is the coordinators' alone", () => {
    const steps = described(provisioned(), { ...who, sender: null });
    assert.ok(steps.includes("'Reminder Log': Reminder Sender no longer has Contribute"), steps.join("\n"));
    assert.ok(
      steps.every((s) => s.endsWith(": Reminder Sender no longer has Contribute")),
      steps.join("\n"),
    );
  });
});

describe("reading SharePoint's answers", () => {
  test("role assignments in the JSON light and verbose shapes", () => {
    const light = parseListSecurity({ HasUniqueRoleAssignments: true, ReadSecurity: 1, WriteSecurity: 2 }, [
      {
        PrincipalId: 5,
        Member: { Title: "Members" },
        RoleDefinitionBindings: [{ Id: 1073741826, RoleTypeKind: 2 }],
      },
    ]);
    const verbose = parseListSecurity(
      { HasUniqueRoleAssignments: true, ReadSecurity: 1, WriteSecurity: 2 },
      {
        results: [
          {
            PrincipalId: 5,
            Member: { Title: "Members" },
            RoleDefinitionBindings: { results: [{ Id: 1073741826, RoleTypeKind: 2 }] },
          },
        ],
      },
    );
    assert.deepEqual(light, verbose);
    assert.deepEqual(light.assignments, [{ principalId: 5, principalTitle: "Members", roleKinds: [2] }]);
  });

  test("permission levels are found by kind, whatever they are called", () => {
    const ids = parseRoleDefinitions([
      { Id: 1073741829, Name: "Contrôle total", RoleTypeKind: 5 },
      { Id: 1073741826, Name: "Lecture", RoleTypeKind: 2 },
      { Id: 1073741924, Name: "Custom", RoleTypeKind: 0 },
    ]);
    assert.equal(ids.get(ROLE_KIND.fullControl), 1073741829);
    assert.equal(ids.get(ROLE_KIND.read), 1073741826);
    assert.equal(ids.size, 2);
  });
});
