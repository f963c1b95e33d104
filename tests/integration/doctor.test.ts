// `actionplan doctor` against the sandbox: the demo site passes as a person and as the app; a site set up
// wrongly on purpose (versioning off, an index dropped, a post vacant, the tab's config.json naming another
// site) fails with each named and what to do; a site never provisioned says to run provision.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { shiftedClock } from "../../src/lib/clock.ts";
import { acquireRunLease } from "../../src/notify/reminders/run-lease.ts";
import { ACTION_PLAN_TEAMS_APP } from "../../src/sandbox/graph/catalog.ts";
import { actionplanHere as actionplan } from "../support/actionplan-cli.ts";
import { serveFolder } from "../support/static-site.ts";
import { openSandbox, SANDBOX_PEOPLE } from "../support/targets.ts";
import { COORDINATOR, openDemo, SENDER, doctorReportSchema as reportSchema } from "./reminders-support.ts";

describe("actionplan doctor", () => {
  let demo: Awaited<ReturnType<typeof openDemo>>;
  beforeAll(async () => {
    demo = await openDemo();
  });
  afterAll(() => demo.close());

  test("the demo site passes every check, as the reminder sender and as the app", async () => {
    const site = demo.target.siteUrl;
    // Provisioned with a reminder sender, as the README's step 6 does: the sender's grant on the Reminder
    // Log is what provision set, not something to take away.
    const provisioned = await actionplan(
      `provision --site ${site} --as ${COORDINATOR} --reminder-sender ${SANDBOX_PEOPLE.member}`,
    );
    assert.equal(provisioned.status, 0, provisioned.stderr);
    const person = await actionplan(`doctor --site ${site} --as ${SENDER}`);
    assert.equal(person.status, 0, person.stdout + person.stderr);
    const named = await actionplan(
      `doctor --site ${site} --as ${SENDER} --reminder-sender ${SANDBOX_PEOPLE.member}`,
    );
    assert.equal(named.status, 0, named.stdout);
    // Named as someone else, the grant is the wrong person's: both sides are said.
    const other = await actionplan(
      `doctor --site ${site} --as ${SENDER} --reminder-sender ${SANDBOX_PEOPLE.visitor}`,
    );
    assert.equal(other.status, 1);
    assert.match(other.stdout, /'Reminder Log': .+ given Contribute/);
    assert.match(other.stdout, /'Reminder Log': .+ no longer has Contribute/);
    assert.match(person.stdout, /Every check passed\./);
    // The chat channel's cards open the app by its catalog id too.
    assert.match(
      person.stdout,
      new RegExp(
        `ok {3}Teams app\\n {7}in the catalog\\n {7}catalog id ${ACTION_PLAN_TEAMS_APP.id} \\(deep links use it: ACTIONPLAN_TEAMS_CATALOG_ID\\)\\n`,
      ),
    );
    assert.match(
      person.stdout,
      /ok {3}Graph token\n {7}siobhan\.oconnor@northbridge\.gov\.uk holds .*ChatMessage\.Send/,
    );
    const app = await actionplan(`doctor --site ${site} --as ${SENDER} --channel activity --json`);
    assert.equal(app.status, 0, app.stdout + app.stderr);
    const report = reportSchema.parse(JSON.parse(app.stdout));
    assert.deepEqual(
      report.checks.map((c) => c.check),
      [
        "SharePoint token",
        "Graph token",
        "app's site grant",
        "lists",
        "SRO posts",
        "tab's config.json",
        "last reminder run",
        "Teams app",
      ],
    );
    // The sandbox's app holds Sites.FullControl.All, which reaches every site.
    const grant = report.checks.find((c) => c.check === "app's site grant");
    assert.match(
      grant?.lines[0] ?? "",
      /reaches the site \(localhost,.+\) and may do what the daily job does there/,
    );
    const teams = report.checks.find((c) => c.check === "Teams app");
    assert.deepEqual(
      teams?.lines.map((l) => l.replace(/installed for \d+ of \d+/, "installed for n of m")),
      [
        "in the catalog; installed for n of m SRO(s)",
        `catalog id ${ACTION_PLAN_TEAMS_APP.id} (deep links use it: ACTIONPLAN_TEAMS_CATALOG_ID)`,
      ],
    );
  });

  test("a site set up wrongly fails, naming each problem and what to do", async () => {
    const sp = demo.ctx.sp;
    await sp.web.lists.getByTitle("Actions").update({ EnableVersioning: false });
    await sp.web.lists
      .getByTitle("Actions")
      .fields.getByInternalNameOrTitle("SroPost")
      .update({ Indexed: false });
    const posts = await actionplan(`post list --site ${demo.target.siteUrl} --as ${SENDER} --json`);
    const first = z
      .object({ posts: z.array(z.object({ id: z.string(), title: z.string() })) })
      .parse(JSON.parse(posts.stdout)).posts[0];
    assert.ok(first);
    const vacated = await actionplan(
      `post hold --site ${demo.target.siteUrl} --as ${SENDER} --post ${first.id} --vacant`,
    );
    assert.equal(vacated.status, 0, vacated.stderr);
    const folder = mkdtempSync(join(tmpdir(), "tab-"));
    writeFileSync(
      join(folder, "config.json"),
      JSON.stringify({ siteUrl: "https://elsewhere.sharepoint.com/sites/other" }),
    );
    const host = await serveFolder(folder);
    try {
      const run = await actionplan(
        `doctor --site ${demo.target.siteUrl} --as ${SENDER} --tab-url ${host.url}/`,
      );
      assert.equal(run.status, 1, run.stdout);
      assert.match(
        run.stdout,
        /FAIL lists\n.*turned on versioning for 'Actions'.*run `actionplan provision`/,
      );
      assert.match(run.stdout, /indexed Actions\.SroPost; run `actionplan provision`/);
      assert.match(
        run.stdout,
        new RegExp(
          `FAIL SRO posts\\n {7}the post "${first.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}" has no holder`,
        ),
      );
      assert.match(
        run.stdout,
        /FAIL tab's config\.json\n.*names the site https:\/\/elsewhere\.sharepoint\.com\/sites\/other, not http/,
      );
      assert.match(run.stdout, /3 check\(s\) failed/);
    } finally {
      await host.close();
    }
  });

  test("ACTIONPLAN_TEAMS_CATALOG_ID set to another id (the manifest's) fails the Teams app check, naming both", async () => {
    const before = process.env.ACTIONPLAN_TEAMS_CATALOG_ID;
    process.env.ACTIONPLAN_TEAMS_CATALOG_ID = ACTION_PLAN_TEAMS_APP.externalId;
    try {
      const run = await actionplan(`doctor --site ${demo.target.siteUrl} --as ${SENDER} --json`);
      assert.equal(run.status, 1);
      const teams = reportSchema.parse(JSON.parse(run.stdout)).checks.find((c) => c.check === "Teams app");
      assert.equal(teams?.ok, false);
      assert.equal(
        teams.lines[0],
        `ACTIONPLAN_TEAMS_CATALOG_ID is ${ACTION_PLAN_TEAMS_APP.externalId}, but the organisation's app catalog has the Teams app ${ACTION_PLAN_TEAMS_APP.externalId} (ACTIONPLAN_TEAMS_APP_ID) as ${ACTION_PLAN_TEAMS_APP.id}, so its cards and notifications would open nothing: set ACTIONPLAN_TEAMS_CATALOG_ID to ${ACTION_PLAN_TEAMS_APP.id}`,
      );
    } finally {
      if (before === undefined) delete process.env.ACTIONPLAN_TEAMS_CATALOG_ID;
      else process.env.ACTIONPLAN_TEAMS_CATALOG_ID = before;
    }
  });

  test("a site never provisioned says to run provision; a tab not hosted is named", async () => {
    const empty = await openSandbox();
    try {
      const run = await actionplan(
        `doctor --site ${empty.siteUrl} --as ${SENDER} --tab-url http://127.0.0.1:9/tab/`,
      );
      assert.equal(run.status, 1);
      assert.match(run.stdout, /created list 'Actions'; run `actionplan provision`/);
      assert.match(
        run.stdout,
        /FAIL tab's config\.json\n {7}cannot read http:\/\/127\.0\.0\.1:9\/tab\/config\.json/,
      );
    } finally {
      await empty.close();
    }
  });
});

