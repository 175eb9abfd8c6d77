import { checkOptions } from "../core/check-options";
import { deepFreeze } from "../core/freeze";
import { checkSample } from "./internal/validate";
import { quantileSorted } from "./internal/quantile-sorted";
import type { QuantileOptions } from "./quantile";

/** `median (P25, P75)` summary of a sample: a plain frozen object. */
export interface MedianIqr {
  readonly n: number;
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly min: number;
  readonly max: number;
  /** R quantile type used (6 = SPSS HAVERAGE, 7 = R default). */
  readonly quantileType: number;
}

/**
 * Median and quartiles for the paper's "median (P25, P75)" rows, by SPSS's default definition
 * (HAVERAGE, R type 6) unless `{ convention: "r" }` or an explicit `type` is given.
 *
 * Reference: Hyndman & Fan (1996). R: stats::quantile(x, c(.5, .25, .75), type = 6).
 * SPSS 27: FREQUENCIES /PERCENTILES=25 50 75 (HAVERAGE). Cost: O(n log n).
 *
 * @example
 * medianIqr([1, 2, 3, 4, 5, 6, 7, 8]) // { n: 8, median: 4.5, p25: 2.25, p75: 6.75, min: 1, max: 8, quantileType: 6 }
 */
export function medianIqr(x: ArrayLike<number>, options: QuantileOptions = {}): MedianIqr {
  checkOptions(options);
  const type = options.type ?? (options.convention === "r" ? 7 : 6);
  const sorted = checkSample(x, "x", 1).sort();
  return deepFreeze({
    n: sorted.length,
    median: quantileSorted(sorted, 0.5, type),
    p25: quantileSorted(sorted, 0.25, type),
    p75: quantileSorted(sorted, 0.75, type),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    quantileType: type,
  });
}
