import { describe, expect, it } from "vitest";
import { radixArgsort, RADIX_MIN_N } from "../../../src/lib/survival/cox-sort";

/** Deterministic values with many ties, signed zeros and negatives. */
function values(n: number, seed: number): Float64Array {
  const v = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    v[i] = Math.round((s / 2147483648 - 0.5) * 40) / 4;
  }
  v[1] = -0;
  v[2] = 0;
  return v;
}

describe("radixArgsort", () => {
  it("small inputs (merge path) give the same stable order as the radix path", () => {
    const big = values(RADIX_MIN_N + 500, 7);
    for (const descending of [false, true]) {
      const full = Array.from(radixArgsort(big, descending));
      const prefix = 1000;
      const expected = full.filter((i) => i < prefix); // radix order restricted to the first rows
      expect(Array.from(radixArgsort(big.slice(0, prefix), descending))).toEqual(expected);
    }
  });
  it("every small size (merge sort: insertion runs of 32, then merges) gives the radix order", () => {
    const big = values(RADIX_MIN_N + 10, 11);
    for (const descending of [false, true]) {
      const full = Array.from(radixArgsort(big, descending));
      for (let n = 0; n <= 300; n++) {
        const expected = full.filter((i) => i < n);
        expect(Array.from(radixArgsort(big.slice(0, n), descending)), `n = ${n}`).toEqual(expected);
      }
    }
  });
  it("sorts a hand example stably, −0 with +0", () => {
    const v = Float64Array.from([3, -1, 0, -0, 3, 2]);
    expect(Array.from(radixArgsort(v, false))).toEqual([1, 2, 3, 5, 0, 4]);
    expect(Array.from(radixArgsort(v, true))).toEqual([0, 4, 5, 2, 3, 1]);
  });
  it("matches a stable comparator sort on full-precision doubles (every radix digit varies)", () => {
    const n = RADIX_MIN_N * 3;
    const v = new Float64Array(n);
    let s = 12345;
    for (let i = 0; i < n; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      // Full mantissas, both signs, a few exact repeats so stability is exercised.
      v[i] = i % 50 === 0 ? 0.25 : Math.log(s / 2147483648 + 1e-9) * (i % 2 === 0 ? 1 : -1);
    }
    for (const descending of [false, true]) {
      const idx = Array.from({ length: n }, (_, i) => i);
      idx.sort(descending ? (a, b) => v[b] - v[a] || a - b : (a, b) => v[a] - v[b] || a - b);
      expect(Array.from(radixArgsort(v, descending))).toEqual(idx);
      // A view into a larger buffer (strata pass subarrays) sorts as its copy does.
      expect(Array.from(radixArgsort(v.subarray(7), descending))).toEqual(
        Array.from(radixArgsort(v.slice(7), descending)),
      );
    }
  });
});

describe("radixArgsort: values equal in their top 32 bits", () => {
  it("orders runs that share the high word by the low word, stably (insertion and merge paths)", () => {
    const n = RADIX_MIN_N * 2;
    const v = new Float64Array(n);
    let s = 99;
    for (let i = 0; i < n; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      // 1 + tiny offsets: all share sign, exponent and the top 20 mantissa bits in long runs (> 32),
      // with repeats; and a short run of near-equal negatives.
      v[i] = i % 3 === 0 ? 1 + (s % 97) * 2 ** -50 : i % 3 === 1 ? -2 - (s % 5) * 2 ** -48 : s / 2147483648;
    }
    for (const descending of [false, true]) {
      const idx = Array.from({ length: n }, (_, i) => i);
      idx.sort(descending ? (a, b) => v[b] - v[a] || a - b : (a, b) => v[a] - v[b] || a - b);
      expect(Array.from(radixArgsort(v, descending))).toEqual(idx);
    }
  });
});

describe("radixArgsort: tie runs and sorted values", () => {
  it("marks exactly the positions equal to their predecessor and writes the sorted values (−0 as +0)", () => {
    for (const n of [300, RADIX_MIN_N * 2]) {
      const v = new Float64Array(n);
      let s = 4321;
      for (let i = 0; i < n; i++) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const u = s / 2147483648;
        // Repeats, signed zeros, infinities, NaN, and values equal in their high word but not their low word.
        v[i] =
          i % 7 === 0
            ? 1 + (s % 13) * 2 ** -50
            : i % 11 === 0
              ? [0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY][s % 5]
              : Math.round((u - 0.5) * 20) / 4;
      }
      for (const descending of [false, true]) {
        const tied = new Uint8Array(n).fill(7);
        const sorted = new Float64Array(n).fill(7);
        const order = radixArgsort(v, descending, tied, sorted);
        expect(Array.from(order)).toEqual(Array.from(radixArgsort(v, descending)));
        for (let q = 0; q < n; q++) {
          const value = v[order[q]];
          // Written out: tied means === (so NaN never ties, −0 ties +0); sorted holds the value itself.
          expect(tied[q], `n = ${n}, q = ${q}`).toBe(q > 0 && value === v[order[q - 1]] ? 1 : 0);
          expect(Object.is(sorted[q], value === 0 ? 0 : value), `n = ${n}, q = ${q}`).toBe(true);
        }
      }
    }
  });
  it("hand example", () => {
    const v = Float64Array.from([3, -1, 0, -0, 3, 2]);
    const tied = new Uint8Array(6);
    const sorted = new Float64Array(6);
    expect(Array.from(radixArgsort(v, false, tied, sorted))).toEqual([1, 2, 3, 5, 0, 4]);
    expect(Array.from(tied)).toEqual([0, 0, 1, 0, 0, 1]);
    expect(Array.from(sorted)).toEqual([-1, 0, 0, 2, 3, 3]);
    expect(Object.is(sorted[2], 0)).toBe(true);
  });
});
