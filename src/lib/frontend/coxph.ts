import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { type StatResult, statResult } from "../core/result";
import {
  type EventCoding,
  type FormulaData,
  type FrameColumn,
  type MissingSummary,
  type ModelFrame,
  type ModelFrameOptions,
  modelFrame,
  modelMatrix,
  type TermColumns,
} from "../formula";
import { type CoxOptions, type CoxResult, coxPH, extendCoxResult } from "../survival/cox-ph";
import { attachFitData } from "./internal/fit-data";
import { responseOf, strataOf } from "./internal/frame-helpers";
import { formatCall } from "./internal/format-call";
import { type TermWaldDetails, termWaldTests } from "./term-wald-tests";

/** Options of {@link coxph}: R's coxph arguments, plus the model-frame options (subset, weights, cluster, levels). */
export interface CoxphOptions extends ModelFrameOptions {
  /** "efron" (R's default) or "breslow" (SPSS COXREG's). */
  readonly ties?: "efron" | "breslow";
  /** Sandwich variance (R `robust = TRUE`); default true with a cluster or non-integer weights, as R. */
  readonly robust?: boolean;
  /** Level of the hazard-ratio intervals (default 0.95). */
  readonly confLevel?: number;
  /** Starting coefficients (R `init =`), in the order of the design columns. */
  readonly init?: ArrayLike<number>;
  /** R's coxph.control: eps, iter.max, toler.chol, toler.inf. */
  readonly control?: CoxOptions["control"];
  /** Name of the data in the printed call (default "data"). */
  readonly dataName?: string;
}

/** The strata of a stratified fit: the strata() variables and the stratum labels, as R's strata() names them. */
export interface CoxphStrata {
  readonly variables: readonly string[];
  readonly levels: readonly string[];
  /** Rows per stratum. */
  readonly n: readonly number[];
}

/** A Cox model fitted from a formula: the coxPH result plus what R's coxph object carries about the formula. */
export interface CoxphFit extends CoxResult {
  /** The call as R prints it: `coxph(formula = Surv(time, status) ~ age + sex, data = lung)`. */
  readonly call: string;
  /** The formula, spacing normalized as R deparses it. */
  readonly formula: string;
  /** The response, e.g. "Surv(time, status)". */
  readonly response: string;
  /** How the status was read (R's Surv rule): "0/1", "1/2", "logical" or "all events". */
  readonly eventCoding: EventCoding;
  /** Terms that have design columns, in order (R's anova rows). */
  readonly termLabels: readonly string[];
  /** Design columns of each term (R's fit$assign). */
  readonly assign: readonly TermColumns[];
  /** Levels of the categorical variables (R's fit$xlevels). */
  readonly xlevels: Readonly<Record<string, readonly string[]>>;
  /** Reference level of each variable coded by treatment contrasts. */
  readonly reference: Readonly<Record<string, string>>;
  readonly strata: CoxphStrata | null;
  /** The cluster variable (formula term or option), or null. */
  readonly cluster: string | null;
  /** Rows in the data; rows the subset excluded; rows dropped for a missing value (R's na.action). */
  readonly nData: number;
  readonly excludedBySubset: number;
  readonly missing: MissingSummary;
  /** Joint Wald test of each term with more than one column (a factor's k − 1 indicators; SPSS prints it). */
  readonly termTests: readonly StatResult<TermWaldDetails>[];
}

/**
 * Cox proportional-hazards model from an R formula and a data set, as R's
 * `coxph(Surv(time, status) ~ age + sex + strata(inst), data = lung)`: parses the formula (see parseFormula for
 * the supported syntax), builds the model frame (subset, complete cases — the dropped rows are counted in
 * `missing`, never silent), codes categorical variables by treatment contrasts with R's coefficient names
 * (`sex2`, `factor(ph.ecog)1`, `age:sexmale`), takes strata() and cluster() terms as R does (a cluster makes
 * the variance robust), and fits with coxPH (Efron ties by default, R's Newton–Raphson and convergence rule).
 * `~ 1` (or strata only) gives the null model, as R: no coefficients, its log-likelihood for anova(fit0, fit1).
 * Status codings 0/1, 1/2 and TRUE/FALSE follow R's Surv() rule (see modelFrame).
 *
 * R: `survival::coxph(formula, data, weights, subset, ties = "efron", robust, cluster)`; `+ 0` and `- 1` are
 * ignored, as R does (a Cox model has no intercept). SPSS: COXREG time WITH covariates /STATUS=status(1)
 * /CATEGORICAL=… /STRATA=… (Breslow ties: pass ties "breslow"; SPSS's indicator contrasts default to the last
 * category as reference, R's and ours to the first). Cost: parsing O(formula); model frame and design O(n × p);
 * the fit O(n log n + iterations × n p²) as coxPH.
 *
 * @example
 * const lung = { time: [306, 455, 1010, 210, 883, 1022], status: [2, 2, 1, 2, 2, 1], sex: [1, 1, 1, 2, 1, 2] };
 * coxph("Surv(time, status) ~ factor(sex)", lung).terms[0].name // "factor(sex)2"
 */
