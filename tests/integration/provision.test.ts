// `provision` against the sandbox through the real PnPjs: a new site, a second run that changes nothing, an
// older schema upgraded without losing data (schema 5's plans gaining ImportUnfinished, read as finished),
// and a site whose list is not ours left alone.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { SPFI } from "@pnp/sp";
import { z } from "zod";
import { createSharePoint, dataContext } from "../../src/sharepoint/core/index.ts";
import { listPlans } from "../../src/sharepoint/plans/index.ts";
import { checkSite, provisionSite } from "../../src/sharepoint/provision/index.ts";
import { FIELD_TYPES, SCHEMA, type SchemaSpec } from "../../src/sharepoint/schema/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { sandboxToken } from "../support/sandbox-token.ts";
import { openSandbox, SANDBOX_PEOPLE, type Target } from "../support/targets.ts";
import { MEMBERS } from "./fixtures.ts";

const fieldSchema = z.object({
  InternalName: z.string(),
  TypeAsString: z.string(),
  Indexed: z.boolean(),
  EnforceUniqueValues: z.boolean(),
  Title: z.string(),
});

/** The schema as it was before: Actions without DueDate, SroPost not indexed, Delayed/Overdue not choices. */
function olderSchema(): SchemaSpec {
  return {
    version: 0,
    lists: SCHEMA.lists.map((list) =>
      list.key !== "actions"
        ? list
        : {
            ...list,
            columns: list.columns
              .filter((c) => c.name !== "DueDate")
              .map((c) =>
                c.name === "SroPost"
                  ? { ...c, indexed: false }
                  : c.type === "choice"
                    ? { ...c, choices: c.choices.filter((x) => x !== "Delayed" && x !== "Overdue") }
                    : c,
              ),
          },
    ),
  };
}

describe("actionplan provision", () => {
  let target: Target;
  let sp: SPFI;
  const requests = () => target.sandbox?.stats.sharePointRequests ?? 0;

  beforeAll(async () => {
    target = await openSandbox();
    sp = createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") });
  });
  afterAll(async () => {
    await target.close();
  });

  test("a new site gets every list, column and index, in a handful of requests", async () => {
    const start = requests();
    const report = await provisionSite(sp);
    const used = requests() - start;
    assert.deepEqual(report.problems, []);
    assert.equal(report.siteVersionBefore, null);
    assert.ok(report.changes.includes("created list 'Actions'"), report.changes.join("\n"));
    assert.equal(report.roles.coordinators?.title, "Improvement Owners");
    assert.equal(report.roles.sros?.title, "Improvement Members");
    assert.equal(report.roles.viewers?.title, "Improvement Visitors");
    assert.ok(used <= 5, `fresh provisioning took ${String(used)} requests`);

    for (const list of SCHEMA.lists) {
      const fields = z.array(fieldSchema).parse(await sp.web.lists.getByTitle(list.title).fields());
      const byName = new Map(fields.map((f) => [f.InternalName, f]));
      assert.equal(byName.get("Title")?.Title, list.titleColumn.title, `${list.title}.Title display name`);
      for (const column of list.columns) {
        const field = byName.get(column.name);
        assert.ok(field !== undefined, `${list.title}.${column.name} exists`);
        assert.doesNotMatch(column.name, /\s/);
        assert.equal(
          field.TypeAsString,
          FIELD_TYPES[column.type].typeAsString,
          `${list.title}.${column.name} type`,
        );
        assert.equal(field.Indexed, column.indexed === true, `${list.title}.${column.name} indexed`);
        assert.equal(
          field.EnforceUniqueValues,
          column.unique === true,
          `${list.title}.${column.name} unique`,
        );
        assert.equal(field.Title, column.title);
      }
    }
  });

  test("a second run changes nothing, says so, and costs one request", async () => {
    const start = requests();
    const report = await provisionSite(sp);
    assert.deepEqual(report.changes, []);
    assert.deepEqual(report.problems, []);
    assert.equal(report.siteVersionBefore, SCHEMA.version);
    assert.equal(requests() - start, 1);
  });

  test("a named reminder sender may write the Reminder Log and the run lease; other Members may not", async () => {
    const sender = MEMBERS[1] ?? "";
    const report = await provisionSite(sp, SCHEMA, { reminderSender: sender });
    assert.ok(
      report.changes.includes(`'Reminder Log': ${report.reminderSender?.title ?? "?"} given Contribute`),
    );
    const as = (upn: string) =>
      createSharePoint({
        siteUrl: target.siteUrl,
        getToken: () => sandboxToken(target.sandbox?.url ?? "", { user: upn }),
        attempts: 1,
      });
    const entry = { Title: "Sent by the reminder sender", ReminderKey: `sender-${String(Date.now())}` };
    await as(sender).web.lists.getByTitle("Reminder Log").items.add(entry);
    await assert.rejects(
      as(SANDBOX_PEOPLE.member)
        .web.lists.getByTitle("Reminder Log")
        .items.add({ ...entry, ReminderKey: "x" }),
      (error) => error instanceof RemoteError && (error.status === 403 || error.status === 404),
    );
    // Provisioning again without the sender takes the right away again.
    const again = await provisionSite(sp);
    assert.ok(
      again.changes.some((c) => c.startsWith("'Reminder Log':") && c.endsWith("no longer has Contribute")),
    );
  });

  test("someone without owner rights cannot provision", async () => {
    const other = await openSandbox();
    try {
      const member = createSharePoint({ siteUrl: other.siteUrl, getToken: () => other.token("member") });
      await assert.rejects(
        provisionSite(member),
        (e: unknown) => e instanceof RemoteError && e.status === 403,
      );
    } finally {
      await other.close();
    }
  });
});

