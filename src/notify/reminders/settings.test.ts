// The reminders' settings: against a tenant the app's catalog id must be given (card buttons open the app by
// it), and a missing one is named with where to find it; against the sandbox it is the sandbox catalog's.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import {
  cardLinksOf,
  readCatalogCheckSettings,
  readNotifySettings,
  SANDBOX_TEAMS_APP_ID,
  SANDBOX_TEAMS_CATALOG_ID,
  SettingsError,
} from "./settings.ts";

const SITE = "https://northbridge.sharepoint.com/sites/improvement";
const TENANT = {
  ACTIONPLAN_TEAMS_APP_ID: "4f1c2b7e-9d3a-4e6b-8c5d-2a1f0e9b7c6d",
  ACTIONPLAN_TEAMS_CATALOG_ID: "b8c3e2d1-6f4a-4e9b-a0c7-3d5e8f1a2b4c",
  ACTIONPLAN_UPDATE_FORM_URL: "https://actionplan.northbridge.gov.uk/tab/?view=update",
};

describe("the app's catalog id in the reminders' settings", () => {
  test("a tenant's settings without it are refused, naming it, what it is and where to find it", () => {
    const { ACTIONPLAN_TEAMS_CATALOG_ID: _removed, ...without } = TENANT;
    assert.throws(
      () => readNotifySettings(SITE, false, without),
      (error: unknown) =>
        error instanceof SettingsError &&
        error.message ===
          "reminders need these settings:\n  ACTIONPLAN_TEAMS_CATALOG_ID: the Teams app's id in the organisation's catalog (Teams admin centre → Manage apps → the app → App ID; `actionplan deploy`, `actionplan teams-app publish` and `actionplan doctor` print it)",
    );
    // Blank, as a Function App setting not yet filled in is, counts as missing.
    assert.throws(
      () => readNotifySettings(SITE, false, { ...TENANT, ACTIONPLAN_TEAMS_CATALOG_ID: "" }),
      /ACTIONPLAN_TEAMS_CATALOG_ID: the Teams app's id in the organisation's catalog/,
    );
  });

  test("a tenant's card links open the app by its catalog id, keeping the manifest id for the catalog look-up", () => {
    const links = cardLinksOf(readNotifySettings(SITE, false, TENANT));
    assert.equal(links.catalogAppId, TENANT.ACTIONPLAN_TEAMS_CATALOG_ID);
    assert.equal(links.manifestAppId, TENANT.ACTIONPLAN_TEAMS_APP_ID);
  });

  test("against the sandbox it is the sandbox catalog's id, not the manifest id", () => {
    const links = cardLinksOf(readNotifySettings("http://localhost:4300/sites/improvement", true, {}));
    assert.equal(links.catalogAppId, SANDBOX_TEAMS_CATALOG_ID);
    assert.equal(links.manifestAppId, SANDBOX_TEAMS_APP_ID);
    assert.notEqual(SANDBOX_TEAMS_CATALOG_ID, SANDBOX_TEAMS_APP_ID);
  });

  test("doctor's reading lets it be missing, since doctor is what finds it", () => {
    const { ACTIONPLAN_TEAMS_CATALOG_ID: _removed, ...without } = TENANT;
    const settings = readCatalogCheckSettings(SITE, false, without);
    assert.equal(settings.ACTIONPLAN_TEAMS_CATALOG_ID, undefined);
    assert.equal(settings.ACTIONPLAN_TEAMS_APP_ID, TENANT.ACTIONPLAN_TEAMS_APP_ID);
    assert.throws(
      () => readCatalogCheckSettings(SITE, false, { ...TENANT, ACTIONPLAN_TEAMS_APP_ID: "" }),
      /ACTIONPLAN_TEAMS_APP_ID/,
    );
  });
});
