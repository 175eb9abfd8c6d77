/**
 * The @stdlib normal-distribution functions the library calls, each from its own package. The namespace
 * package @stdlib/stats-base-dists-normal loads every member (moments, mgf, entropy, the distribution
 * class, …): hundreds of modules, a few hundred ms at every `require` of the library and in every kernel.
 */
import cdf = require("@stdlib/stats-base-dists-normal-cdf");
import pdf = require("@stdlib/stats-base-dists-normal-pdf");
import quantile = require("@stdlib/stats-base-dists-normal-quantile");

/** `normal.cdf(x, μ, σ)`, `normal.pdf(x, μ, σ)`, `normal.quantile(p, μ, σ)`, as @stdlib's namespace names them. */
export const normal: {
  readonly cdf: (x: number, mu: number, sigma: number) => number;
  readonly pdf: (x: number, mu: number, sigma: number) => number;
  readonly quantile: (p: number, mu: number, sigma: number) => number;
} = Object.freeze({ cdf, pdf, quantile });