export function coxph(formula: string, data: FormulaData, options: CoxphOptions = {}): CoxphFit {
  checkOptions(options);
  const frame = modelFrame(formula, data, options);
  const parsed = frame.formula;
  if (frame.response.coding === "states")
    throw new InputError(
      "a text or factor status is multi-state data: coxph here fits single-event models (code the status 0/1)",
      { field: parsed.response.label, value: frame.response.states },
    );
  const matrix = modelMatrix(frame);
  const strata = strataOf(frame);
  const cluster = clusterOf(frame, options);
  const y = responseOf(frame);
  const hasFractionalWeights = frame.weights?.some((w) => w !== Math.floor(w)) ?? false;
  const robust = options.robust ?? (cluster !== null || hasFractionalWeights);
  const coxOptions: CoxOptions = {
    ties: options.ties,
    strata: strata?.codes,
    weights: frame.weights ?? undefined,
    robust,
    cluster: robust ? (cluster?.codes ?? undefined) : undefined,
    confLevel: options.confLevel,
    init: options.init,
    control: options.control,
  };
  // A null model (`~ 1`, or strata only), as R's coxph.null: its log-likelihood at β = 0 comes from a fit with one
  // column of zeros, which the kernel marks not estimable; the column is then removed from the result.
  const isNull = matrix.names.length === 0;
  const kernelFit = isNull
    ? coxPH(y, { names: ["(null)"], columns: [new Float64Array(frame.n)] }, { ...coxOptions, robust: false })
    : coxPH(y, { names: matrix.names, columns: matrix.columns }, coxOptions);
  const fit = isNull ? nullModel(kernelFit) : kernelFit;
  const extra = {
    call: formatCall("coxph", parsed.label, options, {
      ties: options.ties && options.ties !== "efron" ? `"${options.ties}"` : null,
      robust: options.robust !== undefined ? (options.robust ? "TRUE" : "FALSE") : null,
    }),
    formula: parsed.label,
    response: parsed.response.label,
    eventCoding: frame.response.coding,
    termLabels: matrix.assign.map((a) => a.term),
    assign: matrix.assign,
    xlevels: matrix.xlevels,
    reference: matrix.reference,
    strata: strata ? { variables: strata.variables, levels: strata.levels, n: strata.n } : null,
    cluster: cluster?.label ?? null,
    nData: frame.nData,
    excludedBySubset: frame.excludedBySubset,
    missing: frame.missing,
    termTests: termWaldTests(fit, matrix.assign),
    warnings:
      cluster !== null && !robust
        ? [...fit.warnings, "cluster given with robust = false: the cluster is ignored (as R)"]
        : fit.warnings,
  };
  const out = extendCoxResult(fit, extra);
  attachFitData(out, { frame, matrix, y, coxOptions });
  return deepFreeze(out) as CoxphFit;
}

/** The null model's result: no coefficients, log-likelihood at β = 0, tests on 0 df (R prints none). */
function nullModel(fit: CoxResult): CoxResult {
  const none = (t: StatResult): StatResult =>
    statResult({ ...t, details: t.details as object, statistic: 0, df: 0, pValue: null, warnings: [] });
  return extendCoxResult(fit, {
    terms: [],
    variance: [],
    naiveVariance: [],
    means: [],
    loglik: fit.loglikNull,
    likelihoodRatioTest: none(fit.likelihoodRatioTest),
    waldTest: none(fit.waldTest),
    scoreTest: none(fit.scoreTest),
    robustScoreTest: null,
    possiblyInfinite: false,
    warnings: [],
  });
}

type Factor = Extract<FrameColumn, { kind: "factor" }>;

function clusterOf(frame: ModelFrame, options: CoxphOptions): { codes: Int32Array; label: string } | null {
  const k = frame.formula.variables.findIndex((v) => v.role === "cluster");
  if (k >= 0 && frame.cluster)
    throw new InputError("a cluster is given both in the formula and as an option: keep one", {
      field: "cluster",
      value: options.cluster,
    });
  if (k >= 0) {
    const label = frame.formula.variables[k].label;
    return { codes: (frame.columns[k] as Factor).codes, label };
  }
  if (frame.cluster)
    return { codes: frame.cluster.codes, label: typeof options.cluster === "string" ? options.cluster : "cluster" };
  return null;
}