describe("actionplan doctor: the daily job's last run", () => {
  // Wednesday 9 December 2026 on the sandbox's clock, moved on by whole days as the test says.
  const wednesday = shiftedClock("2026-12-09");
  let daysLater = 0;
  let demo: Awaited<ReturnType<typeof openDemo>>;
  beforeAll(async () => {
    demo = await openDemo({ now: () => new Date(wednesday().getTime() + daysLater * 86_400_000) });
  });
  afterAll(() => demo.close());

  const lastRun = async () => {
    const run = await actionplan(`doctor --site ${demo.target.siteUrl} --as ${SENDER} --json`);
    const found = reportSchema
      .parse(JSON.parse(run.stdout))
      .checks.find((c) => c.check === "last reminder run");
    assert.ok(found, run.stdout);
    return found;
  };

  test("never run is a warning; a run today passes; five days on, a Monday, it fails saying what to do", async () => {
    const never = await lastRun();
    assert.equal(never.ok, true);
    assert.match(never.warnings?.[0] ?? "", /^the daily job has not run on this site yet/);

    const lease = await acquireRunLease(demo.ctx, {
      holder: { who: "the app", host: "func-northbridge", pid: null, run: "daily reminders" },
      seconds: 120,
      waitSeconds: 0,
    });
    await lease.release();
    const today = await lastRun();
    assert.equal(today.ok, true, today.lines.join("\n"));
    assert.match(
      today.lines[0] ?? "",
      /^the last run \(daily reminders, as the app\) finished on 9 December 2026 at \d\d:\d\d \(UK time\), today$/,
    );

    daysLater = 5;
    const stale = await actionplan(`doctor --site ${demo.target.siteUrl} --as ${SENDER}`);
    assert.equal(stale.status, 1, stale.stdout);
    assert.match(
      stale.stdout,
      /FAIL last reminder run\n {7}the daily job has not run since 9 December 2026: check the Function App's Monitor blade and Application Insights/,
    );
  });
});
