// `provision`: read the site's lists, their columns and its three permission groups in one $batch, work out
// what is missing (provision-plan.ts), and add it: lists in one $batch, then every column, index and choice
// in another, then who may write what (provision-security.ts) in a third. A site that is already up to date
// costs exactly one request and changes nothing.
import type { SPFI } from "@pnp/sp";
import { spPostMerge } from "@pnp/sp";
import { body, headers } from "@pnp/queryable";
import "@pnp/sp/fields/index.js";
import "@pnp/sp/security/index.js";
import "@pnp/sp/site-users/web.js";
import { z } from "../../lib/zod.ts";
import { inOneBatch, settle } from "../core/batch.ts";
import { describeStep, planProvisioning, type ProvisionStep } from "./provision-plan.ts";
import {
  describeSecurityStep,
  planSecurity,
  type SecurityStep,
  type SitePrincipals,
} from "./provision-security.ts";
import { readSite, rethrowIfDenied, type GroupInfo } from "./provision-read.ts";
import {
  FIELD_TYPES,
  listDescription,
  SCHEMA,
  type ColumnSpec,
  type ListSpec,
  type SchemaSpec,
} from "../schema/schema.ts";

export type { GroupInfo };

export interface ProvisionReport {
  schemaVersion: number;
  /** The schema version the site had before; null for a site without the lists. */
  siteVersionBefore: number | null;
  /** One line per change made; empty when the site was already up to date. */
  changes: string[];
  /** What could not be done, for a person to sort out. */
  problems: string[];
  /** Who the app treats as coordinators (Owners), SROs (Members) and viewers (Visitors). */
  roles: { coordinators: GroupInfo | null; sros: GroupInfo | null; viewers: GroupInfo | null };
  /** The service account that may write the Reminder Log beside the coordinators, when one was named. */
  reminderSender: GroupInfo | null;
}

export interface ProvisionOptions {
  /** UPN of the account that sends reminders (it gets Contribute on the Reminder Log). */
  reminderSender?: string;
}

// The properties a new column is created with; display titles, indexes and uniqueness follow as updates.
function creationProperties(column: ColumnSpec): Record<string, unknown> {
  switch (column.type) {
    case "text":
      return { MaxLength: column.maxLength };
    case "note":
      return { RichText: false, NumberOfLines: 6 };
    case "number":
      return {
        ...(column.min === undefined ? {} : { MinimumValue: column.min }),
        ...(column.max === undefined ? {} : { MaximumValue: column.max }),
      };
    case "date":
      return { DisplayFormat: column.withTime === true ? 1 : 0 };
    case "choice":
      return { Choices: { results: [...column.choices] } };
    case "boolean":
      return { DefaultValue: "0" };
    case "person":
      // People only, one person: a post is held by one person.
      return { SelectionMode: 0 };
    default:
      return {};
  }
}

function field(sp: SPFI, list: ListSpec, name: string) {
  return sp.web.lists.getByTitle(list.title).fields.getByInternalNameOrTitle(name);
}

// The operations for one step, queued on a batched root in the order SharePoint needs them.
function queueStep(sp: SPFI, step: ProvisionStep, listIds: ReadonlyMap<string, string>): Promise<unknown>[] {
  const { list } = step;
  const fields = sp.web.lists.getByTitle(list.title).fields;
  switch (step.kind) {
    case "create-list":
      return [field(sp, list, "Title").update({ Title: list.titleColumn.title }, "SP.FieldText")];
    case "add-column": {
      const { column } = step;
      const type = FIELD_TYPES[column.type];
      // Created under its internal name (SharePoint derives the internal name from the first title), then
      // given its display title.
      const created =
        column.type === "lookup"
          ? fields.addLookup(column.name, {
              LookupListId: listIds.get(column.target) ?? "",
              LookupFieldName: "Title",
            })
          : fields.add(column.name, type.kind, creationProperties(column));
      const settings: Record<string, unknown> = { Title: column.title };
      if (column.indexed === true) settings.Indexed = true;
      if (column.required === true) settings.Required = true;
      const ops = [created, field(sp, list, column.name).update(settings, type.odataType)];
      if (column.unique === true)
        ops.push(field(sp, list, column.name).update({ EnforceUniqueValues: true }, type.odataType));
      return ops;
    }
    case "index-column":
      return [field(sp, list, step.column).update({ Indexed: true }, "SP.Field")];
    case "make-unique":
      return [field(sp, list, step.column).update({ EnforceUniqueValues: true }, "SP.Field")];
    case "require-column":
      return [field(sp, list, step.column).update({ Required: true }, "SP.Field")];
    case "set-max-length":
      return [field(sp, list, step.column).update({ MaxLength: step.maxLength }, "SP.FieldText")];
    case "add-choices":
      // Choices are a collection: sent in the verbose format SharePoint documents for SP.FieldChoice.
      return [
        spPostMerge(
          field(sp, list, step.column),
          headers(
            { Accept: "application/json;odata=verbose", "Content-Type": "application/json;odata=verbose" },
            body({ __metadata: { type: "SP.FieldChoice" }, Choices: { results: step.choices } }),
          ),
        ),
      ];
    case "set-description":
      return [sp.web.lists.getByTitle(list.title).update({ Description: step.description })];
    case "enable-versioning":
      return [sp.web.lists.getByTitle(list.title).update({ EnableVersioning: true })];
  }
}

