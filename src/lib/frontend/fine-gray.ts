import { checkOptions } from "../core/check-options";
import {
  type FineGrayCovariates,
  type FineGrayOptions,
  type FineGrayResult,
  fineGray as fineGrayKernel,
} from "../competing-risks/fine-gray";
import type { StatusCode } from "../competing-risks/aalen-johansen";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import {
  type FormulaData,
  type MissingSummary,
  type ModelFrameOptions,
  modelFrame,
  modelMatrix,
  type TermColumns,
} from "../formula";
import { formatCall } from "./internal/format-call";
import { strataOf } from "./internal/frame-helpers";

/** Options of {@link fineGray} with a formula: finegray's / crr's arguments, plus the model-frame options. */
export interface FineGrayFormulaOptions extends Omit<ModelFrameOptions, "weights" | "cluster"> {
  /** The state of interest, a status level (R finegray's `etype`, crr's `failcode`); default the first state. */
  readonly etype?: string | number;
  /** "crr" (default, cmprsk::crr) or "finegray" (survival::finegray + weighted coxph, robust variance). */
  readonly method?: "crr" | "finegray";
  /** Ties of the "finegray" method's Cox fit (default "efron"). */
  readonly ties?: "efron" | "breslow";
  readonly init?: ArrayLike<number>;
  /** crr's convergence tolerance (default 1e-6) and maximum iterations (default 10). */
  readonly gtol?: number;
  readonly maxiter?: number;
  readonly confLevel?: number;
  /** Name of the data in the printed call (default "data"). */
  readonly dataName?: string;
}

/** A Fine–Gray model fitted from a formula: the fineGray result plus what the formula determined. */
export interface FineGrayFit extends FineGrayResult {
  readonly call: string;
  readonly formula: string;
  readonly response: string;
  /** The status factor's levels after the first (censoring) one; `failcode` is the one modelled. */
  readonly states: readonly string[];
  readonly termLabels: readonly string[];
  readonly assign: readonly TermColumns[];
  readonly xlevels: Readonly<Record<string, readonly string[]>>;
  readonly reference: Readonly<Record<string, string>>;
  /** strata() terms: the censoring distribution is estimated within each stratum (crr's cengroup), or null. */
  readonly censoringStrata: { readonly variables: readonly string[]; readonly levels: readonly string[] } | null;
  readonly nData: number;
  readonly excludedBySubset: number;
  readonly missing: MissingSummary;
}

/**
 * Fine–Gray subdistribution-hazards regression from an R formula with a factor status, as
 * `finegray(Surv(etime, event) ~ ., data, etype = "pcm")` + `coxph(Surv(fgstart, fgstop, fgstatus) ~ age + sex,
 * weights = fgwt)` or `cmprsk::crr(ftime, fstatus, cov1 = model.matrix(~ age + sex)[, -1], failcode = "pcm")`
 * compute it: `fineGray("Surv(etime, factor(event)) ~ age + sex", data, { etype: "pcm" })`. The status must be a
 * factor (its first level means censored, as R); `etype` picks the state of interest (default the first after
 * censoring). The design is coxph's (R's coefficient names `sexM`, `factor(edema)0.5`, `log(bili)`, interactions;
 * incomplete rows dropped and counted in `missing`); strata() terms give the censoring groups (finegray's strata,
 * crr's cengroup). `method` chooses cmprsk::crr (default) or survival::finegray + coxph (robust variance by subject).
 * Called with time, status and covariate columns instead of a formula it is the array-level fineGray, unchanged.
 *
 * Not supported (InputError): weights, cluster(), Surv(start, stop, …) (delayed entry), a status that is not a
 * factor(). SPSS has no Fine–Gray procedure. Cost: model frame O(n × p), then as the array-level fineGray.
 *
 * @example
 * const d = {
 *   time: [1, 2, 3, 4, 5, 6, 7, 8],
 *   status: [1, 2, 1, 0, 1, 2, 1, 0],
 *   x: [1, 0, 1, 0, 0, 1, 1, 0],
 * };
 * fineGray("Surv(time, factor(status)) ~ x", d, { etype: 1 }).terms[0].coef // 1.2371 (R cmprsk::crr: 1.237059111)
 */
