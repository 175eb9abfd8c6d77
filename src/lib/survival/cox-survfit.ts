import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { freezeColumns } from "./internal/freeze-columns";
import { coxBaseline, type CoxBaselineStratum } from "./cox-baseline-kernel";
import { coxNewdata, type CoxNewdata } from "./cox-newdata";
import { coxInternals, type CoxResult } from "./cox-ph";
import { confZ, survConfInterval, type SurvConfType } from "./survfit-confint";

export interface SurvfitCoxOptions {
  /**
   * Covariate values of the curves, one array per model covariate (R's `newdata` data frame as columns). Default:
   * one curve at the fit's `means` (R's default curve — rarely a real person; prefer explicit values).
   */
  readonly newdata?: CoxNewdata;
  /**
   * Stratified fits: the stratum of each newdata row (R: the strata variable as a newdata column), one curve per
   * row. Without it, as R, every newdata row gets a curve in every stratum.
   */
  readonly strata?: ArrayLike<string | number>;
  /** R's stype: 2 = exp(−H) (R's default for Cox curves), 1 = Kalbfleisch–Prentice product. */
  readonly stype?: 1 | 2;
  /** R's ctype: 1 = Breslow (Nelson–Aalen) hazard, 2 = Efron's; default follows the fit's ties, as R. */
  readonly ctype?: 1 | 2;
  /** CI transformation of S, R's conf.type (default "log"). */
  readonly confType?: SurvConfType;
  /** R's conf.int (default 0.95). */
  readonly confLevel?: number;
  /** Standard errors and CIs (R's se.fit, default true). */
  readonly seFit?: boolean;
}

/** One predicted survival curve: R's survfit.coxph columns for one (stratum, newdata row). */
export interface CoxSurvCurve {
  /** Stratum label (null without strata). */
  readonly strata: string | null;
  /** Newdata row the curve is for (null for the default curve at the means). */
  readonly newdataRow: number | null;
  readonly time: readonly number[];
  /** Weighted number at risk, events and censored in the stratum (R's n.risk, n.event, n.censor). */
  readonly nRisk: readonly number[];
  readonly nEvent: readonly number[];
  readonly nCensor: readonly number[];
  /** Predicted survival S(t | x), R's surv. */
  readonly surv: readonly number[];
  /** Predicted cumulative hazard H₀(t)·exp((x − means)β), R's cumhaz. */
  readonly cumhaz: readonly number[];
  /** R's std.err: SE of the cumulative hazard, i.e. of log S (null without seFit). */
  readonly stdErr: readonly number[] | null;
  /** Pointwise CI of S (R's lower, upper); null entries where R gives NA; null without seFit. */
  readonly lower: readonly (number | null)[] | null;
  readonly upper: readonly (number | null)[] | null;
}

/** Result of {@link survfitCox}. */
export interface CoxSurvfit {
  readonly kind: "survfit.coxph";
  readonly method: string;
  readonly convention: string;
  readonly stype: 1 | 2;
  readonly ctype: 1 | 2;
  readonly confType: SurvConfType;
  readonly confLevel: number;
  /** Whether the SEs used the robust variance (they use the fit's variance, as R's object$var). */
  readonly robustVariance: boolean;
  readonly n: number;
  readonly nEvents: number;
  readonly curves: readonly CoxSurvCurve[];
}

/**
 * Predicted survival curves from a Cox fit — R's `survfit(coxfit, newdata)`: for covariates x,
 * H(t | x) = H₀(t) exp((x − x̄)β) with the Breslow (ctype 1) or Efron (ctype 2) baseline hazard
 * H₀(t) = Σ_{tᵢ ≤ t} dᵢ / Σ_{risk set} w exp((x − x̄)β) (Efron: the tied deaths leave the denominator one at a
 * time), S = exp(−H) (stype 2) or the Kalbfleisch–Prentice product (stype 1); SE of H (R's std.err) from
 * Var = exp(2(x − x̄)β) [Σ varhaz + dᵀ V d], d = H₀(t)(x − x̄) − ∫ x̄(s) dH₀(s) (Tsiatis 1981), V the fit's variance
 * (robust when the fit is); CIs by R's survfit_confint (default log: exp(log S ± z·SE)).
 * Strata: each stratum has its own baseline; see `strata`.
 * References: Breslow (1972); Kalbfleisch & Prentice (1973); Tsiatis (1981) Ann Stat 9:93; Therneau & Grambsch
 * (2000) §10.2; R survival's agsurv / coxsurv.fit. R: `survfit(fit, newdata = data.frame(age = 60, sex = 1))`
 * (defaults stype = 2, ctype from ties, conf.type = "log"). SPSS COXREG `/PRINT BASELINE` prints the baseline at
 * the covariate means with Breslow's estimator; `/PLOT SURVIVAL` the curve at the means (no SE for newdata).
 * Not supported: R's `individual`/`id` curves for time-dependent covariate paths, start.time, tt() terms.
 * Cost: O(n p) for the baseline, then O(times · p²) per curve.
 *
 * @example
 * const fit = coxPH(surv([1, 2, 3, 4], [1, 1, 1, 0]), { names: ["x"], columns: [[1, 0, 1, 0]] }, { ties: "breslow" });
 * const sf = survfitCox(fit, { newdata: { x: [0, 1] } });
 * sf.curves[1].surv.length // 4 (one step per distinct time; x = 1's curve)
 */
