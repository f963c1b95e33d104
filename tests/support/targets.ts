// Where contract tests run: always the local sandbox; also a real tenant when its settings are in the
// environment. A suite that cannot run somewhere is reported as skipped with the reason, never passed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../src/sandbox/server.ts";
import { sandboxToken } from "./sandbox-token.ts";

export type Principal = "owner" | "member" | "visitor" | "outsider" | "app";

export interface Target {
  kind: "sandbox" | "tenant";
  siteUrl: string;
  graphUrl: string;
  token: (as: Principal) => Promise<string>;
  /** The upn the token of each principal belongs to (unknown on a tenant unless configured). */
  upnOf: (as: Principal) => string | undefined;
  sandbox: RunningSandbox | null;
  close: () => Promise<void>;
}

export interface TargetChoice {
  label: string;
  kind: "sandbox" | "tenant";
  /** false, or why this target is skipped. */
  skip: false | string;
  open: (options?: Partial<SandboxOptions>) => Promise<Target>;
}

function firstIn(group: "Owners" | "Members" | "Visitors" | null): string {
  const person = DIRECTORY.find((p) => p.siteGroup === group);
  if (person === undefined) throw new Error(`The directory has nobody in ${String(group)}.`);
  return person.upn;
}

export const SANDBOX_PEOPLE: Record<Exclude<Principal, "app">, string> = {
  owner: firstIn("Owners"),
  member: firstIn("Members"),
  visitor: firstIn("Visitors"),
  outsider: firstIn(null),
};

/**
 * Start a sandbox on a free port with its own temporary data folder. `options` is the object the sandbox
 * reads on every request, so a bench can switch the latency on once its data is in place.
 */
export async function openSandbox(
  overrides: Partial<SandboxOptions> = {},
): Promise<Target & { sandbox: RunningSandbox; options: SandboxOptions }> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "actionplan-sandbox-"));
  const options: SandboxOptions = {
    port: 0,
    dataDir,
    threshold: 5000,
    latencyMs: 0,
    faultRate: 0,
    retryAfterSeconds: 1,
    ...overrides,
  };
  const sandbox = await startSandbox(options);
  const tokens = new Map<Principal, string>();
  return {
    kind: "sandbox",
    options,
    siteUrl: `${sandbox.url}/sites/improvement`,
    graphUrl: `${sandbox.url}/graph`,
    sandbox,
    upnOf: (as) => (as === "app" ? undefined : SANDBOX_PEOPLE[as]),
    token: async (as) => {
      const cached = tokens.get(as);
      if (cached !== undefined) return cached;
      const token = await sandboxToken(
        sandbox.url,
        as === "app" ? { app: "contract-tests" } : { user: SANDBOX_PEOPLE[as] },
      );
      tokens.set(as, token);
      return token;
    },
    close: async () => {
      await sandbox.close();
      if (overrides.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const tenantEnv = z.object({
  SP_SITE_URL: z.url(),
  SP_TOKEN: z.string().min(20),
  SP_MEMBER_TOKEN: z.string().optional(),
  SP_VISITOR_TOKEN: z.string().optional(),
  GRAPH_TOKEN: z.string().optional(),
});

function openTenant(): Promise<Target> {
  const env = tenantEnv.parse(process.env);
  const byPrincipal: Partial<Record<Principal, string | undefined>> = {
    owner: env.SP_TOKEN,
    app: env.SP_TOKEN,
    member: env.SP_MEMBER_TOKEN,
    visitor: env.SP_VISITOR_TOKEN,
  };
  return Promise.resolve({
    kind: "tenant",
    siteUrl: env.SP_SITE_URL.replace(/\/$/, ""),
    graphUrl: "https://graph.microsoft.com",
    sandbox: null,
    upnOf: () => undefined,
    token: (as) => {
      const token = as === "outsider" ? undefined : byPrincipal[as];
      if (token === undefined)
        return Promise.reject(new Error(`No token configured for the ${as} principal.`));
      return Promise.resolve(token);
    },
    close: () => Promise.resolve(),
  });
}

const NO_TENANT =
  "no real tenant configured: set SP_SITE_URL and SP_TOKEN (and SP_MEMBER_TOKEN, SP_VISITOR_TOKEN) to run";

/** The targets a contract suite runs against; a skipped one says why in its label, which Vitest prints. */
export function contractTargets(): TargetChoice[] {
  const tenantReady = tenantEnv.safeParse(process.env).success;
  return [
    { label: "sandbox", kind: "sandbox", skip: false, open: openSandbox },
    {
      label: tenantReady ? "real tenant" : `real tenant, skipped: ${NO_TENANT}`,
      kind: "tenant",
      skip: tenantReady ? false : NO_TENANT,
      open: () => openTenant(),
    },
  ];
}

/** Inside a test that needs a control only the sandbox has: skip it on a tenant, saying which control. */
export function skipOnTenant(
  skip: (condition: boolean, note?: string) => void,
  kind: TargetChoice["kind"],
  what: string,
): void {
  skip(kind !== "sandbox", `needs the sandbox's ${what}, which a real tenant does not offer`);
}

/** A list title unique to this run, so runs against a real tenant never collide. */
export function uniqueTitle(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
