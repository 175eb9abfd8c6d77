/**
 * Benchmark: Kaplan–Meier, n = 10,000,000, ours (surv + kaplanMeier) vs R survival::survfit on the same
 * seeded data in the same run (R's file reading excluded). Target ratio ≤ 0.2. Run: npx tsx bench/kaplan-meier.bench.ts [n]
 */
import { createRng } from "../src/lib/core/rng";
import { kaplanMeier } from "../src/lib/survival/kaplan-meier";
import { surv } from "../src/lib/survival/surv";
import { report, runR, time, writeColumns } from "./lib";

const n = Number(process.argv[2] ?? 10_000_000);
const rng = createRng(20261128);
const t = new Float64Array(n);
const d = new Float64Array(n);
for (let i = 0; i < n; i++) {
  const ev = -Math.log(1 - rng.next()) * 20;
  const cens = 60 * rng.next();
  t[i] = Math.max(0.01, Math.round(Math.min(ev, cens) * 100) / 100); // 0.01 grid: many ties
  d[i] = ev <= cens ? 1 : 0;
}
const data = writeColumns([t, d], n);
const ours = time(() => kaplanMeier(surv(t, d)));
const last = ours.value.steps[ours.value.steps.length - 1];
console.log(`ours: ${ours.value.steps.length} distinct times, S(last) ${last.survival.toFixed(8)}`);
const r = runR<{ rSeconds: number; nTimes: number; lastSurv: number }>("kaplan-meier.R", [data.file, String(n)]);
if (r) console.log(`R:    ${r.nTimes} distinct times, S(last) ${r.lastSurv.toFixed(8)}`);
data.cleanup();
report("kaplan-meier", n, ours.seconds, r?.rSeconds ?? null, 0.2);
