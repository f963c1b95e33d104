// `npm run package`: builds dist/appPackage/action-plan-tracker.zip from the settings (ACTIONPLAN_TEAMS_APP_ID,
// ACTIONPLAN_TAB_URL, ACTIONPLAN_CLIENT_ID, …) and, given ACTIONPLAN_SITE_URL, the tab's config.json. `npm run package -- icons` redraws appPackage/*.png.
// Exits 1 with the reasons when a setting or the manifest is wrong, so a build pipeline stops there.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { buildAppPackage, PACKAGE_FILE_NAME } from "./build.ts";
import { writeIcons } from "./icons.ts";
import { APP_PACKAGE_DIR } from "./manifest.ts";
import { parseTabConfig } from "../tab/lib/config.ts";
import { PackageSettingsError, readPackageSettings, tabConfigFor } from "./settings.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Run the packager with command-line arguments; resolves to the exit code. */
export async function main(args: string[], outDir = join(ROOT, "dist", "appPackage")): Promise<number> {
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
  const { version } = z
    .object({ version: z.string() })
    .parse(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")));
  const result = await buildAppPackage(settings, version);
  if (!result.ok) {
    console.error(`The app package was not written:\n${result.problems.map((p) => `  ${p}`).join("\n")}`);
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, PACKAGE_FILE_NAME);
  writeFileSync(file, result.zip);
  console.log(`Wrote ${file} (manifest ${version}, app id ${settings.teamsAppId}, tab ${settings.tabUrl}).`);
  console.log("The manifest validates against the Teams schema bundled with @microsoft/app-manifest.");
  const tabConfig = tabConfigFor(settings);
  if (tabConfig === null) {
    console.log("Set ACTIONPLAN_SITE_URL to also write the tab's config.json for your SharePoint site.");
    return 0;
  }
  // The tab checks its config.json with this same schema when it starts.
  parseTabConfig(tabConfig);
  const configFile = join(outDir, "config.json");
  writeFileSync(configFile, `${JSON.stringify(tabConfig, null, 2)}\n`);
  console.log(`Wrote ${configFile}: put it beside the tab's index.html (${settings.tabUrl}config.json).`);
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
