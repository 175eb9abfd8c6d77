import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { type FormulaData, modelFrame } from "../formula";
import { type SurvregPrediction, survregPredict } from "../parametric/survreg-predict";
import { type CoxPrediction, type CoxPredictType, predictCox } from "../survival/cox-predict";
import type { CoxphFit } from "./coxph";
import { fitData } from "./internal/fit-data";
import { newdataDesign } from "./internal/newdata-design";
import type { SurvregFit } from "./survreg";

/** Options of {@link predict} on a coxph(formula) fit: R's predict.coxph arguments. */
export interface PredictCoxphOptions {
  /** "lp" (default), "risk", "expected" or "survival" (R's types; not "terms"). */
  readonly type?: CoxPredictType;
  /**
   * New rows as records or columns by the data's column names, factor levels as in the fit (R's `newdata`). A
   * stratified fit needs the strata variables for "expected", "survival" and the default reference "strata"; the
   * types "expected" and "survival" read each row's follow-up from the response columns (time and status), as R.
   * Default: the rows the model was fitted on.
   */
  readonly newdata?: FormulaData;
  /** Centring of lp and risk: "strata" (R's default), "sample" or "zero". */
  readonly reference?: "strata" | "sample" | "zero";
  /** Standard errors (R's se.fit, default false). */
  readonly seFit?: boolean;
}

/** Options of {@link predict} on a survreg(formula) fit: R's predict.survreg arguments. */
export interface PredictSurvregOptions {
  /** "response" (default), "lp", "quantile" or "uquantile". */
  readonly type?: "response" | "lp" | "quantile" | "uquantile";
  /** New rows as records or columns (required: the fitted rows are not kept). */
  readonly newdata: FormulaData;
  /** Probabilities of the quantile types (R's default c(0.1, 0.9)). */
  readonly p?: readonly number[];
}

/**
 * Predictions from a model fitted with a formula, as R's generic `predict(fit, newdata, type, se.fit)`: new rows
 * (records or columns, by the data's own column names) are coded exactly as the fit's design — the same terms and
 * interactions, the fit's factor levels and reference levels (R's xlevels), each row's stratum — so that a
 * factor level is given as the data had it (`ph.ecog: 2`, `celltype: "adeno"`), never as an indicator column. An
 * unseen level, a missing covariate or an unknown stratum is an InputError naming the variable and the row.
 * - coxph fits reach predictCox: "lp" (centred as R, within strata by default), "risk", "expected" and "survival"
 *   over each row's follow-up (read from the response columns of newdata), with R's standard errors;
 * - survreg fits reach survregPredict: "response", "lp", "quantile"/"uquantile" at `p`, with delta-method SEs.
 * R: `predict(coxfit, newdata, type = "lp", se.fit = TRUE)`, `predict(survregfit, newdata, type = "quantile",
 * p = 0.5, se.fit = TRUE)`. SPSS: COXREG /SAVE XBETA, SURVIVAL (fitted rows only); no survreg.
 * Cost: O(rows × coefficients²), plus O(n p) for the Cox baseline hazard of "expected"/"survival".
 *
 * @example
 * const d = {
 *   time: [5, 8, 12, 3, 9, 20, 15, 6, 11, 14],
 *   status: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1],
 *   arm: ["a", "b", "a", "b", "a", "b", "a", "b", "a", "b"],
 * };
 * const fit = coxph("Surv(time, status) ~ arm", d);
 * predict(fit, { type: "risk", reference: "zero", newdata: [{ arm: "a" }, { arm: "b" }] }).fit
 * // [1, 1.452290159] (R predict(fit, newdata, type = "risk", reference = "zero"))
 */
export function predict(fit: CoxphFit, options?: PredictCoxphOptions): CoxPrediction;
export function predict(fit: SurvregFit, options: PredictSurvregOptions): SurvregPrediction;
export function predict(
  fit: CoxphFit | SurvregFit,
  options: PredictCoxphOptions | PredictSurvregOptions = {} as PredictCoxphOptions,
): CoxPrediction | SurvregPrediction {
  checkOptions(options);
  if (fit !== null && typeof fit === "object" && fit.kind === "survreg") {
    if (!("call" in fit))
      throw new InputError("must be a fit of survreg(formula, data): for survreg(y, covariates) use survregPredict", {
        field: "fit",
        value: fit,
      });
    return predictSurvreg(fit, options as PredictSurvregOptions);
  }
  fitData(fit);
  return predictCoxph(fit as CoxphFit, options as PredictCoxphOptions);
}

function checkKeys(options: object, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(options))
    if (!allowed.includes(key))
      throw new InputError(`is not an option of predict on a ${what} fit (${allowed.join(", ")})`, {
        field: `options.${key}`,
        value: (options as Record<string, unknown>)[key],
      });
}

function predictCoxph(fit: CoxphFit, options: PredictCoxphOptions): CoxPrediction {
  checkKeys(options, ["type", "newdata", "reference", "seFit"], "coxph");
  const type = options.type ?? "lp";
  if (options.newdata === undefined)
    return predictCox(fit, { type, reference: options.reference, seFit: options.seFit });
  const names = fit.terms.map((t) => t.name);
  const expected = type === "expected" || type === "survival";
  const needStrata = fit.strata !== null && (expected || (options.reference ?? "strata") === "strata");
  const design = newdataDesign({ ...fit, names }, options.newdata, needStrata);
  const newdata = Object.fromEntries(names.map((nm, j) => [nm, design.columns[j]]));
  let time: Float64Array | undefined;
  if (expected) {
    // R reads the follow-up of each new row from its response (time and status) in newdata.
    const frame = modelFrame(fit.formula, options.newdata);
    if (frame.missing.dropped > 0)
      throw new InputError("is missing in newdata: type expected/survival needs every row's time and status", {
        field: Object.keys(frame.missing.byVariable)[0],
        index: frame.missing.rows[0],
        value: null,
      });
    time = frame.response.time;
  }
  return predictCox(fit, {
    type,
    newdata,
    strata: design.strata ?? undefined,
    time,
    reference: options.reference,
    seFit: options.seFit,
  });
}

function predictSurvreg(fit: SurvregFit, options: PredictSurvregOptions): SurvregPrediction {
  checkKeys(options, ["type", "newdata", "p"], "survreg");
  if (options.newdata === undefined)
    throw new InputError("give the rows to predict (newdata): a survreg fit does not keep its data", {
      field: "options.newdata",
      value: undefined,
    });
  const names = fit.terms.slice(1).map((t) => t.name);
  const strata = fit.strata && fit.strataVariables ? { variables: fit.strataVariables, levels: fit.strata } : null;
  const design = newdataDesign({ ...fit, names, strata }, options.newdata, true);
  return survregPredict(
    fit,
    { names, columns: design.columns },
    {
      type: options.type,
      p: options.p,
      strata: design.strata && fit.strata ? Array.from(design.strata, (k) => (fit.strata as string[])[k]) : undefined,
    },
  );
}