function describeFailure(step: ProvisionStep, error: unknown): string {
  rethrowIfDenied(error);
  return `Could not complete '${describeStep(step)}': ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Create or upgrade the app's lists on a site and hold who may write what. Idempotent: a site already at the
 * schema costs one request and reports no changes. Columns are only ever added, so an upgrade never loses
 * data; permissions are put back to what the schema says (provision-security.ts), each change reported.
 */
export async function provisionSite(
  sp: SPFI,
  schema: SchemaSpec = SCHEMA,
  options: ProvisionOptions = {},
): Promise<ProvisionReport> {
  const site = await readSite(sp, schema, options);
  const plan = planProvisioning(schema, site.siteLists);
  const report: ProvisionReport = {
    schemaVersion: schema.version,
    siteVersionBefore: plan.siteVersion,
    changes: [],
    problems: [...plan.problems],
    roles: site.roles,
    reminderSender: site.sender ?? null,
  };
  for (const [role, value] of Object.entries(site.roles))
    if (value === null) report.problems.push(`The site has no associated group for ${role}.`);
  if (site.sender === undefined)
    report.problems.push(
      `The reminder sender '${options.reminderSender ?? ""}' is not a person SharePoint knows; check the UPN and run provision again.`,
    );
  // A foreign list in our place: change nothing, its permissions included, until a person decides.
  if (plan.problems.length > 0) return report;

  const listIds = new Map(
    site.siteLists.flatMap((l) => {
      const spec = schema.lists.find((s) => s.title.toLowerCase() === l.Title.toLowerCase());
      return spec === undefined ? [] : [[spec.key, l.Id] as const];
    }),
  );
  if (plan.steps.length > 0) await addListsAndColumns(sp, plan.steps, listIds, report, schema);
  const who: SitePrincipals = {
    owners: site.roles.coordinators,
    members: site.roles.sros,
    visitors: site.roles.viewers,
    sender: site.sender ?? null,
    caller: site.caller,
  };
  const lists = schema.lists.filter((l) => listIds.has(l.key));
  const steps = planSecurity(lists, site.security, who);
  if (steps.length > 0) await secure(sp, steps, site.roleIds, report);
  return report;
}

async function addListsAndColumns(
  sp: SPFI,
  steps: readonly ProvisionStep[],
  listIds: Map<string, string>,
  report: ProvisionReport,
  schema: SchemaSpec,
): Promise<void> {
  const creations = steps.filter((s) => s.kind === "create-list");
  if (creations.length > 0) {
    const created = await inOneBatch(sp, (b) =>
      creations.map((s) =>
        settle(
          b.web.lists.add(
            s.list.title,
            listDescription(s.list, schema.version),
            100,
            false,
            // Created keeping versions, so the first change already records who and when.
            s.list.versioning ? { EnableVersioning: true } : {},
          ),
        ),
      ),
    );
    for (const [i, outcome] of (await Promise.all(created)).entries()) {
      const step = creations[i];
      if (step === undefined) continue;
      if (!outcome.ok) {
        report.problems.push(describeFailure(step, outcome.error));
        continue;
      }
      listIds.set(step.list.key, z.looseObject({ Id: z.string() }).parse(outcome.value).Id);
      report.changes.push(describeStep(step));
    }
  }
  const rest = steps.filter((s) => listIds.has(s.list.key));
  const queued = await inOneBatch(sp, (b) => rest.map((s) => queueStep(b, s, listIds).map(settle)));
  for (const [i, ops] of queued.entries()) {
    const step = rest[i];
    if (step === undefined) continue;
    const failure = (await Promise.all(ops)).find((o): o is { ok: false; error: unknown } => !o.ok);
    if (failure !== undefined) report.problems.push(describeFailure(step, failure.error));
    else if (step.kind !== "create-list") report.changes.push(describeStep(step));
  }
}

// One security step on a batched root.
function queueSecurity(sp: SPFI, step: SecurityStep, roleIds: ReadonlyMap<number, number>): Promise<unknown> {
  const list = sp.web.lists.getByTitle(step.list.title);
  switch (step.kind) {
    case "item-security":
      return list.update({ ReadSecurity: step.readSecurity, WriteSecurity: step.writeSecurity });
    case "break-inheritance":
      return list.breakRoleInheritance(false, true);
    case "grant":
    case "revoke": {
      const roleId = roleIds.get(step.roleKind);
      if (roleId === undefined)
        return Promise.reject(new Error(`the site has no permission level of kind ${String(step.roleKind)}`));
      return step.kind === "grant"
        ? list.roleAssignments.add(step.principalId, roleId)
        : list.roleAssignments.remove(step.principalId, roleId);
    }
  }
}

/** Carry out the security steps in one $batch, in order (SharePoint runs a batch's requests in turn). */
async function secure(
  sp: SPFI,
  steps: readonly SecurityStep[],
  roleIds: ReadonlyMap<number, number>,
  report: ProvisionReport,
): Promise<void> {
  const queued = await inOneBatch(sp, (b) => steps.map((s) => settle(queueSecurity(b, s, roleIds))));
  for (const [i, outcome] of (await Promise.all(queued)).entries()) {
    const step = steps[i];
    if (step === undefined) continue;
    if (outcome.ok) report.changes.push(describeSecurityStep(step));
    else {
      rethrowIfDenied(outcome.error);
      const why = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      report.problems.push(`Could not complete '${describeSecurityStep(step)}': ${why}`);
    }
  }
}
