import { InputError } from "../../lib/core/errors";
import { meanSd } from "../../lib/hypothesis/mean-sd";
import { medianIqr } from "../../lib/hypothesis/median-iqr";
import { localSearch } from "./local-search";
import { printedMiss } from "./printed-miss";
import type { Rng } from "../../lib/core/rng";

/** Printed targets of one sample: "median (P25, P75)" and optionally "mean ± SD", as printed. */
export interface SampleTargets {
  readonly median?: string;
  readonly p25?: string;
  readonly p75?: string;
  readonly mean?: string;
  readonly sd?: string;
}

/** Sorted allowed values of a measurement (a grid): e.g. VAS 0..10, ODI on its item scale. */
export type ValueGrid = readonly number[];

/** Loss of a sample against printed targets (0 = all printed as published), SPSS HAVERAGE quartiles. */
export function sampleLoss(values: ArrayLike<number>, targets: SampleTargets): number {
  let loss = 0;
  if (targets.median !== undefined || targets.p25 !== undefined || targets.p75 !== undefined) {
    const q = medianIqr(values);
    if (targets.median !== undefined) loss += printedMiss(q.median, targets.median);
    if (targets.p25 !== undefined) loss += printedMiss(q.p25, targets.p25);
    if (targets.p75 !== undefined) loss += printedMiss(q.p75, targets.p75);
  }
  if (targets.mean !== undefined || targets.sd !== undefined) {
    const m = meanSd(values);
    if (targets.mean !== undefined) loss += printedMiss(m.mean, targets.mean);
    if (targets.sd !== undefined) loss += printedMiss(m.sd, targets.sd);
  }
  return loss;
}

/**
 * How near the SPSS quartiles (type 6) of any n values on `grid` can come to printing the targets:
 * the summed printedMiss of the closest attainable P25, median and P75 (0 = all attainable). The
 * sample size matters: a quartile between two order statistics interpolates, so some printed values
 * exist only for some n (an ODI P75 of 43.13 needs an even n on the 8–10-section scale).
 * Cost: O(grid²) per quartile.
 *
 * @example
 * quartileMissAt(5, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { median: "4", p25: "2", p75: "7" }) // 0
 * quartileMissAt(4, [0, 1, 2], { median: "1.25" })
 * // 24.501: the median of 4 integers is whole or half, 0.245 outside 1.25's window
 */
export function quartileMissAt(n: number, grid: ValueGrid, targets: SampleTargets): number {
  let miss = 0;
  for (const [p, t] of [
    [0.25, targets.p25],
    [0.5, targets.median],
    [0.75, targets.p75],
  ] as const) {
    if (t === undefined) continue;
    const { f } = type6Position(p, n);
    const [a, b] = interpolatingPair(grid, f, t);
    miss += printedMiss(grid[a] + f * (grid[b] - grid[a]), t);
  }
  return miss;
}

/**
 * Finds n values on `grid` whose SPSS quartiles (HAVERAGE, R type 6) and mean/SD print as the
 * published targets, by local search over grid indices (shift moves). Also the solver's unit
 * test target: e.g. 5 integers in 0..10 with median 4 and quartiles (2, 7).
 *
 * Reference: Hyndman & Fan (1996) Am Stat 50:361 (type 6). R: `quantile(x, type = 6)` checks a
 * solution; SPSS: FREQUENCIES /PERCENTILES. Cost: O(iterations × n log n).
 *
 * @example
 * designSample({ n: 5, grid: [0,1,2,3,4,5,6,7,8,9,10], targets: { median: "4", p25: "2", p75: "7" }, rng: createRng(1)
 * }).loss // 0
 */
export function designSample(options: {
  readonly n: number;
  readonly grid: ValueGrid;
  readonly targets: SampleTargets;
  readonly rng: Rng;
  readonly maxIterations?: number;
  /** Initial annealing temperature (default 0.05). */
  readonly temperature?: number;
  /** Extra loss on the values (e.g. a between-group test); must not mutate. */
  readonly extraLoss?: (values: number[]) => number;
}): { values: number[]; loss: number } {
  const { n, grid, targets, rng } = options;
  if (!Number.isInteger(n) || n < 1) throw new InputError("must be a positive integer", { field: "n", value: n });
  if (grid.length < 2) throw new InputError("needs at least two values", { field: "grid", value: grid });
  const initial = constructiveStart(n, grid, targets, rng);
  const toValues = (idx: Int32Array): number[] => Array.from(idx, (i) => grid[i]);
  const result = localSearch({
    initial: [initial],
    objective: ([idx]) => {
      const v = toValues(idx);
      return sampleLoss(v, targets) + (options.extraLoss ? options.extraLoss(v) : 0);
    },
    moves: { bounds: [[0, grid.length - 1]], maxStep: Math.max(1, Math.ceil(grid.length / 8)) },
    rng,
    maxIterations: options.maxIterations ?? 20000,
    temperature: options.temperature ?? 0.05,
  });
  const values = toValues(result.state[0]).sort((a, b) => a - b);
  return { values, loss: result.loss };
}

