/**
 * Benchmark: Cox model, Efron ties, n = 1,000,000 rows × 5 covariates, ours vs R survival::coxph on
 * the same seeded data in the same run. Our time covers surv() (validation, near-tie merging) and
 * coxPH (sort, Newton iterations, concordance); R's covers coxph() (system.time inside Rscript, reading
 * the binary file excluded). Last stdout line: {"bench", "n", "oursSeconds", "rSeconds", "ratio", "peakRssMB"}.
 * Target: ratio ≤ 0.2, peak RSS ≤ 2 GB. Run: npx tsx bench/cox.bench.ts [n]
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { createRng } from "../src/cohort/reconstruct/prng";
import { coxPH } from "../src/survival/cox-ph";
import { surv } from "../src/survival/surv";

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

const dir = mkdtempSync(join(tmpdir(), "cox-bench-"));
const file = join(dir, "cox.bin");
const buf = Buffer.alloc(n * (p + 2) * 8);
const cols = [time, status, ...columns];
cols.forEach((c, j) => {
  for (let i = 0; i < n; i++) buf.writeDoubleLE(c[i], (j * n + i) * 8);
});
writeFileSync(file, buf);

const t0 = process.hrtime.bigint();
const y = surv(time, status);
const fit = coxPH(y, { names: ["x1", "x2", "x3", "x4", "x5"], columns });
const oursSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
const peakRssMB = process.resourceUsage().maxRSS / 1024;
console.log(`ours: ${oursSeconds.toFixed(3)} s, ${fit.iterations} iterations, coef ${fit.terms.map((t) => t.coef!.toFixed(6)).join(" ")}`);
console.log(`ours: loglik ${fit.loglik.toFixed(6)}, concordance ${fit.concordance.concordance.toFixed(6)}, peak RSS ${peakRssMB.toFixed(0)} MB`);

let rSeconds: number | null = null;
const r = spawnSync("Rscript", [resolve(__dirname, "cox.R"), file, String(n), String(p)], { encoding: "utf8", maxBuffer: 16 << 20 });
if (r.status === 0) {
  const line = JSON.parse(r.stdout.trim().split("\n").pop()!) as { rSeconds: number; coef: number[]; loglik: number; concordance: number };
  rSeconds = line.rSeconds;
  console.log(`R:    ${rSeconds.toFixed(3)} s, coef ${line.coef.map((c) => c.toFixed(6)).join(" ")}`);
  console.log(`R:    loglik ${line.loglik.toFixed(6)}, concordance ${line.concordance.toFixed(6)}`);
  const maxRel = Math.max(...line.coef.map((c, j) => Math.abs(fit.terms[j].coef! - c) / Math.max(Math.abs(c), 1e-12)));
  console.log(`max relative coefficient difference ours vs R: ${maxRel.toExponential(2)}`);
} else {
  console.log(`R not run (${r.error?.message ?? r.stderr.trim().split("\n").pop()})`);
}
rmSync(dir, { recursive: true, force: true });
const ratio = rSeconds === null ? null : oursSeconds / rSeconds;
if (ratio !== null) console.log(`ratio ours/R: ${ratio.toFixed(3)} (target ≤ 0.2)`);
console.log(JSON.stringify({ bench: "cox-efron", n, oursSeconds, rSeconds, ratio, peakRssMB }));
