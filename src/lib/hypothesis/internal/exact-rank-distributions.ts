/**
 * Exact null distributions of rank statistics without ties, by dynamic programming (the recursions
 * behind R's cwilcox / csignrank). Counts are kept as doubles: exact up to 2^53, i.e. far beyond the
 * n < 50 where R (and this library) use them.
 */

/**
 * Null distribution of the Mann–Whitney U = W − m(m+1)/2 for samples of sizes m and n:
 * probabilities for u = 0..m·n. Recursion on the number of ways to choose m ranks out of m+n whose
 * U equals u (Mann & Whitney 1947). Cost O(m · n · (m·n)) time, O(m · m·n) memory.
 */
export function mannWhitneyNull(m: number, n: number): Float64Array {
  const maxU = m * n;
  // The number of rank sets with a given U is the number of partitions of U into at most m parts,
  // each at most n (the partition fits in an m × n box). Box recursion on the largest part:
  //   N(u; i, j) = N(u; i, j − 1) + N(u − j; i − 1, j).
  // prev[i] holds N(·; i, j − 1), cur[i] holds N(·; i, j).
  let prev: Float64Array[] = [];
  for (let i = 0; i <= m; i++) {
    const row = new Float64Array(maxU + 1);
    row[0] = 1; // only u = 0 with parts ≤ 0
    prev.push(row);
  }
  for (let j = 1; j <= n; j++) {
    const cur: Float64Array[] = [new Float64Array(maxU + 1)];
    cur[0][0] = 1;
    for (let i = 1; i <= m; i++) {
      const row = new Float64Array(maxU + 1);
      const limit = i * j;
      const below = cur[i - 1];
      const same = prev[i];
      for (let u = 0; u <= limit; u++) row[u] = same[u] + (u >= j ? below[u - j] : 0);
      cur.push(row);
    }
    prev = cur;
  }
  const counts = prev[m];
  let total = 0;
  for (let u = 0; u <= maxU; u++) total += counts[u];
  const probs = new Float64Array(maxU + 1);
  for (let u = 0; u <= maxU; u++) probs[u] = counts[u] / total;
  return probs;
}

/**
 * Null distribution of the signed-rank statistic V (sum of ranks 1..n of positive differences):
 * probabilities for v = 0..n(n+1)/2, by the subset-sum recursion. Cost O(n³) time, O(n²) memory.
 */
export function signedRankNull(n: number): Float64Array {
  const maxV = (n * (n + 1)) / 2;
  const counts = new Float64Array(maxV + 1);
  counts[0] = 1;
  let reach = 0;
  for (let k = 1; k <= n; k++) {
    reach += k;
    for (let v = reach; v >= k; v--) counts[v] += counts[v - k];
  }
  const total = 2 ** n;
  const probs = new Float64Array(maxV + 1);
  for (let v = 0; v <= maxV; v++) probs[v] = counts[v] / total;
  return probs;
}

/** P(S ≤ q) for an integer-valued null distribution (q is floored; below 0 gives 0). */
export function lowerTail(probs: Float64Array, q: number): number {
  const k = Math.floor(q);
  if (k < 0) return 0;
  if (k >= probs.length - 1) return 1;
  let s = 0;
  for (let i = 0; i <= k; i++) s += probs[i];
  return Math.min(1, s);
}

/** P(S > q), summed from the top to keep small tails accurate. */
export function upperTail(probs: Float64Array, q: number): number {
  const k = Math.floor(q);
  if (k < 0) return 1;
  let s = 0;
  for (let i = probs.length - 1; i > k; i--) s += probs[i];
  return Math.min(1, s);
}

/**
 * Quantile of a symmetric integer null distribution exactly as R's qwilcox / qsignrank compute it
 * (including their 10·DBL_EPSILON fuzz), so confidence-interval ranks agree with R.
 */
export function nullQuantile(probs: Float64Array, p: number): number {
  const top = probs.length - 1;
  let s = 0;
  if (p <= 0.5) {
    const target = p - 10 * Number.EPSILON;
    for (let q = 0; q <= top; q++) {
      s += probs[q];
      if (s >= target) return q;
    }
    return top;
  }
  const target = 1 - p + 10 * Number.EPSILON;
  for (let q = 0; q <= top; q++) {
    s += probs[q];
    if (s > target) return top - q;
  }
  return 0;
}

/**
 * Conditional (permutation) null distribution of a rank-sum statistic with ties: the sum of m
 * scores drawn without replacement from `scores` (integers: doubled mid-ranks). Probabilities for
 * sums 0..Σscores. DP over (items taken, sum): O(N · m · Σscores) time, O(m · Σscores) memory.
 * Same distribution as exactRankTests::wilcox.exact (Streitberg & Röhmel shift algorithm).
 */
export function tiedRankSumNull(scores: Int32Array, m: number): Float64Array {
  let total = 0;
  for (const s of scores) total += s;
  // ways[k * (total + 1) + s]: number of k-subsets of the items seen so far with score sum s
  const width = total + 1;
  const ways = new Float64Array((m + 1) * width);
  ways[0] = 1;
  let reach = 0;
  for (let item = 0; item < scores.length; item++) {
    const sc = scores[item];
    reach += sc;
    for (let k = Math.min(m, item + 1); k >= 1; k--) {
      const row = k * width;
      const below = (k - 1) * width;
      for (let s = reach; s >= sc; s--) ways[row + s] += ways[below + s - sc];
    }
  }
  const out = new Float64Array(width);
  let sum = 0;
  for (let s = 0; s < width; s++) sum += ways[m * width + s];
  for (let s = 0; s < width; s++) out[s] = ways[m * width + s] / sum;
  return out;
}

/**
 * Conditional null distribution of Σ scores of the positive differences when each sign is ± with
 * probability ½ (signed-rank test with tied |d|, scores = doubled mid-ranks). O(n · Σscores).
 */
export function tiedSignedRankNull(scores: Int32Array): Float64Array {
  let total = 0;
  for (const s of scores) total += s;
  const counts = new Float64Array(total + 1);
  counts[0] = 1;
  let reach = 0;
  for (const sc of scores) {
    reach += sc;
    for (let s = reach; s >= sc; s--) counts[s] += counts[s - sc];
  }
  const scale = 2 ** scores.length;
  return counts.map((c) => c / scale);
}

/**
 * p-value of an observed score sum t under a discrete null on 0..len−1: "greater" P(T ≥ t),
 * "less" P(T ≤ t), "two-sided" P(|T − E| ≥ |t − E|) (exactRankTests / coin convention, not doubling).
 */
export function conditionalPValue(
  probs: Float64Array,
  t: number,
  alternative: "two-sided" | "less" | "greater",
): number {
  let mean = 0;
  for (let s = 0; s < probs.length; s++) mean += s * probs[s];
  const eps = 1e-7;
  let p = 0;
  for (let s = 0; s < probs.length; s++) {
    if (probs[s] === 0) continue;
    const hit =
      alternative === "greater"
        ? s >= t - eps
        : alternative === "less"
          ? s <= t + eps
          : Math.abs(s - mean) >= Math.abs(t - mean) - eps;
    if (hit) p += probs[s];
  }
  return Math.min(1, p);
}
