// The Azure CLI, run as a child process: `az` brings its own Bicep to `az deployment group create` and signs
// in the person deploying, so `actionplan deploy` needs no other tool. Each call says which role it needs, so
// that a refusal stops the deployment with one sentence naming it.
import { execFile } from "node:child_process";
import type { z } from "zod";

/** A refusal or failure of an `az` command, already in words. */
export class AzError extends Error {}

export interface AzCall {
  args: readonly string[];
  /** What the call does, for messages ("create the Azure resources"). */
  what: string;
  /** Who may do it, named when Azure or Entra refuses it. */
  role: string;
}

export interface Az {
  /** Run and parse the JSON `az` prints. */
  json<T>(call: AzCall, schema: z.ZodType<T>): Promise<T>;
  /** Run for its effect. */
  run(call: AzCall): Promise<void>;
  /** Run; null when the resource does not exist (ResourceNotFound, 404), instead of an error. */
  find<T>(call: AzCall, schema: z.ZodType<T>): Promise<T | null>;
}

const REFUSED =
  /AuthorizationFailed|Forbidden|Insufficient privileges|does not have (authorization|permission)|Authorization_RequestDenied|\b403\b/i;
const NOT_FOUND = /ResourceNotFound|NotFound|not found|does not exist|doesn't exist|\b404\b/i;
const SIGNED_OUT = /az login|Please run 'az login'|AADSTS700082|AADSTS50173|refresh token has expired/i;

/** The `az` on the PATH (on Windows, az.cmd through the shell). */
export function azCli(env: NodeJS.ProcessEnv = process.env): Az {
  const exec = (call: AzCall): Promise<string> =>
    new Promise((resolve, reject) => {
      execFile(
        "az",
        [...call.args, "--only-show-errors", "--output", "json"],
        { env, maxBuffer: 64 * 1024 * 1024, shell: process.platform === "win32" },
        (error, stdout, stderr) => {
          if (error === null) {
            resolve(stdout);
            return;
          }
          reject(azError(call, error, stderr));
        },
      );
    });
  const parse = <T>(call: AzCall, text: string, schema: z.ZodType<T>): T => {
    let value: unknown;
    try {
      value = text.trim() === "" ? null : JSON.parse(text);
    } catch {
      throw new AzError(
        `az ${call.args.slice(0, 3).join(" ")} printed something that is not JSON, so deploy cannot ${call.what}; run it with --debug to see it.`,
      );
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      throw new AzError(
        `az ${call.args.slice(0, 3).join(" ")} answered in a shape deploy does not know (${parsed.error.issues[0]?.message ?? "unexpected"}), so it cannot ${call.what}; update the Azure CLI (az upgrade) and run again.`,
      );
    return parsed.data;
  };
  return {
    json: async (call, schema) => parse(call, await exec(call), schema),
    run: async (call) => {
      await exec(call);
    },
    find: async (call, schema) => {
      try {
        return parse(call, await exec(call), schema);
      } catch (error) {
        if (error instanceof NotFound) return null;
        throw error;
      }
    },
  };
}

/** A resource that is not there; `find` turns it into null. */
class NotFound extends AzError {}

function azError(call: AzCall, error: Error & { code?: unknown }, stderr: string): AzError {
  const command = `az ${call.args.slice(0, 3).join(" ")}`;
  if (error.code === "ENOENT")
    return new AzError(
      "The Azure CLI (az) is not installed or not on the PATH: install it (https://learn.microsoft.com/cli/azure/install-azure-cli), run az login, and run deploy again.",
    );
  const said = firstLine(stderr);
  if (SIGNED_OUT.test(stderr))
    return new AzError(
      `${command} needs you signed in: run az login (with --tenant <tenant id>), then deploy again.`,
    );
  if (REFUSED.test(stderr))
    return new AzError(
      `${command} was refused, so deploy cannot ${call.what}: it needs ${call.role}; ask for it, then run deploy again (az said: ${said}).`,
    );
  if (NOT_FOUND.test(stderr)) return new NotFound(`${command}: ${said}`);
  return new AzError(`${command} failed, so deploy cannot ${call.what}: ${said}`);
}

function firstLine(text: string): string {
  const line = text
    .split("\n")
    .map((l) => l.replace(/^(ERROR|WARNING):\s*/, "").trim())
    .find((l) => l !== "");
  return line === undefined ? "no message" : line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
