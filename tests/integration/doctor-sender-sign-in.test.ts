// `actionplan doctor` reads the reminder sender's sign-in as the daily job records it in the Reminder Runs
// list: a run whose renewal Entra ID refused fails the check with the sign-in step to repeat, and the next run
// that renews it passes it again. The record is not a run: the last reminder run is still the lease's.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { IsoDate } from "../../src/domain/index.ts";
import { runDailyReminders } from "../../src/functions/daily-reminders.ts";
import { SenderSignInExpired } from "../../src/functions/tokens.ts";
import { actionplanHere as actionplan } from "../support/actionplan-cli.ts";
import { demoDailyJob, openDemo, SENDER, doctorReportSchema as reportSchema } from "./reminders-support.ts";

describe("doctor: the reminder sender's sign-in", () => {
  let demo: Awaited<ReturnType<typeof openDemo>>;
  beforeAll(async () => {
    demo = await openDemo();
  });
  afterAll(() => demo.close());

  const doctor = async () => {
    const run = await actionplan(`doctor --site ${demo.target.siteUrl} --as ${SENDER} --json`);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    const find = (name: string) => {
      const found = report.checks.find((c) => c.check === name);
      assert.ok(found, `${name} in ${run.stdout}`);
      return found;
    };
    return {
      status: run.status,
      signIn: find("reminder sender's sign-in"),
      lastRun: find("last reminder run"),
    };
  };

  test("a refused renewal fails doctor with the step to repeat; the next renewal passes it", async () => {
    const never = await doctor();
    assert.equal(never.signIn.ok, true);
    assert.match(never.signIn.warnings?.[0] ?? "", /records the sender's sign-in each time it runs/);

    const expired = () =>
      Promise.reject(
        new SenderSignInExpired(
          "reminders@northbridge.gov.uk",
          "Entra ID refused to renew it: invalid_grant",
        ),
      );
    const day = "2024-05-24" as IsoDate;
    await assert.rejects(
      runDailyReminders(
        demoDailyJob(demo, day, { tokens: { ...demoDailyJob(demo, day).tokens, graphSender: expired } }),
      ),
      /must sign in again/,
    );
    const failed = await doctor();
    assert.equal(failed.status, 1);
    assert.equal(failed.signIn.ok, false);
    assert.match(
      failed.signIn.lines[0] ?? "",
      new RegExp(
        `^the daily job could not renew reminders@northbridge\\.gov\\.uk's sign-in on .+ \\(Entra ID refused to renew it: invalid_grant\\), so no chat cards are sent: on a trusted device run \`ACTIONPLAN_TOKEN_CACHE=sender-cache\\.json npx actionplan reminders --site ${demo.target.siteUrl.replace(/[.]/g, "\\.")} --as reminders@northbridge\\.gov\\.uk --dry-run\`, then \`az keyvault secret set --vault-name <vault> -n actionplan-sender-cache -f sender-cache\\.json\` \\(the next run records it\\)$`,
      ),
    );
    // The refused run sent nothing and took no lease: it is no reminder run.
    assert.match(never.lastRun.warnings?.[0] ?? "", /has not run on this site yet/);
    assert.match(failed.lastRun.warnings?.[0] ?? "", /has not run on this site yet/);

    await runDailyReminders(demoDailyJob(demo, day));
    const renewed = await doctor();
    assert.equal(renewed.signIn.ok, true, renewed.signIn.lines.join("\n"));
    assert.match(
      renewed.signIn.lines[0] ?? "",
      /^siobhan\.oconnor@northbridge\.gov\.uk last signed in \(renewed by the daily job\) on \d+ \w+ \d{4} at \d\d:\d\d \(UK time\)$/,
    );
    assert.equal(renewed.signIn.warnings, undefined);
    assert.equal(renewed.lastRun.ok, true);
    assert.match(
      renewed.lastRun.lines[0] ?? "",
      /^the last run \(the daily reminder job \(Azure Functions\)/,
    );
  });
});
