/**
 * Seeded competing-risks data shared by the competing-risks benchmarks: two causes with hazards
 * depending on covariates, uniform censoring, times on a grid (as recorded data are: days, or months to
 * one decimal), so the number of distinct times stays in the hundreds as in registries.
 */
import { createRng } from "../src/lib/core/rng";

export function competingRisksData(
  n: number,
  p: number,
  grid: number,
  seed: number,
): { time: Float64Array; status: Float64Array; group: Float64Array; columns: Float64Array[] } {
  const rng = createRng(seed);
  const time = new Float64Array(n);
  const status = new Float64Array(n);
  const group = new Float64Array(n);
  const columns = Array.from({ length: p }, () => new Float64Array(n));
  const beta1 = [0.5, -0.3, 0.2, 0.0, 0.8];
  const beta2 = [-0.2, 0.4, 0.0, 0.3, -0.1];
  for (let i = 0; i < n; i++) {
    let eta1 = 0;
    let eta2 = 0;
    for (let j = 0; j < p; j++) {
      const x = j < 2 ? (rng.next() < 0.4 ? 1 : 0) : 3 * rng.next() - 1.5;
      columns[j][i] = x;
      eta1 += beta1[j % 5] * x;
      eta2 += beta2[j % 5] * x;
    }
    group[i] = Math.floor(3 * rng.next());
    const t1 = -Math.log(1 - rng.next()) / (0.06 * Math.exp(eta1 + 0.2 * group[i]));
    const t2 = -Math.log(1 - rng.next()) / (0.03 * Math.exp(eta2));
    const tc = 40 * rng.next();
    const t = Math.min(t1, t2, tc);
    time[i] = Math.max(grid, Math.round(t / grid) * grid);
    status[i] = t === tc ? 0 : t === t1 ? 1 : 2;
  }
  return { time, status, group, columns };
}
