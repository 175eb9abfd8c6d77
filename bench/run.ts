/**
 * `npm run bench` — runs every bench/*.bench.ts in its own process (so peak memory is its own), each
 * timing our kernel and R's survival package on the same generated data in the same run, and prints the
 * ratios. Each benchmark prints, as its last stdout line, a JSON object
 * {"bench", "n", "oursSeconds", "rSeconds", "ratio", "peakRssMB"} (rSeconds and ratio null without R).
 * Usage: npm run bench [-- name-filter]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

interface BenchLine {
  bench: string;
  n: number;
  oursSeconds: number;
  rSeconds: number | null;
  ratio: number | null;
  peakRssMB: number;
  target?: number;
}

const dir = resolve(__dirname);
const filter = process.argv[2] ?? "";
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`no benchmarks matching "${filter}" in bench/`);
  process.exit(1);
}
const tsx = resolve(dir, "..", "node_modules", ".bin", "tsx");
const results: BenchLine[] = [];
for (const file of files) {
  console.log(`== ${file}`);
  const run = spawnSync(tsx, [join(dir, file)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 << 20,
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    console.error(`${file} failed (exit ${run.status})`);
    process.exit(1);
  }
  const last = run.stdout.trim().split("\n").pop() ?? "";
  results.push(JSON.parse(last) as BenchLine);
}
console.log("\nbenchmark            n            ours (s)   R (s)      ours/R   peak RSS (MB)");
for (const r of results) {
  console.log(
    `${r.bench.padEnd(20)} ${String(r.n).padEnd(12)} ${r.oursSeconds.toFixed(3).padEnd(10)} ${(r.rSeconds?.toFixed(3) ?? "no R").padEnd(10)} ${(r.ratio?.toFixed(3) ?? "—").padEnd(8)} ${r.peakRssMB.toFixed(0)}`,
  );
}
mkdirSync(join(dir, "out"), { recursive: true });
writeFileSync(join(dir, "out", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
