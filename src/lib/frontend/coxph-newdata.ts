import { InputError } from "../core/errors";
import type { FormulaData } from "../formula";
import type { CoxphFit } from "./coxph";
import { type NewdataDesign, newdataDesign } from "./internal/newdata-design";

export type { NewdataDesign } from "./internal/newdata-design";

/**
 * The covariate rows of new data for a coxph(formula, data) fit, coded exactly as the fit's own design: the same
 * terms, the fit's factor levels and reference levels (R's `xlevels`), interactions, and the stratum of each row
 * when the fit is stratified — what predictions and curves at given covariate values need (R's
 * `model.matrix(fit, newdata)`, used by predict.coxph and survfit.coxph). A level the fit did not see, a stratum it
 * did not have, or a missing covariate is an InputError naming the variable and the row.
 * Cost: O(rows × coefficients).
 *
 * @example
 * const lung = { // the first 12 rows of R's survival::lung
 *   time: [306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654],
 *   status: [2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2, 2],
 *   age: [74, 68, 56, 57, 60, 74, 68, 71, 53, 61, 57, 68],
 *   "ph.ecog": [1, 0, 0, 1, 0, 1, 2, 2, 1, 2, 1, 2],
 * };
 * const fit = coxph("Surv(time, status) ~ age + factor(ph.ecog)", lung);
 * coxphNewdata(fit, [{ age: 60, "ph.ecog": 2 }]).columns.map((c) => c[0]) // [60, 0, 1]
 * // (R: model.matrix(fit, data.frame(age = 60, ph.ecog = 2)) gives age 60, factor(ph.ecog)1 0, factor(ph.ecog)2 1)
 */
export function coxphNewdata(fit: CoxphFit, newdata: FormulaData): NewdataDesign {
  if (!fit || typeof fit.formula !== "string" || !Array.isArray(fit.assign))
    throw new InputError("must be a fit returned by coxph(formula, data)", { field: "fit", value: fit });
  return newdataDesign({ ...fit, names: fit.terms.map((t) => t.name) }, newdata);
}
