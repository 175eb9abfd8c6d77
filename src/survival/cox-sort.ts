/**
 * Stable argsort of doubles by LSD radix sort on their IEEE-754 bits (4 passes of 16 bits): O(n),
 * no comparator calls, ties kept in index order. Internal to the Cox kernels, which sort 10⁶ times
 * and linear predictors where a comparator sort would dominate the fit.
 * Cost: O(n + 4·65536) time, 3 n words of memory.
 */
export function radixArgsort(values: Float64Array, descending: boolean): Int32Array {
  const n = values.length;
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  const view = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < n; i++) {
    view.setFloat64(0, values[i] === 0 ? 0 : values[i], true); // −0 sorts with +0
    let l = view.getUint32(0, true);
    let h = view.getUint32(4, true);
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
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const count = new Int32Array(65537);
  const passes: Array<[Uint32Array, number]> = [
    [lo, 0],
    [lo, 16],
    [hi, 0],
    [hi, 16],
  ];
  for (const [word, shift] of passes) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((word[i] >>> shift) & 0xffff) + 1]++;
    if (count[((word[0] >>> shift) & 0xffff) + 1] === n) continue; // this digit is constant
    for (let k = 0; k < 65536; k++) count[k + 1] += count[k];
    for (let r = 0; r < n; r++) {
      const i = order[r];
      next[count[(word[i] >>> shift) & 0xffff]++] = i;
    }
    const tmp = order;
    order = next;
    next = tmp;
  }
  return order;
}
