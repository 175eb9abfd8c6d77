import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import {
  type EventCoding,
  type FormulaData,
  type MissingSummary,
  type ModelFrameOptions,
  modelFrame,
  modelMatrix,
  type TermColumns,
} from "../formula";
import {
  type SurvregCovariates,
  type SurvregDistribution,
  type SurvregOptions as SurvregKernelOptions,
  type SurvregResult,
  survreg as survregKernel,
} from "../parametric/survreg";
import type { Surv } from "../survival/surv";
import { formatCall } from "./internal/format-call";
import { responseOf, strataOf } from "./internal/frame-helpers";

/** Options of {@link survreg} with a formula: R's survreg arguments, plus the model-frame options. */
export interface SurvregFormulaOptions extends Omit<ModelFrameOptions, "cluster"> {
  /** "weibull" (R's default), "exponential", "lognormal", "loglogistic", "rayleigh", "gaussian", "logistic", … */
  readonly dist?: SurvregDistribution;
  /** Fix the scale (R `scale =`). */
  readonly scale?: number;
  /** Starting values (R `init =`): the coefficients, "(Intercept)" first, optionally then the log scale(s). */
  readonly init?: ArrayLike<number>;
  /** R's survreg.control: maxiter, relTolerance (rel.tolerance), tolerChol (toler.chol). */
  readonly control?: SurvregKernelOptions["control"];
  /** Level of the coefficient intervals (default 0.95). */
  readonly confLevel?: number;
  /** Name of the data in the printed call (default "data"). */
  readonly dataName?: string;
}

/** A parametric survival model fitted from a formula: the survreg result plus what R's survreg object carries. */
export interface SurvregFit extends SurvregResult {
  /** The call as R prints it: `survreg(formula = Surv(time, status) ~ age, data = lung, dist = "lognormal")`. */
  readonly call: string;
  readonly formula: string;
  readonly response: string;
  readonly eventCoding: EventCoding;
  /** Terms that have design columns, in order; `assign` gives their columns (0-based, intercept excluded). */
  readonly termLabels: readonly string[];
  readonly assign: readonly TermColumns[];
  /** Levels of the categorical variables (R's fit$xlevels). */
  readonly xlevels: Readonly<Record<string, readonly string[]>>;
  /** Reference level of each variable coded by treatment contrasts. */
  readonly reference: Readonly<Record<string, string>>;
  /** The strata() terms (one scale per stratum; labels in `strata`), or null. */
  readonly strataVariables: readonly string[] | null;
  /** Rows in the data; rows the subset excluded; rows dropped for a missing value (R's na.action). */
  readonly nData: number;
  readonly excludedBySubset: number;
  readonly missing: MissingSummary;
}

/**
 * Parametric (accelerated failure time) survival regression from an R formula, as R's
 * `survreg(Surv(time, status) ~ age + factor(ph.ecog) + strata(sex), data = lung, dist = "weibull")`: the formula,
 * model frame and design are coxph's (subset, weights, complete cases counted in `missing`, treatment contrasts
 * with R's coefficient names `factor(ph.ecog)1`, interactions), then the survreg kernel fits g(T) = x′β + σW
 * (Weibull by default; R's Newton–Raphson, so estimates and SEs agree with R). Each strata() term gives one scale
 * per stratum, named as R names them ("sex=1"; the level alone for a factor, e.g. "squamous"); R's Log(scale) rows
 * of the variance are named "Log(scale[sex=1])" as vcov(fit) names them. Called with a Surv and covariate columns
 * instead of a formula it is the array-level fit (parametric/survreg), unchanged.
 *
 * Not supported (InputError): `Surv(start, stop, event)` (R survreg has no counting form), a multi-state status,
 * cluster() (robust variance). R: `survival::survreg(formula, data, weights, subset, dist, scale, init, control)`.
 * SPSS: none (no parametric survival regression; Stata streg, SAS PROC LIFEREG fit the same models).
 * Cost: model frame and design O(n × p); the fit O(iterations × n p²).
 *
 * @example
 * const d = {
 *   time: [2, 3, 3, 5, 6, 8, 9, 12, 15, 20],
 *   status: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1],
 *   arm: ["a", "b", "a", "b", "b", "a", "a", "b", "a", "b"],
 * };
 * const fit = survreg("Surv(time, status) ~ arm", d);
 * fit.terms.map((t) => t.name) // ["(Intercept)", "armb"]
 * fit.terms.map((t) => t.coef) // [2.7127, -0.3990] (R survreg: 2.71267597, -0.39898216)
 */
