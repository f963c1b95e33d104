// Validates a manifest against the official Teams JSON schema that @microsoft/app-manifest bundles, offline.
// The package's own validateAgainstSchema would download the schema when it cannot find it locally, so we
// load the bundled file for the manifest's version ourselves and hand it over: no network, ever, and a
// version the package does not bundle is an error instead of a download. (@microsoft/app-manifest 1.1.2
// requires fs-extra at run time without declaring it, hence fs-extra among our own dependencies.)
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { AppManifest, AppManifestUtils } from "@microsoft/app-manifest";
import type { Json } from "./manifest.ts";

/** The schema type the package validates with (its own ajv's, which is not the one at our top level). */
type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** The folder of the Teams manifest schemas inside @microsoft/app-manifest. */
export function bundledSchemaDir(): string {
  const packageJson = createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json");
  return join(dirname(packageJson), "build", "json-schemas", "teams");
}

/** The official schema for a manifest version, read from the package (throws when it is not bundled). */
export function bundledSchema(manifestVersion: string): ManifestSchema {
  const file = join(bundledSchemaDir(), `v${manifestVersion}`, "MicrosoftTeams.schema.json");
  if (!existsSync(file)) {
    throw new Error(`@microsoft/app-manifest bundles no schema for manifest version ${manifestVersion}.`);
  }
  // The schema files hold \a and \v escapes, which JSON does not allow; the package rewrites them the same way.
  const text = readFileSync(file, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b");
  return JSON.parse(text) as ManifestSchema;
}

/** Every schema error of the manifest, as "path message" lines; empty when it is valid. */
export async function validateManifest(manifest: Json): Promise<string[]> {
  const version =
    manifest !== null && typeof manifest === "object" && !Array.isArray(manifest)
      ? manifest.manifestVersion
      : undefined;
  if (typeof version !== "string") return ["/manifestVersion is missing"];
  // Not through the package's TeamsManifestConverter: it stops at the first odd value with a message that
  // names a type, not the rule broken, while the schema reports every error. The schema is what decides
  // whether this JSON is a manifest, so the static type is only asserted for the call.
  // Loaded here, not at the top: every `actionplan` command imports this module (through deploy), and the
  // package (with its ajv and generated types) is a good part of the CLI's start-up otherwise.
  const { AppManifestUtils: utils } = await import("@microsoft/app-manifest");
  return utils.validateAgainstSchema(manifest as unknown as AppManifest, bundledSchema(version));
}
