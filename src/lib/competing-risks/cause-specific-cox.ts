import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { coxPH, type CoxCovariates, type CoxOptions, type CoxResult } from "../survival/cox-ph";
import { surv } from "../survival/surv";
import { type StatusCode, type StatusCoding, validateCompetingRisks } from "./internal/competing-risks-input";

export interface CauseSpecificCoxOptions extends CoxOptions, StatusCoding {
  /** Causes to model (default all, in the data's cause order). */
  readonly only?: readonly StatusCode[];
  /** R's near-tie tolerance for times (aeqSurv), applied once to all fits; 0 switches merging off. */
  readonly tieTolerance?: number;
}

/** One Cox model per cause; the fits are {@link coxPH} results (frozen, with residuals/zph available). */
export interface CauseSpecificCoxResult {
  readonly kind: "cause-specific-cox";
  readonly causes: readonly string[];
  readonly fits: readonly CoxResult[];
  readonly convention: string;
}

/**
 * Cause-specific Cox models under competing risks: for each cause k, a Cox model of the cause-specific
 * hazard λₖ(t | x) = λₖ₀(t) exp(xβₖ), treating failures of every other cause as censored at their time.
 * Each coefficient is a hazard ratio among those still event-free, the quantity for questions about
 * aetiology; how a covariate moves the probability of a cause (the cumulative incidence) depends on
 * all causes' hazards — for that, {@link fineGray} (subdistribution hazards) or {@link aalenJohansen} by
 * group. Every option of coxPH applies (ties, strata, weights, robust, cluster).
 *
 * Reference: Putter, Fiocco & Geskus (2007) Stat Med 26:2389, §3; Prentice et al. (1978) Biometrics
 * 34:541. R: `coxph(Surv(time, status == k) ~ x)` per cause, or `coxph(Surv(time, factor(status)) ~ x)`
 * (multi-state coxph: the same coefficients, one block per transition). SPSS: COXREG per cause with
 * `/STATUS = status(k)` (other causes then count as censored; SPSS uses Breslow ties).
 * Cost: K Cox fits, O(K n p²) per Newton iteration.
 *
 * @example
 * const cs = causeSpecificCox([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 1, 0, 1, 2, 1, 0], {
 *   names: ["x"], columns: [[1, 0, 1, 0, 0, 1, 1, 0]],
 * });
 * cs.fits.map((f) => f.terms[0].coef?.toFixed(4)) // ["1.0986", "-0.2027"] (R coxph: 1.0986123, -0.20273255)
 */
export function causeSpecificCox(
  time: ArrayLike<number>,
  status: ArrayLike<StatusCode>,
  covariates: CoxCovariates,
  options: CauseSpecificCoxOptions = {},
): CauseSpecificCoxResult {
  checkOptions(options);
  const data = validateCompetingRisks(time, status, options, undefined, options.tieTolerance);
  const wanted = options.only ?? data.causeCodes;
  if (!Array.isArray(wanted) || wanted.length === 0)
    throw new InputError("must be a non-empty array of causes", { field: "only", value: wanted });
  const ks = wanted.map((c, j) => {
    const k = data.causeCodes.indexOf(c);
    if (k < 0) throw new InputError("is not a cause in the data", { field: "only", index: j, value: c });
    return k + 1;
  });
  const { only: _only, censorCode: _c, causes: _k, tieTolerance: _t, ...coxOptions } = options;
  const fits = ks.map((k) => {
    const event = Uint8Array.from(data.cause, (c) => (c === k ? 1 : 0));
    // Times were validated and tie-merged once; the per-cause outcomes must not merge again.
    return coxPH(surv(data.time, event, { tieTolerance: 0 }), covariates, coxOptions);
  });
  return Object.freeze({
    kind: "cause-specific-cox" as const,
    causes: Object.freeze(ks.map((k) => data.causes[k - 1])),
    fits: Object.freeze(fits),
    convention: "R coxph(Surv(time, status == k) ~ x) for each cause k (other causes censored)",
  });
}
