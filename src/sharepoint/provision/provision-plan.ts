// What provisioning must do to bring a site to the schema: a pure comparison of the declared lists with what
// the site has, so the decision is unit-tested and the I/O in provision.ts only carries it out. It only ever
// adds (lists, columns, indexes, choices) or puts a text column's size back: a column of the wrong type or a
// list that is not ours is reported for a person to sort out, never dropped or re-typed, so no data is lost.
import {
  FIELD_TYPES,
  listDescription,
  SCHEMA_MARKER,
  versionInDescription,
  type ColumnSpec,
  type ListSpec,
  type SchemaSpec,
} from "../schema/schema.ts";

/** A column as the site reports it (the properties provisioning compares). */
export interface SiteField {
  InternalName: string;
  TypeAsString: string;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
  Required: boolean;
  Choices?: string[] | undefined;
  /** "{guid}" of the list a lookup points at. */
  LookupList?: string | undefined;
  /** A single-line text column's size. */
  MaxLength?: number | undefined;
}

/** A list as the site reports it. */
export interface SiteList {
  Id: string;
  Title: string;
  Description: string;
  /** Whether SharePoint keeps versions of its items; absent when the site did not say. */
  EnableVersioning?: boolean;
  fields: SiteField[];
}

export type ProvisionStep =
  | { kind: "create-list"; list: ListSpec }
  | { kind: "add-column"; list: ListSpec; column: ColumnSpec }
  | { kind: "index-column"; list: ListSpec; column: string }
  | { kind: "make-unique"; list: ListSpec; column: string }
  | { kind: "require-column"; list: ListSpec; column: string }
  | { kind: "add-choices"; list: ListSpec; column: string; choices: string[]; added: string[] }
  | { kind: "set-max-length"; list: ListSpec; column: string; maxLength: number; was: number }
  | { kind: "set-description"; list: ListSpec; description: string }
  | { kind: "enable-versioning"; list: ListSpec };

export interface ProvisionPlan {
  steps: ProvisionStep[];
  /** What provisioning will not change by itself; the site still works for everything else. */
  problems: string[];
  /** The lowest schema version recorded on the site's lists; null for a new site. */
  siteVersion: number | null;
}

/** One line for a person reading the report. */
export function describeStep(step: ProvisionStep): string {
  const list = step.list.title;
  switch (step.kind) {
    case "create-list":
      return `created list '${list}'`;
    case "add-column":
      return `added column ${list}.${step.column.name} (${step.column.type}${step.column.indexed === true ? ", indexed" : ""})`;
    case "index-column":
      return `indexed ${list}.${step.column}`;
    case "make-unique":
      return `made ${list}.${step.column} unique`;
    case "require-column":
      return `made ${list}.${step.column} required`;
    case "add-choices":
      return `added choices ${step.added.map((c) => `'${c}'`).join(", ")} to ${list}.${step.column}`;
    case "set-max-length":
      return `set ${list}.${step.column} to hold at most ${String(step.maxLength)} characters (it was ${String(step.was)})`;
    case "set-description":
      return `recorded the schema version on '${list}'`;
    case "enable-versioning":
      return `turned on versioning for '${list}' (every change keeps who and when)`;
  }
}

