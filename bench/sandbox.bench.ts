// Issue "Foundation and the local Microsoft 365 sandbox": PnPjs against the sandbox on this machine.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SPFI } from "@pnp/sp";
import "@pnp/sp/fields/index.js";
import { createSharePoint } from "../src/sharepoint/core/index.ts";
import { startSandboxProcess } from "../tests/support/sandbox-process.ts";
import { counted, seconds, type BenchOptions, type Figure } from "./figures.ts";

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
export async function run({ quick }: BenchOptions): Promise<Figure[]> {
  const [small, large, runs] = quick ? [500, 2000, 5] : [5000, 50_000, 20];
  const held = counted(small + large);
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

    await makeList(sp, "BenchSmall");
    let before = await sandbox.stats();
    let started = performance.now();
    await addItems(sp, "BenchSmall", small);
    let elapsed = performance.now() - started;
    let after = await sandbox.stats();
    figures.push({
      name: `sandbox: add ${counted(small)} items in batches of 100 (time)`,
      value: seconds(elapsed),
      unit: "s",
      target: { op: "<", value: 10 },
      conditions,
    });
    figures.push({
      name: `sandbox: add ${counted(small)} items (HTTP requests)`,
      value: after.sharePointRequests - before.sharePointRequests,
      unit: "requests",
      conditions,
    });

    before = after;
    started = performance.now();
    let read = 0;
    for await (const page of sp.web.lists
      .getByTitle("BenchSmall")
      .items.select("Id", "Title", "Ref")
      .top(1000))
      read += (page as unknown[]).length;
    elapsed = performance.now() - started;
    after = await sandbox.stats();
    if (read !== small) throw new Error(`read back ${read} items, expected ${small}`);
    figures.push({
      name: `sandbox: read ${counted(small)} items back, 1,000 a page (time)`,
      value: seconds(elapsed),
      unit: "s",
      conditions,
    });
    figures.push({
      name: `sandbox: read ${counted(small)} items back (HTTP requests)`,
      value: after.sharePointRequests - before.sharePointRequests,
      unit: "requests",
      conditions,
    });

    await makeList(sp, "BenchLarge");
    started = performance.now();
    await addItems(sp, "BenchLarge", large);
    figures.push({
      name: `sandbox: add ${counted(large)} items in batches of 100 (time)`,
      value: seconds(performance.now() - started),
      unit: "s",
      conditions,
    });

    const timings: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const rows = await sp.web.lists
        .getByTitle("BenchLarge")
        .items.select("Id", "Title")
        .filter(`Ref eq 'R${String((large / runs) * i + 7)}'`)();
      timings.push(performance.now() - t0);
      if (rows.length !== 1) throw new Error("the indexed query did not find its item");
    }
    timings.sort((a, b) => a - b);
    const listConditions = { ...conditions, listItems: large, runs };
    figures.push({
      name: `sandbox: filtered query on an indexed column, ${counted(large)}-item list (median)`,
      value: Math.round(timings[Math.floor(runs / 2)] ?? 0),
      unit: "ms",
      target: { op: "<", value: 100 },
      conditions: listConditions,
    });
    figures.push({
      name: `sandbox: filtered query on an indexed column, ${counted(large)}-item list (slowest of ${runs})`,
      value: Math.round(timings[runs - 1] ?? 0),
      unit: "ms",
      conditions: listConditions,
    });
    const memory = await sandbox.stats();
    figures.push({
      name: `sandbox: process memory (RSS) holding ${held} items`,
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
      name: `sandbox: restart after SIGKILL with ${held} items until serving`,
      value: seconds(performance.now() - started),
      unit: "s",
      target: { op: "<", value: 5 },
      conditions: listConditions,
    });
    await sandbox.stop("SIGTERM");
    started = performance.now();
    sandbox = await startSandboxProcess(dataDir);
    figures.push({
      name: `sandbox: restart after a clean stop with ${held} items until serving`,
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
    const count = await again.web.lists.getByTitle("BenchLarge").select("ItemCount")();
    if (count.ItemCount !== large)
      throw new Error(`after restart the list has ${String(count.ItemCount)} items`);
  } finally {
    await sandbox.stop("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}
