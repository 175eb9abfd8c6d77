/**
 * Benchmark: Weibull accelerated-failure-time regression, n = 1,000,000 × 5 covariates, ours (surv +
 * survreg) vs R survival::survreg(dist = "weibull") on the same seeded data in the same run (R's file
 * reading excluded). Target ratio ≤ 0.5. Run: npx tsx bench/survreg.bench.ts [n]
 */
import { createRng } from "../src/lib/core/rng";
import { survreg } from "../src/lib/parametric/survreg";
import { surv } from "../src/lib/survival/surv";
import { report, runR, time as timed, writeColumns } from "./lib";

const n = Number(process.argv[2] ?? 1_000_000);
const p = 5;
const beta = [0.5, -0.3, 0.2, 0.0, 0.8];
const rng = createRng(20261207);
const time = new Float64Array(n);
const status = new Float64Array(n);
const columns = Array.from({ length: p }, () => new Float64Array(n));
for (let i = 0; i < n; i++) {
  let eta = 2;
  for (let j = 0; j < p; j++) {
    const x = j < 2 ? (rng.next() < 0.4 ? 1 : 0) : 3 * rng.next() - 1.5;
    columns[j][i] = x;
    eta += beta[j] * x;
  }
  // Weibull with shape 1.5: log T = η + σ W, σ = 1/1.5, W standard extreme value.
  const w = Math.log(-Math.log(1 - rng.next()));
  const t = Math.exp(eta + w / 1.5);
  const c = 40 * rng.next();
  time[i] = Math.max(0.01, Math.round(Math.min(t, c) * 100) / 100);
  status[i] = t <= c ? 1 : 0;
}
const file = writeColumns([time, status, ...columns], n);
const names = ["x1", "x2", "x3", "x4", "x5"];
const ours = timed(() => survreg(surv(time, status), { names, columns }, { dist: "weibull" }));
const fit = ours.value;
console.log(
  `ours: ${ours.seconds.toFixed(3)} s, ${fit.iterations} iterations, coef ${fit.terms.map((t) => t.coef.toFixed(6)).join(" ")}, scale ${fit.scale[0].toFixed(6)}, loglik ${fit.loglik[1].toFixed(4)}`,
);
const r = runR<{ rSeconds: number; coef: number[]; scale: number; loglik: number }>("survreg.R", [
  file.file,
  String(n),
  String(p),
]);
if (r)
  console.log(
    `R:    ${r.rSeconds.toFixed(3)} s, coef ${r.coef.map((c) => c.toFixed(6)).join(" ")}, scale ${r.scale.toFixed(6)}, loglik ${r.loglik.toFixed(4)}`,
  );
file.cleanup();
report("survreg", n, ours.seconds, r?.rSeconds ?? null, 0.5);
