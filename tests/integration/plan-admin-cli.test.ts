// The coordinator's cycle from the CLI alone, each command run as typed (through the CLI's main) against a
// sandbox started here: create a plan, add a post with a holder, set a delegate for next week, open a period, extend it,
// close it. Refusals are one sentence on stderr (a Member's is SharePoint's own 403, in words).
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test, vi } from "vitest";
import { z } from "zod";
import { main } from "../../src/cli/main.ts";
import { addDays, isoDate, type IsoDate } from "../../src/domain/index.ts";
import { requestDateChange } from "../../src/sharepoint/date-changes/index.ts";
import { loadAction, loadMyWork } from "../../src/sharepoint/actions/index.ts";
import { importPlan } from "../../src/sharepoint/import/index.ts";
import { loadPeriods } from "../../src/sharepoint/periods/index.ts";
import { listPlans } from "../../src/sharepoint/plans/index.ts";
import { loadSroPosts } from "../../src/sharepoint/posts/index.ts";
import { generatedPlan, MEMBERS, openProvisioned, type Provisioned } from "./fixtures.ts";
import { SANDBOX_PEOPLE } from "../support/targets.ts";
import { actionplanHere as actionplan, type Run } from "../support/actionplan-cli.ts";

function assertOneSentence(run: Run, command: string, pattern: RegExp, status = 1): void {
  assert.equal(run.status, status, run.stderr);
  const lines = run.stderr.trim().split("\n");
  assert.equal(lines.length, status === 2 ? 2 : 1, run.stderr);
  assert.match(lines[0] ?? "", new RegExp(`^actionplan ${command}: `));
  assert.match(lines[0] ?? "", pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
}

const planJson = z.object({
  id: z.string(),
  title: z.string(),
  referenceDate: z.string(),
  overdueAfterMonths: z.number(),
  nation: z.string(),
  archived: z.boolean(),
});
const postJson = z.object({
  id: z.string(),
  title: z.string(),
  holder: z.object({ upn: z.string(), name: z.string().nullable() }).nullable(),
  delegate: z.object({ upn: z.string(), from: z.string().nullable(), to: z.string().nullable() }).nullable(),
});
const periodJson = z.object({
  id: z.string(),
  title: z.string(),
  startsOn: z.string(),
  updateDeadline: z.string(),
  reportDate: z.string(),
  state: z.enum(["open", "closed"]),
});

/** The Monday after `today` (the sandbox's) and that week's Friday. */
function nextWeek(today: IsoDate): [IsoDate, IsoDate] {
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  const monday = addDays(today, ((8 - weekday) % 7) + (weekday === 1 ? 7 : 0));
  return [monday, addDays(monday, 4)];
}

describe("actionplan plan, post and period: the coordinator's cycle from the CLI", () => {
  let env: Provisioned;
  let site: string;
  let member: string;
  let today: IsoDate;
  const holder = MEMBERS[1] ?? "";
  const delegate = MEMBERS[2] ?? "";

  beforeAll(async () => {
    env = await openProvisioned();
    site = `--site ${env.target.siteUrl} --as ${SANDBOX_PEOPLE.owner}`;
    member = `--site ${env.target.siteUrl} --as ${SANDBOX_PEOPLE.member}`;
    const clock = await fetch(`${env.target.sandbox.url}/sandbox/clock`);
    today = isoDate(z.object({ today: z.string() }).parse(await clock.json()).today);
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("create a plan, add a post with a holder, delegate it next week, open, extend and close a period", async () => {
    const created = await actionplan(
      `plan create ${site} --title 'Best Value improvement plan' --reference-date 2024-04-01 --nation scotland --json`,
    );
    assert.equal(created.status, 0, created.stderr);
    const plan = planJson.parse(JSON.parse(created.stdout));
    assert.deepEqual(
      { ...plan, id: "" },
      {
        id: "",
        title: "Best Value improvement plan",
        referenceDate: "2024-04-01",
        overdueAfterMonths: 1,
        nation: "Scotland",
        archived: false,
      },
    );

    const post = await actionplan(
      `post create ${site} --title 'Corporate Director Resources' --holder ${holder}`,
    );
    assert.equal(post.status, 0, post.stderr);
    assert.match(post.stdout, /^Created post \d+ {2}Corporate Director Resources: held by .+ <.+>\.\n$/);

    const [from, to] = nextWeek(today);
    const delegated = await actionplan(
      `post delegate ${site} --post 'corporate director resources' --delegate ${delegate} --from ${from} --to ${to} --json`,
    );
    assert.equal(delegated.status, 0, delegated.stderr);
    assert.deepEqual(postJson.parse(JSON.parse(delegated.stdout)).delegate, { upn: delegate, from, to });
    // Stored as SharePoint holds it; the plan has no actions yet, so My actions has none for the delegate.
    const [stored] = await loadSroPosts(env.ctx());
    assert.equal(stored?.delegateUpn, delegate);
    assert.equal((await loadMyWork(env.ctx("member"), delegate, today)).actions.length, 0);

    const opened = await actionplan(
      `period open ${site} --plan 'Best Value improvement plan' --title 'Q1 2024/25' --starts 2024-04-01 --deadline 2024-06-05 --report-date 2024-06-18`,
    );
    assert.equal(opened.status, 0, opened.stderr);
    assert.match(
      opened.stdout,
      /^Opened \d+ "Q1 2024\/25" \(open\): from 1 April 2024, updates due 5 June 2024, report 18 June 2024\.\n$/,
    );

    const extended = await actionplan(`period extend ${site} --plan ${plan.id} --deadline 2024-06-12 --json`);
    assert.equal(extended.status, 0, extended.stderr);
    const period = periodJson.parse(JSON.parse(extended.stdout));
    assert.deepEqual(
      [period.updateDeadline, period.reportDate, period.state],
      ["2024-06-12", "2024-06-18", "open"],
    );

    const closed = await actionplan(`period close ${site} --plan ${plan.id} --as-of 2024-06-19`);
    assert.equal(closed.status, 0, closed.stderr);
    assert.match(closed.stdout, /^Closed "Q1 2024\/25" on 19 June 2024: 0 of 0 actions complete \(0%\)/);
    const [stillThere] = await loadPeriods(env.ctx(), plan.id);
    assert.equal(stillThere?.state, "closed");
    assert.ok(stillThere.snapshot !== null, "closing froze the figures");

    const listed = await actionplan(`period list ${site} --plan ${plan.id} --json`);
    assert.equal(z.array(periodJson).parse(JSON.parse(listed.stdout))[0]?.state, "closed");
  });

  test("rename, settings, archive (gone from `plans`, still in `plans --all`) and unarchive", async () => {
    const renamed = await actionplan(
      `plan rename ${site} --plan 'Best Value improvement plan' --title 'Best Value plan 2024'`,
    );
    assert.equal(renamed.status, 0, renamed.stderr);
    assert.match(
      renamed.stdout,
      /^Renamed plan \d+ "Best Value plan 2024": reference date 1 April 2024; overdue 1 month/,
    );
    const settings = await actionplan(
      `plan settings ${site} --plan 'Best Value plan 2024' --overdue-after-months 2 --nation 'Northern Ireland'`,
    );
    assert.match(
      settings.stdout,
      /overdue 2 months after the target date; Northern Ireland bank holidays\.$/m,
    );
    const archived = await actionplan(`plan archive ${site} --plan 'Best Value plan 2024'`);
    assert.match(archived.stdout, /; archived\.\n$/);
    const plans = await actionplan(`plans ${site}`);
    assert.match(plans.stdout, /^No plans on .+\n\(1 archived plan not shown: add --all\.\)\n$/);
    const all = await actionplan(`plans ${site} --all --json`);
    assert.equal(JSON.parse(all.stdout)[0].archived, true);
    const reminders = await actionplan(`reminders ${site} --plan 'Best Value plan 2024' --dry-run`);
    assertOneSentence(reminders, "reminders", /is archived, so no reminders are sent for it/, 2);
    await actionplan(`plan unarchive ${site} --plan 'Best Value plan 2024'`);
    assert.equal((await listPlans(env.ctx())).length, 1);
  });

  test("refusals are one sentence: a Member (SharePoint's 403), a duplicate, someone unknown, a bad date", async () => {
    assertOneSentence(
      await actionplan(`plan create ${member} --title "An SRO's plan" --reference-date 2024-04-01`),
      "plan create",
      /SharePoint refused: only the site's coordinators \(its Owners\) can create plans/,
    );
    assertOneSentence(
      await actionplan(
        `post hold ${member} --post 'Corporate Director Resources' --holder ${SANDBOX_PEOPLE.member}`,
      ),
      "post hold",
      /SharePoint refused: only the site's coordinators \(its Owners\) can change SRO posts/,
    );
    assertOneSentence(
      await actionplan(
        `period open ${member} --plan 'Best Value plan 2024' --title Q2 --starts 2024-07-01 --deadline 2024-09-01 --report-date 2024-09-10`,
      ),
      "period open",
      /can open reporting periods/,
    );
    assertOneSentence(
      await actionplan(`post create ${site} --title 'CORPORATE DIRECTOR RESOURCES'`),
      "post create",
      /already an SRO post called 'CORPORATE DIRECTOR RESOURCES'/,
    );
    assertOneSentence(
      await actionplan(`post create ${site} --title 'Head of Audit' --holder nobody@northbridge.gov.uk`),
      "post create",
      /nobody@northbridge\.gov\.uk is not in the organisation's directory/,
    );
    assertOneSentence(
      await actionplan(
        `period open ${site} --plan 'Best Value plan 2024' --title Q2 --starts 2024-07-01 --deadline 2024-06-31 --report-date 2024-09-10`,
      ),
      "period open",
      /--deadline: is not a real date/,
      2,
    );
    assertOneSentence(
      await actionplan(`period close ${site} --plan 'Best Value plan 2024'`),
      "period close",
      /the plan has no open period; open one with `actionplan period open`/,
      2,
    );
    assertOneSentence(
      await actionplan(`plan settings ${site} --plan 'No such plan'`),
      "plan settings",
      /no plan "No such plan" on this site\. Plans there: \d+ "Best Value plan 2024"\./,
      2,
    );
  });

  test("closing with a date-change request waiting is refused, naming it, until the flag says so", async () => {
    const imported = await importPlan(env.ctx(), generatedPlan("Waiting plan", 1, 2, ["Director of Place"]));
    const opened = await actionplan(
      `period open ${site} --plan 'Waiting plan' --title 'Q1 2024/25' --starts 2024-04-01 --deadline 2024-06-05 --report-date 2024-06-18`,
    );
    assert.equal(opened.status, 0, opened.stderr);
    const sro = env.ctx("member");
    await requestDateChange(sro, await loadAction(sro, imported.actionIds.get("1.2") ?? ""), {
      toText: "Dec-24",
      reason: "Waiting for the consultation",
      requestedOn: "2024-06-01",
    });
    const close = `period close ${site} --plan 'Waiting plan' --as-of 2024-06-19`;
    assertOneSentence(
      await actionplan(close),
      "period close",
      /^actionplan period close: 'Q1 2024\/25' cannot close while 1 target date change request waits for a decision \(action 1\.2\); decide it first, or add --even-with-requests-waiting to close it with it waiting\.$/,
    );
    const forced = await actionplan(`${close} --even-with-requests-waiting`);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /^Closed "Q1 2024\/25" on 19 June 2024: 0 of 2 actions complete/);
  });

  test("posts: split one written as two, rename, leave vacant, end a cover; the list names the vacant", async () => {
    await importPlan(env.ctx(), generatedPlan("Split plan", 2, 2, ["CEO/Monitoring Officer"]));
    const split = await actionplan(
      `post split ${site} --post 'CEO/Monitoring Officer' --keep-title CEO --new-title 'Monitoring Officer' --new-holder ${delegate} --move 1.2,2.1 --plan 'Split plan'`,
    );
    assert.equal(split.status, 0, split.stderr);
    assert.match(
      split.stdout,
      /^Kept \d+ {2}CEO: held by .+\nCreated \d+ {2}Monitoring Officer: held by .+, with 2 action\(s\) moved to it\.\n$/,
    );
    const refs = await actionplan(
      `post split ${site} --post CEO --keep-title A --new-title B --move 9.9 --plan 'Split plan'`,
    );
    assertOneSentence(refs, "post split", /"Split plan" has no action 9\.9\./, 2);
    const renamed = await actionplan(`post rename ${site} --post CEO --title 'Chief Executive'`);
    assert.match(renamed.stdout, /^Renamed post \d+ {2}Chief Executive: held by /);
    const vacant = await actionplan(`post hold ${site} --post 'Monitoring Officer' --vacant --json`);
    assert.equal(postJson.parse(JSON.parse(vacant.stdout)).holder, null);
    await actionplan(`post delegate ${site} --post 'Chief Executive' --delegate ${holder} --from 2024-05-20`);
    const ended = await actionplan(`post undelegate ${site} --post 'Chief Executive' --json`);
    assert.equal(postJson.parse(JSON.parse(ended.stdout)).delegate, null);
    const list = await actionplan(`post list ${site}`);
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /^ +\d+ {2}Chief Executive: held by /m);
    assert.match(list.stdout, /\nNobody holds: "Monitoring Officer"\.\n$/);
    const json = z
      .object({ posts: z.array(postJson), vacant: z.array(z.string()), holderLeft: z.array(z.string()) })
      .parse(JSON.parse((await actionplan(`post list ${site} --json`)).stdout));
    assert.deepEqual(json.holderLeft, []);
    assert.deepEqual(
      json.vacant.map((id) => json.posts.find((p) => p.id === id)?.title),
      ["Monitoring Officer"],
    );
  });

  test("--help for every sub-command; the plan command lists them", async () => {
    const overview = await actionplan(`plan --help`);
    assert.equal(overview.status, 0);
    assert.match(overview.stdout, /Usage: actionplan plan <create\|rename\|settings\|archive\|unarchive/);
    const pairs = (
      [
        ["plan", ["create", "rename", "settings", "archive", "unarchive"]],
        ["post", ["list", "create", "rename", "hold", "delegate", "undelegate", "split"]],
        ["period", ["list", "open", "extend", "close", "reopen"]],
      ] as const
    ).flatMap(([command, subs]) => subs.map((sub) => [command, sub] as const));
    // In this process (main() as bin/actionplan.mjs runs it): sixteen processes would take a while.
    const helps: { status: number; stdout: string }[] = [];
    for (const [command, sub] of pairs) {
      const printed: string[] = [];
      const log = vi.spyOn(console, "log").mockImplementation((text: string) => printed.push(text));
      try {
        helps.push({ status: await main([command, sub, "--help"]), stdout: printed.join("\n") });
      } finally {
        log.mockRestore();
      }
    }
    pairs.forEach(([command, sub], i) => {
      assert.equal(helps[i]?.status, 0, `${command} ${sub}`);
      assert.match(helps[i].stdout, new RegExp(`^Usage: actionplan ${command} ${sub} `), `${command} ${sub}`);
    });
    const unknown = await actionplan(`period rewind`);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^actionplan period: no sub-command 'rewind'\./);
  });
});
