import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { quantileSorted } from "./internal/quantile-sorted";
import { checkSample } from "./internal/validate";

/** Hyndman–Fan sample quantile definitions 1–9 (R's `type`). */
export type QuantileType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Options of {@link quantile}. */
export interface QuantileOptions {
  /** R type 1–9; overrides `convention`. */
  readonly type?: QuantileType;
  /** "spss" (default): SPSS EXAMINE/FREQUENCIES default HAVERAGE = type 6; "r": R's default type 7. */
  readonly convention?: "spss" | "r";
}

/**
 * Sample quantiles of x at probabilities `probs` by any of the nine Hyndman–Fan definitions, coded
 * as R's stats::quantile (including its 4·ε fuzz), so every type matches R.
 *
 * Reference: Hyndman RJ, Fan Y (1996) Am Stat 50:361. R: stats::quantile(x, probs, type = 7).
 * SPSS 27: EXAMINE / FREQUENCIES percentiles default to HAVERAGE (= type 6); EXAMINE TUKEY hinges differ.
 * Cost: O(n log n) (one sort) + O(1) per probability.
 *
 * `probs` may be one probability (R's `quantile(x, 0.5)`): the result is then one number; an array of
 * probabilities gives an array.
 *
 * @example
 * quantile([1, 2, 3, 4, 5, 6, 7, 8], [0.25, 0.75]) // [2.25, 6.75] (type 6, SPSS's default)
 * quantile([1, 2, 3, 4, 5, 6, 7, 8], [0.25, 0.75], { type: 7 }) // [2.75, 6.25] (R's default)
 * quantile([1, 2, 3, 4, 5, 6, 7, 8], 0.5) // 4.5
 */
export function quantile(x: ArrayLike<number>, probs: ArrayLike<number>, options?: QuantileOptions): readonly number[];
export function quantile(x: ArrayLike<number>, probs: number, options?: QuantileOptions): number;
export function quantile(
  x: ArrayLike<number>,
  probs: number | ArrayLike<number>,
  options: QuantileOptions = {},
): number | readonly number[] {
  checkOptions(options);
  const type = options.type ?? (options.convention === "r" ? 7 : 6);
  if (options.convention !== undefined && options.convention !== "spss" && options.convention !== "r") {
    throw new InputError('must be "spss" or "r"', { field: "options.convention", value: options.convention });
  }
  if (!Number.isInteger(type) || type < 1 || type > 9)
    throw new InputError("must be an integer 1–9", { field: "options.type", value: type });
  const sorted = checkSample(x, "x", 1).sort();
  const scalar = typeof probs === "number";
  const p = scalar ? Float64Array.of(probs) : checkSample(probs, "probs", 1);
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && p[i] <= 1))
      throw new InputError("a probability must be in [0, 1]", {
        field: "probs",
        index: scalar ? null : i,
        value: p[i],
      });
  }
  if (scalar) return quantileSorted(sorted, p[0], type);
  return deepFreeze(Array.from(p, (q) => quantileSorted(sorted, q, type)));
}
