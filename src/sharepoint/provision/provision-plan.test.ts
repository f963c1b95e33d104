// What provisioning decides for sites in each state: new, current, older, damaged, or not ours.
import assert from "node:assert/strict";
import { test } from "vitest";
import { describeStep, planProvisioning, type SiteField, type SiteList } from "./provision-plan.ts";
import { REF_LIMIT } from "../../domain/index.ts";
import { FIELD_TYPES, listDescription, SCHEMA, type ListSpec } from "../schema/schema.ts";

/** A site exactly at the schema, lookups pointing at list ids "id-<key>". */
function currentSite(): SiteList[] {
  return SCHEMA.lists.map((list) => ({
    Id: `id-${list.key}`,
    Title: list.title,
    Description: listDescription(list, SCHEMA.version),
    fields: [
      {
        InternalName: "Title",
        TypeAsString: "Text",
        Indexed: list.titleColumn.indexed === true,
        EnforceUniqueValues: list.titleColumn.unique === true,
        Required: true,
      },
      ...list.columns.map((c): SiteField => ({
        InternalName: c.name,
        TypeAsString: FIELD_TYPES[c.type].typeAsString,
        Indexed: c.indexed === true,
        EnforceUniqueValues: c.unique === true,
        Required: c.required === true,
        Choices: c.type === "choice" ? [...c.choices] : undefined,
        LookupList: c.type === "lookup" ? `{id-${c.target}}` : undefined,
        MaxLength: c.type === "text" ? c.maxLength : undefined,
      })),
    ],
  }));
}

function edit(site: SiteList[], title: string, change: (list: SiteList) => void): SiteList[] {
  const list = site.find((l) => l.Title === title);
  assert.ok(list !== undefined);
  change(list);
  return site;
}

function field(list: SiteList, name: string): SiteField {
  const found = list.fields.find((f) => f.InternalName === name);
  assert.ok(found !== undefined, name);
  return found;
}

test("a new site: every list, then every column, and the Title indexes", () => {
  const plan = planProvisioning(SCHEMA, []);
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.siteVersion, null);
  const creates = plan.steps.filter((s) => s.kind === "create-list");
  assert.equal(creates.length, SCHEMA.lists.length);
  assert.ok(plan.steps.findIndex((s) => s.kind !== "create-list") >= creates.length, "lists come first");
  const columns = SCHEMA.lists.reduce((n, l: ListSpec) => n + l.columns.length, 0);
  assert.equal(plan.steps.filter((s) => s.kind === "add-column").length, columns);
  assert.ok(
    plan.steps.some((s) => s.kind === "make-unique" && s.list.key === "sroPosts" && s.column === "Title"),
  );
});

test("a site at the schema: nothing to do", () => {
  const plan = planProvisioning(SCHEMA, currentSite());
  assert.deepEqual(plan.steps, []);
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.siteVersion, SCHEMA.version);
});

test("an older site: missing column, index, uniqueness and choices are added; extra choices kept", () => {
  const site = edit(currentSite(), "Actions", (list) => {
    list.Description = list.Description.replace(/schema \d+/, "schema 0");
    list.fields = list.fields.filter((f) => f.InternalName !== "DueDate");
    field(list, "SroPost").Indexed = false;
    field(list, "ReportedStatus").Choices = ["Not started", "On target", "Completed", "Paused"];
  });
  edit(site, "SRO Posts", (list) => {
    field(list, "Title").EnforceUniqueValues = false;
  });
  const plan = planProvisioning(SCHEMA, site);
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.siteVersion, 0);
  assert.deepEqual(plan.steps.map(describeStep), [
    "made SRO Posts.Title unique",
    "indexed Actions.SroPost",
    "added column Actions.DueDate (date, indexed)",
    "added choices 'Delayed', 'Overdue' to Actions.ReportedStatus",
    "recorded the schema version on 'Actions'",
  ]);
  const choices = plan.steps.find((s) => s.kind === "add-choices");
  assert.deepEqual(choices?.kind === "add-choices" ? choices.choices : [], [
    "Not started",
    "On target",
    "Completed",
    "Paused",
    "Delayed",
    "Overdue",
  ]);
});

test("a text column whose size was changed in SharePoint is put back, so the column refuses long values", () => {
  const site = edit(currentSite(), "Actions", (list) => {
    field(list, "Ref").MaxLength = 255;
    field(list, "TargetDateText").MaxLength = 100;
  });
  const plan = planProvisioning(SCHEMA, site);
  assert.deepEqual(plan.steps.map(describeStep), [
    "set Actions.Ref to hold at most 20 characters (it was 255)",
    "set Actions.TargetDateText to hold at most 255 characters (it was 100)",
  ]);
  // A site that does not report sizes (as before this check) is not asked to change.
  const unreported = edit(currentSite(), "Actions", (list) => {
    field(list, "Ref").MaxLength = undefined;
  });
  assert.deepEqual(planProvisioning(SCHEMA, unreported).steps, []);
});

test("every single-line text column has the size its values need", () => {
  const sizes = SCHEMA.lists.flatMap((l) =>
    l.columns.flatMap((c) => (c.type === "text" ? [[`${l.key}.${c.name}`, c.maxLength] as const] : [])),
  );
  for (const [name, size] of sizes) assert.ok(size >= 20 && size <= 255, `${name}: ${String(size)}`);
  assert.deepEqual(
    sizes.filter(([name]) => name.endsWith(".Ref")).map(([, size]) => size),
    [REF_LIMIT, REF_LIMIT],
  );
});

test("a column of the wrong type, or a lookup to another list, is reported and left alone", () => {
  const site = edit(currentSite(), "Actions", (list) => {
    field(list, "DueDate").TypeAsString = "Text";
    field(list, "Plan").LookupList = "{some-other-list}";
  });
  const plan = planProvisioning(SCHEMA, site);
  assert.deepEqual(plan.steps, []);
  assert.deepEqual(plan.problems, [
    "Actions.Plan looks up a different list; it was left as it is.",
    "Actions.DueDate is a Text column, not DateTime; it was left as it is.",
  ]);
});

test("a list with our title that we did not create stops everything", () => {
  const site = edit(currentSite(), "Plans", (list) => {
    list.Description = "The team's own plans";
  });
  const plan = planProvisioning(SCHEMA, site);
  assert.deepEqual(plan.steps, []);
  assert.match(plan.problems[0] ?? "", /already has a list called 'Plans'/);
});

test("a site on a newer schema keeps its recorded version", () => {
  const site = edit(currentSite(), "Plans", (list) => {
    list.Description = list.Description.replace(/schema \d+/, "schema 99");
  });
  assert.deepEqual(planProvisioning(SCHEMA, site).steps, []);
});

test("the schema itself: internal names without spaces, unique needs an index, at most 20 indexes a list", () => {
  for (const list of SCHEMA.lists) {
    const names = list.columns.map((c) => c.name);
    assert.equal(new Set(names).size, names.length, `${list.title}: names are unique`);
    for (const column of list.columns) {
      assert.match(column.name, /^[A-Za-z][A-Za-z0-9]*$/, `${list.title}.${column.name}`);
      if (column.unique === true) assert.equal(column.indexed, true, `${list.title}.${column.name}`);
    }
    assert.ok(list.columns.filter((c) => c.indexed === true).length <= 20);
    const titles = [list.titleColumn.title, ...list.columns.map((c) => c.title)];
    assert.equal(
      new Set(titles.map((t) => t.toLowerCase())).size,
      titles.length,
      `${list.title}: display names`,
    );
  }
});