export function fineGray(formula: string, data: FormulaData, options?: FineGrayFormulaOptions): FineGrayFit;
export function fineGray(
  time: ArrayLike<number>,
  status: ArrayLike<StatusCode>,
  covariates: FineGrayCovariates,
  options?: FineGrayOptions,
): FineGrayResult;
export function fineGray(
  formulaOrTime: string | ArrayLike<number>,
  dataOrStatus: FormulaData | ArrayLike<StatusCode>,
  third?: FineGrayFormulaOptions | FineGrayCovariates,
  fourth?: FineGrayOptions,
): FineGrayFit | FineGrayResult {
  if (typeof formulaOrTime !== "string")
    return fineGrayKernel(formulaOrTime, dataOrStatus as ArrayLike<StatusCode>, third as FineGrayCovariates, fourth);
  return fineGrayFormula(formulaOrTime, dataOrStatus as FormulaData, (third ?? {}) as FineGrayFormulaOptions);
}

function fineGrayFormula(formula: string, data: FormulaData, options: FineGrayFormulaOptions): FineGrayFit {
  checkOptions(options);
  for (const key of ["weights", "cluster"])
    if ((options as Record<string, unknown>)[key] !== undefined)
      throw new InputError(`${key} is not supported by fineGray here`, {
        field: key,
        value: (options as Record<string, unknown>)[key],
      });
  const frame = modelFrame(formula, data, options);
  const parsed = frame.formula;
  const statusNode = parsed.response.event;
  const isFactorStatus = statusNode?.type === "call" && statusNode.fn === "factor";
  if (frame.response.coding !== "states" || !isFactorStatus)
    throw new InputError(
      "Fine–Gray needs competing-risks data: write the status as a factor, Surv(time, factor(status)) " +
        "(first level = censored, the others the competing events)",
      { field: "formula", value: parsed.response.label },
    );
  if (frame.response.kind === "counting")
    throw new InputError("delayed entry (Surv(start, stop, …)) is not supported by fineGray", {
      field: "formula",
      value: parsed.response.label,
    });
  const clusterTerm = parsed.variables.find((v) => v.role === "cluster");
  if (clusterTerm)
    throw new InputError("cluster() is not supported by fineGray here", { field: "formula", value: clusterTerm.label });
  const states = frame.response.states as readonly string[];
  const etype = options.etype === undefined ? states[0] : String(options.etype);
  if (!states.includes(etype))
    throw new InputError(`must be one of the status levels after the censoring level: ${states.join(", ")}`, {
      field: "etype",
      value: options.etype,
    });
  const matrix = modelMatrix(frame);
  if (matrix.names.length === 0)
    throw new InputError("Fine–Gray regression needs at least one covariate", { field: "formula", value: formula });
  const strata = strataOf(frame);
  const status = Array.from(frame.response.event, (code) => (code === 0 ? 0 : states[code - 1]));
  const fit = fineGrayKernel(
    frame.response.time,
    status,
    { names: matrix.names, columns: matrix.columns },
    {
      censorCode: 0,
      causes: [...states],
      failcode: etype,
      method: options.method,
      cengroup: strata && strata.levels.length > 1 ? strata.codes : undefined,
      ties: options.ties,
      init: options.init,
      gtol: options.gtol,
      maxiter: options.maxiter,
      confLevel: options.confLevel,
    },
  );
  return deepFreeze({
    ...fit,
    call: formatCall("fineGray", parsed.label, options, {
      etype: options.etype !== undefined ? JSON.stringify(String(options.etype)) : null,
      method: options.method !== undefined ? `"${options.method}"` : null,
    }),
    formula: parsed.label,
    response: parsed.response.label,
    states,
    termLabels: matrix.assign.map((a) => a.term),
    assign: matrix.assign,
    xlevels: matrix.xlevels,
    reference: matrix.reference,
    censoringStrata: strata ? { variables: strata.variables, levels: strata.levels } : null,
    nData: frame.nData,
    excludedBySubset: frame.excludedBySubset,
    missing: frame.missing,
  }) as FineGrayFit;
}
