// A plan being imported is not yet a plan: a coordinator's `actionplan import` killed part-way leaves half a
// plan on the site, and until the import is run again an SRO who holds its posts sees no trace of it (not in
// `plans`, not in My actions, not in `summary`, not chased by the reminders), while the coordinator sees it
// listed as not finished. Running the import again completes it, and then the SRO sees every action once.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { isoDate } from "../../src/domain/index.ts";
import { importPlan } from "../../src/sharepoint/import/index.ts";
import { loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { actionplan, actionplanHere, ok, words } from "../support/actionplan-cli.ts";
import { SANDBOX_PEOPLE } from "../support/targets.ts";
import { generatedPlan, openProvisioned, type Provisioned } from "./fixtures.ts";

const TITLE = "Best Value improvement plan 2024";
const TODAY = isoDate("2024-04-10");
const COORDINATOR = SANDBOX_PEOPLE.owner;
/** The directory's CEO, a site Member: the SRO who holds the "CEO" post of both plans. */
const SRO = SANDBOX_PEOPLE.member;
const RECOMMENDATIONS = 6;
const PER_RECOMMENDATION = 50;

const planList = z.array(z.object({ id: z.string(), title: z.string(), importUnfinished: z.boolean() }));
const reminderList = z.object({ reminders: z.array(z.object({ plan: z.string(), action: z.string() })) });

/** A council's spreadsheet as CSV: 300 actions, all the CEO's, their targets passed (so reminders are owed). */
function planCsv(): string {
  const rows = ["Recommendation,Recommendation title,Ref,Action,Senior Responsible Officer,Target date"];
  for (let r = 1; r <= RECOMMENDATIONS; r++)
    for (let a = 1; a <= PER_RECOMMENDATION; a++)
      rows.push(
        `${String(r)},Theme ${String(r)},${String(r)}.${String(a)},Action ${String(r)}.${String(a)},CEO,Jan-24`,
      );
  return `${rows.join("\n")}\n`;
}

/** `actionplan <line>`, killed (SIGKILL) as soon as its stderr shows a batch of actions written. */
function killedAtActions(line: string): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/actionplan.mjs", ...words(line)], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/written \d+ of \d+ \(actions\)/.test(stderr)) child.kill("SIGKILL");
    });
    child.once("exit", (_code, signal) => {
      resolve({ killed: signal === "SIGKILL", stderr });
    });
  });
}

describe("an import killed part-way, as an SRO of the plan sees it", () => {
  const folder = mkdtempSync(join(tmpdir(), "actionplan-import-unfinished-"));
  const csv = join(folder, "best-value-plan.csv");
  let env: Provisioned;
  let site: string;
  let importLine: string;
  const theirs = (plan: string) => (r: { plan: string }) => r.plan === plan;

  beforeAll(async () => {
    env = await openProvisioned();
    site = `--site ${env.target.siteUrl}`;
    writeFileSync(csv, planCsv());
    importLine = `import ${csv} ${site} --as ${COORDINATOR} --plan "${TITLE}" --today ${TODAY}`;
    // The SRO's other plan, finished long ago: what they see of it shows the reads are not simply empty.
    await importPlan(env.ctx(), generatedPlan("Corporate plan", 2, 4, ["CEO"]));
  });
  afterAll(async () => {
    await env.target.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test("until the import is run again, the SRO sees no trace of the plan; the coordinator sees it as not finished", async () => {
    // Slow enough answers that the kill lands between write batches, as a closed laptop would.
    env.target.options.latencyMs = 40;
    const killed = await killedAtActions(importLine);
    env.target.options.latencyMs = 0;
    assert.ok(killed.killed, killed.stderr);
    assert.match(killed.stderr, /written \d+ of \d+ \(actions\)/);
    assert.doesNotMatch(killed.stderr, /\(the finished plan\)/);

    const seenBySro = planList.parse(
      JSON.parse(ok(await actionplanHere(`plans ${site} --as ${SRO} --json`))),
    );
    assert.deepEqual(
      seenBySro.map((p) => p.title),
      ["Corporate plan"],
    );
    const mine = await loadMyActions(env.ctx("member"), SRO, TODAY);
    assert.ok(mine.length > 0, "the SRO's other plan is still theirs");
    assert.deepEqual([...new Set(mine.map((m) => m.record.planTitle))], ["Corporate plan"]);
    const summary = await actionplanHere(`summary ${site} --as ${SRO} --plan "${TITLE}" --as-of ${TODAY}`);
    assert.equal(summary.status, 2, summary.stderr);
    assert.match(summary.stderr, /no plan "Best Value improvement plan 2024"/);
    assert.doesNotMatch(summary.stderr, /Plans there:.*Best Value/);

    const owed = reminderList.parse(
      JSON.parse(
        ok(
          await actionplan(
            `reminders ${site} --as ${COORDINATOR} --as-of ${TODAY} --dry-run --json --wait 0`,
          ),
        ),
      ),
    );
    assert.ok(owed.reminders.some(theirs("Corporate plan")), "the other plan is still chased");
    assert.deepEqual(owed.reminders.filter(theirs(TITLE)), []);

    const coordinator = ok(await actionplanHere(`plans ${site} --as ${COORDINATOR}`));
    assert.match(
      coordinator,
      /^ +\d+ {2}Best Value improvement plan 2024 {2}\(import not finished: run the import again to complete it; no period open\)$/m,
    );
    const listed = planList.parse(
      JSON.parse(ok(await actionplanHere(`plans ${site} --as ${COORDINATOR} --json`))),
    );
    assert.deepEqual(
      listed.map((p) => [p.title, p.importUnfinished]),
      [
        [TITLE, true],
        ["Corporate plan", false],
      ],
    );
    const half = await loadDashboard(env.ctx(), listed[0]?.id ?? "");
    assert.ok(
      half.actions.length > 0 && half.actions.length < RECOMMENDATIONS * PER_RECOMMENDATION,
      `the kill left part of the plan (${String(half.actions.length)} actions)`,
    );
  });

  test("running the import again completes it, and the SRO then sees it with every action once", async () => {
    const rerun = await actionplan(importLine);
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.match(rerun.stderr, /written (\d+) of \1 \(the finished plan\)\n$/);

    const seenBySro = planList.parse(
      JSON.parse(ok(await actionplanHere(`plans ${site} --as ${SRO} --json`))),
    );
    assert.deepEqual(
      seenBySro.map((p) => [p.title, p.importUnfinished]),
      [
        [TITLE, false],
        ["Corporate plan", false],
      ],
    );
    const mine = (await loadMyActions(env.ctx("member"), SRO, TODAY)).filter(
      (m) => m.record.planTitle === TITLE,
    );
    const refs = mine.map((m) => m.record.action.ref);
    assert.equal(refs.length, RECOMMENDATIONS * PER_RECOMMENDATION);
    assert.equal(new Set(refs).size, refs.length, "no action twice");

    const owed = reminderList.parse(
      JSON.parse(
        ok(
          await actionplan(
            `reminders ${site} --as ${COORDINATOR} --as-of ${TODAY} --dry-run --json --wait 0`,
          ),
        ),
      ),
    );
    assert.ok(owed.reminders.some(theirs(TITLE)), "its SRO is now chased");
  });
});