export function survreg(formula: string, data: FormulaData, options?: SurvregFormulaOptions): SurvregFit;
export function survreg(y: Surv, covariates: SurvregCovariates, options?: SurvregKernelOptions): SurvregResult;
export function survreg(
  formulaOrY: string | Surv,
  data: FormulaData | SurvregCovariates,
  options: SurvregFormulaOptions | SurvregKernelOptions = {},
): SurvregFit | SurvregResult {
  if (typeof formulaOrY !== "string")
    return survregKernel(formulaOrY, data as SurvregCovariates, options as SurvregKernelOptions);
  return survregFormula(formulaOrY, data as FormulaData, options as SurvregFormulaOptions);
}

const LOG_TIME: readonly string[] = ["weibull", "exponential", "rayleigh", "lognormal", "loglogistic"];

function survregFormula(formula: string, data: FormulaData, options: SurvregFormulaOptions): SurvregFit {
  checkOptions(options);
  const cluster = (options as { cluster?: unknown }).cluster;
  if (cluster !== undefined)
    throw new InputError("cluster (robust variance) is not supported by survreg here", {
      field: "cluster",
      value: cluster,
    });
  const frame = modelFrame(formula, data, options);
  const parsed = frame.formula;
  if (frame.response.coding === "states")
    throw new InputError("a text or factor status is multi-state data: survreg fits single-event models", {
      field: parsed.response.label,
      value: frame.response.states,
    });
  if (frame.response.kind === "counting")
    throw new InputError("survreg takes right-censored data: Surv(start, stop, event) has no survreg form (as R)", {
      field: "formula",
      value: parsed.response.label,
    });
  const clusterTerm = parsed.variables.find((v) => v.role === "cluster");
  if (clusterTerm)
    throw new InputError("cluster() (robust variance) is not supported by survreg here", {
      field: "formula",
      value: clusterTerm.label,
    });
  const dist = options.dist ?? "weibull";
  if (!LOG_TIME.includes(dist) && !["extreme", "logistic", "gaussian"].includes(dist))
    throw new InputError(`must be one of ${[...LOG_TIME, "extreme", "logistic", "gaussian"].join(", ")}`, {
      field: "dist",
      value: dist,
    });
  // The log-time families need times > 0: named here by the data row, before any work.
  if (LOG_TIME.includes(dist)) {
    const time = frame.response.time;
    for (let k = 0; k < frame.n; k++)
      if (!(time[k] > 0))
        throw new InputError(`the ${dist} model is on log time: times must be > 0 (R: "Invalid survival times")`, {
          field: parsed.response.label,
          index: frame.rows ? frame.rows[k] : k,
          value: time[k],
        });
  }
  const matrix = modelMatrix(frame);
  const strata = strataOf(frame);
  const y = responseOf(frame);
  // Strata go to the kernel as numeric codes (it orders labels numerically), then take R's labels back.
  const fit = survregKernel(
    y,
    { names: matrix.names, columns: matrix.columns },
    {
      dist,
      weights: frame.weights ?? undefined,
      strata: strata && strata.levels.length > 1 ? strata.codes : undefined,
      scale: options.scale,
      init: options.init,
      control: options.control,
      confLevel: options.confLevel,
    },
  );
  const labels = fit.strata === null || strata === null ? null : fit.strata.map((code) => strata.levels[+code]);
  const nScale = fit.logScale.length;
  const scaleNames = labels ?? (nScale > 0 ? ["Log(scale)"] : []);
  const out = {
    ...fit,
    logScale: fit.logScale.map((t, s) => ({ ...t, name: scaleNames[s] })),
    strata: labels,
    varianceNames: [
      ...fit.varianceNames.slice(0, fit.terms.length),
      ...(labels ? labels.map((l) => `Log(scale[${l}])`) : scaleNames),
    ],
    call: formatCall("survreg", parsed.label, options, {
      dist: options.dist !== undefined ? `"${options.dist}"` : null,
      scale: options.scale !== undefined ? String(options.scale) : null,
    }),
    formula: parsed.label,
    response: parsed.response.label,
    eventCoding: frame.response.coding,
    termLabels: matrix.assign.map((a) => a.term),
    assign: matrix.assign,
    xlevels: matrix.xlevels,
    reference: matrix.reference,
    strataVariables: strata ? strata.variables : null,
    nData: frame.nData,
    excludedBySubset: frame.excludedBySubset,
    missing: frame.missing,
    convention: `R survival::survreg(formula, dist = "${dist}")${labels ? " with strata" : ""}`,
  };
  return deepFreeze(out) as SurvregFit;
}
