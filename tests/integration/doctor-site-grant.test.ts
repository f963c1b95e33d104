// `actionplan doctor`'s check of the app's Sites.Selected grant, against the sandbox's demo site with the
// daily job's app holding only Sites.Selected: without a grant SharePoint refuses it the site and the finding
// gives the Graph calls that grant it; an administrator following them literally (as printed, with the ids
// each call returns) leaves a `write` grant that doctor still finds too small to mark SROs' updates applied,
// and then a `manage` grant that passes.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { checkLists } from "../../src/cli/doctor/checks.ts";
import { checkSiteGrant, type GrantTarget } from "../../src/cli/doctor/site-grant.ts";
import { GRAPH_AUDIENCE } from "../../src/sandbox/auth.ts";
import { createSharePoint, dataContext } from "../../src/sharepoint/core/index.ts";
import { actionplanHere as actionplan } from "../support/actionplan-cli.ts";
import { sandboxToken } from "../support/sandbox-token.ts";
import { openDemo, SENDER } from "./reminders-support.ts";

/** The daily job's app, and the administrator's (Graph Explorer's) app that grants it the site. */
const JOB_APP = "0f6c1a4e-5d7b-4c2e-9a31-6b8d2e4f7a90";
const ADMIN_APP = "7d2e9b14-3c5a-4f86-b1d0-2e9f6a4c8b37";

/** Run one "VERB URL [with BODY]" call as printed, as an administrator holding Sites.FullControl.All. */
async function asAdministrator(origin: string, call: string): Promise<unknown> {
  const match = /^(GET|POST|PATCH) (\S+)(?: with (\{.*\}))?$/.exec(call.trim());
  assert.ok(match, `a Graph call: ${call}`);
  const [, method = "", url = "", body] = match;
  const token = await sandboxToken(origin, {
    app: ADMIN_APP,
    scope: `${GRAPH_AUDIENCE}/Sites.FullControl.All`,
  });
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body }),
  });
  assert.ok(response.ok, `${call}: HTTP ${String(response.status)} ${await response.clone().text()}`);
  return response.json();
}

const idOf = (value: unknown) => z.object({ id: z.string() }).parse(value).id;
const grantsOf = (value: unknown) =>
  z.object({ value: z.array(z.object({ id: z.string(), roles: z.array(z.string()) })) }).parse(value).value;

describe("doctor: the app's site grant (Sites.Selected)", () => {
  let demo: Awaited<ReturnType<typeof openDemo>>;
  let origin: string;
  let target: GrantTarget;
  const asJobApp = () =>
    createSharePoint({
      siteUrl: demo.target.siteUrl,
      getToken: () => sandboxToken(origin, { app: JOB_APP, scope: `${origin}/Sites.Selected` }),
      attempts: 1,
    });
  beforeAll(async () => {
    demo = await openDemo();
    origin = demo.target.sandbox.url;
    target = { siteUrl: demo.target.siteUrl, graphUrl: demo.target.graphUrl, clientId: JOB_APP };
  });
  afterAll(() => demo.close());

  test("missing, then too small, then enough: each finding's calls, run as printed, fix it", async () => {
    const missing = await checkSiteGrant(asJobApp(), target);
    assert.equal(missing.ok, false);
    assert.match(
      missing.lines[0] ?? "",
      new RegExp(
        `^SharePoint refused the app ${JOB_APP} this site \\(HTTP 403\\), so the daily job cannot run: its Sites\\.Selected grant on the site is missing; a SharePoint Administrator grants it in Graph Explorer \\(which asks for Sites\\.FullControl\\.All\\):$`,
      ),
    );
    const [find, create] = (missing.lines[1] ?? "").split("; ");
    assert.equal(
      find,
      `GET ${demo.target.graphUrl}/v1.0/sites/localhost:/sites/improvement gives the site's id`,
    );
    assert.equal(
      create,
      `POST ${demo.target.graphUrl}/v1.0/sites/<site id>/permissions with {"roles":["write"],"grantedToIdentities":[{"application":{"id":"${JOB_APP}","displayName":"Action Plan Tracker"}}]}`,
    );
    const siteId = idOf(await asAdministrator(origin, find.replace(/ gives the site's id$/, "")));
    const grantId = idOf(await asAdministrator(origin, create.replace("<site id>", siteId)));

    // Granted `write` only, as Learn's example does: the job may write items but not mark others' updates.
    const small = await checkSiteGrant(asJobApp(), target);
    assert.equal(small.ok, false, small.lines.join("\n"));
    assert.equal(
      small.lines[0],
      `the app ${JOB_APP} reaches the site but may not mark the SROs' updates applied ('Progress Updates'): its grant is smaller than \`manage\`; a SharePoint Administrator grants it in Graph Explorer (which asks for Sites.FullControl.All):`,
    );
    const [list, update] = (small.lines[1] ?? "").split("; ");
    assert.equal(list, `GET ${demo.target.graphUrl}/v1.0/sites/${siteId}/permissions lists the app's grant`);
    const grants = grantsOf(await asAdministrator(origin, list.replace(/ lists the app's grant$/, "")));
    assert.deepEqual(grants, [{ id: grantId, roles: ["write"] }]);
    await asAdministrator(origin, (update ?? "").replace("<its id>", grantId));

    const enough = await checkSiteGrant(asJobApp(), target);
    assert.equal(enough.ok, true, enough.lines.join("\n"));
    assert.match(enough.lines[0] ?? "", /may do what the daily job does there \(`manage` or more\)$/);
    assert.equal(enough.warnings, undefined);

    // `manage` does not reach who may write each list (Full Control's): as the app, the lists are not failed
    // for it, but left to a site Owner's run.
    const lists = await checkLists(dataContext(asJobApp()), undefined, true);
    assert.equal(lists.ok, true, lists.lines.join("\n"));
    assert.match(
      lists.lines[0] ?? "",
      /^not checked: signed in as the app, whose `manage` grant does not reach/,
    );
    assert.match(lists.warnings?.[0] ?? "", /^check the lists as a site Owner/);
    assert.equal((await checkLists(dataContext(asJobApp()))).ok, false);
  });

  test("--app checks the grant in the chat channel too, as the daily job signs in whatever the channel", async () => {
    const run = await actionplan(`doctor --site ${demo.target.siteUrl} --as ${SENDER} --app --json`);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const checks = z
      .object({ checks: z.array(z.object({ check: z.string(), ok: z.boolean() })) })
      .parse(JSON.parse(run.stdout)).checks;
    assert.ok(checks.some((c) => c.check === "app's site grant" && c.ok));
    assert.ok(checks.some((c) => c.check === "reminder sender's sign-in"));
  });

  test("the missing finding's PATCH names the role the permissions table gives the app", async () => {
    const other = { ...target, clientId: "a3c1f2d4-0000-4000-8000-000000000001" };
    const missing = await checkSiteGrant(
      createSharePoint({
        siteUrl: demo.target.siteUrl,
        getToken: () => sandboxToken(origin, { app: other.clientId, scope: `${origin}/Sites.Selected` }),
        attempts: 1,
      }),
      other,
    );
    assert.equal(
      missing.lines[2],
      `then PATCH ${demo.target.graphUrl}/v1.0/sites/<site id>/permissions/<the id it returns> with {"roles":["manage"]} (Graph's create has taken only read and write; update takes manage)`,
    );
  });
});
