import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { normal } from "../distributions/stdlib-normal";
import { hasFractionalWeights, validateCaseWeights } from "./case-weights";
import { radixArgsort } from "./cox-sort";
import { survConfInterval, SURV_CONF_TYPES, type SurvConfType } from "./survfit-confint";
import { survfitKmKernel } from "./survfit-km-kernel";
import { isSurv, type Surv } from "./surv";

/**
 * Confidence-interval transformation of S(t), R survfit's conf.type: "log" is R's default, "log-log"
 * SPSS/SAS/lifelines style, "plain", "logit" and "arcsin".
 */
export type KmConfType = SurvConfType;

export interface KaplanMeierOptions {
  /** Default "log" (R survfit). */
  readonly confType?: KmConfType;
  /** Default 0.95. */
  readonly confLevel?: number;
  /**
   * Case weights > 0 (R `survfit(..., weights = w)`): n.risk, n.event and n.censor become weighted sums and
   * S = ∏(1 − d_w/n_w). Standard errors as R: weighted Greenwood for whole-number weights; with any fractional
   * weight R defaults to the infinitesimal-jackknife (robust) SE, each row its own cluster.
   */
  readonly weights?: ArrayLike<number>;
  /** Robust (infinitesimal-jackknife) SEs; default as R: true exactly when some weight is not a whole number. */
  readonly robust?: boolean;
}

/**
 * One row per distinct time (event or censoring), as R's summary(survfit, censored = TRUE). Field by
 * field, R survfit's name and SPSS KM's column:
 *
 * | here | R survfit | SPSS 27 KM |
 * |---|---|---|
 * | time | time | Time |
 * | nRisk, nEvent, nCensor | n.risk, n.event, n.censor | — (prints N of Remaining Cases, after the row) |
 * | survival | surv | Cumulative Proportion Surviving at the Time: Estimate |
 * | stdErrLog | std.err (SE of −log S, not of S) | — |
 * | stdErrSurvival | — (summary() prints it as std.err) | Cumulative Proportion Surviving: Std. Error |
 * | lower, upper | lower, upper | — |
 *
 * The two standard errors differ by the factor S: stdErrSurvival = S · stdErrLog. R's `fit$std.err` is
 * stdErrLog, while `summary(fit)` prints the SE of S (stdErrSurvival) under the same name.
 */
export interface KmStep {
  readonly time: number;
  readonly nRisk: number;
  readonly nEvent: number;
  readonly nCensor: number;
  /** Ŝ(t), R's `surv`. */
  readonly survival: number;
  /** Greenwood SE of the cumulative hazard −log S (R survfit's `fit$std.err`); null when infinite. */
  readonly stdErrLog: number | null;
  /** Greenwood SE of S itself, S · stdErrLog (SPSS "Std. Error"; R's summary(fit) column std.err). */
  readonly stdErrSurvival: number | null;
  /** Pointwise CI of S with the fit's transformation; null where undefined (R NA). */
  readonly lower: number | null;
  readonly upper: number | null;
}

/** A Kaplan–Meier fit: plain, frozen, JSON-serializable. */
export interface KaplanMeierFit {
  readonly n: number;
  readonly nEvents: number;
  readonly confType: KmConfType;
  readonly confLevel: number;
  readonly steps: readonly KmStep[];
  /**
   * Present only with case weights: "greenwood" (weighted counts) or "robust" (infinitesimal jackknife, R's
   * default for fractional weights; R's std.err is then the SE of S, our `stdErrSurvival`).
   */
  readonly variance?: "greenwood" | "robust";
}

