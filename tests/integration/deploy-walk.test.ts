// The README's "Deploy to your tenant" steps, walked against the sandbox standing in for the tenant: package
// with a council's settings, host the tab from a static folder with its config.json, run the daily job's
// handler on a working day and a bank holiday, and check the set-up with `doctor`. Then, with each setting
// removed in turn, `package`, `doctor` or the daily job stops and names it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InvocationContext, Timer } from "@azure/functions";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { runDailyReminders } from "../../src/functions/daily-reminders.ts";
import { dailyRemindersTimer } from "../../src/functions/timer.ts";
import { parseTabConfig } from "../../src/tab/lib/config.ts";
import { actionplanHere as actionplan } from "../support/actionplan-cli.ts";
import { packageWith, withSettings } from "../support/package-run.ts";
import { serveFolder } from "../support/static-site.ts";
import { cardsFrom, demoDailyJob, openDemo, recipientsOf, SENDER } from "./reminders-support.ts";

const COUNCIL = {
  ACTIONPLAN_TEAMS_APP_ID: "4f1c2b7e-9d3a-4e6b-8c5d-2a1f0e9b7c6d",
  ACTIONPLAN_CLIENT_ID: "0b7f4e8a-3c6d-4e2f-9a1b-5d8c7e6f4a3b",
  ACTIONPLAN_DEVELOPER_NAME: "Northbridge Council",
  ACTIONPLAN_DEVELOPER_URL: "https://www.northbridge.gov.uk/",
  ACTIONPLAN_PRIVACY_URL: "https://www.northbridge.gov.uk/privacy/action-plan-tracker",
  ACTIONPLAN_TERMS_URL: "https://www.northbridge.gov.uk/acceptable-use",
  ACTIONPLAN_APP_VERSION: "1.0.0",
};
/** The app's id in the council's catalog (Teams admin centre's App ID), known once it is published. */
const CATALOG_ID = "b8c3e2d1-6f4a-4e9b-a0c7-3d5e8f1a2b4c";

/** The built tab: `npm test` builds it first; run alone, this builds it into a temporary folder. */
function builtTab(): string {
  const built = new URL("../../dist/tab", import.meta.url).pathname;
  if (existsSync(join(built, "index.html"))) return built;
  const out = mkdtempSync(join(tmpdir(), "tab-build-"));
  const run = spawnSync(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn", "--outDir", out],
    {
      encoding: "utf8",
    },
  );
  assert.equal(run.status, 0, run.stderr);
  return out;
}

