// Debian's Chromium, driven by playwright-core (no browser is downloaded at install). When it is missing the
// end-to-end tests fail, saying how to install it: CI must not pass by skipping them.
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserServer } from "playwright-core";
import { findChromium } from "../../../scripts/check-test-prerequisites.mjs";

// Where `npm test`'s first step looks: CHROMIUM_PATH, else chromium, chromium-browser or google-chrome on PATH.
export const CHROMIUM = findChromium() ?? (process.env.CHROMIUM_PATH || "/usr/bin/chromium");

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function mustExist(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}, so the end-to-end tests cannot run. Install it with ` +
        "`apt-get update && apt-get install -y chromium` (npm test does this when it may), or set CHROMIUM_PATH.",
    );
  }
}

/** Headless Chromium as a server, for the e2e project's global setup; throws with the install command when missing. */
export async function launchChromiumServer(): Promise<BrowserServer> {
  mustExist();
  return chromium.launchServer({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/**
 * Connect to the shared Chromium at `endpoint` (the e2e project's, see global-setup.ts) or, without one,
 * launch a headless Chromium of its own; either way the caller's close() ends only what it opened. Throws
 * with the install command when Chromium is missing.
 */
export async function launchChromium(endpoint?: string): Promise<Browser> {
  if (endpoint !== undefined) return chromium.connect(endpoint);
  mustExist();
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}
