/**
 * Thin wrappers over @stdlib distribution functions, giving accurate upper tails where a naive
 * 1 − cdf would lose digits (normal and t by symmetry; chi-square with 1 df via the normal, other df
 * through the project's one accurate χ² tail, core/chisq-upper-tail).
 */
import * as normal from "@stdlib/stats-base-dists-normal";
import * as studentT from "@stdlib/stats-base-dists-t";
import * as binomial from "@stdlib/stats-base-dists-binomial";
import * as hypergeometric from "@stdlib/stats-base-dists-hypergeometric";
import type { Alternative } from "../../core/result";
import { chisqUpperTail } from "../../core/chisq-upper-tail";

export const normalCdf = (z: number): number => normal.cdf(z, 0, 1);
export const normalQuantile = (p: number): number => normal.quantile(p, 0, 1);

/** P(Z > z) without cancellation. */
export const normalUpper = (z: number): number => normal.cdf(-z, 0, 1);

/** P(X² ≥ x) for X² ~ χ²(df). */
export function chisqUpper(x: number, df: number): number {
  if (!(x > 0)) return 1;
  if (df === 1) return 2 * normal.cdf(-Math.sqrt(x), 0, 1);
  return chisqUpperTail(x, df);
}

export const tCdf = (t: number, df: number): number => studentT.cdf(t, df);
export const tQuantile = (p: number, df: number): number => studentT.quantile(p, df);

export const binomCdf = (k: number, n: number, p: number): number => binomial.cdf(k, n, p);
export const binomPmf = (k: number, n: number, p: number): number => binomial.pmf(k, n, p);

/** log P(X = x), X ~ Hypergeometric(population N, K successes, n draws). */
export const hyperLogPmf = (x: number, N: number, K: number, n: number): number => hypergeometric.logpmf(x, N, K, n);

/** p-value of a statistic that is N(0, 1) under the null, for the given alternative. */
export function normalPValue(z: number, alternative: Alternative): number {
  if (alternative === "less") return normalCdf(z);
  if (alternative === "greater") return normalUpper(z);
  return Math.min(1, 2 * normalUpper(Math.abs(z)));
}

/** p-value of a statistic that is t(df) under the null. */
export function tPValue(t: number, df: number, alternative: Alternative): number {
  if (alternative === "less") return tCdf(t, df);
  if (alternative === "greater") return tCdf(-t, df);
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}
