// `actionplan doctor` against the sandbox: the demo site passes as a person and as the app; a site set up
// wrongly on purpose (versioning off, an index dropped, a post vacant, the tab's config.json naming another
// site) fails with each named and what to do; a site never provisioned says to run provision.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { actionplanHere as actionplan } from "../support/actionplan-cli.ts";
import { serveFolder } from "../support/static-site.ts";
import { openSandbox, SANDBOX_PEOPLE } from "../support/targets.ts";
import { COORDINATOR, openDemo, SENDER } from "./reminders-support.ts";

const reportSchema = z.object({
  ok: z.boolean(),
  checks: z.array(
    z.object({
      check: z.string(),
      ok: z.boolean(),
      lines: z.array(z.string()),
      warnings: z.array(z.string()).optional(),
    }),
  ),
});

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
    assert.match(
      person.stdout,
      /ok {3}Graph token\n {7}siobhan\.oconnor@northbridge\.gov\.uk holds .*ChatMessage\.Send/,
    );
    const app = await actionplan(`doctor --site ${site} --as ${SENDER} --channel activity --json`);
    assert.equal(app.status, 0, app.stdout + app.stderr);
    const report = reportSchema.parse(JSON.parse(app.stdout));
    assert.deepEqual(
      report.checks.map((c) => c.check),
      ["SharePoint token", "Graph token", "lists", "SRO posts", "tab's config.json", "Teams app"],
    );
    const teams = report.checks.find((c) => c.check === "Teams app");
    assert.match(teams?.lines[0] ?? "", /^in the catalog; installed for \d+ of \d+ SRO\(s\)$/);
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
