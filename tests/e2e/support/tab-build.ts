// The built tab for end-to-end tests: rebuilt when any source it is made from is newer than the build, and
// built once however many test files start at the same time (a lock directory serialises them).
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const TAB_DIR = join(ROOT, "dist", "tab");
const SOURCES = [
  "src/tab",
  "src/sharepoint",
  "src/domain",
  "src/lib",
  "src/import",
  "src/report",
  "src/notify",
].map((d) => join(ROOT, d));
const CONFIG_FILES = ["vite.config.ts", "package-lock.json"].map((f) => join(ROOT, f));
const LOCK = join(ROOT, "dist", ".tab-build.lock");

function newest(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function isFresh(): boolean {
  const built = statSync(join(TAB_DIR, "index.html"), { throwIfNoEntry: false });
  if (built === undefined) return false;
  return Math.max(...SOURCES.map(newest), ...CONFIG_FILES.map(newest)) <= built.mtimeMs;
}

async function takeLock(): Promise<() => void> {
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      return () => {
        rmSync(LOCK, { recursive: true, force: true });
      };
    } catch {
      // Another test file is building; a lock older than two minutes is left over from a killed run.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock !== undefined && Date.now() - lock.mtimeMs > 120_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 180_000) throw new Error("Timed out waiting for another tab build.");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Make sure dist/tab is built from the current sources. */
export async function ensureTabBuilt(): Promise<void> {
  if (isFresh()) return;
  const release = await takeLock();
  try {
    if (!isFresh()) await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn" });
  } finally {
    release();
  }
}
