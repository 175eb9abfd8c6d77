/**
 * Benchmark: what the formula layer adds to a Cox fit. n = 1,000,000 rows × 5 covariates (two binary, three
 * continuous), Efron ties, the data of bench/cox.bench.ts. Three timings in one process, alternated and repeated
 * (median of `reps`):
 *   kernel   surv() + coxPH(y, { names, columns })                        — the validated-array API;
 *   formula  coxph("Surv(time, status) ~ x1 + … + x5", { time, status, x1, … })  — object of columns;
 *   records  the same formula on an array of 1,000,000 records (reading the records included).
 * Target: formula / kernel ≤ 1.2 (the formula layer adds at most 20%). R's coxph with the same formula over a
 * data frame is timed too (the JSON line's rSeconds and ratio: ours = the formula path).
 * Last stdout line: {"bench", "n", "oursSeconds", "rSeconds", "ratio", "peakRssMB", "overhead", "overheadTarget",
 * "overheadRecords"} (no target for the ratio to R: that one is for reference).
 * Run: npx tsx bench/formula-cox.bench.ts [n] [reps]
 */
import { createRng } from "../src/lib/core/rng";
import { coxph } from "../src/lib/frontend/coxph";
import { coxPH } from "../src/lib/survival/cox-ph";
import { surv } from "../src/lib/survival/surv";
import { runR, time as timed, writeColumns } from "./lib";

const n = Number(process.argv[2] ?? 1_000_000);
const reps = Number(process.argv[3] ?? 5);
const p = 5;
const beta = [0.5, -0.3, 0.2, 0.0, 0.8];
const rng = createRng(20260101);
const time = new Float64Array(n);
const status = new Float64Array(n);
const columns = Array.from({ length: p }, () => new Float64Array(n));
for (let i = 0; i < n; i++) {
  let eta = 0;
  for (let j = 0; j < p; j++) {
    const x = j < 2 ? (rng.next() < 0.4 ? 1 : 0) : 3 * rng.next() - 1.5;
    columns[j][i] = x;
    eta += beta[j] * x;
  }
  const tEvent = -Math.log(1 - rng.next()) / (0.1 * Math.exp(eta));
  const tCens = 30 * rng.next();
  time[i] = Math.max(0.01, Math.round(Math.min(tEvent, tCens) * 100) / 100);
  status[i] = tEvent <= tCens ? 1 : 0;
}
const names = ["x1", "x2", "x3", "x4", "x5"];
const data = { time, status, x1: columns[0], x2: columns[1], x3: columns[2], x4: columns[3], x5: columns[4] };
const formula = "Surv(time, status) ~ x1 + x2 + x3 + x4 + x5";
const records = Array.from({ length: n }, (_, i) => ({
  time: time[i],
  status: status[i],
  x1: columns[0][i],
  x2: columns[1][i],
  x3: columns[2][i],
  x4: columns[3][i],
  x5: columns[4][i],
}));

const runs = {
  kernel: () => coxPH(surv(time, status), { names, columns }),
  formula: () => coxph(formula, data),
  records: () => coxph(formula, records),
};
const seconds: Record<keyof typeof runs, number[]> = { kernel: [], formula: [], records: [] };
const coefs: Record<string, number[]> = {};
// One warm-up of each, then alternate so machine load affects all three alike.
for (let r = 0; r <= reps; r++) {
  for (const key of Object.keys(runs) as (keyof typeof runs)[]) {
    const t = timed(runs[key]);
    if (r > 0) seconds[key].push(t.seconds);
    coefs[key] = t.value.terms.map((x) => x.coef as number);
  }
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const k = median(seconds.kernel);
const f = median(seconds.formula);
const rec = median(seconds.records);
for (const key of Object.keys(seconds) as (keyof typeof runs)[])
  console.log(
    `${key.padEnd(8)} ${seconds[key].map((s) => s.toFixed(3)).join(" ")}  median ${median(seconds[key]).toFixed(3)} s`,
  );
const same =
  coefs.formula.every((c, j) => c === coefs.kernel[j]) && coefs.records.every((c, j) => c === coefs.kernel[j]);
console.log(`coefficients identical on the three paths: ${same}`);
console.log(`formula layer overhead: columns ${(f / k).toFixed(3)}× (target ≤ 1.2), records ${(rec / k).toFixed(3)}×`);

const file = writeColumns([time, status, ...columns], n);
const r = runR<{ rSeconds: number; coef: number[] }>("formula-cox.R", [file.file, String(n)]);
file.cleanup();
if (r) {
  const maxRel = Math.max(...r.coef.map((c, j) => Math.abs(coefs.formula[j] - c) / Math.max(Math.abs(c), 1e-12)));
  console.log(
    `R coxph(formula, data.frame): ${r.rSeconds.toFixed(3)} s; max relative coefficient difference ${maxRel.toExponential(2)}`,
  );
}
const peakRssMB = process.resourceUsage().maxRSS / 1024;
const rSeconds = r?.rSeconds ?? null;
console.log(
  JSON.stringify({
    bench: "formula-cox",
    n,
    oursSeconds: f,
    rSeconds,
    ratio: rSeconds === null ? null : f / rSeconds,
    peakRssMB,
    // R's time is for reference: this benchmark's target is the layer's overhead over the array call.
    overhead: f / k,
    overheadTarget: 1.2,
    overheadRecords: rec / k,
  }),
);
