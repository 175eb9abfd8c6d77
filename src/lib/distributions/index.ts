/**
 * The library's one distribution module: cumulative probabilities, quantiles and p-values of the
 * normal, χ², t, F, binomial and hypergeometric distributions, on @stdlib. Every upper tail is
 * computed directly (by symmetry, a regularized incomplete beta function or a continued fraction),
 * never as 1 − cdf, which loses every digit once the tail falls below about 1e-16 (p ≈ 1e-12 happens
 * in Cox model tests). R equivalents: pnorm, qnorm, pchisq, pt, qt, pf, pbinom, dbinom, dhyper, with
 * `lower.tail = FALSE` for the upper tails.
 */
// One @stdlib package per function: the namespace packages (@stdlib/stats-base-dists-beta, …) load every
// member of their distribution, hundreds of modules at every require of the library.
import betaCdf = require("@stdlib/stats-base-dists-beta-cdf");
import binomialCdf = require("@stdlib/stats-base-dists-binomial-cdf");
import binomialPmf = require("@stdlib/stats-base-dists-binomial-pmf");
import hypergeometricLogPmf = require("@stdlib/stats-base-dists-hypergeometric-logpmf");
import studentTCdf = require("@stdlib/stats-base-dists-t-cdf");
import studentTQuantile = require("@stdlib/stats-base-dists-t-quantile");
import { normal } from "./stdlib-normal";
import type { Alternative } from "../core/result";
import { chisqUpperTail } from "./chi-square-tail";

export { correlationPValue } from "./correlation-p-value";

/** P(Z ≤ z), Z standard normal (R `pnorm(z)`). */
export const normalCdf = (z: number): number => normal.cdf(z, 0, 1);
/** The p-quantile of the standard normal (R `qnorm(p)`). */
export const normalQuantile = (p: number): number => normal.quantile(p, 0, 1);
/** P(Z > z) without cancellation (R `pnorm(z, lower.tail = FALSE)`). */
export const normalUpper = (z: number): number => normal.cdf(-z, 0, 1);

/**
 * P(X² ≥ x) for X² ~ χ²(df) (R `pchisq(x, df, lower.tail = FALSE)`). With 1 df through the normal,
 * 2·P(Z > √x); otherwise {@link chisqUpperTail}.
 */
export function chisqUpper(x: number, df: number): number {
  if (!(x > 0)) return 1;
  if (df === 1) return 2 * normal.cdf(-Math.sqrt(x), 0, 1);
  return chisqUpperTail(x, df);
}

/** P(T ≤ t), T ~ t(df) (R `pt(t, df)`). */
export const tCdf = (t: number, df: number): number => studentTCdf(t, df);
/** The p-quantile of t(df) (R `qt(p, df)`). */
export const tQuantile = (p: number, df: number): number => studentTQuantile(p, df);

/**
 * P(F ≥ f), F ~ F(df1, df2) (R `pf(f, df1, df2, lower.tail = FALSE)`), as the regularized incomplete
 * beta I_{df2/(df2 + df1·f)}(df2/2, df1/2).
 */
export function fUpper(f: number, df1: number, df2: number): number {
  if (!(f > 0)) return 1;
  if (!Number.isFinite(f)) return 0;
  return betaCdf(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}

/** P(X ≤ k), X ~ Binomial(n, p) (R `pbinom(k, n, p)`). */
export const binomCdf = (k: number, n: number, p: number): number => binomialCdf(k, n, p);
/** P(X = k), X ~ Binomial(n, p) (R `dbinom(k, n, p)`). */
export const binomPmf = (k: number, n: number, p: number): number => binomialPmf(k, n, p);
/**
 * P(X ≥ k), X ~ Binomial(n, p) (R `pbinom(k - 1, n, p, lower.tail = FALSE)`), as the regularized
 * incomplete beta I_p(k, n − k + 1).
 */
export function binomUpper(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return betaCdf(p, k, n - k + 1);
}

/** log P(X = x), X ~ Hypergeometric(population N, K successes, n draws) (R `dhyper(x, K, N - K, n, log = TRUE)`). */
export const hyperLogPmf = (x: number, N: number, K: number, n: number): number => hypergeometricLogPmf(x, N, K, n);

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
