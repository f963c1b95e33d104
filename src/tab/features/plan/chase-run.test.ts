// "Chase now" in a tenant takes the reminder cards' links from config.json, and says which are missing
// before it sends anything; against the sandbox its own defaults stand.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { isoDate } from "../../../domain/iso-date.ts";
import type { DataContext } from "../../../sharepoint/core/index.ts";
import type { PlanRecord } from "../../../sharepoint/schema/index.ts";
import { ConfigError, parseTabConfig } from "../../lib/config.ts";
import { RunInProgress } from "../../../notify/reminders/browser.ts";
import { chasePlan, chaseStoppedMessage, notifySettingsOf } from "./chase-run.ts";

const TENANT = {
  siteUrl: "https://northbridge.sharepoint.com/sites/improvement",
  auth: { clientId: "7c9e6679-7425-40de-944b-e07fc1f90ae7" },
};

describe("Chase now's settings", () => {
  test("a tenant's config.json gives the Teams app's ids, the update form and Graph by the notifier's names", () => {
    const config = parseTabConfig({
      ...TENANT,
      teamsAppId: "0f8fad5b-d9cb-469f-a165-70867728950e",
      teamsCatalogAppId: "b8c3e2d1-6f4a-4e9b-a0c7-3d5e8f1a2b4c",
      updateFormUrl: "https://actionplan.northbridge.gov.uk/tab/?view=update",
    });
    assert.deepEqual(notifySettingsOf(config), {
      ACTIONPLAN_TEAMS_APP_ID: "0f8fad5b-d9cb-469f-a165-70867728950e",
      ACTIONPLAN_TEAMS_CATALOG_ID: "b8c3e2d1-6f4a-4e9b-a0c7-3d5e8f1a2b4c",
      ACTIONPLAN_UPDATE_FORM_URL: "https://actionplan.northbridge.gov.uk/tab/?view=update",
      ACTIONPLAN_GRAPH_URL: "https://graph.microsoft.com",
    });
  });

  test("against the sandbox nothing is given, so its own Graph, app and form are used", () => {
    const config = parseTabConfig({
      siteUrl: "http://localhost:4300/sites/improvement",
      clockUrl: "http://localhost:4300/sandbox/clock",
    });
    assert.deepEqual(notifySettingsOf(config), {});
  });

  test("in a tenant without the links, it names what config.json needs and sends nothing", async () => {
    let asked = false;
    const graph = {
      config: parseTabConfig(TENANT),
      getGraphToken: () => {
        asked = true;
        return Promise.resolve("token");
      },
    };
    await assert.rejects(
      chasePlan({} as DataContext, {} as PlanRecord, isoDate("2024-05-24"), graph),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.join("; ") ===
          'config.json needs teamsAppId (the Teams app\'s manifest id) for "Chase now"; config.json needs teamsCatalogAppId (the Teams app\'s App ID in the Teams admin centre → Manage apps) for "Chase now"; config.json needs updateFormUrl (the update form\'s address) for "Chase now"',
    );
    assert.equal(asked, false, "no Graph token was asked for");
  });

  test("in a tenant whose config.json predates the catalog id, it names teamsCatalogAppId alone and sends nothing", async () => {
    const graph = {
      config: parseTabConfig({
        ...TENANT,
        teamsAppId: "0f8fad5b-d9cb-469f-a165-70867728950e",
        updateFormUrl: "https://actionplan.northbridge.gov.uk/tab/?view=update",
      }),
      getGraphToken: () => Promise.reject(new Error("no Graph token should be asked for")),
    };
    await assert.rejects(
      chasePlan({} as DataContext, {} as PlanRecord, isoDate("2024-05-24"), graph),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.join("; ") ===
          'config.json needs teamsCatalogAppId (the Teams app\'s App ID in the Teams admin centre → Manage apps) for "Chase now"',
    );
  });
});

describe("Chase now while another reminder run is sending", () => {
  test("it says who is sending and until when, and that nothing was sent from here", () => {
    const busy = new RunInProgress(
      {
        holder: {
          who: "reminders@northbridge.gov.uk",
          host: "timer-01",
          pid: 812,
          run: "actionplan reminders (every plan)",
        },
        startedAt: "2026-06-14T08:30:00Z",
        expiresAt: "2026-06-14T08:32:00Z",
      },
      30,
    );
    assert.equal(
      chaseStoppedMessage(busy),
      "Reminders are being sent by another run right now: reminders@northbridge.gov.uk on timer-01 (process 812), actionplan reminders (every plan), started 14 Jun 2026, 09:30:00. It holds them until 14 Jun 2026, 09:32:00 unless it finishes first. Nothing was sent from here; try again when it has finished (nobody is reminded twice).",
    );
    assert.equal(chaseStoppedMessage(new Error("other")), null, "anything else is described as usual");
  });
});
