/**
 * Stable argsort of doubles by LSD radix sort on their IEEE-754 bits (4 passes of 16 bits): O(n),
 * no comparator calls, ties kept in index order. Internal to the Cox kernels, which sort 10⁶ times
 * and linear predictors where a comparator sort would dominate the fit.
 * Assumes a little-endian platform (x86, ARM as Node runs them).
 * Below {@link RADIX_MIN_N} elements a stable comparator sort is used instead: the radix passes cost
 * a fixed 4·65536 steps, which dominates small fits (the reconstruction fits n = 55 tens of
 * thousands of times). Both give the same order (stable, −0 with +0).
 * Cost: O(n + 4·65536) time, 5 n words of memory; O(n log n) below the threshold.
 */
export const RADIX_MIN_N = 4096;

export function radixArgsort(values: Float64Array, descending: boolean): Int32Array {
  const n = values.length;
  if (n < RADIX_MIN_N) {
    const idx = Array.from({ length: n }, (_, i) => i);
    // Array.prototype.sort is stable; x − y treats −0 and +0 as equal, like the bit mapping below.
    idx.sort(descending ? (a, b) => values[b] - values[a] || a - b : (a, b) => values[a] - values[b] || a - b);
    return Int32Array.from(idx);
  }
  // Read the bits through a Uint32 view (little-endian: word 2i is the low half of double i).
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  // Histograms of all four 16-bit digits in the same pass that maps the keys.
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
    counts[(l & 0xffff) + 1]++;
    counts[65537 + (l >>> 16) + 1]++;
    counts[2 * 65537 + (h & 0xffff) + 1]++;
    counts[3 * 65537 + (h >>> 16) + 1]++;
  }
  // LSD passes that carry the keys with the indices, so each pass reads sequentially and only the
  // writes scatter (a gather through the index, as before, made every read a cache miss).
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let nextOrder = new Int32Array(n);
  let nextLo = new Uint32Array(n);
  let nextHi = new Uint32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const offset = pass * 65537;
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    if (counts[offset + ((word[0] >>> shift) & 0xffff) + 1] === n) continue; // this digit is constant
    const count = counts.subarray(offset, offset + 65537);
    for (let k = 0; k < 65536; k++) count[k + 1] += count[k];
    // Keys still needed by later passes travel along: lo until its second digit is done, hi until the end.
    const carryLo = pass === 0;
    const carryHi = pass < 3;
    for (let r = 0; r < n; r++) {
      const dest = count[(word[r] >>> shift) & 0xffff]++;
      nextOrder[dest] = order[r];
      if (carryLo) nextLo[dest] = lo[r];
      if (carryHi) nextHi[dest] = hi[r];
    }
    const tmpI = order;
    order = nextOrder;
    nextOrder = tmpI;
    if (carryLo) {
      const tmp = lo;
      lo = nextLo;
      nextLo = tmp;
    }
    if (carryHi) {
      const tmp = hi;
      hi = nextHi;
      nextHi = tmp;
    }
  }
  return order;
}
