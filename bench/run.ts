// `npm run bench`: runs every benchmark, prints a table of figures against their targets and writes
// bench/results.json. Usage: npm run bench [-- name-fragment] to run only some benchmarks.
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { meets, type Figure } from "./figures.ts";

const BENCHMARKS: { name: string; load: () => Promise<{ run: () => Promise<Figure[]> }> }[] = [
  { name: "sandbox", load: () => import("./sandbox.bench.ts") },
  { name: "data-access", load: () => import("./data-access.bench.ts") },
  { name: "reminders", load: () => import("./reminders.bench.ts") },
  { name: "tab", load: () => import("./tab.bench.ts") },
  { name: "import", load: () => import("./import.bench.ts") },
  { name: "report", load: () => import("./report.bench.ts") },
];

const filters = process.argv.slice(2);
const machine = {
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryGB: Math.round(totalmem() / 1024 ** 3),
  platform: process.platform,
};

const results: (Figure & { benchmark: string; meetsTarget: boolean | null })[] = [];
for (const bench of BENCHMARKS) {
  if (filters.length > 0 && !filters.some((f) => bench.name.includes(f))) continue;
  console.log(`Running ${bench.name}…`);
  const { run } = await bench.load();
  for (const figure of await run()) {
    results.push({
      ...figure,
      benchmark: bench.name,
      conditions: { ...machine, ...figure.conditions },
      meetsTarget: meets(figure),
    });
  }
}

const rows = results.map((r) => [
  r.name,
  `${String(r.value)} ${r.unit}`,
  r.target === undefined ? "" : `${r.target.op} ${String(r.target.value)} ${r.unit}`,
  r.meetsTarget === null ? "" : r.meetsTarget ? "met" : "MISSED",
]);
const header = ["figure", "value", "target", ""];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
for (const row of rows) console.log(line(row));
console.log(`\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}`);

writeFileSync(
  new URL("./results.json", import.meta.url),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, figures: results }, null, 2)}\n`,
);
console.log("Wrote bench/results.json");
if (results.some((r) => r.meetsTarget === false)) process.exitCode = 1;
