import { checkOptions } from "../core/check-options";
import { htmlTable } from "../core/html";
import type { EValueResult } from "./e-value";

/**
 * HTML table (core htmlTable) of labelled E-value results for notebooks and the report.
 *
 * Cost: O(rows).
 *
 * @example
 * eValueToHtml([{ label: "Visceral metastases", result: eValue(3.538, { measure: "HR", lower: 1.191, upper: 10.516 })
 * }])
 * // '<table class="repro-table">…<td>Visceral metastases</td><td>HR</td><td>3.538</td>…<td>6.535</td><td>1.668</td>…'
 */
export function eValueToHtml(
  rows: ReadonlyArray<{ readonly label: string; readonly result: EValueResult }>,
  options: { caption?: string } = {},
): string {
  checkOptions(options);
  return htmlTable(
    rows.map(({ label, result }) => ({
      factor: label,
      measure: result.measure,
      estimate: result.estimate,
      "RR scale": result.riskRatio,
      "E-value (estimate)": result.eValuePoint,
      "E-value (CI limit)": result.eValueCi,
      conversion: result.conversion,
    })),
    { caption: options.caption, decimals: 3 },
  );
}