function sameTitle(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function bareGuid(value: string | undefined): string {
  return (value ?? "").replace(/[{}]/g, "").toLowerCase();
}

// The checks that follow a column's creation or discovery: index, uniqueness, required, choices, size.
function columnUpgrades(list: ListSpec, column: ColumnSpec, field: SiteField | null): ProvisionStep[] {
  const steps: ProvisionStep[] = [];
  if (field === null) return steps;
  if (column.indexed === true && !field.Indexed)
    steps.push({ kind: "index-column", list, column: column.name });
  if (column.unique === true && !field.EnforceUniqueValues)
    steps.push({ kind: "make-unique", list, column: column.name });
  if (column.required === true && !field.Required)
    steps.push({ kind: "require-column", list, column: column.name });
  // A text column's size is put back when someone changed it in SharePoint: the column's MaxLength is what
  // refuses an over-long value, written through the app or around it over REST.
  if (column.type === "text" && field.MaxLength !== undefined && field.MaxLength !== column.maxLength)
    steps.push({
      kind: "set-max-length",
      list,
      column: column.name,
      maxLength: column.maxLength,
      was: field.MaxLength,
    });
  if (column.type === "choice") {
    const have = field.Choices ?? [];
    const added = column.choices.filter((c) => !have.includes(c));
    // Keep choices people added in SharePoint; only add ours.
    if (added.length > 0)
      steps.push({ kind: "add-choices", list, column: column.name, choices: [...have, ...added], added });
  }
  return steps;
}

function planColumn(
  list: ListSpec,
  column: ColumnSpec,
  existing: SiteList,
  listIds: ReadonlyMap<string, string>,
  problems: string[],
): ProvisionStep[] {
  const field = existing.fields.find((f) => f.InternalName === column.name);
  if (field === undefined) return [{ kind: "add-column", list, column }];
  const expected = FIELD_TYPES[column.type].typeAsString;
  if (field.TypeAsString !== expected) {
    problems.push(
      `${list.title}.${column.name} is a ${field.TypeAsString} column, not ${expected}; it was left as it is.`,
    );
    return [];
  }
  if (column.type === "lookup") {
    const target = listIds.get(column.target);
    if (target !== undefined && bareGuid(field.LookupList) !== bareGuid(target)) {
      problems.push(`${list.title}.${column.name} looks up a different list; it was left as it is.`);
      return [];
    }
  }
  return columnUpgrades(list, column, field);
}

function planTitleColumn(list: ListSpec, existing: SiteList): ProvisionStep[] {
  const field = existing.fields.find((f) => f.InternalName === "Title");
  const steps: ProvisionStep[] = [];
  if (field === undefined) return steps;
  if (list.titleColumn.indexed === true && !field.Indexed)
    steps.push({ kind: "index-column", list, column: "Title" });
  if (list.titleColumn.unique === true && !field.EnforceUniqueValues)
    steps.push({ kind: "make-unique", list, column: "Title" });
  return steps;
}

/**
 * The steps that bring the site's lists to the schema, in an order SharePoint accepts: lists first (so that
 * every lookup has its target), then per column its creation, index, uniqueness and choices.
 */
export function planProvisioning(schema: SchemaSpec, siteLists: readonly SiteList[]): ProvisionPlan {
  const problems: string[] = [];
  const found = new Map<string, SiteList>();
  for (const list of schema.lists) {
    const existing = siteLists.find((l) => sameTitle(l.Title, list.title));
    if (existing === undefined) continue;
    if (!existing.Description.startsWith(SCHEMA_MARKER)) {
      problems.push(
        `The site already has a list called '${list.title}' that Action Plan Tracker did not create; rename or remove it, then provision again.`,
      );
      continue;
    }
    found.set(list.key, existing);
  }
  // A foreign list in our place would get lookups pointing at it: change nothing until a person decides.
  if (problems.length > 0) return { steps: [], problems, siteVersion: null };

  const listIds = new Map([...found].map(([key, list]) => [key, list.Id]));
  const steps: ProvisionStep[] = [];
  for (const list of schema.lists) {
    if (!found.has(list.key)) steps.push({ kind: "create-list", list });
  }
  for (const list of schema.lists) {
    const existing = found.get(list.key);
    if (existing === undefined) {
      for (const column of list.columns) steps.push({ kind: "add-column", list, column });
      if (list.titleColumn.indexed === true) steps.push({ kind: "index-column", list, column: "Title" });
      if (list.titleColumn.unique === true) steps.push({ kind: "make-unique", list, column: "Title" });
      continue;
    }
    steps.push(...planTitleColumn(list, existing));
    // Versions are the change history (change-history.ts): put back when someone turned them off. A list
    // declared without versions is left as it is (turning them off would not remove what was kept).
    if (list.versioning && existing.EnableVersioning === false)
      steps.push({ kind: "enable-versioning", list });
    for (const column of list.columns) steps.push(...planColumn(list, column, existing, listIds, problems));
    const description = listDescription(list, schema.version);
    if (
      existing.Description !== description &&
      (versionInDescription(existing.Description) ?? 0) <= schema.version
    )
      steps.push({ kind: "set-description", list, description });
  }
  const versions = [...found.values()].map((l) => versionInDescription(l.Description) ?? 0);
  return { steps, problems, siteVersion: versions.length === 0 ? null : Math.min(...versions) };
}
