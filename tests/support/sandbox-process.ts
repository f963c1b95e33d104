// `actionplan sandbox` run as its own process, as `npm start` runs it: for tests that kill it or read what
// it prints, and for the bench (so the sandbox's memory is its own).
import { spawn, type ChildProcess } from "node:child_process";
import { z } from "zod";
import { sandboxToken } from "./sandbox-token.ts";

export interface SandboxProcess {
  url: string;
  /** What the sandbox printed on start. */
  output: string;
  child: ChildProcess;
  stats: () => Promise<{
    requests: number;
    sharePointRequests: number;
    graphRequests: number;
    rssBytes: number;
  }>;
  token: (body: { user: string } | { app: string }) => Promise<string>;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

const statsSchema = z.object({
  requests: z.number(),
  sharePointRequests: z.number(),
  graphRequests: z.number(),
  memory: z.object({ rss: z.number() }),
});

/** Start `actionplan sandbox` in its own process (so its memory is its own) and wait until it serves. */
export async function startSandboxProcess(dataDir: string, extra: string[] = []): Promise<SandboxProcess> {
  const child = spawn(
    process.execPath,
    ["bin/actionplan.mjs", "sandbox", "--port", "0", "--data", dataDir, ...extra],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Sandbox running at (http:\/\/\S+)/.exec(out);
      // "Press Ctrl+C" comes last, after any demo seeding has finished.
      if (match?.[1] !== undefined && out.includes("Press Ctrl+C")) {
        output = out;
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      reject(new Error(`sandbox exited (${String(code)}) before serving: ${out}`));
    });
  });
  return {
    url,
    output,
    child,
    stats: async () => {
      const stats = statsSchema.parse(await (await fetch(`${url}/sandbox/stats`)).json());
      return { ...stats, rssBytes: stats.memory.rss };
    },
    token: (body) => sandboxToken(url, body),
    stop: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once("exit", () => {
          resolve();
        });
        child.kill(signal);
      }),
  };
}
