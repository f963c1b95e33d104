// Debian's Chromium, driven by playwright-core (no browser is downloaded at install). When it is missing the
// end-to-end tests fail, saying how to install it: CI must not pass by skipping them.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launch headless Chromium; throws with the install command when it is not there. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}, so the end-to-end tests cannot run. Install it with ` +
        "`apt-get update && apt-get install -y chromium` (bash .ci/run does this), or set CHROMIUM_PATH.",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}
