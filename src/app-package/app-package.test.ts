// The Teams app package: built from the committed template and icons with the settings, validated offline
// against the official schema, and refused with the setting named when a setting is wrong.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { unzipSync } from "fflate";
import {
  DEFAULT_TAB_ENTITY_ID,
  SANDBOX_CLIENT_ID,
  SANDBOX_TEAMS_APP_ID,
  SANDBOX_TEAMS_CATALOG_ID,
} from "../notify/reminders/settings.ts";
import { buildAppPackage, PACKAGE_FILE_NAME } from "./build.ts";
import { packageWith as runPackage } from "../../tests/support/package-run.ts";
import { colourIconProblems, outlineIconProblems } from "./icon-checks.ts";
import { APP_PACKAGE_DIR } from "./manifest.ts";
import { decodePng, pngHeader } from "./png.ts";
import { PackageSettingsError, readPackageSettings } from "./settings.ts";
import { validateManifest } from "./validate.ts";
import { parseTabConfig } from "../tab/lib/config.ts";

const TENANT = {
  ACTIONPLAN_TEAMS_APP_ID: "0F8FAD5B-D9CB-469F-A165-70867728950E",
  ACTIONPLAN_CLIENT_ID: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  ACTIONPLAN_TAB_URL: "https://actionplan.northbridge.gov.uk/tab",
  ACTIONPLAN_DEVELOPER_NAME: "Northbridge Council",
  ACTIONPLAN_DEVELOPER_URL: "https://www.northbridge.gov.uk/",
  ACTIONPLAN_PRIVACY_URL: "https://www.northbridge.gov.uk/privacy/action-plan-tracker",
  ACTIONPLAN_TERMS_URL: "https://www.northbridge.gov.uk/acceptable-use",
};
/** The app's id in the council's catalog, once published: Teams admin centre's App ID. */
const CATALOG_ID = "b8c3e2d1-6f4a-4e9b-a0c7-3d5e8f1a2b4c";

/** The output folders packageWith made, removed when the file's tests are done. */
const outputs: string[] = [];
afterAll(() => {
  for (const dir of outputs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh output folder, removed after the tests. */
function outputFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "app-package-"));
  outputs.push(dir);
  return dir;
}

/** `npm run package` in an output folder (a fresh one unless given) with exactly `env` as the settings. */
function packageWith(env: Record<string, string>, out = outputFolder(), builtTab?: string, args?: string[]) {
  return runPackage(env, out, builtTab, args);
}

async function built(env: NodeJS.ProcessEnv, dir?: string) {
  const result = await buildAppPackage(readPackageSettings(env), "1.2.3", dir);
  if (!result.ok) assert.fail(result.problems.join("\n"));
  return { manifest: result.manifest, files: unzipSync(result.zip) };
}

function settingsError(env: NodeJS.ProcessEnv): string {
  try {
    readPackageSettings(env);
  } catch (error) {
    assert.ok(error instanceof PackageSettingsError);
    return error.message;
  }
  return assert.fail("the settings were accepted");
}

