// Who may write what, held by SharePoint itself: each list's `access` (schema.ts) as list settings and role
// assignments. A pure comparison (planSecurity) of what the site has with what the schema wants, so the
// decision is unit-tested; provision.ts reads the site and carries the steps out in one more $batch.
// SharePoint's permission levels are found by kind (RoleTypeKind), not by name: names are translated.
import { z } from "../../lib/zod.ts";
import type { ListAccess, ListKey, ListSpec } from "../schema/schema.ts";

/** SP.RoleType: the built-in permission levels provisioning grants. */
export const ROLE_KIND = { read: 2, contribute: 3, fullControl: 5, limitedAccess: 1 } as const;

/** A list's security as the site reports it. */
export interface ListSecurity {
  hasUniqueRoleAssignments: boolean;
  readSecurity: number;
  writeSecurity: number;
  assignments: { principalId: number; principalTitle: string; roleKinds: number[] }[];
}

export interface SitePrincipals {
  owners: { id: number; title: string } | null;
  members: { id: number; title: string } | null;
  visitors: { id: number; title: string } | null;
  /** The reminder sender (a service account) when provisioning names one. */
  sender: { id: number; title: string } | null;
  /** Who is provisioning: SharePoint grants them Full Control on a list whose inheritance they break. */
  caller: { id: number; title: string } | null;
}

type Grant = { principalId: number; principalTitle: string; roleKind: number };

export type SecurityStep =
  | { kind: "item-security"; list: ListSpec; readSecurity: number; writeSecurity: number }
  | { kind: "break-inheritance"; list: ListSpec }
  | ({ kind: "grant"; list: ListSpec } & Grant)
  | ({ kind: "revoke"; list: ListSpec } & Grant);

const ROLE_NAMES: Record<number, string> = {
  1: "Limited Access",
  2: "Read",
  3: "Contribute",
  4: "Design",
  5: "Full Control",
  6: "Edit",
};

export function describeSecurityStep(step: SecurityStep): string {
  const list = step.list.title;
  switch (step.kind) {
    case "item-security":
      return step.writeSecurity === 2
        ? `'${list}': people edit only the items they created`
        : `'${list}': item-level read and write settings reset`;
    case "break-inheritance":
      return `'${list}': given its own permissions`;
    case "grant":
      return `'${list}': ${step.principalTitle} given ${ROLE_NAMES[step.roleKind] ?? `role ${String(step.roleKind)}`}`;
    case "revoke":
      return `'${list}': ${step.principalTitle} no longer has ${ROLE_NAMES[step.roleKind] ?? `role ${String(step.roleKind)}`}`;
  }
}

/** The list settings each access wants: ReadSecurity 1 (all items) and WriteSecurity 2 (own) or 1 (all). */
function itemSecurity(access: ListAccess): { readSecurity: number; writeSecurity: number } {
  return { readSecurity: 1, writeSecurity: access === "contributions" ? 2 : 1 };
}

/** The role assignments a list with unique permissions must have, and which others may stay. */
function wantedGrants(access: ListAccess, who: SitePrincipals): { grants: Grant[]; keepReaders: boolean } {
  const grant = (p: { id: number; title: string } | null, roleKind: number): Grant[] =>
    p === null ? [] : [{ principalId: p.id, principalTitle: p.title, roleKind }];
  if (access === "contributions")
    return {
      grants: [
        ...grant(who.owners, ROLE_KIND.fullControl),
        ...grant(who.members, ROLE_KIND.contribute),
        ...grant(who.visitors, ROLE_KIND.read),
      ],
      keepReaders: true,
    };
  if (access === "coordinated")
    return {
      grants: [
        ...grant(who.owners, ROLE_KIND.fullControl),
        ...grant(who.members, ROLE_KIND.read),
        ...grant(who.visitors, ROLE_KIND.read),
      ],
      // A group the council gave read access to (auditors, say) may keep it: only writers are removed.
      keepReaders: true,
    };
  return {
    grants: [...grant(who.owners, ROLE_KIND.fullControl), ...grant(who.sender, ROLE_KIND.contribute)],
    keepReaders: false,
  };
}

