import { formatFixed } from "../core/format";
import type { MeanSd } from "./mean-sd";

/**
 * The paper's "mean ± SD" text, e.g. "57.36 ± 10.38", with `decimals` places (default 2) by core formatFixed.
 *
 * Cost: O(1).
 *
 * @example
 * formatMeanSd({ mean: 57.3636, sd: 10.3849 }) // "57.36 ± 10.38"
 */
export function formatMeanSd(summary: Pick<MeanSd, "mean" | "sd">, decimals = 2): string {
  return `${formatFixed(summary.mean, decimals)} ± ${formatFixed(summary.sd, decimals)}`;
}
