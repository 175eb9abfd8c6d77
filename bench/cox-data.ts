/**
 * Seeded Cox benchmark data shared by bench/cox.bench.ts (continuous times) and bench/cox-tied.bench.ts
 * (times rounded to 0.01 on a short follow-up: a few hundred distinct values in 10⁶ rows, as registry days or
 * months give). Two binary and three continuous covariates, true β = (0.5, −0.3, 0.2, 0, 0.8),
 * exponential event times with rate 0.1·exp(xβ), uniform censoring on [0, follow-up].
 */
import { createRng } from "../src/lib/core/rng";

export type CoxRegime = "continuous" | "tied";

export function coxBenchData(n: number, regime: CoxRegime) {
  const p = 5;
  const beta = [0.5, -0.3, 0.2, 0.0, 0.8];
  const rng = createRng(20260101);
  const time = new Float64Array(n);
  const status = new Float64Array(n);
  const columns = Array.from({ length: p }, () => new Float64Array(n));
  const followUp = regime === "tied" ? 3 : 30;
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) {
      // Two binary, three continuous covariates (uniform on [−1.5, 1.5], sd ≈ 0.87).
      const x = j < 2 ? (rng.next() < 0.4 ? 1 : 0) : 3 * rng.next() - 1.5;
      columns[j][i] = x;
      eta += beta[j] * x;
    }
    const tEvent = -Math.log(1 - rng.next()) / (0.1 * Math.exp(eta));
    const tCens = followUp * rng.next();
    const t = Math.min(tEvent, tCens);
    time[i] = regime === "tied" ? Math.max(0.01, Math.round(t * 100) / 100) : t;
    status[i] = tEvent <= tCens ? 1 : 0;
  }
  return { p, time, status, columns, names: ["x1", "x2", "x3", "x4", "x5"] };
}