describe("the Teams app package", () => {
  test("holds exactly the manifest and the two icons, at the zip's root", async () => {
    const { files } = await built({});
    assert.deepEqual(Object.keys(files).sort(), ["color.png", "manifest.json", "outline.png"]);
  });

  test("its manifest validates against the bundled official schema and carries the settings", async () => {
    const { files } = await built(TENANT);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    assert.deepEqual(await validateManifest(manifest), []);
    assert.equal(manifest.manifestVersion, "1.30");
    assert.equal(manifest.version, "1.2.3");
    assert.equal(manifest.id, TENANT.ACTIONPLAN_TEAMS_APP_ID.toLowerCase());
    assert.equal(manifest.webApplicationInfo.id, TENANT.ACTIONPLAN_CLIENT_ID);
    assert.equal(
      manifest.webApplicationInfo.resource,
      `api://actionplan.northbridge.gov.uk/${TENANT.ACTIONPLAN_CLIENT_ID}`,
    );
    assert.deepEqual(manifest.validDomains, ["actionplan.northbridge.gov.uk"]);
    assert.equal(manifest.staticTabs[0].entityId, DEFAULT_TAB_ENTITY_ID);
    assert.equal(manifest.staticTabs[0].contentUrl, "https://actionplan.northbridge.gov.uk/tab/");
    assert.equal(
      manifest.configurableTabs[0].configurationUrl,
      "https://actionplan.northbridge.gov.uk/tab/?view=configure",
    );
    assert.doesNotMatch(JSON.stringify(manifest), /\{\{/, "no placeholder is left");
  });

  test("declares the activity type the reminders send, with the parameter they send", async () => {
    const { manifest } = await built({});
    const channels = readFileSync(new URL("../notify/reminders/channels.ts", import.meta.url), "utf8");
    const sent = /activityType: "(\w+)"/.exec(channels)?.[1];
    const parameters = [...channels.matchAll(/\{ name: "(\w+)", value:/g)].map((m) => m[1]);
    assert.equal(sent, "remindersDue");
    const declared = JSON.parse(JSON.stringify(manifest)).activities.activityTypes;
    const type = declared.find((t: { type: string }) => t.type === sent);
    assert.ok(type, `the manifest declares ${sent}`);
    assert.deepEqual(parameters, ["count"]);
    for (const name of parameters) assert.ok(type.templateText.includes(`{${name}}`));
  });

  test("with no settings, it is the sandbox's app at the sandbox's tab", async () => {
    const { manifest } = await built({});
    const json = JSON.parse(JSON.stringify(manifest));
    assert.equal(json.id, SANDBOX_TEAMS_APP_ID);
    assert.equal(json.staticTabs[0].contentUrl, "http://localhost:4300/tab/");
    assert.deepEqual(json.validDomains, ["localhost:4300"]);
  });

  test("a manifest the schema refuses is not packaged, and the error says where", async () => {
    const dir = mkdtempSync(join(tmpdir(), "app-package-"));
    try {
      cpSync(APP_PACKAGE_DIR, dir, { recursive: true });
      const template = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
      template.staticTabs[0].scopes = ["everywhere"];
      writeFileSync(join(dir, "manifest.json"), JSON.stringify(template));
      const result = await buildAppPackage(readPackageSettings({}), "1.0.0", dir);
      assert.ok(!result.ok, "the package was refused");
      assert.match(result.problems.join("\n"), /manifest\.json: \/staticTabs\/0\/scopes\/0/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("icons: 192×192 colour, and 32×32 white on transparent", async () => {
    const { files } = await built({});
    const colour = Buffer.from(files["color.png"]!);
    const outline = Buffer.from(files["outline.png"]!);
    assert.deepEqual([pngHeader(colour).width, pngHeader(colour).height], [192, 192]);
    assert.deepEqual([pngHeader(outline).width, pngHeader(outline).height], [32, 32]);
    const { pixels } = decodePng(outline);
    assert.equal(pixels[3], 0, "the top-left corner is transparent");
    const alphas = new Set<number>();
    for (let at = 3; at < pixels.length; at += 4) alphas.add(pixels[at]!);
    assert.ok(alphas.has(255), "the glyph is opaque somewhere");
    assert.deepEqual(colourIconProblems(colour), []);
    assert.deepEqual(outlineIconProblems(outline), []);
    // The checks can fail: the colour icon is neither 32×32 nor transparent.
    assert.match(outlineIconProblems(colour).join(), /192×192; Teams needs 32×32/);
    assert.match(colourIconProblems(outline).join(), /32×32; Teams needs 192×192/);
  });
});

describe("the package's settings", () => {
  test("a non-GUID app id is named", () => {
    assert.match(
      settingsError({ ...TENANT, ACTIONPLAN_TEAMS_APP_ID: "action-plan" }),
      /ACTIONPLAN_TEAMS_APP_ID: must be a GUID/,
    );
  });

  test("an http tab address for a tenant is refused; http://localhost is the sandbox's", () => {
    const message = settingsError({
      ...TENANT,
      ACTIONPLAN_TAB_URL: "http://actionplan.northbridge.gov.uk/tab/",
    });
    assert.match(message, /ACTIONPLAN_TAB_URL: must use https:\/\//);
    assert.equal(
      readPackageSettings({ ACTIONPLAN_TAB_URL: "http://localhost:5173/tab" }).tabUrl,
      "http://localhost:5173/tab/",
    );
  });

  test("every wrong setting is listed at once, and a tab address with a query is refused", () => {
    const message = settingsError({
      ACTIONPLAN_CLIENT_ID: "x",
      ACTIONPLAN_TAB_URL: "https://actionplan.northbridge.gov.uk/tab/?view=update",
    });
    assert.match(message, /ACTIONPLAN_CLIENT_ID: must be a GUID/);
    assert.match(message, /ACTIONPLAN_TAB_URL: must have no query string/);
  });

  test("the packager writes the zip where it is told, with the sandbox's settings by default", async () => {
    const run = await packageWith({});
    assert.equal(run.code, 0);
    const files = unzipSync(readFileSync(join(run.out, PACKAGE_FILE_NAME)));
    assert.deepEqual(Object.keys(files).sort(), ["color.png", "manifest.json", "outline.png"]);
  });

  test("given the SharePoint site, the packager also writes the tab's config.json for the tenant", async () => {
    const run = await packageWith({
      ...TENANT,
      ACTIONPLAN_SITE_URL: "https://northbridge.sharepoint.com/sites/improvement/",
      ACTIONPLAN_TEAMS_CATALOG_ID: CATALOG_ID,
    });
    assert.equal(run.code, 0);
    const config = parseTabConfig(JSON.parse(readFileSync(join(run.out, "config.json"), "utf8")));
    assert.match(run.said, /Run `npm run build:tab` first to also get dist\/site/);
    assert.doesNotMatch(run.said, /Warning/);
    assert.deepEqual(config, {
      siteUrl: "https://northbridge.sharepoint.com/sites/improvement",
      auth: { clientId: TENANT.ACTIONPLAN_CLIENT_ID },
      teamsAppId: TENANT.ACTIONPLAN_TEAMS_APP_ID.toLowerCase(),
      teamsCatalogAppId: CATALOG_ID,
      updateFormUrl: "https://actionplan.northbridge.gov.uk/tab/?view=update",
      graphUrl: "https://graph.microsoft.com",
    });
  });

  test("before the app is in the catalog, config.json is written without its catalog id, with a warning saying how to add it", async () => {
    const site = "https://northbridge.sharepoint.com/sites/improvement";
    const run = await packageWith({ ...TENANT, ACTIONPLAN_SITE_URL: site });
    assert.equal(run.code, 0, run.said);
    const config = parseTabConfig(JSON.parse(readFileSync(join(run.out, "config.json"), "utf8")));
    assert.equal(config.teamsCatalogAppId, undefined);
    assert.match(
      run.said,
      /config\.json has no teamsCatalogAppId, so "Chase now" in the tab will refuse to send until it has: .*set ACTIONPLAN_TEAMS_CATALOG_ID to the App ID the Teams admin centre shows .*`npm run package -- site` again/,
    );
    // The sandbox's catalog id would leave "Chase now"'s buttons opening nothing in a tenant.
    assert.match(
      settingsError({ ...TENANT, ACTIONPLAN_TEAMS_CATALOG_ID: SANDBOX_TEAMS_CATALOG_ID }),
      /ACTIONPLAN_TEAMS_CATALOG_ID: is the sandbox's value/,
    );
  });

  test("`package -- site` writes the tab with its config.json for a deploy, and no package", async () => {
    const tab = outputFolder();
    writeFileSync(join(tab, "index.html"), "<!doctype html><title>Action Plan Tracker</title>");
    const site = "https://northbridge.sharepoint.com/sites/improvement";
    const out = outputFolder();
    const run = await packageWith({ ...TENANT, ACTIONPLAN_SITE_URL: site }, out, tab, ["site"]);
    assert.equal(run.code, 0, run.said);
    const served = join(
      out,
      "site",
      ...new URL(TENANT.ACTIONPLAN_TAB_URL).pathname.split("/").filter(Boolean),
    );
    assert.ok(existsSync(join(served, "index.html")));
    assert.equal(parseTabConfig(JSON.parse(readFileSync(join(served, "config.json"), "utf8"))).siteUrl, site);
    assert.equal(existsSync(join(out, "action-plan-tracker.zip")), false);
    // Without the site there is no config.json to deploy: that stops it.
    const without = await packageWith({ ...TENANT }, outputFolder(), tab, ["site"]);
    assert.equal(without.code, 1);
    assert.match(without.said, /Set ACTIONPLAN_SITE_URL to write the tab's config\.json/);
  });

  test("a site address that is not https is named", () => {
    assert.match(
      settingsError({ ...TENANT, ACTIONPLAN_SITE_URL: "http://northbridge.sharepoint.com/sites/x" }),
      /ACTIONPLAN_SITE_URL: must be the site's full https:\/\/ address/,
    );
    // The sandbox's site with a tenant's tab would leave the package half-local.
    assert.match(
      settingsError({ ...TENANT, ACTIONPLAN_SITE_URL: "http://localhost:4300/sites/improvement" }),
      /ACTIONPLAN_SITE_URL: is on this machine \(the sandbox's\)/,
    );
  });

  test("npm run package exits 1 and names the setting, writing nothing", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/app-package/main.ts"], {
      encoding: "utf8",
      env: { ...process.env, ...TENANT, ACTIONPLAN_TEAMS_APP_ID: "not-a-guid" },
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /ACTIONPLAN_TEAMS_APP_ID: must be a GUID/);
    assert.equal(run.stdout, "");
  });

  test("for a tenant's tab, the package refuses to fall back to the sandbox's apps, naming each setting", async () => {
    const tabOnly = await packageWith({ ACTIONPLAN_TAB_URL: TENANT.ACTIONPLAN_TAB_URL });
    assert.equal(tabOnly.code, 1);
    const required = [
      "ACTIONPLAN_TEAMS_APP_ID",
      "ACTIONPLAN_CLIENT_ID",
      "ACTIONPLAN_DEVELOPER_NAME",
      "ACTIONPLAN_DEVELOPER_URL",
      "ACTIONPLAN_PRIVACY_URL",
      "ACTIONPLAN_TERMS_URL",
    ] as const;
    for (const name of required) assert.match(tabOnly.said, new RegExp(`${name}: not set`), name);
    assert.equal(existsSync(join(tabOnly.out, PACKAGE_FILE_NAME)), false, "nothing written");
    // Each one removed in turn is named, alone.
    for (const name of required) {
      const { [name]: _removed, ...rest } = TENANT;
      const run = await packageWith(rest);
      assert.equal(run.code, 1, name);
      assert.deepEqual(run.said.match(/ACTIONPLAN_\w+(?=: )/g), [name]);
    }
    const sandboxClient = await packageWith({ ...TENANT, ACTIONPLAN_CLIENT_ID: SANDBOX_CLIENT_ID });
    assert.equal(sandboxClient.code, 1);
    assert.match(sandboxClient.said, /ACTIONPLAN_CLIENT_ID: is the sandbox's value/);
    // With nothing set it is the sandbox's package, and says so.
    const sandbox = await packageWith({});
    assert.equal(sandbox.code, 0);
    assert.match(sandbox.said, /This package is for the local sandbox/);
  });

  test("a tenant's manifest names the council, its version, en-GB, and private and shared channels", async () => {
    const run = await packageWith({ ...TENANT, ACTIONPLAN_APP_VERSION: "1.4.0" });
    assert.equal(run.code, 0, run.said);
    const manifest = JSON.parse(
      new TextDecoder().decode(unzipSync(readFileSync(join(run.out, PACKAGE_FILE_NAME)))["manifest.json"]),
    );
    assert.deepEqual(await validateManifest(manifest), []);
    assert.equal(manifest.developer.name, "Northbridge Council");
    assert.equal(manifest.version, "1.4.0");
    assert.deepEqual(manifest.localizationInfo, { defaultLanguageTag: "en-gb" });
    assert.deepEqual(manifest.supportedChannelTypes, ["sharedChannels", "privateChannels"]);
    assert.doesNotMatch(run.said, /local sandbox/);
  });

  test("a second package for the same app must have a higher version, as Teams only updates then", async () => {
    const first = await packageWith({ ...TENANT, ACTIONPLAN_APP_VERSION: "1.4.0" });
    assert.equal(first.code, 0);
    const same = await packageWith({ ...TENANT, ACTIONPLAN_APP_VERSION: "1.4.0" }, first.out);
    assert.equal(same.code, 1);
    assert.match(
      same.said,
      /version 1\.4\.0 is not higher than 1\.4\.0.*Set ACTIONPLAN_APP_VERSION to a higher version, such as 1\.4\.1\./,
    );
    const lower = await packageWith({ ...TENANT, ACTIONPLAN_APP_VERSION: "1.3.9" }, first.out);
    assert.equal(lower.code, 1);
    const higher = await packageWith({ ...TENANT, ACTIONPLAN_APP_VERSION: "1.10.0" }, first.out);
    assert.equal(higher.code, 0, higher.said);
  });
});
