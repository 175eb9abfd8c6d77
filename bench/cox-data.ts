/**
 * Seeded Cox benchmark data shared by the Cox benchmarks, in three regimes of tied times:
 * - "grid" (bench/cox.bench.ts, the original benchmark): times rounded to 0.01 over a 30-unit follow-up, about
 *   3,000 distinct values in 10⁶ rows;
 * - "tied" (bench/cox-tied.bench.ts): times rounded to 0.01 over a 3-unit follow-up, 300 distinct values —
 *   thousands of tied deaths per time, as registry days or months give;
 * - "continuous" (bench/cox-continuous.bench.ts): unrounded times, every time distinct.
 * Two binary and three continuous covariates, true β = (0.5, −0.3, 0.2, 0, 0.8), exponential event times with
 * rate 0.1·exp(xβ), uniform censoring on [0, follow-up]; the same seed in every regime.
 */
import { createRng } from "../src/lib/core/rng";

export type CoxRegime = "grid" | "tied" | "continuous";

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
    time[i] = regime === "continuous" ? t : Math.max(0.01, Math.round(t * 100) / 100);
    status[i] = tEvent <= tCens ? 1 : 0;
  }
  return { p, time, status, columns, names: ["x1", "x2", "x3", "x4", "x5"] };
}