describe("upgrading a site provisioned with an older schema", () => {
  let target: Target;
  let sp: SPFI;

  beforeAll(async () => {
    target = await openSandbox();
    sp = createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") });
  });
  afterAll(async () => {
    await target.close();
  });

  test("adds the missing column, index and choices and keeps every item", async () => {
    const old = await provisionSite(sp, olderSchema());
    assert.deepEqual(old.problems, []);
    const actions = sp.web.lists.getByTitle("Actions");
    const plan = await sp.web.lists
      .getByTitle("Plans")
      .items.add({ Title: "Mayor's plan", ReferenceDate: "2024-04-09T12:00:00Z" });
    const added = await actions.items.add({
      Title: "Publish the vision",
      Ref: "1.1",
      TargetDateText: "May-24",
      PlanId: plan.Id,
      ReportedStatus: "On target",
    });

    const report = await provisionSite(sp);
    assert.deepEqual(report.problems, []);
    assert.equal(report.siteVersionBefore, 0);
    assert.ok(
      report.changes.includes("added column Actions.DueDate (date, indexed)"),
      report.changes.join("\n"),
    );
    assert.ok(report.changes.includes("indexed Actions.SroPost"), report.changes.join("\n"));
    assert.ok(
      report.changes.some((c) =>
        c.startsWith("added choices 'Delayed', 'Overdue' to Actions.ReportedStatus"),
      ),
    );
    assert.ok(report.changes.every((c) => !c.startsWith("created list")));

    const kept = await actions.items
      .getById(added.Id)
      .select("Title", "Ref", "TargetDateText", "PlanId", "ReportedStatus", "DueDate")();
    assert.deepEqual(
      {
        ...kept,
        "odata.type": undefined,
        "odata.id": undefined,
        "odata.etag": undefined,
        "odata.editLink": undefined,
        "odata.metadata": undefined,
      },
      {
        Title: "Publish the vision",
        Ref: "1.1",
        TargetDateText: "May-24",
        PlanId: plan.Id,
        ReportedStatus: "On target",
        DueDate: null,
        "odata.type": undefined,
        "odata.id": undefined,
        "odata.etag": undefined,
        "odata.editLink": undefined,
        "odata.metadata": undefined,
      },
    );
    await actions.items
      .getById(added.Id)
      .update({ ReportedStatus: "Overdue", DueDate: "2024-05-31T12:00:00Z" });

    const again = await provisionSite(sp);
    assert.deepEqual(again.changes, []);
  });

  test("a site from before ImportUnfinished (schema 5) gains it; its plans read as finished, and doctor agrees", async () => {
    const other = await openSandbox();
    try {
      const osp = createSharePoint({ siteUrl: other.siteUrl, getToken: () => other.token("owner") });
      const schema5: SchemaSpec = {
        version: 5,
        lists: SCHEMA.lists.map((list) =>
          list.key !== "plans"
            ? list
            : { ...list, columns: list.columns.filter((c) => c.name !== "ImportUnfinished") },
        ),
      };
      await provisionSite(osp, schema5);
      const plan = await osp.web.lists
        .getByTitle("Plans")
        .items.add({ Title: "Plan from before", ReferenceDate: "2024-04-09T12:00:00Z" });
      // Doctor reads the site against the same plan as provision: the column, and the version to record.
      const upgrade = [
        "added column Plans.ImportUnfinished (boolean)",
        ...SCHEMA.lists.map((l) => `recorded the schema version on '${l.title}'`),
      ];
      assert.deepEqual((await checkSite(osp)).missing, upgrade);

      const report = await provisionSite(osp);
      assert.deepEqual(report.problems, []);
      assert.equal(report.siteVersionBefore, 5);
      assert.deepEqual(report.changes, upgrade);
      // As in SharePoint, an item from before the column holds nothing there: read as finished.
      const raw = z
        .object({ ImportUnfinished: z.boolean().nullable() })
        .parse(await osp.web.lists.getByTitle("Plans").items.getById(plan.Id).select("ImportUnfinished")());
      assert.equal(raw.ImportUnfinished, null);
      const [listed] = await listPlans(dataContext(osp));
      assert.equal(listed?.title, "Plan from before");
      assert.equal(listed.importUnfinished, false);

      const again = await provisionSite(osp);
      assert.deepEqual(again.changes, []);
      assert.deepEqual((await checkSite(osp)).missing, []);
    } finally {
      await other.close();
    }
  });

  test("a list of the same title that is not ours is reported and nothing is changed", async () => {
    const other = await openSandbox();
    try {
      const osp = createSharePoint({ siteUrl: other.siteUrl, getToken: () => other.token("owner") });
      await osp.web.lists.add("Plans", "Someone else's plans", 100);
      const report = await provisionSite(osp);
      assert.deepEqual(report.changes, []);
      assert.match(
        report.problems.join("\n"),
        /already has a list called 'Plans' that Action Plan Tracker did not create/,
      );
      const lists = z.array(z.object({ Title: z.string() })).parse(await osp.web.lists.select("Title")());
      assert.deepEqual(
        lists.map((l) => l.Title),
        ["Plans"],
      );
    } finally {
      await other.close();
    }
  });
});

