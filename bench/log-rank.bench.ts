/**
 * Benchmark: log-rank test, n = 1,000,000 in 2 groups, ours (surv + logRank) vs R survival::survdiff on
 * the same seeded data in the same run (R's file reading excluded). Target ratio ≤ 0.5. Run: npx tsx bench/log-rank.bench.ts [n]
 */
import { createRng } from "../src/lib/core/rng";
import { logRank } from "../src/lib/survival/log-rank";
import { surv } from "../src/lib/survival/surv";
import { report, runR, time, writeColumns } from "./lib";

const n = Number(process.argv[2] ?? 1_000_000);
const rng = createRng(20261129);
const t = new Float64Array(n);
const d = new Float64Array(n);
const g = new Float64Array(n);
for (let i = 0; i < n; i++) {
  g[i] = rng.next() < 0.5 ? 1 : 2;
  const ev = (-Math.log(1 - rng.next()) * 20) / (g[i] === 2 ? 1.1 : 1);
  const cens = 60 * rng.next();
  t[i] = Math.max(0.01, Math.round(Math.min(ev, cens) * 100) / 100);
  d[i] = ev <= cens ? 1 : 0;
}
const data = writeColumns([t, d, g], n);
const ours = time(() => logRank(surv(t, d), g));
console.log(`ours: chisq ${ours.value.statistic!.toFixed(6)}`);
const r = runR<{ rSeconds: number; chisq: number }>("log-rank.R", [data.file, String(n)]);
if (r) console.log(`R:    chisq ${r.chisq.toFixed(6)}`);
data.cleanup();
report("log-rank", n, ours.seconds, r?.rSeconds ?? null, 0.5);
