// Reading survives bad rows, as a coordinator meets it: someone adds a Plans item with only a title and an
// Actions item whose status is not one of the column's choices, over REST as a site Owner (SharePoint does
// not hold REST writes to a list's required columns: "Client object model always allowed to ignore required
// fields", SharePoint/PnP-JS-Core#376). `plans`, `summary` and `reminders --dry-run` still work for the demo
// plan, each naming the bad items on stderr; asking for the bad plan says it cannot be read and why; and the
// demo sandbox still starts over that data.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { demoCoordinator } from "../../src/sandbox/seed/demo.ts";
import { createSharePoint } from "../../src/sharepoint/core/index.ts";
import { startSandboxProcess, type SandboxProcess } from "../support/sandbox-process.ts";

const COORDINATOR = demoCoordinator();
const added = z.object({ Id: z.number() });

function cli(args: string[]) {
  const run = spawnSync(process.execPath, ["bin/actionplan.mjs", ...args], { encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A Node stack frame ("    at fn (file:line)"): never shown for a bad item. */
const STACK = /^\s+at /m;

describe("one malformed item does not stop the rest from being read", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "actionplan-bad-rows-"));
  let demo: SandboxProcess;
  let site: string;
  let badPlanId: number;
  let badActionId: number;

  beforeAll(async () => {
    demo = await startSandboxProcess(dataDir, ["--seed", "demo"]);
    site = `${demo.url}/sites/improvement`;
    const token = await demo.token({ user: COORDINATOR });
    const sp = createSharePoint({ siteUrl: site, getToken: () => Promise.resolve(token) });
    const lists = sp.web.lists;
    badPlanId = added.parse(await lists.getByTitle("Plans").items.add({ Title: "Added by hand" })).Id;
    badActionId = added.parse(
      await lists.getByTitle("Actions").items.add({
        Title: "18.9",
        Ref: "18.9",
        ActionText: "Added over REST",
        PlanId: 1,
        ReportedStatus: "Nearly done",
      }),
    ).Id;
  });
  afterAll(async () => {
    await demo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const planWarning = () =>
    new RegExp(
      `^actionplan \\w+: Plans item ${String(badPlanId)} \\("Added by hand"\\) was left out: its column "Reference date" \\(ReferenceDate\\) is empty\\. Fix or delete the item in SharePoint\\.$`,
      "m",
    );
  const actionWarning = () =>
    new RegExp(
      `^actionplan \\w+: Actions item ${String(badActionId)} \\("18\\.9"\\) was left out: its column "Reported status" \\(ReportedStatus\\) holds "Nearly done", which is not one of its choices \\([^)]*\\)\\. Fix or delete the item in SharePoint\\.$`,
      "m",
    );

  test("plans lists the demo plan and names the unreadable plan on stderr", () => {
    const run = cli(["plans", "--site", site, "--as", COORDINATOR, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const plans = z.array(z.object({ id: z.string(), title: z.string() })).parse(JSON.parse(run.stdout));
    assert.deepEqual(
      plans.map((p) => p.id),
      ["1"],
    );
    assert.match(run.stderr, planWarning());
    assert.doesNotMatch(run.stderr, STACK);

    const readable = cli(["plans", "--site", site, "--as", COORDINATOR]);
    assert.equal(readable.status, 0, readable.stderr);
    assert.match(readable.stdout, /^ {3}1 {2}Corporate Peer Challenge/m);
    assert.equal(readable.stderr.trim().split("\n").length, 1, "one sentence per item");
  });

  test("summary gives the demo plan's figures without the bad action, and names both items", () => {
    const run = cli([
      "summary",
      "--site",
      site,
      "--plan",
      "1",
      "--as-of",
      "2024-04-09",
      "--as",
      COORDINATOR,
      "--json",
    ]);
    assert.equal(run.status, 0, run.stderr);
    const printed = z
      .object({ figures: z.object({ actionsTotal: z.number() }) })
      .parse(JSON.parse(run.stdout));
    assert.equal(printed.figures.actionsTotal, 64);
    assert.match(run.stderr, actionWarning());
    assert.match(run.stderr, planWarning());
    assert.doesNotMatch(run.stderr, STACK);
  });

  test("asking for the unreadable plan says it cannot be read and why, with no stack trace", () => {
    for (const key of [String(badPlanId), "Added by hand"]) {
      const run = cli(["summary", "--site", site, "--plan", key, "--as", COORDINATOR]);
      assert.equal(run.status, 1, run.stdout);
      assert.match(
        run.stderr,
        new RegExp(
          `^actionplan summary: Plans item ${String(badPlanId)} \\("Added by hand"\\) cannot be read: its column "Reference date" \\(ReferenceDate\\) is empty\\. Fix or delete the item in SharePoint\\.$`,
          "m",
        ),
      );
      assert.doesNotMatch(run.stderr, STACK);
    }
  });

  test("reminders --dry-run selects the demo plan's reminders and names both items", () => {
    const run = cli([
      "reminders",
      "--site",
      site,
      "--as-of",
      "2024-05-24",
      "--dry-run",
      "--as",
      COORDINATOR,
      "--json",
    ]);
    assert.equal(run.status, 0, run.stderr);
    const summary = z
      .object({ reminders: z.array(z.object({ action: z.string() })) })
      .parse(JSON.parse(run.stdout));
    assert.ok(summary.reminders.length > 0);
    assert.ok(summary.reminders.every((r) => r.action !== "18.9"));
    assert.match(run.stderr, actionWarning());
    assert.match(run.stderr, planWarning());
    assert.doesNotMatch(run.stderr, STACK);
  });

  test("import refuses to compare a file with a plan it cannot fully read, naming the item", () => {
    const run = cli([
      "import",
      "data/lga-cpc-2023-progress-april-2024.csv",
      "--site",
      site,
      "--plan",
      "1",
      "--dry-run",
      "--as",
      COORDINATOR,
    ]);
    assert.equal(run.status, 1, run.stdout);
    assert.match(
      run.stderr,
      new RegExp(
        `^actionplan import: the import compares the file with what the site holds, and some of that cannot be read \\(left out, it would be added a second time\\)\\. Actions item ${String(badActionId)} \\("18\\.9"\\) cannot be read: .* Then import again\\.$`,
        "m",
      ),
    );
    assert.doesNotMatch(run.stderr, STACK);
  });

  test("the demo sandbox starts again over the malformed items, without loading the plan twice", async () => {
    await demo.stop();
    demo = await startSandboxProcess(dataDir, ["--seed", "demo"]);
    site = `${demo.url}/sites/improvement`;
    assert.match(demo.output, /64 actions \(already loaded\)/);
    const run = cli(["plans", "--site", site, "--as", COORDINATOR, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(z.array(z.unknown()).parse(JSON.parse(run.stdout)).length, 1);
  });
});
