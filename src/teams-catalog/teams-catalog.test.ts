import assert from "node:assert/strict";
import { strToU8, zipSync } from "fflate";
import { describe, test } from "vitest";
import { readPackageIdentity } from "./package.ts";
import { planPublish, type CatalogEntry } from "./plan.ts";
import { compareVersions, nextPatch } from "./version.ts";

const CATALOG_ID = "8f0c1a52-7a4e-4f3b-9d61-2b7f3c9e1a01";
const entry = (...definitions: CatalogEntry["definitions"]): CatalogEntry => ({
  id: CATALOG_ID,
  definitions,
});
const zipOf = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

describe("what publishing a package does to the catalog", () => {
  test("an app the catalog does not hold is created", () => {
    assert.deepEqual(planPublish("1.0.0", null), { step: "create" });
  });

  test("a higher version is added to the app already there, naming the version it replaces", () => {
    const plan = planPublish("1.10.0", entry({ version: "1.9.3", publishingState: "published" }));
    assert.deepEqual(plan, { step: "update", catalogId: CATALOG_ID, current: "1.9.3" });
  });

  test("the same version again changes nothing, whether published or waiting for approval", () => {
    assert.deepEqual(planPublish("1.2.0", entry({ version: "1.2.0", publishingState: "published" })), {
      step: "unchanged",
      catalogId: CATALOG_ID,
      publishingState: "published",
    });
    assert.deepEqual(
      planPublish(
        "1.3.0",
        entry(
          { version: "1.2.0", publishingState: "published" },
          { version: "1.3.0", publishingState: "submitted" },
        ),
      ),
      { step: "unchanged", catalogId: CATALOG_ID, publishingState: "submitted" },
    );
  });

  test("a lower version is refused, naming the highest version the catalog holds", () => {
    const plan = planPublish(
      "1.1.0",
      entry(
        { version: "1.0.0", publishingState: "published" },
        { version: "1.2.0", publishingState: "submitted" },
      ),
    );
    assert.deepEqual(plan, { step: "refuseLower", catalogId: CATALOG_ID, catalogVersion: "1.2.0" });
  });

  test("a version an administrator rejected is refused; a rejected higher one does not block a lower one", () => {
    const rejected = entry(
      { version: "1.0.0", publishingState: "published" },
      { version: "2.0.0", publishingState: "rejected" },
    );
    assert.deepEqual(planPublish("2.0.0", rejected), { step: "refuseRejected", catalogId: CATALOG_ID });
    assert.deepEqual(planPublish("1.1.0", rejected), {
      step: "update",
      catalogId: CATALOG_ID,
      current: "1.0.0",
    });
  });
});

describe("versions", () => {
  test("compare part by part as numbers, and the next patch is suggested", () => {
    assert.ok(compareVersions("1.10.0", "1.9.3") > 0);
    assert.ok(compareVersions("0.9.9", "1.0.0") < 0);
    assert.equal(compareVersions("2.0.0", "2.0.0"), 0);
    assert.equal(nextPatch("1.2.9"), "1.2.10");
  });
});

describe("reading a package's manifest id and version", () => {
  test("from manifest.json at the zip's root", () => {
    const bytes = zipOf({
      "manifest.json": JSON.stringify({ id: "5c0f3dd7", version: "1.4.0", name: { short: "Tracker" } }),
      "color.png": "",
    });
    assert.deepEqual(readPackageIdentity(bytes), {
      ok: true,
      identity: { manifestId: "5c0f3dd7", version: "1.4.0", name: "Tracker" },
    });
  });

  test("a file that is not a package says what is wrong with it", () => {
    const problem = (bytes: Uint8Array) => {
      const read = readPackageIdentity(bytes);
      return read.ok ? "" : read.problem;
    };
    assert.equal(problem(strToU8("not a zip")), "is not a zip file");
    assert.equal(problem(zipOf({ "app/manifest.json": "{}" })), "has no manifest.json at its root");
    assert.equal(problem(zipOf({ "manifest.json": "{ id:" })), "has a manifest.json that is not JSON");
    assert.equal(
      problem(zipOf({ "manifest.json": JSON.stringify({ id: "x", version: "1.0" }) })),
      "has a manifest.json without an id, or without a version written as x.y.z",
    );
  });
});
