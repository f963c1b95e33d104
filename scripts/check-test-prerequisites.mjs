#!/usr/bin/env node
// `npm test`'s first step: the browser tests need Chromium and the committee report's PDF test needs
// LibreOffice (`soffice`), neither of which npm installs. When one is missing this installs it with apt-get if
// this user may (root with apt-get, or passwordless sudo), saying what it runs; otherwise it stops at once
// with the one command to run first. Plain Node, no dependencies: it runs before anything else is checked.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The names Chromium goes by on PATH, in the order they are tried (the e2e tests use the same list). */
export const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome"];

const UPDATE = "apt-get update -qq";
const INSTALL_CHROMIUM = "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium";
const INSTALL_SOFFICE =
  "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui";

/**
 * What to do, from what was found. `found`: { chromium: path or null, chromiumPathSet: CHROMIUM_PATH as
 * given ("" or undefined when unset), soffice: path or null, root, aptGet, sudo: passwordless sudo works }.
 * Returns { action: "ok" }, { action: "install", commands: [shell commands], missing: [names] } or
 * { action: "stop", message: one sentence }.
 */
export function decide(found) {
  if (found.chromiumPathSet && found.chromium === null)
    return {
      action: "stop",
      message:
        `CHROMIUM_PATH is set to ${found.chromiumPathSet}, which is not an executable file: ` +
        "point it at Chromium or unset it, then run npm test again.",
    };
  const missing = [];
  if (found.chromium === null) missing.push("Chromium");
  if (found.soffice === null) missing.push("LibreOffice (soffice)");
  if (missing.length === 0) return { action: "ok" };
  const installs = [];
  if (found.chromium === null) installs.push(INSTALL_CHROMIUM);
  if (found.soffice === null) installs.push(INSTALL_SOFFICE);
  const canInstall = found.aptGet && (found.root || found.sudo);
  if (canInstall) {
    const commands = [UPDATE, ...installs].map((c) => {
      if (found.root) return c;
      return c.startsWith("DEBIAN_FRONTEND=") ? `sudo -n env ${c}` : `sudo -n ${c}`;
    });
    return { action: "install", commands, missing };
  }
  const chromiumAlternative =
    found.chromium === null ? " (or set CHROMIUM_PATH to a Chromium or Chrome you already have)" : "";
  if (!found.aptGet)
    return {
      action: "stop",
      message:
        `npm test needs ${missing.join(" and ")}, and there is no apt-get here to install them: install ` +
        `${missing.join(" and ")} with this system's package manager so that ${needsOnPath(found)} ${found.chromium === null && found.soffice === null ? "are" : "is"} on PATH` +
        `${chromiumAlternative}, then run npm test again.`,
    };
  const steps = ["sudo apt-get update"];
  if (found.chromium === null) steps.push("sudo apt-get install -y chromium");
  if (found.soffice === null)
    steps.push("sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui");
  return {
    action: "stop",
    message:
      `npm test needs ${missing.join(" and ")}; run this first: ` +
      `${steps.join(" && ")}` +
      `${chromiumAlternative}.`,
  };
}

function needsOnPath(found) {
  const names = [];
  if (found.chromium === null) names.push("chromium");
  if (found.soffice === null) names.push("soffice");
  return names.join(" and ");
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` found on PATH, or null. */
export function onPath(names, path = process.env.PATH ?? "") {
  for (const name of names)
    for (const dir of path.split(delimiter).filter(Boolean)) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  return null;
}

/** Where Chromium is: CHROMIUM_PATH when set (and executable), else the first of CHROMIUM_NAMES on PATH. */
export function findChromium(env = process.env) {
  const given = env.CHROMIUM_PATH ?? "";
  if (given !== "") return isExecutable(given) ? given : null;
  return onPath(CHROMIUM_NAMES, env.PATH ?? "");
}

function look() {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const aptGet = onPath(["apt-get"]) !== null;
  const sudo =
    !root &&
    aptGet &&
    onPath(["sudo"]) !== null &&
    spawnSync("sudo", ["-n", "true"], { stdio: "ignore", timeout: 10_000 }).status === 0;
  return {
    chromium: findChromium(),
    chromiumPathSet: process.env.CHROMIUM_PATH ?? "",
    soffice: onPath(["soffice"]),
    root,
    aptGet,
    sudo,
  };
}

function main() {
  const found = look();
  const plan = decide(found);
  if (plan.action === "ok") return 0;
  if (plan.action === "stop") {
    console.error(plan.message);
    return 1;
  }
  console.log(`npm test needs ${plan.missing.join(" and ")}; installing with apt-get (a few minutes):`);
  for (const command of plan.commands) {
    console.log(`$ ${command}`);
    const run = spawnSync("sh", ["-c", command], { stdio: "inherit" });
    if (run.status !== 0) {
      console.error(
        `\`${command}\` failed (exit ${run.status ?? run.signal}); install ${plan.missing.join(" and ")} and run npm test again.`,
      );
      return 1;
    }
  }
  const after = look();
  if (after.chromium === null || after.soffice === null) {
    console.error(
      `apt-get ran, yet ${needsOnPath(after)} is still not on PATH; install it and run npm test again.`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main();
