// The sandbox as a service: faults and retries, browsers (CORS), tokens expiring, state surviving a
// restart, and bad input never taking it down. These behaviours have no real-tenant counterpart to drive.
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { z } from "zod";
import "@pnp/sp/fields/index.js";
import { createSharePoint } from "../../src/sharepoint/core/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { startSandboxProcess } from "../support/sandbox-process.ts";
import { openSandbox, SANDBOX_PEOPLE, uniqueTitle } from "../support/targets.ts";

/** A random source that answers from a script, then never faults again. */
function scripted(values: number[]): () => number {
  let i = 0;
  return () => values[i++] ?? 0.999;
}

describe("sandbox faults", () => {
  test("a 429 with Retry-After is honoured by PnPjs's retry, and the request then succeeds", async () => {
    // First request: fault (0.0 < rate) as a 429 (second draw < 0.5); then no more faults.
    const target = await openSandbox({ faultRate: 0.5, retryAfterSeconds: 1, random: scripted([0.0, 0.1]) });
    try {
      const sp = createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") });
      const started = Date.now();
      const web = await sp.web.select("Title")();
      const waited = Date.now() - started;
      assert.equal(web.Title, "Improvement");
      assert.equal(target.sandbox.stats.faultsInjected, 1);
      assert.equal(target.sandbox.stats.sharePointRequests, 2);
      assert.ok(waited >= 1000, `PnPjs retried after ${waited} ms, before the 1 s Retry-After`);
    } finally {
      await target.close();
    }
  });

  test("a 503 carries Retry-After and SharePoint's error body; when retries run out the caller sees it", async () => {
    const target = await openSandbox({ faultRate: 1, retryAfterSeconds: 0, random: () => 0.9 });
    try {
      const raw = await fetch(`${target.siteUrl}/_api/web`, {
        headers: { Authorization: `Bearer ${await target.token("owner")}`, Accept: "application/json" },
      });
      assert.equal(raw.status, 503);
      assert.equal(raw.headers.get("retry-after"), "0");
      const body = z.object({ "odata.error": z.object({ code: z.string() }) }).parse(await raw.json());
      assert.match(body["odata.error"].code, /SPServerTooBusyException/);
      const sp = createSharePoint({
        siteUrl: target.siteUrl,
        getToken: () => target.token("owner"),
        attempts: 3,
      });
      await assert.rejects(
        sp.web(),
        (error: unknown) => error instanceof RemoteError && error.status === 503,
      );
      assert.equal(target.sandbox.stats.faultsInjected, 4);
    } finally {
      await target.close();
    }
  });

  test("--latency delays every answer", async () => {
    const target = await openSandbox({ latencyMs: 120 });
    try {
      const started = Date.now();
      await fetch(`${target.sandbox.url}/sandbox/people`).then((r) => r.text());
      assert.ok(Date.now() - started >= 120);
    } finally {
      await target.close();
    }
  });
});

describe("sandbox tokens", () => {
  test("a token stops working when it expires (90 minutes), with SharePoint's expired-token answer", async () => {
    let now = new Date("2024-04-10T09:00:00Z").getTime();
    const target = await openSandbox({ now: () => new Date(now) });
    try {
      const token = await target.token("member");
      const get = () =>
        fetch(`${target.siteUrl}/_api/web`, {
          headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
        });
      assert.equal((await get()).status, 200);
      now += 91 * 60 * 1000;
      const expired = await get();
      assert.equal(expired.status, 401);
      assert.match(await expired.text(), /expired/);
    } finally {
      await target.close();
    }
  });

  test("the token endpoint refuses unknown people and malformed bodies with a reason", async () => {
    const target = await openSandbox();
    try {
      const url = `${target.sandbox.url}/sandbox/token`;
      const unknown = await fetch(url, {
        method: "POST",
        body: JSON.stringify({ user: "nobody@northbridge.gov.uk" }),
      });
      assert.equal(unknown.status, 400);
      assert.match(await unknown.text(), /does not exist/);
      for (const body of [
        "",
        "{",
        "[]",
        JSON.stringify({ user: 5 }),
        JSON.stringify({ user: "a@b.c", app: "x" }),
      ]) {
        const response = await fetch(url, { method: "POST", body });
        assert.equal(response.status, 400, body);
        await response.body?.cancel();
      }
    } finally {
      await target.close();
    }
  });

  test("GET /sandbox/people lists the directory without a token", async () => {
    const target = await openSandbox();
    try {
      const people = z
        .array(
          z.object({
            upn: z.string(),
            displayName: z.string(),
            post: z.string(),
            manager: z.string().nullable(),
            siteGroup: z.string().nullable(),
          }),
        )
        .parse(await (await fetch(`${target.sandbox.url}/sandbox/people`)).json());
      assert.ok(people.length >= 35 && people.length <= 45);
      assert.ok(people.some((p) => p.upn === SANDBOX_PEOPLE.member && p.siteGroup === "Members"));
      assert.ok(people.some((p) => p.manager === null));
    } finally {
      await target.close();
    }
  });
});

describe("sandbox in a browser", () => {
  test("a CORS preflight from the tab's origin is allowed, and the real request carries the origin back", async () => {
    const target = await openSandbox();
    try {
      const preflight = await fetch(`${target.siteUrl}/_api/web/lists`, {
        method: "OPTIONS",
        headers: {
          Origin: "https://tab.example",
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "authorization,content-type,if-match,x-http-method",
        },
      });
      assert.equal(preflight.status, 200);
      assert.equal(preflight.headers.get("access-control-allow-origin"), "https://tab.example");
      assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /authorization/i);
      assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /MERGE/);
      const real = await fetch(`${target.siteUrl}/_api/web`, {
        headers: {
          Origin: "https://tab.example",
          Authorization: `Bearer ${await target.token("visitor")}`,
          Accept: "application/json",
        },
      });
      assert.equal(real.status, 200);
      assert.equal(real.headers.get("access-control-allow-origin"), "https://tab.example");
      assert.match(real.headers.get("access-control-expose-headers") ?? "", /ETag/);
    } finally {
      await target.close();
    }
  });
});

