// One Chromium for the whole e2e project (vitest globalSetup): started once, before the first file, and
// shared by every file through its WebSocket endpoint, instead of a browser launched and closed per file.
// Each file still gets its own sandbox and fresh browser contexts, so nothing carries over between files.
import type { TestProject } from "vitest/node";
import { launchChromiumServer } from "./browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared Chromium's endpoint for playwright-core's connect(). */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchChromiumServer();
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
