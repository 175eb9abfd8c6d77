/**
 * Benchmark: Mann–Whitney test with the Hodges–Lehmann shift and its 95% interval (values on a 0.1 grid,
 * so with many ties), ours (mannWhitneyTest, R convention) vs R stats::wilcox.test(x, y, conf.int = TRUE)
 * on the same seeded data in the same run (R's file reading excluded), 50,000 per group (R about 50 s); then ours
 * alone at 500,000 per group (R takes about ten minutes there: 594 s on 2026-11-30). The estimate and
 * interval need order statistics of the m·n pairwise differences, or (asymptotically, as here)
 * root-finding on the rank statistic: ours merges the sorted samples at each step instead of re-ranking.
 * Target ratio ≤ 1. Run: npx tsx bench/mann-whitney.bench.ts [n per group] [n per group, ours only]
 */
import { createRng } from "../src/lib/core/rng";
import { mannWhitneyTest } from "../src/lib/hypothesis/mann-whitney-test";
import { report, runR, time, writeColumns } from "./lib";

const n = Number(process.argv[2] ?? 50_000);
const nLarge = Number(process.argv[3] ?? 500_000);

function samples(size: number): { x: Float64Array; y: Float64Array } {
  const rng = createRng(20261130);
  const x = new Float64Array(size);
  const y = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    x[i] = Math.round(rng.normal() * 100) / 10;
    y[i] = Math.round((rng.normal() + 0.05) * 100) / 10;
  }
  return { x, y };
}

const large = samples(nLarge);
const oursLarge = time(() => mannWhitneyTest(large.x, large.y, { convention: "r" }));
console.log(
  `ours alone, ${nLarge} per group: ${oursLarge.seconds.toFixed(2)} s (estimate ${oursLarge.value.estimate})`,
);
const { x, y } = samples(n);
const data = writeColumns([x, y], n);
const ours = time(() => mannWhitneyTest(x, y, { convention: "r" }));
const o = ours.value;
console.log(`ours: W ${o.statistic}, p ${o.pValue}, estimate ${o.estimate}, CI [${o.ci!.join(", ")}]`);
const r = runR<{ rSeconds: number; W: number; p: number; estimate: number; lower: number; upper: number }>(
  "mann-whitney.R",
  [data.file, String(n)],
);
if (r) console.log(`R:    W ${r.W}, p ${r.p}, estimate ${r.estimate}, CI [${r.lower}, ${r.upper}]`);
data.cleanup();
report("mann-whitney", 2 * n, ours.seconds, r?.rSeconds ?? null, 1);
