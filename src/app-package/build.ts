// Builds the Teams app package a council uploads: the manifest filled from the settings and validated
// offline against the official schema, and the two icons, zipped flat (Teams wants the three files at the
// zip's root). fflate writes the zip.
import { readFileSync } from "node:fs";
import { zipSync } from "fflate";
import { colourIconProblems, outlineIconProblems } from "./icon-checks.ts";
import { APP_PACKAGE_DIR, fillManifest, readManifestTemplate, type Json } from "./manifest.ts";
import type { PackageSettings } from "./settings.ts";
import { validateManifest } from "./validate.ts";

/** The package's file name, under dist/appPackage/. */
export const PACKAGE_FILE_NAME = "action-plan-tracker.zip";

/** The built package, or what stops it from being built. */
export type PackageResult =
  { ok: true; manifest: Json; zip: Uint8Array } | { ok: false; manifest: Json; problems: string[] };

/** Fill, validate and zip the package from the template and icons in `dir`. */
export async function buildAppPackage(
  settings: PackageSettings,
  version: string,
  dir: string = APP_PACKAGE_DIR,
): Promise<PackageResult> {
  const manifest = fillManifest(readManifestTemplate(dir), settings, version);
  const colour = readFileSync(`${dir}/color.png`);
  const outline = readFileSync(`${dir}/outline.png`);
  const problems = [
    ...(await validateManifest(manifest)).map((error) => `manifest.json: ${error}`),
    ...colourIconProblems(colour),
    ...outlineIconProblems(outline),
  ];
  if (problems.length > 0) return { ok: false, manifest, problems };
  // A fixed date keeps the zip the same for the same inputs (zip dates cannot be before 1980).
  const mtime = new Date("2024-01-01T00:00:00Z");
  const zip = zipSync(
    {
      "manifest.json": [new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }],
      "color.png": [colour, { mtime }],
      "outline.png": [outline, { mtime }],
    },
    { level: 9 },
  );
  return { ok: true, manifest, zip };
}
