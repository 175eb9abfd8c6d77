/**
 * The little arithmetic the audit needs (upper-tail p of χ² and normal, Pearson χ², McNemar, exact
 * binomial), on @stdlib distributions. Private to src/audit by design: the audit must stand apart from
 * the library it audits (src/hypothesis), so that a bug there cannot hide a finding here.
 */
import chisquare = require("@stdlib/stats-base-dists-chisquare");
import normal = require("@stdlib/stats-base-dists-normal");
import binomial = require("@stdlib/stats-base-dists-binomial");

/** P(χ²_df ≥ x). */
export function chisqUpperP(x: number, df: number): number {
  return 1 - chisquare.cdf(x, df);
}

/** Two-sided normal p: 2·P(Z ≥ |z|). */
export function normalTwoSidedP(z: number): number {
  return 2 * (1 - normal.cdf(Math.abs(z), 0, 1));
}

/** Standard normal quantile. */
export function normalQuantile(p: number): number {
  return normal.quantile(p, 0, 1);
}

/** Pearson χ² of an r×c table (no continuity correction) with expected counts; O(r·c). */
export function pearsonChisq(table: readonly (readonly number[])[]): { statistic: number; df: number; expected: number[][]; minExpected: number } {
  const r = table.length;
  const c = table[0].length;
  const rowSums = table.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = Array.from({ length: c }, (_, j) => table.reduce((a, row) => a + row[j], 0));
  const n = rowSums.reduce((a, b) => a + b, 0);
  let statistic = 0;
  let minExpected = Infinity;
  const expected = table.map((row, i) =>
    row.map((o, j) => {
      const e = (rowSums[i] * colSums[j]) / n;
      minExpected = Math.min(minExpected, e);
      if (e > 0) statistic += ((o - e) * (o - e)) / e;
      return e;
    }),
  );
  const nonEmptyRows = rowSums.filter((s) => s > 0).length;
  const nonEmptyCols = colSums.filter((s) => s > 0).length;
  return { statistic, df: (nonEmptyRows - 1) * (nonEmptyCols - 1), expected, minExpected };
}

/** Yates-corrected χ² of a 2×2 table, as R chisq.test(correct = TRUE): |ad − bc| reduced by n/2 (not below 0). */
export function yatesChisq2x2(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  const diff = Math.max(0, Math.abs(a * d - b * c) - n / 2);
  return (n * diff * diff) / ((a + b) * (c + d) * (a + c) * (b + d));
}

/** McNemar test from the discordant counts b and c: asymptotic, continuity-corrected and exact binomial. */
export function mcnemar(b: number, c: number): { asymptotic: number; pAsymptotic: number; corrected: number; pCorrected: number; pExact: number } {
  const m = b + c;
  const asymptotic = ((b - c) * (b - c)) / m;
  const cc = Math.max(0, Math.abs(b - c) - 1);
  const corrected = (cc * cc) / m;
  // Exact: two-sided binomial test of min(b, c) in b + c trials at 1/2, doubling the smaller tail (R binom.test).
  const k = Math.min(b, c);
  const pExact = Math.min(1, 2 * binomial.cdf(k, m, 0.5));
  return { asymptotic, pAsymptotic: chisqUpperP(asymptotic, 1), corrected, pCorrected: chisqUpperP(corrected, 1), pExact };
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperP(k: number, n: number, p: number): number {
  return k <= 0 ? 1 : 1 - binomial.cdf(k - 1, n, p);
}
