import { midRanks } from "../../lib/hypothesis/mid-ranks";

/**
 * SPSS's Mann–Whitney Z of x versus y (U = min(U1, U2), tie-corrected, no continuity correction; the
 * `details.zSpss` of mannWhitneyTest) and the same Z without the tie correction, for the search's inner
 * loop: mannWhitneyTest also computes the Hodges–Lehmann interval, which costs ten times more.
 * The untied Z bounds what ties can do: for a fixed U they only shrink the standard deviation, so
 * |Z| ≥ |untied Z| and a target below |untied Z| needs another U.
 *
 * Reference: Hollander, Wolfe & Chicken (2014) ch. 4. SPSS: NPAR TESTS /M-W. Cost: O(N log N).
 *
 * @example
 * mannWhitneyZ([5, 3, 7, 7, 2, 8, 5, 9, 6, 5], [1, 3, 2, 4, 5, 3, 2, 6]).z // −2.244593
 */
export function mannWhitneyZ(x: ArrayLike<number>, y: ArrayLike<number>): { z: number; untiedZ: number } {
  const m = x.length;
  const n = y.length;
  const all = new Float64Array(m + n);
  all.set(x as ArrayLike<number>, 0);
  all.set(y as ArrayLike<number>, m);
  const { ranks, tieSum } = midRanks(all);
  let r1 = 0;
  for (let i = 0; i < m; i++) r1 += ranks[i];
  const u1 = r1 - (m * (m + 1)) / 2;
  const shift = Math.min(u1, m * n - u1) - (m * n) / 2;
  const big = m + n;
  return {
    z: shift / Math.sqrt(((m * n) / 12) * (big + 1 - tieSum / (big * (big - 1)))),
    untiedZ: shift / Math.sqrt(((m * n) / 12) * (big + 1)),
  };
}
