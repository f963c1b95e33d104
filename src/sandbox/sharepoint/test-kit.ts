// For the emulator's own tests: a sandbox on a free port with its own data folder, and raw REST calls made
// as the site's Owner, Member, Visitor, someone outside its groups, or an app-only token — what any client
// with a token can send, so the tests see SharePoint's answers (status and error body) and nothing else.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIRECTORY } from "../directory.ts";
import { startSandbox, type RunningSandbox } from "../server.ts";

export type Who = "owner" | "member" | "member2" | "visitor" | "outsider" | "app";

function upnsIn(group: "Owners" | "Members" | "Visitors" | null): string[] {
  return DIRECTORY.filter((p) => p.siteGroup === group).map((p) => p.upn);
}

/** The people the tests act as: the first of each site group (and a second Member). */
export const PEOPLE: Record<Exclude<Who, "app">, string> = {
  owner: upnsIn("Owners")[0] ?? "",
  member: upnsIn("Members")[0] ?? "",
  member2: upnsIn("Members")[1] ?? "",
  visitor: upnsIn("Visitors")[0] ?? "",
  outsider: upnsIn(null)[0] ?? "",
};

export interface Reply {
  status: number;
  /** The parsed JSON body (nometadata), or null for an empty or non-JSON body. */
  json: Record<string, unknown> | null;
  text: string;
}

export interface TestSite {
  siteUrl: string;
  dataDir: string;
  /** One REST call below /_api/; MERGE and DELETE go as POST with X-HTTP-Method, as PnPjs sends them. */
  call: (who: Who, method: string, path: string, body?: unknown) => Promise<Reply>;
  /** A $batch of parts (method, path, body), answered part by part. */
  batch: (who: Who, parts: { method: string; path: string; body?: unknown }[]) => Promise<Reply[]>;
  /** Stop the sandbox and start it again on the same data folder. */
  restart: () => Promise<void>;
  close: () => Promise<void>;
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function openTestSite(): Promise<TestSite> {
  const dataDir = mkdtempSync(join(tmpdir(), "actionplan-sp-test-"));
  const start = () =>
    startSandbox({ port: 0, dataDir, threshold: 5000, latencyMs: 0, faultRate: 0, retryAfterSeconds: 1 });
  let sandbox: RunningSandbox = await start();
  let tokens = new Map<Who, string>();
  const siteUrl = () => `${sandbox.url}/sites/improvement`;
  const token = async (who: Who): Promise<string> => {
    const cached = tokens.get(who);
    if (cached !== undefined) return cached;
    const body = who === "app" ? { app: "sandbox-tests" } : { user: PEOPLE[who] };
    const response = await fetch(`${sandbox.url}/sandbox/token`, {
      method: "POST",
      body: JSON.stringify(body),
    });
    const value = ((await response.json()) as { access_token: string }).access_token;
    tokens.set(who, value);
    return value;
  };
  const headersFor = (method: string): Record<string, string> => ({
    Accept: "application/json;odata=nometadata",
    "Content-Type": "application/json;odata=nometadata",
    ...(method === "GET" || method === "POST" ? {} : { "X-HTTP-Method": method, "IF-MATCH": "*" }),
  });
  const site: TestSite = {
    get siteUrl() {
      return siteUrl();
    },
    dataDir,
    call: async (who, method, path, body) => {
      const response = await fetch(`${siteUrl()}/_api/${path}`, {
        method: method === "GET" ? "GET" : "POST",
        headers: { Authorization: `Bearer ${await token(who)}`, ...headersFor(method) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, json: parse(text), text };
    },
    batch: async (who, parts) => {
      const boundary = "batch_test";
      const lines: string[] = [];
      for (const part of parts) {
        lines.push(
          `--${boundary}`,
          "Content-Type: application/http",
          "Content-Transfer-Encoding: binary",
          "",
        );
        lines.push(
          `${part.method === "GET" ? "GET" : "POST"} ${encodeURI(`${siteUrl()}/_api/${part.path}`)} HTTP/1.1`,
        );
        for (const [name, value] of Object.entries(headersFor(part.method))) lines.push(`${name}: ${value}`);
        lines.push("", part.body === undefined ? "" : JSON.stringify(part.body));
      }
      lines.push(`--${boundary}--`, "");
      const response = await fetch(`${siteUrl()}/_api/$batch`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${await token(who)}`,
          "Content-Type": `multipart/mixed; boundary=${boundary}`,
        },
        body: lines.join("\r\n"),
      });
      const text = await response.text();
      const replies: Reply[] = [];
      for (const chunk of text.split(/--batchresponse_[^\r\n]*/).slice(1)) {
        const status = /HTTP\/1\.1 (\d{3})/.exec(chunk);
        if (status?.[1] === undefined) continue;
        const bodyText = chunk
          .split(/\r\n\r\n/)
          .slice(2)
          .join("\r\n\r\n")
          .trim();
        replies.push({ status: Number(status[1]), json: parse(bodyText), text: bodyText });
      }
      return replies;
    },
    restart: async () => {
      await sandbox.close();
      sandbox = await start();
      tokens = new Map();
    },
    close: async () => {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return site;
}

/** web/lists/getByTitle('…') with the title quoted as SharePoint wants it. */
export function listPath(title: string): string {
  return `web/lists/getByTitle('${title.replace(/'/g, "''")}')`;
}

/** The message of SharePoint's error body. */
export function errorOf(reply: Reply): { code: string; message: string } {
  const error = reply.json?.["odata.error"] as { code?: string; message?: { value?: string } } | undefined;
  return { code: error?.code ?? "", message: error?.message?.value ?? "" };
}