/**
 * A sorted start that already has the printed quartiles: under type 6 the p-quantile is
 * x(j) + f·(x(j+1) − x(j)) with j + f = p(n + 1). A target on the grid is placed at x(j) and
 * x(j+1); one between grid values (an ODI of 48.75 when the scale has 45 and 50) gets the
 * tightest grid pair whose interpolation prints as the target — a single-element search cannot
 * reach such a pair, because moving either element alone first makes the quartile worse.
 * The other values are drawn between the anchors.
 */
function constructiveStart(n: number, grid: ValueGrid, targets: SampleTargets, rng: Rng): Int32Array {
  const anchors = new Map<number, number>(); // 0-based position → grid index
  const nearest = (x: number): number => {
    let best = 0;
    for (let k = 1; k < grid.length; k++) if (Math.abs(grid[k] - x) < Math.abs(grid[best] - x)) best = k;
    return best;
  };
  for (const [p, t] of [
    [0.25, targets.p25],
    [0.5, targets.median],
    [0.75, targets.p75],
  ] as const) {
    if (t === undefined) continue;
    const { j, f } = type6Position(p, n);
    const pair = f > 0 ? interpolatingPair(grid, f, t) : null;
    const k = nearest(Number(t));
    anchors.set(j - 1, pair ? pair[0] : k);
    if (pair) anchors.set(j, pair[1]);
  }
  const out = new Int32Array(n);
  const fixed = [...anchors.entries()].sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < n; i++) {
    if (anchors.has(i)) {
      out[i] = anchors.get(i)!;
      continue;
    }
    const below = [...fixed].reverse().find(([pos]) => pos < i);
    const above = fixed.find(([pos]) => pos > i);
    const lo = below ? below[1] : 0;
    const hi = above ? above[1] : grid.length - 1;
    out[i] = Math.min(lo, hi) + rng.int(Math.abs(hi - lo) + 1);
  }
  return out;
}

/**
 * Where the type-6 p-quantile of n sorted values lies: x(j) + f·(x(j+1) − x(j)) with j + f = p(n + 1),
 * clamped to 1 ≤ j ≤ n (f = 0 at the top: no x(n+1)).
 */
function type6Position(p: number, n: number): { j: number; f: number } {
  const h = p * (n + 1);
  const j = Math.min(n, Math.max(1, Math.floor(h)));
  return { j, f: j < n ? h - j : 0 };
}

/**
 * Grid indices (a, b), a ≤ b, whose type-6 interpolation grid[a] + f·(grid[b] − grid[a]) prints as
 * `printed`, with the smallest gap grid[b] − grid[a] (then the a nearest the target). When no pair
 * prints it (an unattainable quartile, a documented conflict), the pair whose interpolation comes
 * nearest to it, so that the search starts at the closest attainable value. Cost: O(grid²), once per quartile.
 */
function interpolatingPair(grid: ValueGrid, f: number, printed: string): [number, number] {
  let best: [number, number] | null = null;
  let bestGap = Infinity;
  for (let a = 0; a < grid.length; a++) {
    for (let b = a; b < grid.length && grid[b] - grid[a] < bestGap; b++) {
      if (printedMiss(grid[a] + f * (grid[b] - grid[a]), printed) === 0) {
        best = [a, b];
        bestGap = grid[b] - grid[a];
        break;
      }
    }
  }
  if (best !== null) return best;
  const target = Number(printed);
  let nearest: [number, number] = [0, 0];
  let bestDistance = Infinity;
  for (let a = 0; a < grid.length; a++) {
    for (let b = a; b < grid.length; b++) {
      const distance = Math.abs(grid[a] + f * (grid[b] - grid[a]) - target);
      if (
        distance < bestDistance - 1e-12 ||
        (Math.abs(distance - bestDistance) <= 1e-12 && grid[b] - grid[a] < grid[nearest[1]] - grid[nearest[0]])
      ) {
        nearest = [a, b];
        bestDistance = distance;
      }
    }
  }
  return nearest;
}