const children: ChildProcess[] = [];
afterAll(() => {
  // A failed test must not leave its sandbox process running (it would also keep this file's run alive).
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("sandbox state", () => {
  test("a sandbox killed with SIGKILL comes back with every acknowledged change: lists, indexes, items, ETags", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "actionplan-restart-"));
    try {
      const title = uniqueTitle("Persisted");
      const first = await startSandboxProcess(dataDir);
      children.push(first.child);
      const owner = await first.token({ user: SANDBOX_PEOPLE.owner });
      const sp1 = createSharePoint({
        siteUrl: `${first.url}/sites/improvement`,
        getToken: () => Promise.resolve(owner),
      });
      await sp1.web.lists.add(title);
      await sp1.web.lists.getByTitle(title).fields.addText("Ref");
      await sp1.web.lists.getByTitle(title).fields.getByInternalNameOrTitle("Ref").update({ Indexed: true });
      const item = await sp1.web.lists.getByTitle(title).items.add({ Title: "Mayor's Office", Ref: "1.1" });
      await sp1.web.lists.getByTitle(title).items.getById(item.Id).update({ Ref: "1.1a" });
      const deleted = await sp1.web.lists.getByTitle(title).items.add({ Title: "gone" });
      await sp1.web.lists.getByTitle(title).items.getById(deleted.Id).delete();
      await first.stop("SIGKILL");

      const second = await openSandbox({ dataDir });
      try {
        // A token is for one SharePoint origin (its audience), and the second sandbox listens on another port.
        const sp2 = createSharePoint({ siteUrl: second.siteUrl, getToken: () => second.token("owner") });
        const rows = await sp2.web.lists.getByTitle(title).items.select("Id", "Title", "Ref")();
        assert.deepEqual(
          rows.map((r: { Title: string; Ref: string }) => [r.Title, r.Ref]),
          [["Mayor's Office", "1.1a"]],
        );
        assert.equal((rows[0] as Record<string, string>)["odata.etag"], '"2"');
        const field = await sp2.web.lists
          .getByTitle(title)
          .fields.getByInternalNameOrTitle("Ref")
          .select("Indexed")();
        assert.equal(field.Indexed, true);
        const next = await sp2.web.lists.getByTitle(title).items.add({ Title: "after restart" });
        assert.equal(next.Id, deleted.Id + 1, "item ids are never reused");
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("sandbox robustness", () => {
  test("malformed requests get SharePoint's errors and the sandbox keeps serving", async () => {
    const target = await openSandbox();
    const token = await target.token("owner");
    const base = target.siteUrl;
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${base}/_api/${path}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          "Content-Type": "application/json",
          ...Object.fromEntries(new Headers(init.headers).entries()),
        },
      });
    const cases: { path: string; init?: RequestInit; status: number }[] = [
      { path: "web/lists/getByTitle('Nope')/items", status: 404 },
      { path: "web/lists(guid'00000000-0000-0000-0000-000000000000')", status: 404 },
      { path: "web/lists", init: { method: "POST", body: "{not json" }, status: 400 },
      { path: "web/lists", init: { method: "POST", body: "[1,2]" }, status: 400 },
      { path: "web/lists", init: { method: "POST", body: JSON.stringify({ Title: "" }) }, status: 400 },
      { path: "web/nonsense", status: 404 },
      { path: "web/lists/getByTitle('unterminated", status: 404 },
      { path: "web/lists", init: { method: "PUT", body: "{}" }, status: 405 },
      { path: "web/lists/getByTitle('User Information List')/items?$filter=((", status: 404 },
      {
        path: "$batch",
        init: { method: "POST", body: "garbage", headers: { "Content-Type": "multipart/mixed" } },
        status: 400,
      },
      { path: "$batch", init: { method: "GET" }, status: 405 },
    ];
    try {
      for (const c of cases) {
        const response = await call(c.path, c.init);
        assert.equal(response.status, c.status, `${c.init?.method ?? "GET"} ${c.path}`);
        const text = await response.text();
        assert.doesNotThrow(() => JSON.parse(text), `${c.path} answered JSON`);
        assert.match(text, /"odata\.error"|"error"/);
      }
      const list = uniqueTitle("Robust");
      await call("web/lists", { method: "POST", body: JSON.stringify({ Title: list }) });
      for (const filter of [
        "Title eq 'a",
        "Title eq",
        "Title eq 'a' or",
        "tolower(Title) eq 'a'",
        "Title eq 1 2",
      ]) {
        const response = await call(
          `web/lists/getByTitle('${list}')/items?$filter=${encodeURIComponent(filter)}`,
        );
        assert.equal(response.status, 400, filter);
        await response.body?.cancel();
      }
      const still = await call("web");
      assert.equal(still.status, 200);
    } finally {
      await target.close();
    }
  });

  test("an unknown site is SharePoint's 404 page; an unknown sandbox path is a JSON 404", async () => {
    const target = await openSandbox();
    try {
      const root = target.sandbox.url;
      const site = await fetch(`${root}/sites/nowhere/_api/web`, {
        headers: { Authorization: `Bearer ${await target.token("owner")}` },
      });
      assert.equal(site.status, 404);
      await site.body?.cancel();
      const other = await fetch(`${root}/nothing-here`);
      assert.equal(other.status, 404);
      await other.body?.cancel();
    } finally {
      await target.close();
    }
  });
});
