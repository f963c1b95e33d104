// `npm run bench`: runs every benchmark, prints a table of figures against their targets and writes
// bench/results.json. Usage: npm run bench [-- name-fragment …] to run only some benchmarks; with --quick,
// every benchmark at small sizes through the same code (npm test runs it so the bench keeps running to the
// end): its figures are not judged against the targets, which are for the full sizes, nor written.
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { meets, type BenchOptions, type Figure } from "./figures.ts";

type Benchmark = { run: (options: BenchOptions) => Promise<Figure[]> };

const BENCHMARKS: { name: string; load: () => Promise<Benchmark> }[] = [
  { name: "sandbox", load: () => import("./sandbox.bench.ts") },
  { name: "data-access", load: () => import("./data-access.bench.ts") },
  { name: "reminders", load: () => import("./reminders.bench.ts") },
  { name: "tab", load: () => import("./tab.bench.ts") },
  { name: "return-visit", load: () => import("./return-visit.bench.ts") },
  { name: "dashboard", load: () => import("./dashboard.bench.ts") },
  { name: "import", load: () => import("./import.bench.ts") },
  { name: "report", load: () => import("./report.bench.ts") },
  { name: "load", load: () => import("./load.bench.ts") },
];

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const unknown = args.filter((a) => a.startsWith("-") && a !== "--quick");
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(" ")}. Usage: npm run bench [-- [--quick] [name-fragment …]]`);
  process.exit(2);
}
const filters = args.filter((a) => !a.startsWith("-"));
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
  console.log(`Running ${bench.name}${quick ? " (quick)" : ""}…`);
  const { run } = await bench.load();
  for (const measured of await run({ quick })) {
    const { target: _, ...untargeted } = measured;
    const figure = quick ? untargeted : measured;
    results.push({
      ...figure,
      benchmark: bench.name,
      conditions: { ...machine, ...figure.conditions, ...(quick ? { quick: "yes" } : {}) },
      meetsTarget: meets(figure),
    });
  }
}

const rows = results.map((r) => [
  r.benchmark,
  r.name,
  `${String(r.value)} ${r.unit}`,
  r.target === undefined ? "" : `${r.target.op} ${String(r.target.value)} ${r.unit}`,
  r.meetsTarget === null ? "" : r.meetsTarget ? "met" : "MISSED",
]);
const header = ["benchmark", "figure", "value", "target", ""];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
for (const row of rows) console.log(line(row));
console.log(`\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}`);

if (quick) {
  console.log("Quick run: small sizes, targets not judged; bench/results.json left as it was.");
} else {
  writeFileSync(
    new URL("./results.json", import.meta.url),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, figures: results }, null, 2)}\n`,
  );
  console.log("Wrote bench/results.json");
  if (results.some((r) => r.meetsTarget === false)) process.exitCode = 1;
}
