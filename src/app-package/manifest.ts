// Fills the committed manifest template (appPackage/manifest.json) from the package settings. Placeholders
// ({{NAME}}) are replaced inside the parsed JSON's strings, never in the raw text, so a value can never
// break the JSON; a placeholder left unfilled is an error rather than a manifest Teams would reject later.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { PackageSettings } from "./settings.ts";

/** The folder holding the manifest template and the two icons. */
export const APP_PACKAGE_DIR = fileURLToPath(new URL("../../appPackage/", import.meta.url));

const PLACEHOLDER = /\{\{([A-Z_]+)\}\}/g;

/** A JSON value as JSON.parse returns it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
);

/** What each placeholder of the template stands for. */
export function placeholderValues(settings: PackageSettings, version: string): Record<string, string> {
  return {
    APP_VERSION: version,
    DEVELOPER_NAME: settings.developerName,
    DEVELOPER_URL: settings.developerUrl,
    TEAMS_APP_ID: settings.teamsAppId,
    CLIENT_ID: settings.clientId,
    TAB_URL: settings.tabUrl,
    // validDomains and the SSO resource take the host (with its port), not a URL.
    TAB_DOMAIN: new URL(settings.tabUrl).host,
    TAB_ENTITY_ID: settings.tabEntityId,
    PRIVACY_URL: settings.privacyUrl,
    TERMS_URL: settings.termsUrl,
  };
}

function fill(value: Json, values: Record<string, string>): Json {
  if (typeof value === "string") {
    return value.replace(PLACEHOLDER, (whole, name: string) => {
      const replacement = values[name];
      if (replacement === undefined)
        throw new Error(`The manifest template has an unknown placeholder ${whole}.`);
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, values));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, values)]));
  }
  return value;
}

/** The manifest template, parsed. */
export function readManifestTemplate(dir: string = APP_PACKAGE_DIR): Json {
  return jsonSchema.parse(JSON.parse(readFileSync(`${dir}/manifest.json`, "utf8")));
}

/** The template with every placeholder replaced by its setting. */
export function fillManifest(template: Json, settings: PackageSettings, version: string): Json {
  return fill(template, placeholderValues(settings, version));
}
