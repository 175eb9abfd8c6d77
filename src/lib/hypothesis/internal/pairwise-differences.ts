import { createRng } from "../../core/rng";

/**
 * The k-th smallest (0-based) of the m·n pairwise differences x_i − y_j, each computed in floating point
 * exactly as `x[i] - y[j]`, without forming them: the differences form a matrix sorted along rows and
 * columns (x ascending, y descending), so a pivot's rank is counted in O(m + n) with two pointers, and
 * each row keeps a window of candidate columns that the pivot halves on average (Monahan 1984's
 * algorithm for the Hodges–Lehmann estimator; Johnson & Mizoguchi 1978 SIAM J Comput 7:147 for the
 * selection in X + Y). Pivots are drawn by a fixed-seed generator, so the work is deterministic.
 *
 * Reference: Monahan JF (1984) ACM TOMS 10:265–270 (Algorithm 616). Cost: expected
 * O((m + n) log(mn)) time, O(m + n) memory; the same answer as sorting all m·n differences.
 *
 * @param xs sorted ascending; @param ys sorted ascending; @param ks 0-based ranks, each in [0, mn);
 * @param sortBelow candidates left when the rest are simply sorted (tests set 1 to exercise the pivoting).
 * @example
 * pairwiseDifferenceQuantiles(Float64Array.of(1, 4), Float64Array.of(0, 2, 3), [0, 5]) // [-2, 4]
 */
export function pairwiseDifferenceQuantiles(
  xs: Float64Array,
  ys: Float64Array,
  ks: readonly number[],
  sortBelow = 4096,
): number[] {
  return ks.map((k) => selectPairwiseDifference(xs, ys, k, sortBelow));
}

function selectPairwiseDifference(xs: Float64Array, ys: Float64Array, k: number, sortBelow: number): number {
  const m = xs.length;
  const n = ys.length;
  // Row i holds d(i, c) = xs[i] − ys[n − 1 − c], ascending in c; candidate columns [lo[i], hi[i]).
  const lo = new Int32Array(m);
  const hi = new Int32Array(m).fill(n);
  const lessCut = new Int32Array(m);
  const leqCut = new Int32Array(m);
  const rng = createRng(20240601);
  let below = 0; // differences known to rank before every candidate
  let candidates = m * n;
  while (candidates > sortBelow) {
    // A uniformly drawn candidate as pivot: its rank splits the candidates evenly on average.
    let r = rng.int(candidates);
    let row = 0;
    while (r >= hi[row] - lo[row]) {
      r -= hi[row] - lo[row];
      row++;
    }
    const pivot = xs[row] - ys[n - 1 - (lo[row] + r)];
    // Per row, how many columns have d < pivot and d ≤ pivot (non-increasing in i: two pointers).
    let cLess = n;
    let cLeq = n;
    let nLess = below;
    let nLeq = below;
    for (let i = 0; i < m; i++) {
      while (cLess > 0 && !(xs[i] - ys[n - cLess] < pivot)) cLess--;
      while (cLeq > 0 && !(xs[i] - ys[n - cLeq] <= pivot)) cLeq--;
      lessCut[i] = Math.min(Math.max(cLess, lo[i]), hi[i]);
      leqCut[i] = Math.min(Math.max(cLeq, lo[i]), hi[i]);
      nLess += lessCut[i] - lo[i];
      nLeq += leqCut[i] - lo[i];
    }
    if (k < nLess) {
      for (let i = 0; i < m; i++) hi[i] = lessCut[i];
      candidates = nLess - below;
    } else if (k < nLeq) {
      return pivot;
    } else {
      for (let i = 0; i < m; i++) lo[i] = leqCut[i];
      candidates -= nLeq - below;
      below = nLeq;
    }
  }
  const rest = new Float64Array(candidates);
  let at = 0;
  for (let i = 0; i < m; i++) for (let c = lo[i]; c < hi[i]; c++) rest[at++] = xs[i] - ys[n - 1 - c];
  rest.sort();
  return rest[k - below];
}
