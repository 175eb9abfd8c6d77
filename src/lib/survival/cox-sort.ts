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
 * all 64), 7 n words of memory; O(n log n) below the threshold.
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

/**
 * Stable argsort (ascending, or descending). Two optional outputs (length ≥ n) save callers n random reads of
 * `values` each, as they come from the keys already in sorted order: `tiedWithPrevious` receives 1 at each sorted
 * position q ≥ 1 whose value equals (===) the value at q − 1, else 0 (the runs of ties); `sorted` receives the
 * values in sorted order, −0 as +0.
 */
export function radixArgsort(
  values: Float64Array,
  descending: boolean,
  tiedWithPrevious?: Uint8Array,
  sorted?: Float64Array,
): Int32Array {
  const n = values.length;
  if (n < RADIX_MIN_N) {
    const order = mergeArgsort(values, descending);
    if (tiedWithPrevious) {
      if (n > 0) tiedWithPrevious[0] = 0;
      for (let q = 1; q < n; q++) tiedWithPrevious[q] = values[order[q]] === values[order[q - 1]] ? 1 : 0;
    }
    if (sorted) for (let q = 0; q < n; q++) sorted[q] = values[order[q]] === 0 ? 0 : values[order[q]];
    return order;
  }
  // Read the bits through a Uint32 view (little-endian: word 2i is the low half of double i).
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // Each element as three words [high key word, low key word, index] in one array, so a scatter pass writes
  // one place per element (separate arrays made three cache misses per element, the cost of this sort).
  let keys = new Uint32Array(3 * n);
  // Histograms of the two high-word 16-bit digits in the same pass that maps the keys.
  const counts = new Int32Array(2 * 65537);
  let hasNaN = false;
  for (let i = 0; i < n; i++) {
    let l = words[2 * i];
    let h = words[2 * i + 1];
    if (Number.isNaN(values[i])) hasNaN = true;
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
    keys[3 * i] = h;
    keys[3 * i + 1] = l;
    keys[3 * i + 2] = i;
    counts[(h & 0xffff) + 1]++;
    counts[65537 + (h >>> 16) + 1]++;
  }
  // LSD passes on the high word only (sign, exponent and the top 20 mantissa bits), carrying the low word
  // along; rows whose high words are equal are then put in low-word order within their (short) runs. Doubles
  // that agree in their top 32 bits are rare unless they are equal (ties, already in index order), so this
  // replaces the two low-word scatter passes by one sequential check pass.
  let next = new Uint32Array(3 * n);
  for (let pass = 0; pass < 2; pass++) {
    const offset = pass * 65537;
    const shift = pass === 0 ? 0 : 16;
    if (counts[offset + ((keys[0] >>> shift) & 0xffff) + 1] === n) continue; // this digit is constant
    const count = counts.subarray(offset, offset + 65537);
    for (let k = 0; k < 65536; k++) count[k + 1] += count[k];
    for (let r = 0; r < 3 * n; r += 3) {
      const h = keys[r];
      const dest = 3 * count[(h >>> shift) & 0xffff]++;
      next[dest] = h;
      next[dest + 1] = keys[r + 1];
      next[dest + 2] = keys[r + 2];
    }
    const tmp = keys;
    keys = next;
    next = tmp;
  }
  // Runs of equal high words: already in order when their low words do not decrease (always for ties).
  for (let a = 0; a < n; ) {
    const h = keys[3 * a];
    let b = a + 1;
    let sorted = true;
    while (b < n && keys[3 * b] === h) {
      if (keys[3 * b + 1] < keys[3 * b - 2]) sorted = false;
      b++;
    }
    if (!sorted) sortRunByLow(keys, a, b);
    if (tiedWithPrevious) {
      tiedWithPrevious[a] = 0;
      // Equal keys are equal values (−0 was keyed as +0) except NaN, which === keeps untied.
      for (let q = a + 1; q < b; q++)
        tiedWithPrevious[q] =
          keys[3 * q + 1] === keys[3 * q - 2] && (!hasNaN || values[keys[3 * q + 2]] === values[keys[3 * q - 1]])
            ? 1
            : 0;
    }
    a = b;
  }
  const order = new Int32Array(n);
  for (let q = 0; q < n; q++) order[q] = keys[3 * q + 2];
  if (sorted) {
    // Undo the key map: the bits of the value (−0 was keyed as +0).
    const out = new Uint32Array(sorted.buffer, sorted.byteOffset, 2 * n);
    for (let q = 0; q < n; q++) {
      let h = keys[3 * q];
      let l = keys[3 * q + 1];
      if (descending) {
        h = ~h >>> 0;
        l = ~l >>> 0;
      }
      if (h & 0x80000000) h = (h & 0x7fffffff) >>> 0;
      else {
        h = ~h >>> 0;
        l = ~l >>> 0;
      }
      out[2 * q] = l;
      out[2 * q + 1] = h;
    }
  }
  return order;
}

/**
 * Stable sort of the elements a..b of `keys` (triples [high, low, index], high equal within the run) by low
 * word; equal low words keep their order, which is index order.
 */
function sortRunByLow(keys: Uint32Array, a: number, b: number): void {
  if (b - a <= 32) {
    for (let i = a + 1; i < b; i++) {
      const l = keys[3 * i + 1];
      const o = keys[3 * i + 2];
      let j = i - 1;
      while (j >= a && keys[3 * j + 1] > l) {
        keys[3 * j + 4] = keys[3 * j + 1];
        keys[3 * j + 5] = keys[3 * j + 2];
        j--;
      }
      keys[3 * j + 4] = l;
      keys[3 * j + 5] = o;
    }
    return;
  }
  const idx = Array.from({ length: b - a }, (_, k) => a + k);
  idx.sort((x, y) => keys[3 * x + 1] - keys[3 * y + 1] || keys[3 * x + 2] - keys[3 * y + 2]);
  const sorted = idx.map((k) => [keys[3 * k + 1], keys[3 * k + 2]]);
  sorted.forEach(([l, o], k) => {
    keys[3 * (a + k) + 1] = l;
    keys[3 * (a + k) + 2] = o;
  });
}
