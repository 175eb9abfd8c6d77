import { mean, sampleStandardDeviation } from "simple-statistics";
import { deepFreeze } from "../core/freeze";
import { InputError } from "../core/errors";
import { checkSample } from "./internal/validate";

/** `mean ± SD` summary: a plain frozen object. */
export interface MeanSd {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1 denominator), as SPSS and R's sd(). */
  readonly sd: number;
}

/**
 * Mean and sample standard deviation (simple-statistics mean / sampleStandardDeviation).
 *
 * R: mean(x); sd(x). SPSS 27: DESCRIPTIVES (Std. Deviation, n − 1). Cost: O(n).
 *
 * @example
 * meanSd([2, 4, 4, 4, 5, 5, 7, 9]) // { n: 8, mean: 5, sd: 2.1381 }
 */
export function meanSd(x: ArrayLike<number>): MeanSd {
  const v = Array.from(checkSample(x, "x", 1));
  if (v.length < 2) throw new InputError("needs at least 2 values for a standard deviation", { field: "x", value: x });
  return deepFreeze({ n: v.length, mean: mean(v), sd: sampleStandardDeviation(v) });
}
