// Debian's Chromium, driven by playwright-core (no browser is downloaded at install). When it is missing the
// end-to-end tests fail, saying how to install it: CI must not pass by skipping them.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
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

/** Launch headless Chromium; throws with the install command when it is not there. */
export async function launchChromium(): Promise<Browser> {
  mustExist();
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}
