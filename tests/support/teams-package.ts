// Teams app packages for the catalog's tests: the app's own manifest template filled for a manifest id and a
// version (as `npm run package` fills it for the sandbox), optionally changed, zipped with the icons.
import { readFileSync } from "node:fs";
import { zipSync } from "fflate";
import {
  APP_PACKAGE_DIR,
  fillManifest,
  readManifestTemplate,
  type Json,
} from "../../src/app-package/manifest.ts";
import { readPackageSettings } from "../../src/app-package/settings.ts";

/** The app's manifest with this id and version (the sandbox's tab and Entra app otherwise). */
export function manifestFor(manifestId: string, version: string): Record<string, Json> {
  const settings = readPackageSettings({ ACTIONPLAN_TEAMS_APP_ID: manifestId });
  const manifest = fillManifest(readManifestTemplate(), settings, version);
  if (manifest === null || typeof manifest !== "object" || Array.isArray(manifest))
    throw new Error("The manifest template is not an object.");
  return manifest;
}

/** A package holding `manifest` and the app's two icons at the zip's root. */
export function zipPackage(manifest: Json): Buffer {
  return Buffer.from(
    zipSync({
      "manifest.json": new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
      "color.png": readFileSync(`${APP_PACKAGE_DIR}/color.png`),
      "outline.png": readFileSync(`${APP_PACKAGE_DIR}/outline.png`),
    }),
  );
}

/** The app's package for this manifest id and version. */
export function teamsAppPackage(manifestId: string, version: string): Buffer {
  return zipPackage(manifestFor(manifestId, version));
}
