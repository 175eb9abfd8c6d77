import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { type ForestPlotOptions, type ForestPlotRow, forestPlotFigure } from "../figures/forest-plot-figure";
import type { PlotlyFigure } from "../figures/plotly-types";
import type { CoxphFit } from "./coxph";

/** Options of {@link coxphForestFigure}: the forest plot's, plus row labels. */
export interface CoxphForestOptions extends ForestPlotOptions {
  /**
   * Row labels by coefficient name (`{ sexmale: "Male vs female" }`); the others are labelled by level
   * ("sex: male vs female", "ph.ecog: 2 vs 0"), numeric terms by their name.
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/** `factor(ph.ecog)` → `ph.ecog`: the variable a reader knows. */
function variableName(label: string): string {
  const m = /^(?:as\.)?factor\((.*)\)$/.exec(label);
  return m ? m[1] : label;
}

/**
 * Forest plot of a coxph(formula, data) fit: one row per estimable coefficient, hazard ratio with its interval
 * and p, labelled by level against the reference ("sex: male vs female", "ph.ecog: 2 vs 0") rather than R's
 * `sexmale`; numeric covariates and interactions keep R's names; `labels` overrides any row. Coefficients R
 * reports as NA are left out. R: survminer::ggforest(fit). Cost: O(coefficients).
 *
 * @example
 * const lung = { // the first 12 rows of R's survival::lung
 *   time: [306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654],
 *   status: [2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2, 2],
 *   age: [74, 68, 56, 57, 60, 74, 68, 71, 53, 61, 57, 68],
 *   "ph.ecog": [1, 0, 0, 1, 0, 1, 2, 2, 1, 2, 1, 2],
 * };
 * const fig = coxphForestFigure(coxph("Surv(time, status) ~ age + factor(ph.ecog)", lung));
 * fig.data[2].text
 * // ["age<br>HR 0.89 (0.79–1.00), p = 0.056", "ph.ecog: 1 vs 0<br>HR 9.37 (1.04–84.53), p = 0.046", …]
 * // (R: summary(coxph(…, head(lung, 12))): 0.8875 (0.7853–1.003), p 0.0558; 9.366 (1.038–84.53), p 0.0463)
 */
export function coxphForestFigure(fit: CoxphFit, options: CoxphForestOptions = {}): PlotlyFigure {
  checkOptions(options);
  if (fit?.kind !== "coxph" || !Array.isArray(fit.assign))
    throw new InputError("must be a fit returned by coxph(formula, data)", { field: "fit", value: fit });
  const labels = options.labels ?? {};
  const labelOf = new Map<number, string>();
  for (const a of fit.assign) {
    const levels = fit.xlevels[a.term];
    const reference = fit.reference[a.term];
    for (const j of a.columns) {
      const name = fit.terms[j].name;
      if (levels && reference !== undefined && name.startsWith(a.term))
        labelOf.set(j, `${variableName(a.term)}: ${name.slice(a.term.length)} vs ${reference}`);
      else labelOf.set(j, name);
    }
  }
  const rows: ForestPlotRow[] = fit.terms.flatMap((t, j) =>
    t.coef === null || t.hazardRatio === null || t.ciLower === null || t.ciUpper === null
      ? []
      : [
          {
            label: labels[t.name] ?? labelOf.get(j) ?? t.name,
            estimate: t.hazardRatio,
            lower: t.ciLower,
            upper: t.ciUpper,
            pValue: t.pValue,
          },
        ],
  );
  if (rows.length === 0)
    throw new InputError("has no estimable coefficient to plot", { field: "fit", value: fit.call });
  return forestPlotFigure(rows, { confLevel: fit.confLevel, title: "Hazard ratios", ...options });
}
