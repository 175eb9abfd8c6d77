import type { ForestPlotRow } from "../../lib/figures/forest-plot-figure";
import type { CoxResult } from "../../lib/survival/cox-ph";

/**
 * Rows for forestPlotFigure from a Cox fit: hazard ratio, CI and Wald p per covariate; covariates
 * without an estimate (zero variance, an infinite CI) are left out and named in `omitted`.
 * Cost: O(terms).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * coxForestRows(coxTable6Fit(study)).rows.map((r) => r.label) // ["visceral metastases", "postoperative BMA"]
 */
export function coxForestRows(fit: CoxResult): { rows: ForestPlotRow[]; omitted: string[] } {
  const rows: ForestPlotRow[] = [];
  const omitted: string[] = [];
  for (const t of fit.terms) {
    if (
      t.hazardRatio === null ||
      t.ciLower === null ||
      t.ciUpper === null ||
      !Number.isFinite(t.ciUpper) ||
      !(t.ciLower > 0)
    )
      omitted.push(t.name);
    else rows.push({ label: t.name, estimate: t.hazardRatio, lower: t.ciLower, upper: t.ciUpper, pValue: t.pValue });
  }
  return { rows, omitted };
}
