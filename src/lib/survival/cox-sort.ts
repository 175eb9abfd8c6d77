/**
 * Stable argsort of doubles by LSD radix sort on the high 32 of their IEEE-754 bits (2 passes of 16 bits),
 * then the rare runs whose high words agree but low words differ are ordered in place: O(n) for real data,
 * no comparator calls, ties kept in index order. Internal to the Cox kernels, which sort 10⁶ times
 * and linear predictors where a comparator sort would dominate the fit.
 * Assumes a little-endian platform (x86, ARM as Node runs them).
 * Below {@link RADIX_MIN_N} elements a stable merge sort is used instead: the radix passes cost
 * a fixed 2·65536 steps, which dominates small fits (the reconstruction fits n = 55 tens of
 * thousands of times). Both give the same order (stable, −0 with +0).
 * Cost: O(n + 2·65536) time (plus O(g log g) for each run of g values equal in their top 32 bits but not
 * all 64), 5 n words of memory; O(n log n) below the threshold.
 */
export const RADIX_MIN_N = 4096;
/** Length of the runs the merge sort first sorts by insertion. */
const RUN = 32;

/**
 * Stable argsort by merging: runs of {@link RUN} sorted by insertion, then merged pairwise, comparing the
 * values directly (no comparator calls, which made Array.prototype.sort the cost of small Cox fits and of
 * simulations that sort thousands of samples of 50–500). Ties keep their input order; −0 and +0 are equal.
 * O(n log n) time, 2 n words of memory.
 */
function mergeArgsort(values: Float64Array, descending: boolean): Int32Array {
  const n = values.length;
  // Descending order is ascending order of −v (u > w ⇔ −u < −w; ties, and −0 with +0, stay equal), so the loops
  // below compare with `<` inline: a comparator chosen at run time was most of the cost of these small sorts.
  let key = values;
  if (descending) {
    key = new Float64Array(n);
    for (let i = 0; i < n; i++) key[i] = -values[i];
  }
  let from = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const k = from[i];
      const v = key[k];
      let j = i - 1;
      while (j >= lo && v < key[from[j]]) {
        from[j + 1] = from[j];
        j--;
      }
      from[j + 1] = k;
    }
  }
  if (n <= RUN) return from;
  let to = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // The right run's element goes first only when strictly smaller: equal values keep their order.
      while (i < mid && j < hi) to[k++] = key[from[j]] < key[from[i]] ? from[j++] : from[i++];
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    [from, to] = [to, from];
  }
  return from;
}

export function radixArgsort(values: Float64Array, descending: boolean): Int32Array {
  const n = values.length;
  if (n < RADIX_MIN_N) return mergeArgsort(values, descending);
  // Read the bits through a Uint32 view (little-endian: word 2i is the low half of double i).
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  // Histograms of the two high-word 16-bit digits in the same pass that maps the keys.
  const counts = new Int32Array(4 * 65537);
  for (let i = 0; i < n; i++) {
    let l = words[2 * i];
    let h = words[2 * i + 1];
    if (values[i] === 0) {
      l = 0; // −0 sorts with +0
      h = 0;
    }
    // Order-preserving map to unsigned integers: flip everything for negatives, the sign bit otherwise.
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    if (descending) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    lo[i] = l;
    hi[i] = h;
    counts[2 * 65537 + (h & 0xffff) + 1]++;
    counts[3 * 65537 + (h >>> 16) + 1]++;
  }
  // LSD passes on the high word only (sign, exponent and the top 20 mantissa bits), carrying the low word
  // along; rows whose high words are equal are then put in low-word order within their (short) runs. Doubles
  // that agree in their top 32 bits are rare unless they are equal (ties, already in index order), so this
  // replaces the two low-word scatter passes by one sequential check pass.
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let nextOrder = new Int32Array(n);
  let nextLo = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  for (let pass = 2; pass < 4; pass++) {
    const offset = pass * 65537;
    const shift = pass === 2 ? 0 : 16;
    if (counts[offset + ((hi[0] >>> shift) & 0xffff) + 1] === n) continue; // this digit is constant
    const count = counts.subarray(offset, offset + 65537);
    for (let k = 0; k < 65536; k++) count[k + 1] += count[k];
    // Both words travel with the index: the run check below reads them in sorted order.
    for (let r = 0; r < n; r++) {
      const dest = count[(hi[r] >>> shift) & 0xffff]++;
      nextOrder[dest] = order[r];
      nextLo[dest] = lo[r];
      nextHi[dest] = hi[r];
    }
    const tmpI = order;
    order = nextOrder;
    nextOrder = tmpI;
    const tmpL = lo;
    lo = nextLo;
    nextLo = tmpL;
    const tmpH = hi;
    hi = nextHi;
    nextHi = tmpH;
  }
  // Runs of equal high words: already in order when their low words do not decrease (always for ties).
  for (let a = 0; a < n; ) {
    const h = hi[a];
    let b = a + 1;
    let sorted = true;
    while (b < n && hi[b] === h) {
      if (lo[b] < lo[b - 1]) sorted = false;
      b++;
    }
    if (!sorted) sortRunByLow(order, lo, a, b);
    a = b;
  }
  return order;
}

/** Stable sort of order[a..b) by lo (ties by index, which is the original order within a run). */
function sortRunByLow(order: Int32Array, lo: Uint32Array, a: number, b: number): void {
  if (b - a <= 32) {
    for (let i = a + 1; i < b; i++) {
      const o = order[i];
      const l = lo[i];
      let j = i - 1;
      while (j >= a && lo[j] > l) {
        order[j + 1] = order[j];
        lo[j + 1] = lo[j];
        j--;
      }
      order[j + 1] = o;
      lo[j + 1] = l;
    }
    return;
  }
  const idx = Array.from({ length: b - a }, (_, k) => a + k);
  idx.sort((x, y) => lo[x] - lo[y] || order[x] - order[y]);
  const o = Int32Array.from(idx, (k) => order[k]);
  const l = Uint32Array.from(idx, (k) => lo[k]);
  order.set(o, a);
  lo.set(l, a);
}
