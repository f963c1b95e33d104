// What provisioning reads of a site, in one $batch: its lists, their columns and settings, who may write
// them, and its three permission groups. \`provision\` works out from it what to add; \`doctor\` what is
// missing, changing nothing (checkSite).
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/fields/index.js";
import "@pnp/sp/security/index.js";
import "@pnp/sp/site-users/web.js";
import { z } from "../../lib/zod.ts";
import { RemoteError } from "../../lib/remote-error.ts";
import { inOneBatch, settle, valueOf, type Settled } from "../core/batch.ts";
import { describeStep, planProvisioning, type SiteList } from "./provision-plan.ts";
import {
  describeSecurityStep,
  parseListSecurity,
  parseRoleDefinitions,
  planSecurity,
  ROLE_KIND,
  type ListSecurity,
} from "./provision-security.ts";
import { SCHEMA, type ListKey, type SchemaSpec } from "../schema/schema.ts";

/** A site group as the report names it. */
export interface GroupInfo {
  id: number;
  title: string;
}

const siteListSchema = z.object({ Id: z.string(), Title: z.string(), Description: z.nullish(z.string()) });
const siteFieldSchema = z.object({
  InternalName: z.string(),
  TypeAsString: z.string(),
  Indexed: z.boolean(),
  EnforceUniqueValues: z.nullish(z.boolean()),
  Required: z.boolean(),
  Choices: z.nullish(z.array(z.string())),
  LookupList: z.nullish(z.string()),
  MaxLength: z.nullish(z.int()),
});
const groupSchema = z.looseObject({ Id: z.int(), Title: z.string() });
const versioningSchema = z.looseObject({ EnableVersioning: z.boolean() });

function group(settled: Settled<unknown>): GroupInfo | null {
  if (!settled.ok) return null;
  const parsed = groupSchema.safeParse(settled.value);
  return parsed.success ? { id: parsed.data.Id, title: parsed.data.Title } : null;
}

/** Everything provisioning needs to know about the site, in one request. */
export async function readSite(sp: SPFI, schema: SchemaSpec, options: { reminderSender?: string }) {
  const parts = await inOneBatch(sp, (b) => ({
    lists: settle(b.web.lists.select("Id", "Title", "Description")()),
    fields: schema.lists.map((l) =>
      settle(b.web.lists.getByTitle(l.title).fields.filter("Hidden eq false")()),
    ),
    settings: schema.lists.map((l) =>
      settle(
        b.web.lists
          .getByTitle(l.title)
          .select("HasUniqueRoleAssignments", "ReadSecurity", "WriteSecurity", "EnableVersioning")(),
      ),
    ),
    assignments: schema.lists.map((l) =>
      settle(b.web.lists.getByTitle(l.title).roleAssignments.expand("Member", "RoleDefinitionBindings")()),
    ),
    roleDefinitions: settle(b.web.roleDefinitions()),
    caller: settle(b.web.currentUser.select("Id", "Title")()),
    sender: options.reminderSender === undefined ? null : settle(b.web.ensureUser(options.reminderSender)),
    owners: settle(b.web.associatedOwnerGroup.select("Id", "Title")()),
    members: settle(b.web.associatedMemberGroup.select("Id", "Title")()),
    visitors: settle(b.web.associatedVisitorGroup.select("Id", "Title")()),
  }));
  const lists = z.array(siteListSchema).parse(valueOf(await parts.lists));
  const fieldResults = await Promise.all(parts.fields);
  const settings = await Promise.all(parts.settings);
  const siteLists: SiteList[] = [];
  schema.lists.forEach((spec, i) => {
    const list = lists.find((l) => l.Title.toLowerCase() === spec.title.toLowerCase());
    const fields = fieldResults[i];
    if (list === undefined || fields === undefined || !fields.ok) return;
    const versioning = versioningSchema.safeParse(settings[i]?.ok === true ? settings[i].value : null);
    siteLists.push({
      Id: list.Id,
      Title: list.Title,
      Description: list.Description ?? "",
      ...(versioning.success ? { EnableVersioning: versioning.data.EnableVersioning } : {}),
      fields: z
        .array(siteFieldSchema)
        .parse(fields.value)
        .map((f) => ({
          ...f,
          EnforceUniqueValues: f.EnforceUniqueValues ?? false,
          Choices: f.Choices ?? undefined,
          LookupList: f.LookupList ?? undefined,
          // SharePoint reports a MaxLength on multi-line columns too; only a text column's is compared.
          MaxLength: f.TypeAsString === "Text" ? (f.MaxLength ?? undefined) : undefined,
        })),
    });
  });
  const security = new Map<ListKey, ListSecurity>();
  const assignments = await Promise.all(parts.assignments);
  schema.lists.forEach((spec, i) => {
    const s = settings[i];
    const a = assignments[i];
    // Reading who may write a list is Full Control's (Enumerate Permissions): a refusal here is a sign-in that
    // cannot set it either, so stop before changing anything rather than half-way through.
    if (s?.ok === true && a?.ok === false) rethrowIfDenied(a.error);
    if (s?.ok === true && a?.ok === true) security.set(spec.key, parseListSecurity(s.value, a.value));
  });
  const sender = parts.sender === null ? null : await parts.sender;
  if (sender !== null && !sender.ok) rethrowIfDenied(sender.error);
  const roleDefinitions = await parts.roleDefinitions;
  return {
    siteLists,
    security,
    roleIds: roleDefinitions.ok ? parseRoleDefinitions(roleDefinitions.value) : new Map<number, number>(),
    caller: group(await parts.caller),
    sender: sender === null ? null : sender.ok ? group(sender) : undefined,
    roles: {
      coordinators: group(await parts.owners),
      sros: group(await parts.members),
      viewers: group(await parts.visitors),
    },
  };
}

