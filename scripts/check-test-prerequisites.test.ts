// What `npm test`'s first step does with what it found: nothing, install with apt-get, or stop with one command.
import { describe, expect, test } from "vitest";
import { decide, type Found } from "./check-test-prerequisites.mjs";

const ALL: Found = {
  chromium: "/usr/bin/chromium",
  chromiumPathSet: "",
  soffice: "/usr/bin/soffice",
  root: false,
  aptGet: true,
  sudo: false,
};

describe("the test prerequisites", () => {
  test("with Chromium and soffice found there is nothing to do", () => {
    expect(decide(ALL)).toEqual({ action: "ok" });
    expect(decide({ ...ALL, aptGet: false })).toEqual({ action: "ok" });
  });

  test("root with apt-get installs just what is missing", () => {
    expect(decide({ ...ALL, chromium: null, soffice: null, root: true })).toEqual({
      action: "install",
      missing: ["Chromium", "LibreOffice (soffice)"],
      commands: [
        "apt-get update -qq",
        "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
        "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui",
      ],
    });
    expect(decide({ ...ALL, soffice: null, root: true })).toMatchObject({
      action: "install",
      missing: ["LibreOffice (soffice)"],
      commands: [
        "apt-get update -qq",
        "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui",
      ],
    });
  });

  test("passwordless sudo installs through sudo -n", () => {
    expect(decide({ ...ALL, chromium: null, sudo: true })).toEqual({
      action: "install",
      missing: ["Chromium"],
      commands: [
        "sudo -n apt-get update -qq",
        "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
      ],
    });
  });

  test("a user who may not install is told the one command to run, and CHROMIUM_PATH", () => {
    const plan = decide({ ...ALL, chromium: null, soffice: null });
    expect(plan).toEqual({
      action: "stop",
      message:
        "npm test needs Chromium and LibreOffice (soffice); run this first: sudo apt-get update && " +
        "sudo apt-get install -y chromium && sudo apt-get install -y --no-install-recommends " +
        "libreoffice-writer-nogui (or set CHROMIUM_PATH to a Chromium or Chrome you already have).",
    });
    expect(decide({ ...ALL, soffice: null })).toEqual({
      action: "stop",
      message:
        "npm test needs LibreOffice (soffice); run this first: sudo apt-get update && " +
        "sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui.",
    });
  });

  test("without apt-get it names what to put on PATH", () => {
    const plan = decide({ ...ALL, chromium: null, aptGet: false, root: true });
    expect(plan.action).toBe("stop");
    expect(plan.action === "stop" && plan.message).toMatch(
      /^npm test needs Chromium, and there is no apt-get/,
    );
    expect(plan.action === "stop" && plan.message).toContain("chromium is on PATH (or set CHROMIUM_PATH");
  });

  test("a CHROMIUM_PATH that is not there stops rather than installing another", () => {
    const plan = decide({ ...ALL, chromium: null, chromiumPathSet: "/opt/chrome", root: true });
    expect(plan).toEqual({
      action: "stop",
      message:
        "CHROMIUM_PATH is set to /opt/chrome, which is not an executable file: point it at Chromium or unset it, then run npm test again.",
    });
  });
});
