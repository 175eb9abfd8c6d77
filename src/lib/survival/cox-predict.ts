import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { freezeColumns } from "./internal/freeze-columns";
import { coxBaseline, type CoxBaseline, type CoxBaselineStratum } from "./cox-baseline-kernel";
import { coxNewdata, type CoxNewdata } from "./cox-newdata";
import { coxInternals, type CoxFitInternals, type CoxResult } from "./cox-ph";

/** R predict.coxph's types (not "terms"). */
export type CoxPredictType = "lp" | "risk" | "expected" | "survival";

export interface PredictCoxOptions {
  /** What to predict (default "lp", as R). */
  readonly type?: CoxPredictType;
  /** Covariates of new rows (columns by name); default: the rows the model was fitted on. */
  readonly newdata?: CoxNewdata;
  /** Stratified fits with newdata: each new row's stratum (R: the strata variable in newdata). */
  readonly strata?: ArrayLike<string | number>;
  /** type "expected" / "survival" with newdata: each new row's follow-up time (R: the Surv response in newdata). */
  readonly time?: ArrayLike<number>;
  /**
   * Centring of lp and risk (R's `reference`): "strata" (R's default; the same as "sample" for an unstratified
   * fit) centres at the stratum's weighted covariate means, "sample" at the fit's `means`, "zero" not at all.
   */
  readonly reference?: "strata" | "sample" | "zero";
  /** Standard errors (R's se.fit, default false). */
  readonly seFit?: boolean;
}

/** Result of {@link predictCox}: R's `fit` and `se.fit`, one value per row. */
export interface CoxPrediction {
  readonly kind: "predict.coxph";
  readonly type: CoxPredictType;
  readonly reference: "strata" | "sample" | "zero";
  readonly convention: string;
  /** Predictions, one per input (or newdata) row: R's `fit`. */
  readonly fit: readonly number[];
  /** Standard errors on the scale R reports them (R's `se.fit`), or null when seFit is false. */
  readonly seFit: readonly number[] | null;
}

/**
 * Predictions from a Cox fit, as R's `predict.coxph`:
 * - "lp": (x − c)β, c the centring `reference` (R's default centres at the covariate means — within each
 *   stratum for a stratified fit — so lp = 0 is an "average" subject, not x = 0); se √(x_c V x_cᵀ);
 * - "risk": exp(lp), with R's se = se(lp)·√risk (R's formula, not the delta method's se(lp)·risk);
 * - "expected": the expected number of events over each row's follow-up, Ĥ₀(t)·exp((x − x̄)β) (for the fitted
 *   rows R's status − martingale residual, so a death tied under Efron accrues its Efron share at its own time; for
 *   (start, stop] rows the increase over the interval), se √(Σ varhaz + dᵀ V d)·risk with
 *   d = Ĥ₀(t)(x − x̄) − ∫x̄ dĤ₀ (Efron increments for Efron fits, as R's agsurv survtype 3);
 * - "survival": exp(−expected), se·exp(−expected).
 * V is the fit's variance (robust when the fit is). Not supported: type "terms", collapse, newdata
 * counting-process rows for "expected".
 * References: Therneau & Grambsch (2000) §3.2, §10.2. R: `predict(fit, newdata, type = "lp", se.fit = TRUE,
 * reference = "strata")`. SPSS COXREG `/SAVE XBETA HAZARD SURVIVAL` (XBETA centred at the covariate means;
 * HAZARD/SURVIVAL use Breslow's baseline).
 * Cost: lp/risk O(n p²) with SEs; expected/survival O(n p + times p + n p²).
 *
 * @example
 * const fit = coxPH(surv([1, 2, 3, 4], [1, 1, 0, 1]), { names: ["x"], columns: [[2, 0, 1, 3]] });
 * predictCox(fit, { type: "lp", reference: "zero", newdata: { x: [0] } }).fit // [0]
 */