describe("deploying to a tenant, walked against the sandbox", () => {
  let demo: Awaited<ReturnType<typeof openDemo>>;
  let host: Awaited<ReturnType<typeof serveFolder>>;
  const folder = mkdtempSync(join(tmpdir(), "deploy-walk-"));
  // `npm run package` writes the static website beside the package: <out>/site.
  const site = join(folder, "appPackage", "site");
  beforeAll(async () => {
    demo = await openDemo();
    host = await serveFolder(site);
  });
  afterAll(async () => {
    await host.close();
    await demo.close();
  });

  test("1-3: the package and the tab, hosted as a static folder with its config.json", async () => {
    const tabUrl = `${host.url}/tab/`;
    const run = await packageWith(
      {
        ...COUNCIL,
        ACTIONPLAN_TAB_URL: tabUrl,
        ACTIONPLAN_SITE_URL: demo.target.siteUrl,
        ACTIONPLAN_TEAMS_CATALOG_ID: CATALOG_ID,
      },
      join(folder, "appPackage"),
      builtTab(),
    );
    assert.equal(run.code, 0, run.said);
    const zip = unzipSync(readFileSync(join(folder, "appPackage", "action-plan-tracker.zip")));
    const manifest = z
      .object({
        id: z.string(),
        version: z.string(),
        developer: z.object({ name: z.string() }),
        webApplicationInfo: z.object({ id: z.string(), resource: z.string() }),
      })
      .parse(JSON.parse(new TextDecoder().decode(zip["manifest.json"])));
    assert.equal(manifest.id, COUNCIL.ACTIONPLAN_TEAMS_APP_ID);
    assert.equal(manifest.version, "1.0.0");
    assert.equal(manifest.developer.name, "Northbridge Council");
    assert.equal(manifest.webApplicationInfo.id, COUNCIL.ACTIONPLAN_CLIENT_ID);
    const page = await fetch(tabUrl);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="root">|<script/);
    const config = parseTabConfig(await (await fetch(`${tabUrl}config.json`)).json());
    assert.equal(config.siteUrl, demo.target.siteUrl);
    assert.equal(config.auth?.clientId, COUNCIL.ACTIONPLAN_CLIENT_ID);
    assert.equal(config.teamsCatalogAppId, CATALOG_ID, "Chase now's cards open the app by its catalog id");
  });

  test("4: the daily job sends each reminder once on a working day, and nothing on a bank holiday", async () => {
    const origin = demo.target.sandbox.url;
    const job = (today: string) => demoDailyJob(demo, today);
    assert.equal((await runDailyReminders(job("2024-05-27"))).sent, 0, "Spring bank holiday");
    const friday = await runDailyReminders(job("2024-05-24"));
    assert.ok(friday.sent > 0);
    assert.equal(
      (await runDailyReminders(job("2024-05-24"))).sent,
      0,
      "the timer firing again sends nothing",
    );
    for (const upn of recipientsOf(friday)) assert.equal((await cardsFrom(origin, upn)).length, 1, upn);
  });

  test("5: doctor passes", async () => {
    const run = await withSettings({}, () =>
      actionplan(`doctor --site ${demo.target.siteUrl} --as ${SENDER} --tab-url ${host.url}/tab/`),
    );
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /Every check passed\./);
  });

  const TENANT_TAB = "https://actionplan.northbridge.gov.uk/tab/";
  test.each(Object.keys(COUNCIL).filter((n) => n !== "ACTIONPLAN_APP_VERSION"))(
    "without %s, package stops and names it",
    async (name) => {
      const env = Object.fromEntries(
        Object.entries({ ...COUNCIL, ACTIONPLAN_TAB_URL: TENANT_TAB }).filter(([k]) => k !== name),
      );
      const out = join(folder, `without-${name}`);
      const run = await packageWith(env, out);
      assert.equal(run.code, 1);
      assert.match(run.said, new RegExp(`${name}: not set`));
      assert.equal(existsSync(join(out, "action-plan-tracker.zip")), false, "nothing is written");
    },
  );

  const DOCTOR_TENANT = {
    ACTIONPLAN_TAB_URL: TENANT_TAB,
    ACTIONPLAN_TEAMS_APP_ID: COUNCIL.ACTIONPLAN_TEAMS_APP_ID,
    ACTIONPLAN_TEAMS_CATALOG_ID: CATALOG_ID,
    ACTIONPLAN_UPDATE_FORM_URL: `${TENANT_TAB}?view=update`,
    ACTIONPLAN_TENANT_ID: "northbridge.onmicrosoft.com",
    ACTIONPLAN_CLIENT_ID: COUNCIL.ACTIONPLAN_CLIENT_ID,
  };
  test.each(Object.keys(DOCTOR_TENANT))("without %s, doctor stops and names it", async (name) => {
    const env = Object.fromEntries(Object.entries(DOCTOR_TENANT).filter(([k]) => k !== name));
    const run = await withSettings(env, () =>
      actionplan("doctor --site https://northbridge.sharepoint.com/sites/improvement"),
    );
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, new RegExp(name));
  });

  const JOB_TENANT = {
    ACTIONPLAN_SITE_URL: "https://northbridge.sharepoint.com/sites/improvement",
    ACTIONPLAN_TENANT_ID: "northbridge.onmicrosoft.com",
    ACTIONPLAN_CLIENT_ID: COUNCIL.ACTIONPLAN_CLIENT_ID,
    ACTIONPLAN_CERT_PEM:
      "-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\ny\n-----END CERTIFICATE-----\n",
    ACTIONPLAN_CHANNEL: "chat",
    ACTIONPLAN_SENDER_UPN: "actionplan.reminders@northbridge.gov.uk",
    ACTIONPLAN_KEY_VAULT_URL: "https://kv-actionplannbc.vault.azure.net/",
    ACTIONPLAN_SENDER_CACHE_SECRET: "actionplan-sender-cache",
    ACTIONPLAN_TEAMS_APP_ID: COUNCIL.ACTIONPLAN_TEAMS_APP_ID,
    ACTIONPLAN_TEAMS_CATALOG_ID: CATALOG_ID,
    ACTIONPLAN_UPDATE_FORM_URL: `${TENANT_TAB}?view=update`,
  };
  test.each(Object.keys(JOB_TENANT))(
    "without %s, the daily job stops before it reads anything and names it",
    async (name) => {
      const env = Object.fromEntries(Object.entries(JOB_TENANT).filter(([k]) => k !== name));
      const context = { log: () => undefined } as unknown as InvocationContext;
      await assert.rejects(dailyRemindersTimer({} as Timer, context, env), new RegExp(`${name}: `));
    },
  );
});
