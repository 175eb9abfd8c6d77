/**
 * Benchmark: Cox model, Efron ties, n = 1,000,000 rows × 5 covariates, ours vs R survival::coxph on
 * the same seeded data in the same run. Our time covers surv() (validation, near-tie merging) and
 * coxPH (sort, Newton iterations, concordance); R's covers coxph() (system.time inside Rscript, reading
 * the binary file excluded). Last stdout line: {"bench", "n", "oursSeconds", "rSeconds", "ratio", "peakRssMB"}.
 * Target: ratio ≤ 0.2, peak RSS ≤ 2 GB. Run: npx tsx bench/cox.bench.ts [n]
 */
import { createRng } from "../src/lib/core/rng";
import { coxPH } from "../src/lib/survival/cox-ph";
import { surv } from "../src/lib/survival/surv";
import { report, runR, time as timed, writeColumns } from "./lib";

const n = Number(process.argv[2] ?? 1_000_000);
const p = 5;
const beta = [0.5, -0.3, 0.2, 0.0, 0.8];
const rng = createRng(20260101);
const time = new Float64Array(n);
const status = new Float64Array(n);
const columns = Array.from({ length: p }, () => new Float64Array(n));
for (let i = 0; i < n; i++) {
  let eta = 0;
  for (let j = 0; j < p; j++) {
    // Two binary, three continuous covariates (uniform on [−1.5, 1.5], sd ≈ 0.87).
    const x = j < 2 ? (rng.next() < 0.4 ? 1 : 0) : 3 * rng.next() - 1.5;
    columns[j][i] = x;
    eta += beta[j] * x;
  }
  const tEvent = -Math.log(1 - rng.next()) / (0.1 * Math.exp(eta));
  const tCens = 30 * rng.next();
  // Times on a 0.01 grid, as recorded data would be: plenty of tied deaths for Efron.
  time[i] = Math.max(0.01, Math.round(Math.min(tEvent, tCens) * 100) / 100);
  status[i] = tEvent <= tCens ? 1 : 0;
}

const data = writeColumns([time, status, ...columns], n);
const ours = timed(() => coxPH(surv(time, status), { names: ["x1", "x2", "x3", "x4", "x5"], columns }));
const fit = ours.value;
console.log(
  `ours: ${ours.seconds.toFixed(3)} s, ${fit.iterations} iterations, coef ${fit.terms.map((t) => t.coef!.toFixed(6)).join(" ")}`,
);
console.log(`ours: loglik ${fit.loglik.toFixed(6)}, concordance ${fit.concordance.concordance.toFixed(6)}`);

const r = runR<{ rSeconds: number; coef: number[]; loglik: number; concordance: number }>("cox.R", [
  data.file,
  String(n),
  String(p),
]);
if (r) {
  console.log(`R:    ${r.rSeconds.toFixed(3)} s, coef ${r.coef.map((c) => c.toFixed(6)).join(" ")}`);
  console.log(`R:    loglik ${r.loglik.toFixed(6)}, concordance ${r.concordance.toFixed(6)}`);
  const maxRel = Math.max(...r.coef.map((c, j) => Math.abs(fit.terms[j].coef! - c) / Math.max(Math.abs(c), 1e-12)));
  console.log(`max relative coefficient difference ours vs R: ${maxRel.toExponential(2)}`);
}
data.cleanup();
report("cox-efron", n, ours.seconds, r?.rSeconds ?? null, 0.2);