describe("the provision command", () => {
  let target: Target;
  beforeAll(async () => {
    target = await openSandbox();
  });
  afterAll(async () => {
    await target.close();
  });

  // The CLI runs as its own process; it must not block this one, which serves the sandbox.
  const run = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        ["bin/actionplan.mjs", "provision", ...args],
        { timeout: 60_000 },
        (error, stdout, stderr) => {
          done({
            status: error === null ? 0 : typeof error.code === "number" ? error.code : null,
            stdout,
            stderr,
          });
        },
      );
    });

  test("on a new site, a member is refused in words, with a non-zero exit", async () => {
    const result = await run("--site", target.siteUrl, "--as", SANDBOX_PEOPLE.member);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /You do not have permission to do this/);
  });

  test("provisions the sandbox as the given person, then reports no changes", async () => {
    const first = await run("--site", target.siteUrl, "--as", SANDBOX_PEOPLE.owner);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`Schema none -> ${String(SCHEMA.version)}: \\d+ change\\(s\\)`));
    assert.match(first.stdout, /\+ created list 'Progress Updates'/);
    assert.match(first.stdout, /\+ 'Progress Updates': people edit only the items they created/);
    assert.match(first.stdout, /\+ 'Actions': Improvement Members given Read/);
    assert.match(
      first.stdout,
      /Coordinators: Improvement Owners; SROs: Improvement Members; viewers: Improvement Visitors/,
    );
    const second = await run("--site", target.siteUrl, "--as", SANDBOX_PEOPLE.owner, "--json");
    assert.equal(second.status, 0, second.stderr);
    const report = z
      .object({ changes: z.array(z.string()), problems: z.array(z.string()) })
      .parse(JSON.parse(second.stdout));
    assert.deepEqual(report, { ...report, changes: [], problems: [] });
  });

  test("the sandbox needs --as; a bad URL is a usage error", async () => {
    const noUser = await run("--site", target.siteUrl);
    assert.equal(noUser.status, 2);
    assert.match(noUser.stderr, /--as <upn> is needed against the sandbox/);
    const badUrl = await run("--site", "not a url", "--as", SANDBOX_PEOPLE.owner);
    assert.equal(badUrl.status, 2);
    assert.match(badUrl.stderr, /--site/);
  });
});

describe("versioning: every list whose items people change keeps who changed what, and when", () => {
  let target: Target;
  let sp: SPFI;
  const versioningOf = async (title: string) =>
    z
      .object({ EnableVersioning: z.boolean() })
      .parse(await sp.web.lists.getByTitle(title).select("EnableVersioning")()).EnableVersioning;

  beforeAll(async () => {
    target = await openSandbox();
    sp = createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") });
  });
  afterAll(async () => {
    await target.close();
  });

  test("a new site's lists keep versions as the schema says; the logs do not", async () => {
    await provisionSite(sp);
    for (const list of SCHEMA.lists)
      assert.equal(await versioningOf(list.title), list.versioning, `${list.title} versioning`);
  });

  test("versioning turned off by hand is turned back on, and a site up to date still costs one request", async () => {
    await sp.web.lists.getByTitle("Actions").update({ EnableVersioning: false });
    await sp.web.lists.getByTitle("Plans").update({ EnableVersioning: false });
    assert.equal(await versioningOf("Actions"), false);
    const report = await provisionSite(sp);
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.changes.sort(), [
      "turned on versioning for 'Actions' (every change keeps who and when)",
      "turned on versioning for 'Plans' (every change keeps who and when)",
    ]);
    assert.equal(await versioningOf("Actions"), true);
    const start = target.sandbox?.stats.sharePointRequests ?? 0;
    const again = await provisionSite(sp);
    assert.deepEqual(again.changes, []);
    assert.equal((target.sandbox?.stats.sharePointRequests ?? 0) - start, 1);
  });
});
