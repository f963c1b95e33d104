// `npm run package`: builds dist/appPackage/action-plan-tracker.zip from the settings (ACTIONPLAN_TEAMS_APP_ID,
// ACTIONPLAN_TAB_URL, ACTIONPLAN_CLIENT_ID, …) and, given ACTIONPLAN_SITE_URL, the tab's config.json. `npm run package -- icons` redraws appPackage/*.png.
// Exits 1 with the reasons when a setting or the manifest is wrong, so a build pipeline stops there.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";
import { z } from "zod";
import { buildAppPackage, PACKAGE_FILE_NAME } from "./build.ts";
import { writeIcons } from "./icons.ts";
import { APP_PACKAGE_DIR } from "./manifest.ts";
import { compareVersions, nextPatch } from "../teams-catalog/version.ts";
import { parseTabConfig } from "../tab/lib/config.ts";
import {
  catalogIdWarning,
  PackageSettingsError,
  readPackageSettings,
  tabConfigFor,
  type PackageSettings,
} from "./settings.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const previousSchema = z.object({ id: z.string(), version: z.string() });

/**
 * Why `version` may not replace the package already at `file` for the same Teams app (Teams keeps the app it
 * has unless the version goes up), or null when it may (a higher version, another app, or no package yet).
 */
export function versionNotHigher(file: string, teamsAppId: string, version: string): string | null {
  if (!existsSync(file)) return null;
  const entry = unzipSync(readFileSync(file))["manifest.json"];
  const previous =
    entry === undefined ? null : previousSchema.safeParse(JSON.parse(new TextDecoder().decode(entry)));
  if (previous?.success !== true || previous.data.id !== teamsAppId) return null;
  if (compareVersions(version, previous.data.version) > 0) return null;
  return `The app package was not written: version ${version} is not higher than ${previous.data.version}, the version of the package already at ${file}, and Teams only updates an app whose version goes up. Set ACTIONPLAN_APP_VERSION to a higher version, such as ${nextPatch(previous.data.version)}.`;
}

/** Run the packager with command-line arguments; resolves to the exit code. */
export async function main(
  args: string[],
  outDir = join(ROOT, "dist", "appPackage"),
  builtTab = join(ROOT, "dist", "tab"),
  siteDir = join(ROOT, "dist", "site"),
): Promise<number> {
  if (args[0] === "icons") {
    writeIcons(APP_PACKAGE_DIR);
    console.log(`Wrote color.png and outline.png to ${APP_PACKAGE_DIR}`);
    return 0;
  }
  let settings;
  try {
    settings = readPackageSettings();
  } catch (error) {
    if (!(error instanceof PackageSettingsError)) throw error;
    console.error(error.message);
    return 1;
  }
  const version =
    settings.version ??
    z.object({ version: z.string() }).parse(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")))
      .version;
  // `npm run package -- site`: only the tab's config.json and dist/site, for a deploy after the package was
  // uploaded (the same version again would be refused as a package).
  if (args[0] === "site") return writeSiteFiles(settings, outDir, builtTab, siteDir, true);
  const file = join(outDir, PACKAGE_FILE_NAME);
  const notHigher = settings.forTenant ? versionNotHigher(file, settings.teamsAppId, version) : null;
  if (notHigher !== null) {
    console.error(notHigher);
    return 1;
  }
  const result = await buildAppPackage(settings, version);
  if (!result.ok) {
    console.error(`The app package was not written:\n${result.problems.map((p) => `  ${p}`).join("\n")}`);
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(file, result.zip);
  console.log(`Wrote ${file} (manifest ${version}, app id ${settings.teamsAppId}, tab ${settings.tabUrl}).`);
  if (!settings.forTenant)
    console.log(
      "This package is for the local sandbox. For a tenant, set ACTIONPLAN_TAB_URL (https), ACTIONPLAN_TEAMS_APP_ID, ACTIONPLAN_CLIENT_ID, ACTIONPLAN_DEVELOPER_NAME, ACTIONPLAN_DEVELOPER_URL, ACTIONPLAN_PRIVACY_URL and ACTIONPLAN_TERMS_URL.",
    );
  console.log("The manifest validates against the Teams schema bundled with @microsoft/app-manifest.");
  return writeSiteFiles(settings, outDir, builtTab, siteDir, false);
}

/** The tab's config.json (given the site) and dist/site; `required`: without the site, that is an error. */
function writeSiteFiles(
  settings: PackageSettings,
  outDir: string,
  builtTab: string,
  siteDir: string,
  required: boolean,
): number {
  const tabConfig = tabConfigFor(settings);
  if (tabConfig === null) {
    const say = required ? console.error : console.log;
    say(
      `Set ACTIONPLAN_SITE_URL to ${required ? "" : "also "}write the tab's config.json for your SharePoint site.`,
    );
    return required ? 1 : 0;
  }
  if (required && !existsSync(join(builtTab, "index.html"))) {
    console.error("The tab is not built: run `npm run build:tab` first, then `npm run package -- site`.");
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  // The tab checks its config.json with this same schema when it starts.
  parseTabConfig(tabConfig);
  const configFile = join(outDir, "config.json");
  writeFileSync(configFile, `${JSON.stringify(tabConfig, null, 2)}\n`);
  console.log(`Wrote ${configFile}: put it beside the tab's index.html (${settings.tabUrl}config.json).`);
  const noCatalogId = catalogIdWarning(settings);
  if (noCatalogId !== null) console.error(noCatalogId);
  writeStaticSite(siteDir, builtTab, settings.tabUrl, configFile);
  return 0;
}

/**
 * The static website to upload as it is (the storage account's $web container, or any HTTPS host): the built
 * tab at the tab address's path, with its config.json beside index.html, so nothing is copied by hand.
 */
function writeStaticSite(site: string, builtTab: string, tabUrl: string, configFile: string): void {
  if (!existsSync(join(builtTab, "index.html"))) {
    console.log(
      "Run `npm run build:tab` first to also get dist/site, the tab with its config.json, ready to upload.",
    );
    return;
  }
  const folder = join(site, ...new URL(tabUrl).pathname.split("/").filter(Boolean));
  rmSync(site, { recursive: true, force: true });
  cpSync(builtTab, folder, { recursive: true });
  cpSync(configFile, join(folder, "config.json"));
  console.log(
    `Wrote ${site}: the tab and its config.json, to upload to the root of ${new URL(tabUrl).origin} (it serves ${tabUrl}).`,
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
