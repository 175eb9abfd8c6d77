import { describe, expect, it } from "vitest";
import { createRng } from "../../../src/lib/core/rng";
import { normalQuantile } from "../../../src/lib/distributions";
import { mannWhitneyTest } from "../../../src/lib/hypothesis";
import { pairwiseDifferenceQuantiles } from "../../../src/lib/hypothesis/internal/pairwise-differences";
import { invertNormalStatistic } from "../../../src/lib/hypothesis/internal/root";
import { midRanks } from "../../../src/lib/hypothesis/mid-ranks";

/** Small samples with many ties (integers) and some continuous values, both signs. */
function sample(rng: ReturnType<typeof createRng>, size: number): Float64Array {
  return Float64Array.from({ length: size }, () => (rng.next() < 0.5 ? rng.int(5) : rng.normal() * 3));
}

describe("k-th pairwise difference without forming the m·n differences", () => {
  it("equals sorting all x[i] − y[j], for every k, on 240 random samples with ties", () => {
    const rng = createRng(5);
    for (let rep = 0; rep < 240; rep++) {
      const m = 1 + rng.int(rep < 200 ? 12 : 40);
      const n = 1 + rng.int(rep < 200 ? 12 : 40);
      const xs = sample(rng, m).sort();
      const ys = sample(rng, n).sort();
      const all = new Float64Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) all[i * n + j] = xs[i] - ys[j];
      all.sort();
      const ks = Array.from({ length: m * n }, (_, k) => k);
      // sortBelow 1: every candidate set goes through the pivoting, not the final sort
      expect(pairwiseDifferenceQuantiles(xs, ys, ks, 1)).toEqual(Array.from(all));
    }
  });
});

/** R's wilcox.test asymptotic estimate and interval, written out as R does it: rank() of c(x − d, y) per step. */
function bruteForceAsymptotic(x: number[], y: number[], correct: boolean, confLevel: number) {
  const m = x.length;
  const n = y.length;
  const wdiff = (d: number, zq: number, cc: boolean): number => {
    const { ranks, tieSum } = midRanks(Float64Array.from([...x.map((v) => v - d), ...y]));
    let r = 0;
    for (let i = 0; i < m; i++) r += ranks[i];
    const dz = r - (m * (m + 1)) / 2 - (m * n) / 2;
    const corr = cc ? Math.sign(dz) * 0.5 : 0;
    const sigma = Math.sqrt(((m * n) / 12) * (m + n + 1 - tieSum / ((m + n) * (m + n - 1))));
    return (dz - corr) / sigma - zq;
  };
  const diffs = x.flatMap((a) => y.map((b) => a - b));
  return invertNormalStatistic(
    wdiff,
    correct,
    Math.min(...diffs),
    Math.max(...diffs),
    "two-sided",
    1 - confLevel,
    normalQuantile,
  );
}

/** R's exact estimate and interval: order statistics of all sorted differences (qwilcox quantile qu). */
function bruteForceExactMedian(x: number[], y: number[]): number {
  const d = x.flatMap((a) => y.map((b) => a - b)).sort((a, b) => a - b);
  const mn = d.length;
  return mn % 2 === 1 ? d[(mn - 1) / 2] : (d[mn / 2 - 1] + d[mn / 2]) / 2;
}

describe("Hodges–Lehmann estimate and interval of mannWhitneyTest = R's algorithm written out by brute force", () => {
  it("asymptotic (ties; with and without continuity correction): identical numbers", () => {
    const rng = createRng(11);
    for (let rep = 0; rep < 60; rep++) {
      const x = Array.from(sample(rng, 3 + rng.int(25)));
      const y = Array.from(sample(rng, 3 + rng.int(25)));
      for (const correct of [true, false]) {
        const r = mannWhitneyTest(x, y, { convention: "r", exact: false, correct });
        const ref = bruteForceAsymptotic(x, y, correct, 0.95);
        expect(r.estimate).toBe(ref.estimate);
        expect(r.ci).toEqual(ref.ci);
      }
    }
  });

  it("exact (no ties, n < 50): the median of all pairwise differences", () => {
    const rng = createRng(12);
    for (let rep = 0; rep < 40; rep++) {
      const x = Array.from({ length: 2 + rng.int(20) }, () => rng.normal());
      const y = Array.from({ length: 2 + rng.int(20) }, () => rng.normal() + 0.5);
      const r = mannWhitneyTest(x, y, { convention: "r" });
      expect(r.details.ciMethod).toBe("exact");
      expect(r.estimate).toBe(bruteForceExactMedian(x, y));
    }
  });
});
