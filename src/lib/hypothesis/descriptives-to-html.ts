import { checkOptions } from "../core/check-options";
import { htmlTable } from "../core/html";
import { formatMeanSd } from "./format-mean-sd";
import { formatMedianIqr } from "./format-median-iqr";
import type { MeanSd } from "./mean-sd";
import type { MedianIqr } from "./median-iqr";

/**
 * HTML table (core htmlTable) of labelled descriptive summaries — each row a `medianIqr` or `meanSd`
 * result — printed in the paper's styles, for notebooks and the report. Deterministic output.
 *
 * Cost: O(rows).
 *
 * @example
 * descriptivesToHtml([{ label: "VAS before", summary: medianIqr([3, 5, 7]) }])
 * // '<table class="repro-table">…<td>VAS before</td><td>3</td><td>5.00 (3.00, 7.00)</td><td>median (P25, P75), type
 * // 6</td>…'
 */
export function descriptivesToHtml(
  rows: ReadonlyArray<{ readonly label: string; readonly summary: MedianIqr | MeanSd }>,
  options: { caption?: string; decimals?: number } = {},
): string {
  checkOptions(options);
  const decimals = options.decimals ?? 2;
  return htmlTable(
    rows.map(({ label, summary }) =>
      "median" in summary
        ? {
            variable: label,
            n: summary.n,
            summary: formatMedianIqr(summary, decimals),
            style: `median (P25, P75), type ${summary.quantileType}`,
          }
        : { variable: label, n: summary.n, summary: formatMeanSd(summary, decimals), style: "mean ± SD" },
    ),
    { caption: options.caption },
  );
}
