import { InputError } from "../core/errors";
import {
  combineFactors,
  covariateFrame,
  type FormulaData,
  type FrameColumn,
  modelMatrix,
  parseFormula,
} from "../formula";
import type { CoxphFit } from "./coxph";

/** The design of new rows for a fitted formula model, in the fit's column order. */
export interface NewdataDesign {
  /** The fit's coefficient names, one column each. */
  readonly names: readonly string[];
  /** One Float64Array per coefficient, over the new rows. */
  readonly columns: readonly Float64Array[];
  /** Index of each new row's stratum in `fit.strata.levels`, or null for an unstratified fit. */
  readonly strata: Int32Array | null;
  readonly n: number;
}

type Factor = Extract<FrameColumn, { kind: "factor" }>;

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
  const parsed = parseFormula(fit.formula);
  const frame = covariateFrame(parsed, newdata, fit.xlevels);
  const matrix = modelMatrix(frame);
  const names = fit.terms.map((t) => t.name);
  if (matrix.names.length !== names.length || matrix.names.some((name, j) => name !== names[j]))
    throw new InputError(`newdata gives columns ${matrix.names.join(", ")}, the fit has ${names.join(", ")}`, {
      field: "newdata",
      value: matrix.names,
    });
  let strata: Int32Array | null = null;
  if (fit.strata) {
    const vars = parsed.variables.map((v, k) => ({ v, k })).filter(({ v }) => v.role === "strata");
    const { codes, levels } = combineFactors(
      vars.map(({ k }) => frame.columns[k] as Factor),
      vars.map(() => ""),
      false,
    );
    const index = new Map(fit.strata.levels.map((l, k) => [l, k]));
    strata = new Int32Array(frame.n);
    for (let i = 0; i < frame.n; i++) {
      const k = index.get(levels[codes[i]]);
      if (k === undefined)
        throw new InputError(`stratum ${levels[codes[i]]} is not one of the fit's strata`, {
          field: fit.strata.variables.join(", "),
          index: i,
          value: levels[codes[i]],
        });
      strata[i] = k;
    }
  }
  return { names, columns: matrix.columns as Float64Array[], strata, n: frame.n };
}
