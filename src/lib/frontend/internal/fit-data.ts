import { InputError } from "../../core/errors";
import type { ModelFrame } from "../../formula/model-frame";
import type { ModelMatrix } from "../../formula/model-matrix";
import type { CoxOptions } from "../../survival/cox-ph";
import type { Surv } from "../../survival/surv";

/**
 * What a formula fit keeps off its JSON (a non-enumerable property) so that anova can refit sub-models on the same
 * rows and other front ends (predictions, curves) can reuse the model frame.
 */
export interface FormulaFitData {
  readonly frame: ModelFrame;
  readonly matrix: ModelMatrix;
  readonly y: Surv;
  /** Options passed to coxPH (ties, strata codes, weights, cluster, control, confLevel). */
  readonly coxOptions: CoxOptions;
}

const FIT_DATA = Symbol.for("lung-spine-mets-repro.FormulaFit");

/** Attaches the hidden data to a result before it is frozen. */
export function attachFitData<T extends object>(target: T, data: FormulaFitData): T {
  Object.defineProperty(target, FIT_DATA, { value: data, enumerable: false });
  return target;
}

/** The hidden data of a formula fit (InputError for anything else, naming the argument). */
export function fitData(fit: unknown, field = "fit"): FormulaFitData {
  const data =
    typeof fit === "object" && fit !== null ? (fit as Record<symbol, FormulaFitData | undefined>)[FIT_DATA] : undefined;
  if (!data) throw new InputError("must be a fit returned by coxph(formula, data)", { field, value: fit });
  return data;
}

/** What a survfit result keeps off its JSON: the outcome and group codes, for the log-rank p of its figure. */
export interface SurvfitData {
  readonly y: Surv;
  readonly codes: Int32Array;
  /** True when the formula had strata() terms (then the curves' log-rank test is not survdiff's). */
  readonly hasStrata: boolean;
}

const SURVFIT_DATA = Symbol.for("lung-spine-mets-repro.SurvfitData");

export function attachSurvfitData<T extends object>(target: T, data: SurvfitData): T {
  Object.defineProperty(target, SURVFIT_DATA, { value: data, enumerable: false });
  return target;
}

export function survfitData(fit: unknown): SurvfitData | null {
  return typeof fit === "object" && fit !== null
    ? ((fit as Record<symbol, SurvfitData | undefined>)[SURVFIT_DATA] ?? null)
    : null;
}
