/** Result of {@link midRanks}. */
export interface Ranking {
  readonly ranks: Float64Array;
  /** Sizes t of the tie groups with t > 1. */
  readonly tieSizes: number[];
  /** Σ (t³ − t) over tie groups. */
  readonly tieSum: number;
}

/**
 * Mid-ranks: the ranks of `values` with ties given the average of the ranks they span (R
 * `rank(x, ties.method = "average")`, SPSS's RANK with TIES = MEAN), together with the tie-group sizes
 * that tie corrections need. The rank tests of this library (Mann–Whitney, Wilcoxon, Kruskal–Wallis,
 * Friedman) all rank through it.
 *
 * Cost: one O(n log n) sort.
 *
 * @example
 * Array.from(midRanks(Float64Array.from([3, 1, 3, 2])).ranks) // [3.5, 1, 3.5, 2]
 */
export function midRanks(values: Float64Array): Ranking {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Float64Array(n);
  const tieSizes: number[] = [];
  let tieSum = 0;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && values[order[j]] === values[order[i]]) j++;
    const avg = (i + 1 + j) / 2; // mean of ranks i+1 .. j
    for (let k = i; k < j; k++) ranks[order[k]] = avg;
    const t = j - i;
    if (t > 1) {
      tieSizes.push(t);
      tieSum += t * t * t - t;
    }
    i = j;
  }
  return { ranks, tieSizes, tieSum };
}
