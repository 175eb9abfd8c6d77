/**
 * Mid-ranks (average ranks for ties, as R rank(ties.method = "average") and SPSS) computed with one
 * O(n log n) sort, plus the tie-group sizes needed by tie corrections.
 */
export interface Ranking {
  readonly ranks: Float64Array;
  /** Sizes t of the tie groups with t > 1. */
  readonly tieSizes: number[];
  /** Σ (t³ − t) over tie groups. */
  readonly tieSum: number;
}

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

/** Median of a typed array (copies; O(n log n)). */
export function medianOf(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
