// What a person last saw, kept in the browser's localStorage so a return visit shows it at once (marked as
// refreshing) while the fresh data loads (issue 28). Our own small layer rather than TanStack Query with a
// persister: the first screen is already past its 175 KB gzip budget (bench/tab.bench.ts) and the library
// with its persister would add ~13 KB gzip more; this file adds well under 1 KB, and useRemote already
// does the rest (loading, reload, no update after unmount).
//
// Rules: one entry per person, per site and per view, under a versioned key prefix; nothing over ~1 MB kept;
// nothing older than 14 days shown; every entry carries its view's shape version and the build it was kept
// by, so a new build or a shape change drops it instead of showing it; and the storage belongs to one person
// at a time: when someone else signs in on the browser, everything the app kept is cleared first (Teams has
// no sign-out the tab sees, so a change of person is the rule; `forgetKept` is for a sign-out if one comes).
// Storage that is missing, full or refusing (private windows, blocked third-party storage) is simply not used.

/** The part of the Web Storage API used here (localStorage in the browser, a stand-in in tests). */
export type KeptStorage = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** What a view's data must look like to be shown from storage: bump `version` when the shape changes. */
export interface KeptShape<T> {
  version: number;
  /** A check of the parsed value (the same schema as fresh data where there is one); false drops it. */
  accept: (value: unknown) => value is T;
}

/** One view's kept data for one person on one site. */
export interface Keep<T> {
  read: () => T | null;
  write: (data: T) => void;
}

/** Every key of ours starts with this; the version after it changes when the entry format does. */
export const KEPT_PREFIX = "apt.kept.";
const ENTRY_PREFIX = `${KEPT_PREFIX}v1:`;
/** Whose data the storage holds now. */
const OWNER_KEY = `${KEPT_PREFIX}owner`;
/** Entries longer than this (characters of JSON, ~1 MB) are not kept. */
export const KEPT_MAX_CHARS = 1_000_000;
/** Entries older than this are dropped, not shown. */
export const KEPT_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

// The build that kept an entry: the name of the bundle this module is in (content-hashed, so it changes with
// any change to the tab's code). Constant in development and in Node's tests.
const BUILD = import.meta.url.split("/").pop() ?? "";

interface Entry {
  v: string;
  at: number;
  data: unknown;
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry["v"] === "string" && typeof entry["at"] === "number" && "data" in entry;
}

/** The browser's localStorage, or null where it cannot be reached. */
export function browserStorage(): KeptStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function ourKeys(storage: KeptStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(KEPT_PREFIX) === true) keys.push(key);
  }
  return keys;
}

/** Remove everything the app kept, for every person (a sign-out, or another person signing in). */
export function forgetKept(storage: KeptStorage | null): void {
  if (storage === null) return;
  try {
    for (const key of ourKeys(storage)) storage.removeItem(key);
  } catch {
    // Storage that refuses is storage we do not use.
  }
}

// Entries past their age, read once per person per page load rather than on every read.
function dropExpired(storage: KeptStorage, now: number): void {
  for (const key of ourKeys(storage)) {
    if (!key.startsWith(ENTRY_PREFIX)) continue;
    const at = /"at":(\d+)/.exec(storage.getItem(key) ?? "")?.[1];
    if (at === undefined || now - Number(at) > KEPT_MAX_AGE_MS) storage.removeItem(key);
  }
}

const swept = new WeakSet<KeptStorage>();

/**
 * Make the storage `person`'s: when it holds another person's data (or data of unknown owner), all of it is
 * cleared first. Asked on every read and write (another browser tab may have signed someone else in); entries
 * past their age are dropped once a page load. False when the storage cannot be used.
 */
export function claimKept(storage: KeptStorage, person: string, now = Date.now()): boolean {
  try {
    if (storage.getItem(OWNER_KEY) !== person) {
      forgetKept(storage);
      storage.setItem(OWNER_KEY, person);
    }
    if (!swept.has(storage)) {
      dropExpired(storage, now);
      swept.add(storage);
    }
    return true;
  } catch {
    return false;
  }
}

function entryKey(person: string, site: string, name: string): string {
  return `${ENTRY_PREFIX}${[person, site, name].map(encodeURIComponent).join("|")}`;
}

/**
 * The kept data of view `name` for `person` on `site`; null when there is no storage or no person (outside
 * Teams nothing is kept).
 */
export function keepFor<T>(
  where: { storage: KeptStorage | null; person: string | null; site: string },
  name: string,
  shape: KeptShape<T>,
  clock: () => number = Date.now,
): Keep<T> | null {
  const { storage, person, site } = where;
  if (storage === null || person === null || person === "") return null;
  const key = entryKey(person, site, name);
  const version = `${String(shape.version)}@${BUILD}`;
  const usable = () => claimKept(storage, person, clock());
  return {
    read: () => {
      if (!usable()) return null;
      try {
        const text = storage.getItem(key);
        if (text === null) return null;
        const entry: unknown = JSON.parse(text);
        const fresh = isEntry(entry) && entry.v === version && clock() - entry.at <= KEPT_MAX_AGE_MS;
        if (fresh && shape.accept(entry.data)) return entry.data;
        storage.removeItem(key);
        return null;
      } catch {
        return null;
      }
    },
    write: (data) => {
      if (!usable()) return;
      try {
        const text = JSON.stringify({ v: version, at: clock(), data } satisfies Entry);
        if (text.length > KEPT_MAX_CHARS) storage.removeItem(key);
        else storage.setItem(key, text);
      } catch {
        // Full or refusing: the view is simply not kept.
      }
    },
  };
}