export function survfitCox(fit: CoxResult, options: SurvfitCoxOptions = {}): CoxSurvfit {
  checkOptions(options);
  coxInternals(fit);
  const stype = options.stype ?? 2;
  if (stype !== 1 && stype !== 2) throw new InputError("must be 1 or 2", { field: "options.stype", value: stype });
  const ctype = options.ctype ?? (fit.ties === "efron" ? 2 : 1);
  if (ctype !== 1 && ctype !== 2) throw new InputError("must be 1 or 2", { field: "options.ctype", value: ctype });
  const seFit = options.seFit ?? true;
  if (typeof seFit !== "boolean")
    throw new InputError("must be true or false", { field: "options.seFit", value: seFit });
  const confType = options.confType ?? "log";
  const confLevel = options.confLevel ?? 0.95;
  const z = confZ(confType, confLevel);
  const p = fit.terms.length;
  const nd =
    options.newdata === undefined
      ? options.strata === undefined
        ? null
        : (() => {
            throw new InputError("strata need newdata rows to go with", {
              field: "options.strata",
              value: options.strata,
            });
          })()
      : coxNewdata(fit, options.newdata, options.strata);
  const base = coxBaseline(fit, stype === 1 ? 1 : ((ctype + 1) as 2 | 3));
  const curves: CoxSurvCurve[] = [];
  const rows = nd === null ? [null] : Array.from({ length: nd.m }, (_, i) => i);
  const x2 = (row: number | null) =>
    row === null || nd === null ? new Float64Array(p) : nd.xc.subarray(row * p, (row + 1) * p);
  if (nd?.strata) {
    for (const row of rows) curves.push(curve(base.strata[nd.strata[row!]], row, x2(row), base.coef, base.variance, p));
  } else {
    for (const st of base.strata)
      for (const row of rows) curves.push(curve(st, row, x2(row), base.coef, base.variance, p));
  }
  function curve(
    st: CoxBaselineStratum,
    row: number | null,
    x: Float64Array,
    coef: Float64Array,
    v: Float64Array,
    p: number,
  ): CoxSurvCurve {
    let lp = 0;
    for (let j = 0; j < p; j++) lp += coef[j] * x[j];
    const r = Math.exp(lp);
    const m = st.time.length;
    // Filled by push: new Array(m) of 10⁶ would be a slow dictionary-mode array in V8.
    const surv: number[] = [];
    const cumhaz: number[] = [];
    let km = 1;
    for (let i = 0; i < m; i++) {
      cumhaz.push(st.cumhaz[i] * r);
      if (st.kmFactor) {
        km *= st.kmFactor[i];
        surv.push(km ** r);
      } else surv.push(Math.exp(-st.cumhaz[i] * r));
    }
    let stdErr: number[] | null = null;
    let lower: (number | null)[] | null = null;
    let upper: (number | null)[] | null = null;
    if (seFit) {
      stdErr = [];
      lower = [];
      upper = [];
      const dt = new Float64Array(p);
      let cumVar = 0;
      for (let i = 0; i < m; i++) {
        cumVar += st.varhaz[i];
        for (let j = 0; j < p; j++) dt[j] = st.cumhaz[i] * x[j] - st.xbar[i * p + j];
        let q = 0;
        for (let j = 0; j < p; j++) {
          let s = 0;
          for (let l = 0; l < p; l++) s += dt[l] * v[l * p + j];
          q += s * dt[j];
        }
        const se = Math.sqrt((cumVar + q) * r * r);
        stdErr.push(se);
        const [lo, up] = survConfInterval(surv[i], se, true, confType, z);
        lower.push(lo);
        upper.push(up);
      }
    }
    return {
      strata: st.label,
      newdataRow: row,
      time: Array.from(st.time),
      nRisk: Array.from(st.nRisk),
      nEvent: Array.from(st.nEvent),
      nCensor: Array.from(st.nCensor),
      surv,
      cumhaz,
      stdErr,
      lower,
      upper,
    };
  }
  const hazard = ctype === 1 ? "Breslow" : "Efron";
  return freezeColumns({
    kind: "survfit.coxph" as const,
    method: `Cox model survival curves: ${stype === 2 ? `exp(−H), ${hazard} baseline hazard` : "Kalbfleisch–Prentice"}`,
    convention: `R survival 3.5 survfit.coxph(stype = ${stype}, ctype = ${ctype}, conf.type = "${confType}")`,
    stype,
    ctype,
    confType,
    confLevel,
    robustVariance: fit.robust,
    n: fit.n,
    nEvents: fit.nEvents,
    curves,
  });
}
