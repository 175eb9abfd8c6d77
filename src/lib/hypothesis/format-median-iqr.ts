import { formatFixed } from "../core/format";
import type { MedianIqr } from "./median-iqr";

/**
 * The paper's "median (P25, P75)" text, e.g. "5.00 (3.00, 7.00)", with `decimals` places (default 2,
 * as the paper) by core formatFixed (half away from zero).
 *
 * Cost: O(1).
 *
 * @example
 * formatMedianIqr({ median: 5, p25: 3, p75: 7 }) // "5.00 (3.00, 7.00)"
 */
export function formatMedianIqr(summary: Pick<MedianIqr, "median" | "p25" | "p75">, decimals = 2): string {
  return (
    `${formatFixed(summary.median, decimals)} (${formatFixed(summary.p25, decimals)}, ` +
    `${formatFixed(summary.p75, decimals)})`
  );
}
