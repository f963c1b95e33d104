// The app's grant on the site (Sites.Selected), checked as the daily job signs in: the app, whatever the
// channel. An app holding Sites.Selected reaches only the sites granted to it through Graph's
// POST /sites/{id}/permissions, at the role granted (https://learn.microsoft.com/graph/permissions-selected-overview),
// so SharePoint answers 401/403 to everything when the grant is missing. A grant that reaches the site may
// still be too small: doctor changes nothing, so it reads the app's effective permissions on each list the
// daily job writes rather than trying a write. Granting takes Sites.FullControl.All, which Graph Explorer asks
// for, and in delegated use a SharePoint Administrator (https://learn.microsoft.com/graph/api/site-post-permissions).
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/security/index.js";
import { PermissionKind } from "@pnp/sp/security/index.js";
import "@pnp/sp/sites/index.js";
import { z } from "zod";
import { APP_SITE_ROLE } from "../../lib/permissions.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import { listOf } from "../../sharepoint/core/index.ts";
import { LIST_TITLES, type ListKey } from "../../sharepoint/schema/index.ts";
import { describeCliError } from "../errors.ts";
import type { CheckResult } from "./checks.ts";

const CHECK = "app's site grant";

/** What the daily job does to each list, and the SharePoint permissions that takes. */
const NEEDS: readonly { list: ListKey; kinds: readonly PermissionKind[]; what: string }[] = [
  {
    list: "progressUpdates",
    // Marking an SRO's update applied edits an item someone else created on an "edit own items" list:
    // "Override List Behaviors" (CancelCheckout), which Design has and Contribute has not.
    kinds: [PermissionKind.EditListItems, PermissionKind.CancelCheckout],
    what: "mark the SROs' updates applied",
  },
  {
    list: "actions",
    kinds: [PermissionKind.EditListItems],
    what: "copy the SROs' updates onto their actions",
  },
  {
    list: "reminderLog",
    kinds: [PermissionKind.AddListItems, PermissionKind.EditListItems],
    what: "record each reminder it sends",
  },
  {
    list: "reminderRuns",
    kinds: [PermissionKind.AddListItems, PermissionKind.EditListItems, PermissionKind.DeleteListItems],
    what: "hold the run's lease",
  },
];

/** Who the grant is for and where Graph is. */
export interface GrantTarget {
  siteUrl: string;
  /** Graph's root, e.g. https://graph.microsoft.com (national clouds differ; the sandbox's own). */
  graphUrl: string;
  /** The app registration's client id: the app the daily job signs in as. */
  clientId: string;
}

const numberish = z.union([z.string(), z.number()]).transform((v) => BigInt(v));
const permissionsSchema = z.looseObject({ High: numberish, Low: numberish });
const idSchema = z.looseObject({ Id: z.string() });

/** Whether a SharePoint base-permissions mask holds `kind` (SP.PermissionKind: bit kind - 1). */
function holds(mask: bigint, kind: PermissionKind): boolean {
  return kind === PermissionKind.FullMask || ((mask >> BigInt(kind - 1)) & 1n) === 1n;
}

/** The body that grants the app the site, as Learn's example words it. */
function grantBody(target: GrantTarget, role: string): string {
  return JSON.stringify({
    roles: [role],
    grantedToIdentities: [{ application: { id: target.clientId, displayName: "Action Plan Tracker" } }],
  });
}

const WHO = "a SharePoint Administrator grants it in Graph Explorer (which asks for Sites.FullControl.All)";

/** The finding when SharePoint refuses the app the site altogether: the grant is missing. */
export function missingGrant(target: GrantTarget, status: number): CheckResult {
  const url = new URL(target.siteUrl);
  const sites = `${target.graphUrl}/v1.0/sites`;
  return {
    check: CHECK,
    ok: false,
    lines: [
      `SharePoint refused the app ${target.clientId} this site (HTTP ${String(status)}), so the daily job cannot run: its Sites.Selected grant on the site is missing; ${WHO}:`,
      `GET ${sites}/${url.hostname}:${url.pathname} gives the site's id; POST ${sites}/<site id>/permissions with ${grantBody(target, "write")}`,
      `then PATCH ${sites}/<site id>/permissions/<the id it returns> with {"roles":["${APP_SITE_ROLE}"]} (Graph's create has taken only read and write; update takes ${APP_SITE_ROLE})`,
    ],
  };
}

/** The finding when the grant reaches the site but not what the daily job does there. */
export function smallGrant(target: GrantTarget, siteId: string, short: readonly string[]): CheckResult {
  const sites = `${target.graphUrl}/v1.0/sites/${siteId}/permissions`;
  return {
    check: CHECK,
    ok: false,
    lines: [
      `the app ${target.clientId} reaches the site but may not ${short.join(", nor ")}: its grant is smaller than \`${APP_SITE_ROLE}\`; ${WHO}:`,
      `GET ${sites} lists the app's grant; PATCH ${sites}/<its id> with {"roles":["${APP_SITE_ROLE}"]}`,
    ],
  };
}

function refusedStatus(error: unknown): number | null {
  return error instanceof RemoteError && (error.status === 401 || error.status === 403) ? error.status : null;
}

/**
 * Check, signed in as the app (`sp`), that its grant on the site reaches every list the daily job writes with
 * the rights it writes them with.
 */
export async function checkSiteGrant(sp: SPFI, target: GrantTarget): Promise<CheckResult> {
  let siteId: string;
  try {
    const [site, web] = await Promise.all([sp.site.select("Id")(), sp.web.select("Id")()]);
    siteId = `${new URL(target.siteUrl).hostname},${idSchema.parse(site).Id},${idSchema.parse(web).Id}`;
  } catch (error) {
    const status = refusedStatus(error);
    if (status !== null) return missingGrant(target, status);
    return {
      check: CHECK,
      ok: false,
      lines: [`cannot read the site as the app: ${describeCliError(error)}`],
    };
  }
  const short: string[] = [];
  const absent: string[] = [];
  for (const need of NEEDS) {
    let mask: bigint;
    try {
      const held = permissionsSchema.parse(await listOf(sp, need.list).getCurrentUserEffectivePermissions());
      mask = (held.High << 32n) | held.Low;
    } catch (error) {
      const status = refusedStatus(error);
      if (status !== null) return missingGrant(target, status);
      if (error instanceof RemoteError && error.status === 404) {
        absent.push(LIST_TITLES[need.list]);
        continue;
      }
      return {
        check: CHECK,
        ok: false,
        lines: [
          `cannot read the app's permissions on '${LIST_TITLES[need.list]}': ${describeCliError(error)}`,
        ],
      };
    }
    if (!need.kinds.every((kind) => holds(mask, kind)))
      short.push(`${need.what} ('${LIST_TITLES[need.list]}')`);
  }
  if (short.length > 0) return smallGrant(target, siteId, short);
  return {
    check: CHECK,
    ok: true,
    lines: [
      `the app ${target.clientId} reaches the site (${siteId}) and may do what the daily job does there (\`${APP_SITE_ROLE}\` or more)`,
    ],
    ...(absent.length === 0
      ? {}
      : {
          warnings: [`not checked on ${absent.map((t) => `'${t}'`).join(", ")}: not there yet (see lists)`],
        }),
  };
}
