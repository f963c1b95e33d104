import assert from "node:assert/strict";
import { test } from "vitest";
import {
  claimKept,
  forgetKept,
  KEPT_MAX_AGE_MS,
  KEPT_MAX_CHARS,
  KEPT_PREFIX,
  keepFor,
  type KeptShape,
  type KeptStorage,
} from "./kept-data.ts";

// localStorage's behaviour in memory: keys in insertion order, values strings.
function memoryStorage(): KeptStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get length() {
      return entries.size;
    },
    key: (i) => [...entries.keys()][i] ?? null,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => {
      entries.set(key, value);
    },
    removeItem: (key) => {
      entries.delete(key);
    },
  };
}

interface List {
  items: string[];
}
const LIST: KeptShape<List> = {
  version: 1,
  accept: (value): value is List =>
    typeof value === "object" && value !== null && Array.isArray((value as { items?: unknown }).items),
};
const SITE = "https://contoso.sharepoint.com/sites/plans";
const DAY = 24 * 60 * 60 * 1000;

test("a person's kept data is read back on their next visit, and never by another person", () => {
  const storage = memoryStorage();
  const ann = keepFor({ storage, person: "ann", site: SITE }, "my-actions", LIST);
  ann?.write({ items: ["1.1", "2.3"] });
  assert.deepEqual(keepFor({ storage, person: "ann", site: SITE }, "my-actions", LIST)?.read(), {
    items: ["1.1", "2.3"],
  });
  // Another person on the same browser sees nothing of Ann's, and Ann's data is gone.
  assert.equal(keepFor({ storage, person: "bob", site: SITE }, "my-actions", LIST)?.read(), null);
  assert.equal(keepFor({ storage, person: "ann", site: SITE }, "my-actions", LIST)?.read(), null);
});

test("kept data is per site and per view", () => {
  const storage = memoryStorage();
  keepFor({ storage, person: "ann", site: SITE }, "dashboard:1", LIST)?.write({ items: ["a"] });
  assert.equal(keepFor({ storage, person: "ann", site: `${SITE}-2` }, "dashboard:1", LIST)?.read(), null);
  assert.equal(keepFor({ storage, person: "ann", site: SITE }, "dashboard:2", LIST)?.read(), null);
  assert.deepEqual(keepFor({ storage, person: "ann", site: SITE }, "dashboard:1", LIST)?.read(), {
    items: ["a"],
  });
});

test("a change of person clears everything the app kept, and only that", () => {
  const storage = memoryStorage();
  storage.setItem("someone-else's", "x");
  keepFor({ storage, person: "ann", site: SITE }, "a", LIST)?.write({ items: [] });
  keepFor({ storage, person: "ann", site: SITE }, "b", LIST)?.write({ items: [] });
  assert.equal([...storage.entries.keys()].filter((k) => k.startsWith(KEPT_PREFIX)).length, 3);
  assert.equal(claimKept(storage, "bob"), true);
  assert.deepEqual(
    [...storage.entries.keys()].filter((k) => k.startsWith(KEPT_PREFIX)),
    [`${KEPT_PREFIX}owner`],
  );
  assert.equal(storage.getItem("someone-else's"), "x");
  forgetKept(storage);
  assert.deepEqual([...storage.entries.keys()], ["someone-else's"]);
});

test("kept data older than 14 days is dropped, not shown", () => {
  const storage = memoryStorage();
  let now = 1_800_000_000_000;
  const clock = () => now;
  keepFor({ storage, person: "ann", site: SITE }, "a", LIST, clock)?.write({ items: ["old"] });
  now += KEPT_MAX_AGE_MS - DAY;
  assert.deepEqual(keepFor({ storage, person: "ann", site: SITE }, "a", LIST, clock)?.read(), {
    items: ["old"],
  });
  now += 2 * DAY;
  assert.equal(keepFor({ storage, person: "ann", site: SITE }, "a", LIST, clock)?.read(), null);
  assert.equal(storage.length, 1, "the expired entry is removed (the owner stays)");
});

test("expired entries are swept when a page load first claims the storage", () => {
  const storage = memoryStorage();
  const then = 1_800_000_000_000;
  keepFor({ storage, person: "ann", site: SITE }, "a", LIST, () => then)?.write({ items: [] });
  // The sweep runs once a page load per storage: a new storage object stands for the next load.
  const next = memoryStorage();
  for (const [k, v] of storage.entries) next.setItem(k, v);
  assert.equal(claimKept(next, "ann", then + KEPT_MAX_AGE_MS + DAY), true);
  assert.deepEqual([...next.entries.keys()], [`${KEPT_PREFIX}owner`]);
});

test("data above the size cap is not kept, and replaces no older entry", () => {
  const storage = memoryStorage();
  const keep = keepFor({ storage, person: "ann", site: SITE }, "a", LIST);
  keep?.write({ items: ["small"] });
  keep?.write({ items: ["x".repeat(KEPT_MAX_CHARS)] });
  assert.equal(keep?.read(), null);
  assert.equal(storage.length, 1, "only the owner is left");
});

test("a shape change drops kept data instead of showing it; so does data that fails the check", () => {
  const storage = memoryStorage();
  keepFor({ storage, person: "ann", site: SITE }, "a", LIST)?.write({ items: ["1"] });
  assert.equal(keepFor({ storage, person: "ann", site: SITE }, "a", { ...LIST, version: 2 })?.read(), null);
  keepFor({ storage, person: "ann", site: SITE }, "a", LIST)?.write({ items: ["1"] });
  const key = [...storage.entries.keys()].find((k) => !k.endsWith("owner"))!;
  // Same version, wrong shape (written by a build that had a bug, or edited by hand): dropped.
  const entry = JSON.parse(storage.getItem(key)!) as { data: unknown };
  storage.setItem(key, JSON.stringify({ ...entry, data: { rows: [] } }));
  assert.equal(keepFor({ storage, person: "ann", site: SITE }, "a", LIST)?.read(), null);
  assert.equal(storage.getItem(key), null);
  storage.setItem(key, "{not json");
  assert.equal(keepFor({ storage, person: "ann", site: SITE }, "a", LIST)?.read(), null);
  storage.setItem(key, JSON.stringify({ items: ["an entry of another format"] }));
  assert.equal(keepFor({ storage, person: "ann", site: SITE }, "a", LIST)?.read(), null);
});

test("no person or no storage: nothing kept; storage that throws is not used", () => {
  assert.equal(keepFor({ storage: memoryStorage(), person: null, site: SITE }, "a", LIST), null);
  assert.equal(keepFor({ storage: null, person: "ann", site: SITE }, "a", LIST), null);
  const refusing = memoryStorage();
  refusing.setItem = () => {
    throw new Error("QuotaExceededError");
  };
  const keep = keepFor({ storage: refusing, person: "ann", site: SITE }, "a", LIST);
  assert.doesNotThrow(() => keep?.write({ items: [] }));
  assert.equal(keep?.read(), null);
});
