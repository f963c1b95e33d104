// `actionplan reminders` run twice at once, as the timer's run and a coordinator's overlap, each in its own
// process against the demo sandbox (as `npm start` runs it): every card goes exactly once; a run killed while
// it holds the site's reminders holds up the next only until its lease runs out; and the reminders owed to
// whoever runs it are left owed, said so, and sent by the next run as someone else.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import { startSandboxProcess, type SandboxProcess } from "../support/sandbox-process.ts";
import { COORDINATOR, inboxOf, SENDER } from "./reminders-support.ts";

const notReached = z.array(z.object({ recipient: z.string(), reason: z.string(), reminders: z.number() }));
const summarySchema = z.object({
  sent: z.number(),
  failed: notReached,
  owed: notReached,
  reminders: z.array(z.object({ key: z.string(), recipient: z.string(), action: z.string() })),
});
const leaseSchema = z.object({
  value: z.array(z.object({ ProcessId: z.number().nullable(), ExpiresAt: z.string().nullable() })),
});

interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

describe("reminder runs that overlap, as processes", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "actionplan-reminder-runs-"));
  let demo: SandboxProcess;
  let site: string;

  /** Start `actionplan reminders` as `as` for `day`; `done` resolves when the process has ended. */
  const start = (as: string, day: string, extra: string[] = [], env: Record<string, string> = {}) => {
    const child = spawn(
      process.execPath,
      ["bin/actionplan.mjs", "reminders", "--site", site, "--as", as, "--as-of", day, ...extra],
      { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const done = new Promise<Finished>((resolve) => {
      child.once("close", (status, signal) => {
        resolve({ status, signal, stdout, stderr });
      });
    });
    return { child, done };
  };
  const run = (as: string, day: string, extra: string[] = []) => start(as, day, extra).done;
  const summaryOf = (finished: Finished) => summarySchema.parse(JSON.parse(finished.stdout));
  const planned = async (day: string) => summaryOf(await run(SENDER, day, ["--dry-run", "--json"]));

  /** Every card in each person's Teams inbox, from anyone. */
  const cardCounts = async () => {
    const counts = new Map<string, number>();
    for (const person of DIRECTORY) {
      const inbox = await inboxOf(demo.url, person.upn);
      const upn = person.upn.toLowerCase();
      // Received: a sender's inbox shows what they sent too.
      const received = inbox.chats.flatMap((c) =>
        c.messages.filter((m) => m.from?.upn.toLowerCase() !== upn),
      );
      counts.set(upn, received.flatMap((m) => m.cards).length);
    }
    return counts;
  };
  const newCards = (before: Map<string, number>, after: Map<string, number>) =>
    new Map(
      [...after]
        .map(([upn, n]): [string, number] => [upn, n - (before.get(upn) ?? 0)])
        .filter(([, n]) => n !== 0),
    );

  const lease = async () => {
    const token = await demo.token({ user: COORDINATOR });
    const response = await fetch(
      `${site}/_api/web/lists/getByTitle('Reminder Runs')/items?$select=ProcessId,ExpiresAt`,
      { headers: { authorization: `Bearer ${token}`, accept: "application/json;odata=nometadata" } },
    );
    return leaseSchema.parse(await response.json()).value[0];
  };

  beforeAll(async () => {
    demo = await startSandboxProcess(dataDir, ["--seed", "demo"]);
    site = `${demo.url}/sites/improvement`;
  });
  afterAll(async () => {
    await demo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("the sender's own reminders are owed, said so, never recorded as sent, and sent by the next run as someone else", async () => {
    const day = "2024-05-24";
    const theirs = (await planned(day)).reminders.filter((r) => r.recipient === COORDINATOR);
    assert.ok(theirs.length > 0, "the coordinator is owed escalations that day");
    const before = await cardCounts();

    const asCoordinator = await run(COORDINATOR, day);
    assert.equal(asCoordinator.status, 0, asCoordinator.stderr);
    assert.match(
      asCoordinator.stdout,
      new RegExp(
        `Owed to you \\(${COORDINATOR.replace(/\./g, "\\.")}\\), ${String(theirs.length)} reminders listed above: .*not recorded as sent: the next run by someone else`,
      ),
    );
    assert.equal(newCards(before, await cardCounts()).get(COORDINATOR), undefined, "nothing sent to them");

    const again = summaryOf(await run(COORDINATOR, day, ["--json"]));
    assert.deepEqual(
      again.owed.map((o) => [o.recipient, o.reminders]),
      [[COORDINATOR, theirs.length]],
      "still owed: a run as them does not count them done",
    );
    assert.equal(again.sent, 0);

    const asSender = summaryOf(await run(SENDER, day, ["--json"]));
    assert.deepEqual(asSender.owed, []);
    assert.deepEqual(asSender.reminders.map((r) => r.key).sort(), theirs.map((r) => r.key).sort());
    assert.equal(asSender.sent, 1);
    const cards = newCards(before, await cardCounts());
    assert.equal(cards.get(COORDINATOR), 1, "the coordinator's card came from the next run, once");
  });

  test("two runs started at once, on three days: every card is sent exactly once", async () => {
    for (const day of ["2024-06-06", "2024-06-13", "2024-07-01"]) {
      const plan = await planned(day);
      const recipients = [...new Set(plan.reminders.map((r) => r.recipient))].sort();
      assert.ok(recipients.length > 1, `reminders are due on ${day}`);
      const before = await cardCounts();
      // The timer's run (as the sender) and a coordinator's own run, at the same moment.
      const [timer, coordinator] = await Promise.all([
        run(SENDER, day, ["--json"]),
        run(COORDINATOR, day, ["--json"]),
      ]);
      assert.equal(timer.status, 0, timer.stderr);
      assert.equal(coordinator.status, 0, coordinator.stderr);
      const cards = newCards(before, await cardCounts());
      assert.deepEqual(
        [...cards].sort(),
        recipients.map((upn) => [upn, 1]),
        `on ${day} each recipient has one new card, and nobody else any`,
      );
      assert.equal(summaryOf(timer).sent + summaryOf(coordinator).sent, recipients.length);
    }
  });

  test("a run killed while it holds the site's reminders holds up the next only until its lease runs out", async () => {
    const day = "2024-07-15";
    const recipients = [...new Set((await planned(day)).reminders.map((r) => r.recipient))].sort();
    assert.ok(recipients.length > 1, `reminders are due on ${day}`);
    const before = await cardCounts();

    // Long enough that the refused run below (a new Node process each, slow on a loaded CI machine) is over
    // well before it expires, so the next run does have to wait for it.
    const doomed = start(SENDER, day, [], { ACTIONPLAN_LEASE_SECONDS: "20" });
    const pid = doomed.child.pid;
    assert.ok(pid !== undefined);
    let holding = false;
    while (!holding && doomed.child.exitCode === null) {
      const item = await lease();
      holding = item?.ProcessId === pid && item.ExpiresAt !== null;
    }
    assert.ok(holding, "the run took the lease before it could be killed");
    doomed.child.kill("SIGKILL");
    assert.equal((await doomed.done).signal, "SIGKILL");
    const left = await lease();
    assert.equal(left?.ProcessId, pid, "a killed run cannot give its lease back");
    assert.notEqual(left.ExpiresAt, null);

    const refused = await run(COORDINATOR, day, ["--wait", "0"]);
    assert.equal(refused.status, 75, refused.stderr);
    assert.match(
      refused.stderr,
      new RegExp(
        `another reminder run is sending for this site: ${SENDER.replace(/\./g, "\\.")} on .+ \\(process ${String(pid)}\\).* until .+ \\(UK time\\)`,
      ),
    );
    assert.match(refused.stderr, /Nothing was sent by this run/);

    const next = await run(SENDER, day, ["--json"]);
    assert.equal(next.status, 0, next.stderr);
    assert.match(next.stderr, new RegExp(`process ${String(pid)}.*waiting up to 180 s`));
    const cards = newCards(before, await cardCounts());
    assert.deepEqual(
      [...cards].sort(),
      recipients.map((upn) => [upn, 1]),
      "each card once",
    );
    assert.equal((await lease())?.ExpiresAt, null, "given back at the end");
  });
});