/**
 * Kaplan–Meier product-limit estimate of S(t) with Greenwood standard errors and pointwise
 * confidence intervals on the chosen scale.
 *
 * S(t) = ∏_{t_i ≤ t} (1 − d_i/n_i); Var(−log S) = Σ d_i / (n_i (n_i − d_i)) (Greenwood 1926).
 * CIs: log: S·exp(±z σ) (upper capped at 1); log-log: S^exp(∓z σ / log S); plain: S ± z σ S
 * clipped to [0, 1]; logit: logit S ± z σ/(1 − S); arcsin: asin √S ± ½ z σ √(S/(1 − S)) — R survival's
 * `survfit_confint`. R: survfit(Surv(time, status) ~ 1, conf.type = "log", conf.int = 0.95).
 * SPSS 27 KM prints S and its Greenwood SE (no CI).
 * Case weights (`weights`, R's `weights =`): weighted counts, weighted Greenwood SE; with a fractional weight
 * R — and this function — default to the infinitesimal-jackknife SE (`robust: false` for Greenwood); the fit
 * then carries `variance`. SPSS: WEIGHT BY frequency weights (whole numbers) give the weighted Greenwood SE.
 * Counting-process data (survCounting) give the product-limit estimator with delayed entry: the risk
 * set at t is the rows with start < t ≤ stop, so n.risk can rise (R survfit(Surv(start, stop, event) ~ 1);
 * by current treatment state this is the Simon–Makuch estimator).
 * Reference: Kaplan & Meier (1958) JASA 53:457; Therneau & Grambsch (2000) §2.1.
 * Cost: O(n log n) (one sort), O(n) memory.
 *
 * @example
 * const fit = kaplanMeier(surv([1, 2, 2, 3, 4], [1, 1, 0, 1, 0]));
 * fit.steps.map((s) => s.survival)
 * // [0.8, 0.6000000000000001, 0.30000000000000004, 0.30000000000000004] (0.8, 0.6, 0.3, 0.3 in floating point)
 */
export function kaplanMeier(y: Surv, options: KaplanMeierOptions = {}): KaplanMeierFit {
  checkOptions(options);
  if (!isSurv(y)) throw new InputError("must be a Surv built by surv()", { field: "y", value: y });
  const confType = options.confType ?? "log";
  if (!SURV_CONF_TYPES.includes(confType)) {
    throw new InputError(`must be one of ${SURV_CONF_TYPES.map((t) => `"${t}"`).join(", ")}`, {
      field: "options.confType",
      value: confType,
    });
  }
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1))
    throw new InputError("must be in (0, 1)", { field: "options.confLevel", value: confLevel });
  if (options.robust !== undefined && typeof options.robust !== "boolean")
    throw new InputError("must be true or false", { field: "options.robust", value: options.robust });
  if (options.weights === undefined && options.robust === undefined) {
    const steps = kmKernel(y.time, y.event, confType, confLevel, y.start);
    return deepFreeze({ n: y.n, nEvents: y.nEvents, confType, confLevel, steps });
  }
  const weights = options.weights === undefined ? null : validateCaseWeights(options.weights, y.n, "options.weights");
  const robust = options.robust ?? hasFractionalWeights(weights);
  const steps = weightedKmSteps(y, weights, robust, confType, confLevel);
  return deepFreeze({
    n: y.n,
    nEvents: y.nEvents,
    confType,
    confLevel,
    steps,
    variance: robust ? "robust" : "greenwood",
  });
}

/** Steps from R's survfitkm kernel (weighted counts; Greenwood or infinitesimal-jackknife SEs). */
function weightedKmSteps(
  y: Surv,
  weights: Float64Array | null,
  robust: boolean,
  confType: KmConfType,
  confLevel: number,
): KmStep[] {
  const k = survfitKmKernel(y.time, y.event, y.start, weights, 1, robust);
  const z = normal.quantile(1 - (1 - confLevel) / 2, 0, 1);
  const steps: KmStep[] = [];
  for (let i = 0; i < k.time.length; i++) {
    const s = k.surv[i];
    // stdErrLog is the SE of log S; R's robust std.err is the SE of S (logse = FALSE).
    const seLog = k.logse ? k.stdErr[i] : k.stdErr[i] === 0 ? 0 : k.stdErr[i] / s;
    const finite = Number.isFinite(seLog);
    const [lower, upper] = finite && s > 0 ? survConfInterval(s, seLog, true, confType, z) : [null, null];
    steps.push({
      time: k.time[i],
      nRisk: k.nRisk[i],
      nEvent: k.nEvent[i],
      nCensor: k.nCensor[i],
      survival: s,
      stdErrLog: finite ? seLog : null,
      stdErrSurvival: finite ? (k.logse ? s * seLog : k.stdErr[i]) : null,
      lower,
      upper,
    });
  }
  return steps;
}

/**
 * Pure kernel: times and 0/1 events in any order → step table, one step per distinct time. With
 * `start` (counting-process rows) the risk set at t is start < t ≤ time, so rows join as t passes their
 * entry; without it everyone is at risk from the beginning (times may be 0).
 */