export function predictCox(fit: CoxResult, options: PredictCoxOptions = {}): CoxPrediction {
  checkOptions(options);
  const internals = coxInternals(fit);
  const type = options.type ?? "lp";
  if (!["lp", "risk", "expected", "survival"].includes(type))
    throw new InputError('must be "lp", "risk", "expected" or "survival"', { field: "options.type", value: type });
  const reference = options.reference ?? "strata";
  if (!["strata", "sample", "zero"].includes(reference))
    throw new InputError('must be "strata", "sample" or "zero"', { field: "options.reference", value: reference });
  const seFit = options.seFit ?? false;
  if (typeof seFit !== "boolean")
    throw new InputError("must be true or false", { field: "options.seFit", value: seFit });
  const d = internals.design;
  const p = d.p;
  const hasStrata = internals.strataLabels !== null;
  const expected = type === "expected" || type === "survival";
  const nd = options.newdata === undefined ? null : coxNewdata(fit, options.newdata, options.strata);
  if (nd === null && options.strata !== undefined)
    throw new InputError("strata go with newdata rows", { field: "options.strata", value: options.strata });
  if (nd === null && options.time !== undefined)
    throw new InputError("time goes with newdata rows", { field: "options.time", value: options.time });
  if (nd !== null && hasStrata && nd.strata === null && (expected || reference === "strata"))
    throw new InputError(
      `the fit is stratified: give each newdata row's stratum (or reference "sample" for lp / risk)`,
      { field: "options.strata", value: undefined },
    );
  const base = coxBaseline(fit, fit.ties === "efron" ? 3 : 2);
  const { coef, variance } = base;
  // Centred covariates of the rows predicted (input order), centred at the fit's means.
  const m = nd === null ? d.n : nd.m;
  // The fitted rows' covariates in input order are only needed for lp / risk (expected walks the design).
  const x = nd !== null ? nd.xc : expected ? new Float64Array(0) : inputOrder(base.xc, d.rowOf, p);
  const pos = positionOf(d.rowOf);
  const stratumOf = nd === null ? Int32Array.from({ length: m }, (_, i) => d.stratum[pos[i]]) : nd.strata;
  const quad = (v: Float64Array, at: number) => quadForm(v, at, variance, p);
  // Typed buffers while computing (new Array(10⁶) is a dictionary-mode array in V8: slow writes), plain arrays out.
  const fitValues = new Float64Array(m);
  const se = seFit ? new Float64Array(m) : null;
  if (!expected) {
    // lp / risk: shift from the means to the reference.
    const shift = new Float64Array(p);
    const newx = new Float64Array(m * p);
    const strataMeans = hasStrata && reference === "strata" ? stratumMeans(base, d.weight, d.stratum, p) : null;
    for (let i = 0; i < m; i++) {
      if (reference === "zero") for (let j = 0; j < p; j++) shift[j] = fit.means[j];
      else if (strataMeans && stratumOf) for (let j = 0; j < p; j++) shift[j] = -strataMeans[stratumOf[i] * p + j];
      else shift.fill(0);
      let lp = 0;
      for (let j = 0; j < p; j++) {
        const v = x[i * p + j] + shift[j];
        newx[i * p + j] = v;
        lp += v * coef[j];
      }
      fitValues[i] = type === "risk" ? Math.exp(lp) : lp;
      if (se) {
        const s = Math.sqrt(quad(newx, i * p));
        se[i] = type === "risk" ? s * Math.sqrt(fitValues[i]) : s;
      }
    }
  } else if (nd === null) {
    expectedFitted(d, base, seFit, fitValues, se);
  } else {
    const times = nd === null ? null : validateTimes(options.time, nd.m);
    const dt = new Float64Array(p);
    const byStratum = new Map(base.strata.map((s) => [s.stratum, s]));
    // Running sums of the variance increments (R's cumsum(varhaz)), once per stratum.
    const cumVarOf = new Map(base.strata.map((s) => [s.stratum, runningSum(s.varhaz)]));
    for (let i = 0; i < m; i++) {
      const k = nd === null ? pos[i] : -1;
      const code = nd === null ? d.stratum[k] : (nd.strata?.[i] ?? 0);
      const st = byStratum.get(code)!;
      const cumVar = cumVarOf.get(code)!;
      let lp = 0;
      for (let j = 0; j < p; j++) lp += x[i * p + j] * coef[j];
      const r = Math.exp(lp);
      const stopTime = nd === null ? d.stop[k] : times![i];
      const j2 = lastAtOrBefore(st.time, stopTime);
      let value: number;
      if (nd === null) {
        // R: status − martingale residual: the hazard up to the row's time (Efron's dying share at its own
        // death time), minus the hazard up to its entry for (start, stop] rows.
        const before = j2 > 0 ? st.cumhaz[j2 - 1] : 0;
        value = (before + (d.event[k] === 1 ? st.hazardDying[j2] : st.hazard[j2])) * r;
        if (d.start !== null) {
          const j1 = lastAtOrBefore(st.time, d.start[k]);
          if (j1 >= 0) value -= st.cumhaz[j1] * r;
        }
      } else value = (j2 < 0 ? 0 : st.cumhaz[j2]) * r;
      fitValues[i] = value;
      if (se) {
        let v = varianceAt(st, cumVar, j2, x, i * p, dt, p, quad);
        if (nd === null && d.start !== null)
          v -= varianceAt(st, cumVar, lastAtOrBefore(st.time, d.start[k]), x, i * p, dt, p, quad);
        se[i] = Math.sqrt(v) * r;
      }
    }
  }
  if (type === "survival") {
    for (let i = 0; i < m; i++) {
      const s = Math.exp(-fitValues[i]);
      if (se) se[i] *= s;
      fitValues[i] = s;
    }
  }
  return freezeColumns({
    kind: "predict.coxph" as const,
    type,
    reference,
    convention: `R survival 3.5 predict.coxph(type = "${type}"${expected ? "" : `, reference = "${reference}"`}${
      seFit ? ", se.fit = TRUE" : ""
    })`,
    fit: Array.from(fitValues),
    seFit: se === null ? null : Array.from(se),
  });
}

