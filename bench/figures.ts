// What every benchmark reports: a figure with its unit, its target when the issue sets one, and the
// conditions it was measured under, so a number is never read without its context.
import { spawn, type ChildProcess } from "node:child_process";
import { z } from "zod";

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target, e.g. { op: "<", value: 10, unit: "s" }, if it set one. */
  target?: { op: "<" | "<=" | ">="; value: number };
  conditions: Record<string, string | number>;
}

export function meets(figure: Figure): boolean | null {
  if (figure.target === undefined) return null;
  const { op, value } = figure.target;
  return op === "<" ? figure.value < value : op === "<=" ? figure.value <= value : figure.value >= value;
}

export interface SandboxProcess {
  url: string;
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
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Sandbox running at (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once("exit", (code) => {
      reject(new Error(`sandbox exited (${String(code)}) before serving: ${out}`));
    });
  });
  return {
    url,
    child,
    stats: async () => {
      const stats = statsSchema.parse(await (await fetch(`${url}/sandbox/stats`)).json());
      return { ...stats, rssBytes: stats.memory.rss };
    },
    token: async (body) => {
      const response = await fetch(`${url}/sandbox/token`, { method: "POST", body: JSON.stringify(body) });
      return z.object({ access_token: z.string() }).parse(await response.json()).access_token;
    },
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

export function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}
