import { formatFixed } from "../../lib/core/format";

/**
 * How far `value` is from printing as `printed` (a number as the paper prints it, e.g. "10.63"),
 * in units of the printed last digit: 0 when `formatFixed(value, decimals)` equals the printed
 * string (a hit at printed precision), otherwise |value − printed| / 10^−decimals (≥ 0.5). Used as
 * the loss of one target in the reconstruction search: 0 on a hit, else d + 1e-3 where d is the
 * distance from the rounding window [printed ± half a unit] in units of the printed last digit —
 * continuous at the window's edge, so that a search can trade targets without climbing cliffs.
 * Cost: O(1).
 *
 * @example
 * printedMiss(10.625, "10.63") // 0
 * printedMiss(10.61, "10.63") // 1.501 (1.5 units of 0.01 outside [10.625, 10.635), + 0.001)
 */
export function printedMiss(value: number, printed: string): number {
  const dot = printed.indexOf(".");
  const decimals = dot < 0 ? 0 : printed.length - dot - 1;
  if (!Number.isFinite(value)) return 1e6;
  if (formatFixed(value, decimals) === printed) return 0;
  const unit = 10 ** -decimals;
  return Math.max(0, Math.abs(value - Number(printed)) - unit / 2) / unit + 1e-3;
}

/**
 * The values that print as `printed` at its precision: [printed − half a unit, printed + half a
 * unit) (half-up rounding; at the edge formatFixed decides). Cost: O(1).
 *
 * @example
 * printedInterval("3.538") // [3.5375, 3.5385] (to floating-point accuracy)
 */
export function printedInterval(printed: string): [number, number] {
  const dot = printed.indexOf(".");
  const unit = 10 ** -(dot < 0 ? 0 : printed.length - dot - 1);
  return [Number(printed) - unit / 2, Number(printed) + unit / 2];
}

/**
 * Loss of a p-value that must fall on one side of a threshold, with a safety margin so that the
 * verdict is robust to the last digit: 0 when p ≤ threshold − margin ("below") or p ≥ threshold +
 * margin ("above"), else the distance in units of `margin`. Cost: O(1).
 *
 * @example
 * pThresholdMiss(0.01, "below") // 0
 * pThresholdMiss(0.2, "below") // 31 (= (0.2 − 0.045) / 0.005: from the safe side of 0.05 − margin)
 */
export function pThresholdMiss(p: number, side: "below" | "above", threshold = 0.05, margin = 0.005): number {
  if (!Number.isFinite(p)) return 1e6;
  const gap = side === "below" ? p - (threshold - margin) : threshold + margin - p;
  return gap <= 0 ? 0 : gap / margin;
}
