import { escapeHtml } from "../../lib/core/html";
import { formatFixed } from "../../lib/core/format";
import type { RobustnessResult } from "./robustness-across-cohorts";

/**
 * Renders {@link robustnessAcrossCohorts} as an HTML table: one row per quantity, the published value,
 * whether the reconstruction targeted it, its value on each cohort and the range. Deterministic.
 * Cost: O(quantities × cohorts).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * const result = robustnessAcrossCohorts([{ label: "seed 1", study }], mainResultQuantities());
 * robustnessToHtml(result, { caption: "Across 1 synthetic cohort" })
 * // '<table class="repro-table"><caption>Across 1 synthetic cohort…'
 */
export function robustnessToHtml(result: RobustnessResult, options: { caption?: string } = {}): string {
  const head = ["Quantity", "Published", "Targeted", ...result.cohorts, "Range"]
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join("");
  const body = result.rows
    .map((r) => {
      const f = (v: number | null) => formatFixed(v, r.decimals);
      const cells = [
        escapeHtml(r.quantity),
        escapeHtml(r.published ?? "not reported"),
        r.constrained ? "yes" : "no",
        ...r.values.map(f),
        r.min === null ? "—" : `${f(r.min)} – ${f(r.max)}`,
      ];
      return `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
    })
    .join("");
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  return `<table class="repro-table">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