// Without the right to change the site nothing else will work either: stop with SharePoint's own answer.
export function rethrowIfDenied(error: unknown): void {
  if (error instanceof RemoteError && (error.status === 401 || error.status === 403)) throw error;
}

/** What a site lacks of the schema, in \`provision\`'s words, changing nothing. */
export interface SiteCheck {
  /** What \`provision\` would add or put back: lists, columns, indexes, versioning, permissions. */
  missing: string[];
  /** What \`provision\` will not change by itself (a foreign list in our place, a missing group). */
  problems: string[];
}

/**
 * Read the site and say what provisioning would do to it, without doing it. `reminderSender` is the account
 * `provision --reminder-sender` was given: it should hold Contribute on the senders' lists. Not named, a
 * Contribute grant there is taken to be that account's (provision's own), not something to take away.
 */
export async function checkSite(
  sp: SPFI,
  options: { reminderSender?: string } = {},
  schema: SchemaSpec = SCHEMA,
): Promise<SiteCheck> {
  const site = await readSite(sp, schema, {});
  const plan = planProvisioning(schema, site.siteLists);
  const problems = [...plan.problems];
  for (const [role, value] of Object.entries(site.roles))
    if (value === null) problems.push(`The site has no associated group for ${role}.`);
  const sender = options.reminderSender === undefined ? null : await siteUser(sp, options.reminderSender);
  if (options.reminderSender !== undefined && sender === null)
    problems.push(
      `The reminder sender '${options.reminderSender}' is not a user of the site: run \`actionplan provision --reminder-sender ${options.reminderSender}\`.`,
    );
  const keys = new Set(site.siteLists.map((l) => l.Title.toLowerCase()));
  const lists = schema.lists.filter((l) => keys.has(l.title.toLowerCase()));
  const security = planSecurity(lists, site.security, {
    owners: site.roles.coordinators,
    members: site.roles.sros,
    visitors: site.roles.viewers,
    sender,
    caller: site.caller,
  }).filter(
    (step) =>
      options.reminderSender !== undefined ||
      !(step.kind === "revoke" && step.list.access === "senders" && step.roleKind === ROLE_KIND.contribute),
  );
  return {
    missing: [...plan.steps.map(describeStep), ...security.map(describeSecurityStep)],
    problems,
  };
}

/** A person among the site's users, by sign-in address, read without adding them (unlike ensureUser). */
async function siteUser(sp: SPFI, upn: string): Promise<GroupInfo | null> {
  try {
    return group({ ok: true, value: await sp.web.siteUsers.getByEmail(upn).select("Id", "Title")() });
  } catch (error) {
    if (error instanceof RemoteError && error.status === 404) return null;
    throw error;
  }
}
