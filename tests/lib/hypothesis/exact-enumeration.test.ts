import fc from "fast-check";
import { describe, it } from "vitest";
import { fisherTest } from "../../../src/lib/hypothesis";
import {
  mannWhitneyNull,
  signedRankNull,
  tiedRankSumNull,
  tiedSignedRankNull,
} from "../../../src/lib/hypothesis/internal/exact-rank-distributions";
import { expectClose } from "../../helpers/expect-close";

// Independent checks of the exact kernels by brute force: every subset / sign pattern / table is listed.

function bruteMannWhitney(m: number, n: number): number[] {
  const counts = new Array(m * n + 1).fill(0);
  const total = m + n;
  for (let mask = 0; mask < 1 << total; mask++) {
    let bits = 0;
    let rankSum = 0;
    for (let i = 0; i < total; i++) {
      if (mask & (1 << i)) {
        bits++;
        rankSum += i + 1;
      }
    }
    if (bits === m) counts[rankSum - (m * (m + 1)) / 2]++;
  }
  const s = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => c / s);
}

function bruteSignedRank(n: number): number[] {
  const counts = new Array((n * (n + 1)) / 2 + 1).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    let v = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) v += i + 1;
    counts[v]++;
  }
  return counts.map((c) => c / 2 ** n);
}

/** Brute-force two-sided Fisher p: list every table with the margins, cell by cell. */
function bruteFisher(table: number[][]): number {
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = table[0].map((_, j) => table.reduce((a, r) => a + r[j], 0));
  const n = rows.reduce((a, b) => a + b, 0);
  const lf = (k: number): number => {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  };
  const constant = rows.reduce((a, r) => a + lf(r), 0) + cols.reduce((a, c) => a + lf(c), 0) - lf(n);
  const logP = (t: number[][]): number => constant - t.flat().reduce((a, v) => a + lf(v), 0);
  const observed = logP(table);
  let p = 0;
  const r = rows.length;
  const c = cols.length;
  const cells = new Array(r * c).fill(0);
  const fill = (k: number): void => {
    const i = Math.floor(k / c);
    const j = k % c;
    if (i === r - 1) {
      // last row is determined by column margins
      for (let jj = 0; jj < c; jj++) {
        let s = 0;
        for (let ii = 0; ii < r - 1; ii++) s += cells[ii * c + jj];
        cells[(r - 1) * c + jj] = cols[jj] - s;
        if (cells[(r - 1) * c + jj] < 0) return;
      }
      const t = Array.from({ length: r }, (_, ii) => cells.slice(ii * c, ii * c + c));
      const lp = logP(t);
      if (lp <= observed + Math.log(1 + 1e-7)) p += Math.exp(lp);
      return;
    }
    if (j === c - 1) {
      let s = 0;
      for (let jj = 0; jj < c - 1; jj++) s += cells[i * c + jj];
      cells[k] = rows[i] - s;
      if (cells[k] < 0) return;
      fill(k + 1);
      return;
    }
    for (let v = 0; v <= Math.min(rows[i], cols[j]); v++) {
      cells[k] = v;
      fill(k + 1);
    }
  };
  fill(0);
  return p;
}

describe("exact null distributions equal brute-force enumeration", () => {
  it("Mann–Whitney U for all m, n ≤ 6", () => {
    for (let m = 1; m <= 6; m++) {
      for (let n = 1; n <= 6; n++) {
        const dp = mannWhitneyNull(m, n);
        bruteMannWhitney(m, n).forEach((p, u) => {
          expectClose(dp[u], p, { rel: 1e-12, label: `P(U = ${u} | ${m}, ${n})` });
        });
      }
    }
  });
  it("signed-rank V for n ≤ 12", () => {
    for (let n = 1; n <= 12; n++) {
      const dp = signedRankNull(n);
      bruteSignedRank(n).forEach((p, v) => {
        expectClose(dp[v], p, { rel: 1e-12, label: `P(V = ${v} | ${n})` });
      });
    }
  });
});

describe("conditional null distributions with ties equal brute-force enumeration", () => {
  // doubled mid-ranks of [1, 2, 2, 3, 3, 3, 4]: 2, 5, 5, 10, 10, 10, 14
  const scores = Int32Array.from([2, 5, 5, 10, 10, 10, 14]);
  it("rank sum of m = 3 of 7 tied scores", () => {
    const counts = new Map<number, number>();
    let total = 0;
    for (let mask = 0; mask < 1 << 7; mask++) {
      let bits = 0;
      let s = 0;
      for (let i = 0; i < 7; i++) {
        if (mask & (1 << i)) {
          bits++;
          s += scores[i];
        }
      }
      if (bits !== 3) continue;
      counts.set(s, (counts.get(s) ?? 0) + 1);
      total++;
    }
    const dp = tiedRankSumNull(scores, 3);
    dp.forEach((p, s) => {
      expectClose(p, (counts.get(s) ?? 0) / total, { rel: 1e-12, abs: 1e-15, label: `P(T = ${s})` });
    });
  });
  it("signed-rank sum over all 2^7 sign patterns of tied scores", () => {
    const counts = new Map<number, number>();
    for (let mask = 0; mask < 1 << 7; mask++) {
      let s = 0;
      for (let i = 0; i < 7; i++) if (mask & (1 << i)) s += scores[i];
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    tiedSignedRankNull(scores).forEach((p, s) => {
      expectClose(p, (counts.get(s) ?? 0) / 128, { rel: 1e-12, abs: 1e-15, label: `P(V = ${s})` });
    });
  });
});

describe("r × c Fisher network enumeration equals brute-force table listing", () => {
  it("random 2×3 … 3×4 tables (both the expansion and the last-columns paths) with small counts", () => {
    const table = fc
      .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 4 }))
      .filter(([r, c]) => r * c > 4)
      .chain(([r, c]) =>
        fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: c, maxLength: c }), {
          minLength: r,
          maxLength: r,
        }),
      )
      .filter((t) => t.flat().reduce((a, b) => a + b, 0) > 0);
    fc.assert(
      fc.property(table, (t) => {
        expectClose(fisherTest(t).pValue, bruteFisher(t), { rel: 1e-9, label: "Fisher r×c p", input: t });
      }),
      { numRuns: 150, seed: 20260 },
    );
  });
});
