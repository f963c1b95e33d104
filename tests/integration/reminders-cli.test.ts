// `actionplan reminders` as a coordinator runs it, in its own process against the demo sandbox (as
// `npm start` runs it): the dry run prints a list a person can read and sends nothing; the real run sends
// one card per person, and the cards are in their Teams inboxes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { startSandboxProcess, type SandboxProcess } from "../support/sandbox-process.ts";
import { cardsFrom } from "./reminders-support.ts";

/** A coordinator (site Owner) of the demo, who sends the cards from her account. */
const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const FRIDAY = "2024-05-24";

const summarySchema = z.object({
  dryRun: z.boolean(),
  sent: z.number(),
  failed: z.array(z.unknown()),
  reminders: z.array(z.object({ recipient: z.string(), action: z.string() })),
});

function actionplan(args: string[]) {
  const run = spawnSync(process.execPath, ["bin/actionplan.mjs", ...args], { encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("actionplan reminders, run by a coordinator", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "actionplan-reminders-cli-"));
  let demo: SandboxProcess;
  let args: string[];

  beforeAll(async () => {
    demo = await startSandboxProcess(dataDir, ["--seed", "demo"]);
    args = ["reminders", "--site", `${demo.url}/sites/improvement`, "--as-of", FRIDAY, "--as", COORDINATOR];
  });
  afterAll(async () => {
    await demo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("--dry-run lists each recipient with their actions in words, and says nothing was sent", async () => {
    const run = actionplan([...args, "--dry-run"]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, "");
    const selected = summarySchema.parse(JSON.parse(actionplan([...args, "--dry-run", "--json"]).stdout));
    const recipients = [...new Set(selected.reminders.map((r) => r.recipient))];
    assert.ok(recipients.length > 3);

    assert.match(run.stdout, /^Reminders for Friday 24 May 2024: dry run, so nothing is sent/);
    for (const recipient of recipients) {
      const block = new RegExp(
        `^${recipient.replace(/\./g, "\\.")} \\([^)]+\\): \\d+ actions? in one card$`,
        "m",
      );
      assert.match(run.stdout, block, `${recipient} is named`);
    }
    for (const r of selected.reminders)
      assert.match(run.stdout, new RegExp(`^  ${r.action.replace(".", "\\.")} +\\S`, "m"));
    // Rule names are for --json; a person reads words.
    assert.match(run.stdout, /helen\.fairbairn@northbridge\.gov\.uk \(SRO\)/);
    assert.match(run.stdout, /update due \(Q1 2024\/25 progress report\)/);
    assert.doesNotMatch(run.stdout, /target-passed|update-due|escalation-overdue/);
    assert.match(
      run.stdout,
      new RegExp(
        `Would send one card each to ${String(recipients.length)} people \\(${String(selected.reminders.length)} reminders\\)\\. Nothing was sent\\.\\n$`,
      ),
    );
    for (const recipient of recipients)
      assert.deepEqual(await cardsFrom(demo.url, recipient, COORDINATOR), []);
  });

  test("without --dry-run, --json reports the cards sent and they are in each person's inbox", async () => {
    const run = actionplan([...args, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const summary = summarySchema.parse(JSON.parse(run.stdout));
    const recipients = [...new Set(summary.reminders.map((r) => r.recipient))];
    assert.equal(summary.dryRun, false);
    assert.ok(summary.sent > 0);
    assert.equal(summary.sent, recipients.length);
    assert.deepEqual(summary.failed, []);
    for (const recipient of recipients) {
      const cards = await cardsFrom(demo.url, recipient, COORDINATOR);
      assert.equal(cards.length, 1, `${recipient} has one card`);
    }
  });

  test("run again the same day, it sends nothing and says everyone already had today's card", () => {
    const run = actionplan(args);
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stdout,
      /No reminders are left to send: \d+ (people|person) due one today already had today's card/,
    );
    assert.match(run.stdout, /Nothing was sent\.\n$/);
  });

  test("a date that does not exist is a usage error in words, not a stack trace", () => {
    const run = actionplan([
      "reminders",
      "--site",
      `${demo.url}/sites/improvement`,
      "--as-of",
      "2024-13-01",
      "--dry-run",
    ]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /is not a real date/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
});
