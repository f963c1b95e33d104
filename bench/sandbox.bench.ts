// Issue "Foundation and the local Microsoft 365 sandbox": PnPjs against the sandbox on this machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/fields/index.js";
import { createSharePoint } from "../src/sharepoint/client.ts";
import { startSandboxProcess } from "../tests/support/sandbox-process.ts";
import { seconds, type Figure } from "./figures.ts";

const BATCH = 100;

async function addItems(sp: SPFI, title: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const [batched, execute] = sp.batched({ maxRequests: BATCH });
    const adds: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      adds.push(
        batched.web.lists
          .getByTitle(title)
          .items.add({ Title: `Action ${i}`, Ref: `R${i}`, Region: `Area ${i % 50}` }),
      );
    }
    await execute();
    await Promise.all(adds);
  }
}

async function makeList(sp: SPFI, title: string): Promise<void> {
  await sp.web.lists.add(title);
  await sp.web.lists.getByTitle(title).fields.addText("Ref");
  await sp.web.lists.getByTitle(title).fields.addText("Region");
  await sp.web.lists.getByTitle(title).fields.getByInternalNameOrTitle("Ref").update({ Indexed: true });
}

/** Run the sandbox figures. */
export async function run(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "actionplan-bench-"));
  const figures: Figure[] = [];
  const conditions = { latencyMs: 0, batchSize: BATCH, client: "@pnp/sp 4 over HTTP on loopback" };
  let sandbox = await startSandboxProcess(dataDir);
  try {
    const token = await sandbox.token({ app: "bench" });
    const sp = createSharePoint({
      siteUrl: `${sandbox.url}/sites/improvement`,
      getToken: () => Promise.resolve(token),
    });

    await makeList(sp, "Bench5k");
    let before = await sandbox.stats();
    let started = performance.now();
    await addItems(sp, "Bench5k", 5000);
    let elapsed = performance.now() - started;
    let after = await sandbox.stats();
    figures.push({
      name: "sandbox: add 5,000 items in batches of 100 (time)",
      value: seconds(elapsed),
      unit: "s",
      target: { op: "<", value: 10 },
      conditions,
    });
    figures.push({
      name: "sandbox: add 5,000 items (HTTP requests)",
      value: after.sharePointRequests - before.sharePointRequests,
      unit: "requests",
      conditions,
    });

    before = after;
    started = performance.now();
    let read = 0;
    for await (const page of sp.web.lists.getByTitle("Bench5k").items.select("Id", "Title", "Ref").top(1000))
      read += (page as unknown[]).length;
    elapsed = performance.now() - started;
    after = await sandbox.stats();
    if (read !== 5000) throw new Error(`read back ${read} items, expected 5000`);
    figures.push({
      name: "sandbox: read 5,000 items back, 1,000 a page (time)",
      value: seconds(elapsed),
      unit: "s",
      conditions,
    });
    figures.push({
      name: "sandbox: read 5,000 items back (HTTP requests)",
      value: after.sharePointRequests - before.sharePointRequests,
      unit: "requests",
      conditions,
    });

    await makeList(sp, "Bench50k");
    started = performance.now();
    await addItems(sp, "Bench50k", 50_000);
    figures.push({
      name: "sandbox: add 50,000 items in batches of 100 (time)",
      value: seconds(performance.now() - started),
      unit: "s",
      conditions,
    });

    const timings: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const rows = await sp.web.lists
        .getByTitle("Bench50k")
        .items.select("Id", "Title")
        .filter(`Ref eq 'R${String(1000 * i + 7)}'`)();
      timings.push(performance.now() - t0);
      if (rows.length !== 1) throw new Error("the indexed query did not find its item");
    }
    timings.sort((a, b) => a - b);
    const listConditions = { ...conditions, listItems: 50_000, runs: 20 };
    figures.push({
      name: "sandbox: filtered query on an indexed column, 50,000-item list (median)",
      value: Math.round(timings[10] ?? 0),
      unit: "ms",
      target: { op: "<", value: 100 },
      conditions: listConditions,
    });
    figures.push({
      name: "sandbox: filtered query on an indexed column, 50,000-item list (slowest of 20)",
      value: Math.round(timings[19] ?? 0),
      unit: "ms",
      conditions: listConditions,
    });
    const memory = await sandbox.stats();
    figures.push({
      name: "sandbox: process memory (RSS) holding 55,000 items",
      value: Math.round(memory.rssBytes / 1024 / 1024),
      unit: "MB",
      target: { op: "<", value: 500 },
      conditions: listConditions,
    });

    // A killed sandbox replays its journal on start; a cleanly stopped one reads its compacted snapshot.
    await sandbox.stop("SIGKILL");
    started = performance.now();
    sandbox = await startSandboxProcess(dataDir);
    figures.push({
      name: "sandbox: restart after SIGKILL with 55,000 items until serving",
      value: seconds(performance.now() - started),
      unit: "s",
      target: { op: "<", value: 5 },
      conditions: listConditions,
    });
    await sandbox.stop("SIGTERM");
    started = performance.now();
    sandbox = await startSandboxProcess(dataDir);
    figures.push({
      name: "sandbox: restart after a clean stop with 55,000 items until serving",
      value: seconds(performance.now() - started),
      unit: "s",
      target: { op: "<", value: 5 },
      conditions: listConditions,
    });
    const restartedToken = await sandbox.token({ app: "bench" });
    const again = createSharePoint({
      siteUrl: `${sandbox.url}/sites/improvement`,
      getToken: () => Promise.resolve(restartedToken),
    });
    const count = await again.web.lists.getByTitle("Bench50k").select("ItemCount")();
    if (count.ItemCount !== 50_000)
      throw new Error(`after restart the list has ${String(count.ItemCount)} items`);
  } finally {
    await sandbox.stop("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}
