/**
 * Benchmark: Nelson–Aalen cumulative hazard with its variance, S = exp(−H) (stype 2, ctype 1), and the
 * Fleming–Harrington version (ctype 2), n = 1,000,000 on a 0.01 time grid with whole-number case weights 1–4
 * (model-based SEs, R's default for such weights), ours (surv + nelsonAalen, both ctypes) vs R survival::survfit
 * on the same seeded data in the same run (R's file reading excluded). Target ratio ≤ 0.5.
 * (With fractional weights both compute robust IJ SEs: R's loop is O(n · times) — 83 s at n = 200,000 on this
 * machine — ours O(n); `npx tsx bench/nelson-aalen.bench.ts 200000 fractional` measures that.)
 * Run: npx tsx bench/nelson-aalen.bench.ts [n] [fractional]
 */
import { createRng } from "../src/lib/core/rng";
import { nelsonAalen } from "../src/lib/survival/nelson-aalen";
import { surv } from "../src/lib/survival/surv";
import { report, runR, time, writeColumns } from "./lib";

const n = Number(process.argv[2] ?? 1_000_000);
const fractional = process.argv[3] === "fractional";
const rng = createRng(20261205);
const t = new Float64Array(n);
const d = new Float64Array(n);
const w = new Float64Array(n);
for (let i = 0; i < n; i++) {
  const ev = -Math.log(1 - rng.next()) * 20;
  const cens = 60 * rng.next();
  t[i] = Math.max(0.01, Math.round(Math.min(ev, cens) * 100) / 100); // 0.01 grid: many ties
  d[i] = ev <= cens ? 1 : 0;
  const k = 1 + Math.floor(rng.next() * 4);
  w[i] = fractional ? k / 2 : k; // 1–4, or 0.5–2 in halves
}
const data = writeColumns([t, d, w], n);
const ours = time(() => {
  const y = surv(t, d);
  return [nelsonAalen(y, { weights: w }), nelsonAalen(y, { weights: w, ctype: 2 })];
});
const [na, fh] = ours.value;
const last = na.time.length - 1;
console.log(
  `ours: ${na.time.length} times, H(last) NA ${na.cumhaz[last].toFixed(8)} FH ${fh.cumhaz[last].toFixed(8)}, ` +
    `std.chaz(last) ${na.stdChaz[last]?.toFixed(8)} (robust ${na.robust})`,
);
const r = runR<{ rSeconds: number; nTimes: number; lastNa: number; lastFh: number; lastStd: number }>(
  "nelson-aalen.R",
  [data.file, String(n)],
);
if (r)
  console.log(
    `R:    ${r.nTimes} times, H(last) NA ${r.lastNa.toFixed(8)} FH ${r.lastFh.toFixed(8)}, std.chaz(last) ${r.lastStd.toFixed(8)}`,
  );
data.cleanup();
report(fractional ? "nelson-aalen-robust" : "nelson-aalen", n, ours.seconds, r?.rSeconds ?? null, 0.5);