export function kmKernel(
  time: Float64Array,
  event: Uint8Array,
  confType: KmConfType,
  confLevel: number,
  start: Float64Array | null = null,
): KmStep[] {
  const n = time.length;
  const order = radixArgsort(time, false); // O(n) for large n, stable
  const byStart = start === null ? null : radixArgsort(start, false);
  const z = normal.quantile(1 - (1 - confLevel) / 2, 0, 1);
  const steps: KmStep[] = [];
  let atRisk = start === null ? n : 0;
  let s = 1;
  let varLog = 0;
  let e = 0;
  let k = 0;
  while (k < n) {
    const t = time[order[k]];
    if (start !== null && byStart !== null) {
      while (e < n && start[byStart[e]] < t) {
        atRisk++;
        e++;
      }
    }
    let d = 0;
    let c = 0;
    while (k < n && time[order[k]] === t) {
      if (event[order[k]] === 1) d++;
      else c++;
      k++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      varLog = atRisk === d ? Infinity : varLog + d / (atRisk * (atRisk - d));
    }
    const se = Math.sqrt(varLog);
    const [lower, upper] = kmInterval(s, se, z, confType);
    steps.push({
      time: t,
      nRisk: atRisk,
      nEvent: d,
      nCensor: c,
      survival: s,
      stdErrLog: Number.isFinite(se) ? se : null,
      stdErrSurvival: Number.isFinite(se) ? s * se : null,
      lower,
      upper,
    });
    atRisk -= d + c;
  }
  return steps;
}

/** R survfit's pointwise interval for S with σ = SE(−log S). */
function kmInterval(s: number, se: number, z: number, confType: KmConfType): [number | null, number | null] {
  if (!Number.isFinite(se) || s === 0) return [null, null];
  if (confType === "logit" || confType === "arcsin") return survConfInterval(s, se, true, confType, z);
  if (confType === "plain") return [Math.max(0, s - z * se * s), Math.min(1, s + z * se * s)];
  if (confType === "log") return [Math.exp(Math.log(s) - z * se), Math.min(1, Math.exp(Math.log(s) + z * se))];
  if (s === 1) return [null, null]; // log(−log 1) undefined: R gives NA
  const ll = Math.log(-Math.log(s));
  // Var(log(−log S)) = σ² / (log S)²; log S < 0, so the lower limit takes −z·σ/log S.
  return [Math.exp(-Math.exp(ll - (z * se) / Math.log(s))), Math.exp(-Math.exp(ll + (z * se) / Math.log(s)))];
}

/** Ŝ at one requested time: a row of {@link survivalAt}. */
export interface SurvivalAtTime {
  readonly time: number;
  readonly survival: number;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly nRisk: number;
  /** True past the last observed time (the value is carried forward). */
  readonly beyondFollowUp: boolean;
}

/**
 * Survival at arbitrary times from a fit: the right-continuous step function (1 before the first
 * time). Times beyond the last observation return the last value with `beyondFollowUp: true`
 * (R summary(fit, times, extend = TRUE) gives n.risk 0 there). One time (R's `summary(fit, times = 12)`)
 * gives one row; an array of times gives an array of rows.
 *
 * Cost: O(m · s) for m times and s steps.
 *
 * @example
 * const fit = kaplanMeier(surv([1, 2, 3], [1, 1, 0]));
 * survivalAt(fit, [0.5, 2])[1].survival // 0.3333333333333333
 * survivalAt(fit, 2).survival // 0.3333333333333333
 */
export function survivalAt(fit: KaplanMeierFit, times: readonly number[]): readonly SurvivalAtTime[];
export function survivalAt(fit: KaplanMeierFit, times: number): SurvivalAtTime;
export function survivalAt(
  fit: KaplanMeierFit,
  times: number | readonly number[],
): SurvivalAtTime | readonly SurvivalAtTime[] {
  if (typeof times === "number") return survivalAt(fit, [times])[0];
  if (!Array.isArray(times))
    throw new InputError("must be a time or an array of times", { field: "times", value: times });
  const steps = fit.steps;
  const last = steps[steps.length - 1];
  return deepFreeze(
    times.map((t, i) => {
      if (typeof t !== "number" || !Number.isFinite(t))
        throw new InputError("times must be finite numbers", { field: "times", index: i, value: t });
      // Last step with time ≤ t, and the number at risk at t (first step with time ≥ t).
      let lo = 0;
      let hi = steps.length - 1;
      let idx = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (steps[mid].time <= t) {
          idx = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const atOrAfter = steps.find((s) => s.time >= t);
      const nRisk = atOrAfter ? atOrAfter.nRisk : 0;
      if (idx < 0) return { time: t, survival: 1, lower: 1, upper: 1, nRisk, beyondFollowUp: false };
      const s = steps[idx];
      return { time: t, survival: s.survival, lower: s.lower, upper: s.upper, nRisk, beyondFollowUp: t > last.time };
    }),
  );
}
