// What publishing a package to the organisation's Teams app catalog should do, given what the catalog already
// holds for its manifest id: create the app, add the new version, change nothing (this version is already
// there: a second deployment must work), or refuse (a lower version, or this version rejected by an admin).
import { compareVersions } from "./version.ts";

/** A version's state in the catalog, as Graph's teamsAppDefinition.publishingState gives it. */
export type PublishingState = "submitted" | "published" | "rejected";

/** One version of an app in the catalog. */
export interface CatalogDefinition {
  version: string;
  publishingState: PublishingState;
}

/** An app in the organisation's catalog: its catalog id (not the manifest id) and its versions. */
export interface CatalogEntry {
  id: string;
  definitions: readonly CatalogDefinition[];
}

export type PublishPlan =
  | { step: "create" }
  /** `current`: the highest version already there, submitted or published (null when it has none). */
  | { step: "update"; catalogId: string; current: string | null }
  | { step: "unchanged"; catalogId: string; publishingState: Exclude<PublishingState, "rejected"> }
  /** The package's version is lower than `catalogVersion`, the highest the catalog holds. */
  | { step: "refuseLower"; catalogId: string; catalogVersion: string }
  /** An administrator rejected this very version: only a higher one can be submitted. */
  | { step: "refuseRejected"; catalogId: string };

/** Decide what to do with a package at `version` when the catalog holds `existing` for its manifest id. */
export function planPublish(version: string, existing: CatalogEntry | null): PublishPlan {
  if (existing === null) return { step: "create" };
  const catalogId = existing.id;
  const same = existing.definitions.find((d) => compareVersions(d.version, version) === 0);
  if (same !== undefined) {
    const state = same.publishingState;
    return state === "rejected"
      ? { step: "refuseRejected", catalogId }
      : { step: "unchanged", catalogId, publishingState: state };
  }
  const highest = existing.definitions
    .filter((d) => d.publishingState !== "rejected")
    .map((d) => d.version)
    .sort(compareVersions)
    .at(-1);
  if (highest !== undefined && compareVersions(version, highest) < 0)
    return { step: "refuseLower", catalogId, catalogVersion: highest };
  return { step: "update", catalogId, current: highest ?? null };
}
