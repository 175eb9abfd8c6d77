/**
 * Distribution tails the audit's checks need (χ², normal, binomial), on @stdlib. Tests recomputed from
 * published tables (Pearson χ², McNemar) use src/hypothesis, which is validated against R on its own:
 * one implementation per algorithm in the project.
 */
import { chisqUpperTail } from "../core/chisq-upper-tail";
import normal = require("@stdlib/stats-base-dists-normal");
import binomial = require("@stdlib/stats-base-dists-binomial");

/** P(χ²_df ≥ x), accurate in the far tail (the project's one χ² tail). */
export const chisqUpperP = chisqUpperTail;

/** Two-sided normal p: 2·P(Z ≥ |z|). */
export function normalTwoSidedP(z: number): number {
  return 2 * (1 - normal.cdf(Math.abs(z), 0, 1));
}

/** Standard normal quantile. */
export function normalQuantile(p: number): number {
  return normal.quantile(p, 0, 1);
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperP(k: number, n: number, p: number): number {
  return k <= 0 ? 1 : 1 - binomial.cdf(k - 1, n, p);
}