/** vᵀ V v for v = values[at .. at + p). */
function quadForm(values: Float64Array, at: number, variance: Float64Array, p: number): number {
  let q = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let l = 0; l < p; l++) s += values[at + l] * variance[l * p + j];
    q += s * values[at + j];
  }
  return q;
}

/**
 * "expected" for the fitted rows, walking the design in its sorted order (stratum, time descending) so the
 * baseline index moves with the rows (no search) and covariates are read sequentially; results go to input
 * positions. R: status − martingale residual, se √(Σ varhaz + dᵀVd)·risk (difference at entry for (start, stop]).
 */
function expectedFitted(
  d: CoxFitInternals["design"],
  base: CoxBaseline,
  seFit: boolean,
  out: Float64Array,
  se: Float64Array | null,
): void {
  const { p, variance, xc, risk } = base;
  const { stop, start, event, rowOf, strataEnds } = d;
  const dt = new Float64Array(p);
  let lo = 0;
  for (let s = 0; s < strataEnds.length; s++) {
    const hi = strataEnds[s];
    const st = base.strata[s];
    const cumVar = runningSum(st.varhaz);
    let j = st.time.length - 1;
    for (let k = lo; k < hi; k++) {
      while (st.time[j] > stop[k]) j--; // st.time holds every stop time of the stratum
      const r = risk[k];
      let value = ((j > 0 ? st.cumhaz[j - 1] : 0) + (event[k] === 1 ? st.hazardDying[j] : st.hazard[j])) * r;
      const j1 = start === null ? -1 : lastAtOrBefore(st.time, start[k]);
      if (j1 >= 0) value -= st.cumhaz[j1] * r;
      out[rowOf[k]] = value;
      if (seFit && se) {
        for (let l = 0; l < p; l++) dt[l] = st.cumhaz[j] * xc[k * p + l] - st.xbar[j * p + l];
        let v = cumVar[j] + quadForm(dt, 0, variance, p);
        if (j1 >= 0) {
          for (let l = 0; l < p; l++) dt[l] = st.cumhaz[j1] * xc[k * p + l] - st.xbar[j1 * p + l];
          v -= cumVar[j1] + quadForm(dt, 0, variance, p);
        }
        se[rowOf[k]] = Math.sqrt(v) * r;
      }
    }
    lo = hi;
  }
}

/** Sorted position of each input row (the inverse of rowOf). */
function positionOf(rowOf: Int32Array): Int32Array {
  const pos = new Int32Array(rowOf.length);
  for (let k = 0; k < rowOf.length; k++) pos[rowOf[k]] = k;
  return pos;
}

function inputOrder(xc: Float64Array, rowOf: Int32Array, p: number): Float64Array {
  const out = new Float64Array(xc.length);
  for (let k = 0; k < rowOf.length; k++) for (let j = 0; j < p; j++) out[rowOf[k] * p + j] = xc[k * p + j];
  return out;
}

/** R: rowsum(x * weights, strata) / rowsum(weights, strata), here relative to the fit's means. */
function stratumMeans(base: CoxBaseline, weight: Float64Array, stratum: Int32Array, p: number): Float64Array {
  const ns = base.strata.length;
  const sums = new Float64Array(ns * p);
  const wsum = new Float64Array(ns);
  for (let k = 0; k < weight.length; k++) {
    const s = stratum[k];
    wsum[s] += weight[k];
    for (let j = 0; j < p; j++) sums[s * p + j] += weight[k] * base.xc[k * p + j];
  }
  for (let s = 0; s < ns; s++) for (let j = 0; j < p; j++) sums[s * p + j] /= wsum[s];
  return sums;
}

/** Index of the last time ≤ t (R's approx(..., method = "constant", f = 0, yleft = 0)), −1 before the first. */
function lastAtOrBefore(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return idx;
}

/** Σ varhaz + dᵀ V d at index j (0 before the first time), d = H₀ x − ∫x̄ dH₀. */
function varianceAt(
  st: CoxBaselineStratum,
  cumVar: Float64Array,
  j: number,
  x: Float64Array,
  at: number,
  dt: Float64Array,
  p: number,
  quad: (v: Float64Array, at: number) => number,
): number {
  if (j < 0) {
    dt.fill(0);
    return 0;
  }
  for (let l = 0; l < p; l++) dt[l] = st.cumhaz[j] * x[at + l] - st.xbar[j * p + l];
  return cumVar[j] + quad(dt, 0);
}

function runningSum(v: Float64Array): Float64Array {
  const out = new Float64Array(v.length);
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    s += v[i];
    out[i] = s;
  }
  return out;
}

function validateTimes(time: ArrayLike<number> | undefined, m: number): Float64Array {
  if (time === undefined)
    throw new InputError("type expected / survival with newdata needs each new row's follow-up time", {
      field: "options.time",
      value: time,
    });
  if (time === null || typeof time !== "object" || time.length !== m)
    throw new InputError(`must be an array of length ${m}`, { field: "options.time", value: time });
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const v = time[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      throw new InputError("times must be finite numbers ≥ 0", { field: "options.time", index: i, value: v });
    out[i] = v;
  }
  return out;
}