/**
 * The steps that make each list's security what the schema says, repairing drift: settings first, then
 * inheritance, then grants before revocations (so nobody who should keep access loses it meanwhile).
 * `site` holds the lists the site has (by key); a list just created is planned from SharePoint's default
 * (inheriting, settings 1/1).
 */
export function planSecurity(
  lists: readonly ListSpec[],
  site: ReadonlyMap<ListKey, ListSecurity>,
  who: SitePrincipals,
): SecurityStep[] {
  const steps: SecurityStep[] = [];
  for (const list of lists) {
    const have: ListSecurity = site.get(list.key) ?? {
      hasUniqueRoleAssignments: false,
      readSecurity: 1,
      writeSecurity: 1,
      assignments: [],
    };
    const settings = itemSecurity(list.access);
    if (have.readSecurity !== settings.readSecurity || have.writeSecurity !== settings.writeSecurity)
      steps.push({ kind: "item-security", list, ...settings });
    // Breaking inheritance without copying leaves the caller alone with Full Control (SharePoint's rule).
    const current = have.hasUniqueRoleAssignments
      ? have.assignments
      : who.caller === null
        ? []
        : [
            {
              principalId: who.caller.id,
              principalTitle: who.caller.title,
              roleKinds: [ROLE_KIND.fullControl],
            },
          ];
    if (!have.hasUniqueRoleAssignments) steps.push({ kind: "break-inheritance", list });
    const { grants, keepReaders } = wantedGrants(list.access, who);
    for (const g of grants) {
      const held = current.find((a) => a.principalId === g.principalId);
      if (held === undefined || !held.roleKinds.includes(g.roleKind))
        steps.push({ kind: "grant", list, ...g });
    }
    for (const a of current) {
      for (const roleKind of a.roleKinds) {
        if (roleKind === ROLE_KIND.limitedAccess) continue;
        if (grants.some((g) => g.principalId === a.principalId && g.roleKind === roleKind)) continue;
        if (keepReaders && roleKind === ROLE_KIND.read) continue;
        steps.push({
          kind: "revoke",
          list,
          principalId: a.principalId,
          principalTitle: a.principalTitle,
          roleKind,
        });
      }
    }
  }
  return steps;
}

// Verbose OData wraps collections in { results }; the JSON light formats do not.
function resultsOf(value: unknown): unknown {
  return typeof value === "object" && value !== null && "results" in value ? value.results : value;
}

const listSettingsSchema = z.object({
  HasUniqueRoleAssignments: z.boolean(),
  ReadSecurity: z.nullish(z.number()),
  WriteSecurity: z.nullish(z.number()),
});
const assignmentSchema = z.object({
  PrincipalId: z.number(),
  Member: z.looseObject({ Title: z.nullish(z.string()), LoginName: z.nullish(z.string()) }),
  RoleDefinitionBindings: z.pipe(
    z.transform(resultsOf),
    z.array(z.looseObject({ Id: z.number(), RoleTypeKind: z.number() })),
  ),
});
const assignmentsSchema = z.array(assignmentSchema);
const roleDefinitionsSchema = z.array(
  z.looseObject({ Id: z.number(), RoleTypeKind: z.number(), Name: z.string() }),
);

/** A list's security from its settings and its role assignments as SharePoint returns them. */
export function parseListSecurity(settings: unknown, assignments: unknown): ListSecurity {
  const s = listSettingsSchema.parse(settings);
  return {
    hasUniqueRoleAssignments: s.HasUniqueRoleAssignments,
    readSecurity: s.ReadSecurity ?? 1,
    writeSecurity: s.WriteSecurity ?? 1,
    assignments: assignmentsSchema.parse(resultsOf(assignments)).map((a) => ({
      principalId: a.PrincipalId,
      principalTitle: a.Member.Title ?? a.Member.LoginName ?? `principal ${String(a.PrincipalId)}`,
      roleKinds: a.RoleDefinitionBindings.map((r) => r.RoleTypeKind),
    })),
  };
}

/** The site's permission levels: role definition id by kind. */
export function parseRoleDefinitions(value: unknown): Map<number, number> {
  const byKind = new Map<number, number>();
  for (const role of roleDefinitionsSchema.parse(resultsOf(value)))
    if (role.RoleTypeKind !== 0 && !byKind.has(role.RoleTypeKind)) byKind.set(role.RoleTypeKind, role.Id);
  return byKind;
}
