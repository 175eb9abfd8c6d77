/**
 * The baseline hazard of a Cox fit per stratum, as R survival's agsurv (survfit.coxph / predict.coxph) computes
 * it: at every distinct stop time the weighted counts, the hazard increment (Breslow d/Σ w r; Efron's average
 * over the d tied deaths leaving one at a time, agsurv5; or the Kalbfleisch–Prentice factor, agsurv4), its
 * variance increment and the cumulated x̄ term R's standard errors need. Covariates are centred at the fit's
 * `means` (R's xcenter), risks are exp((x − means)·β). Internal to the survival area.
 */
import { coxInternals, type CoxResult } from "./cox-ph";

/** R agsurv's survtype / vartype: 1 Kalbfleisch–Prentice, 2 Breslow (Aalen), 3 Efron. */
export type CoxSurvType = 1 | 2 | 3;

export interface CoxBaselineStratum {
  /** Stratum index (label order) and label, null without strata. */
  readonly stratum: number;
  readonly label: string | null;
  /** Distinct stop times, ascending. */
  readonly time: Float64Array;
  /** Weighted number at risk (R's n.risk = irisk), events and censored (R's n.event, n.censor). */
  readonly nRisk: Float64Array;
  readonly nEvent: Float64Array;
  readonly nCensor: Float64Array;
  /** Hazard increment at each time and its running sum (R's hazard, cumhaz at x = means). */
  readonly hazard: Float64Array;
  readonly cumhaz: Float64Array;
  /**
   * The increment a row dying at this time accrues (for the expected count = status − martingale residual):
   * Efron's Σ (1 − m/d)/(d · D_m) share; equal to `hazard` for Breslow.
   */
  readonly hazardDying: Float64Array;
  /** Variance increments (R's varhaz, not yet cumulated). */
  readonly varhaz: Float64Array;
  /** Cumulated x̄ dH, centred at the means (R's xbar − means · cumhaz), ntime × p row-major. */
  readonly xbar: Float64Array;
  /** Kalbfleisch–Prentice survival factor at each time (survtype 1 only, else null). */
  readonly kmFactor: Float64Array | null;
}

export interface CoxBaseline {
  readonly p: number;
  /** Coefficients on the original scale, 0 for aliased terms (R: ifelse(is.na(coef), 0, coef)). */
  readonly coef: Float64Array;
  readonly means: Float64Array;
  /** The fit's variance (robust when the fit is), p × p, 0 for aliased terms: R's object$var. */
  readonly variance: Float64Array;
  readonly strata: readonly CoxBaselineStratum[];
  /** Per sorted design position: centred covariates (n × p) and risk exp((x − means)·β). */
  readonly xc: Float64Array;
  readonly risk: Float64Array;
}

/** Cost O(n p + times · p), plus O(d · 35) bisection steps per tied death time for Kalbfleisch–Prentice. */
export function coxBaseline(fit: CoxResult, survtype: CoxSurvType): CoxBaseline {
  const internals = coxInternals(fit);
  const d = internals.design;
  const { n, p, xs, stop, start, event, weight, strataEnds, startOrder, scale } = d;
  const means = Float64Array.from(fit.means);
  const coef = Float64Array.from(fit.terms, (t) => t.coef ?? 0);
  const variance = new Float64Array(p * p);
  fit.variance.forEach((row, j) => {
    row.forEach((v, l) => {
      variance[j * p + l] = v ?? 0;
    });
  });
  const shift = Float64Array.from(d.means, (m, j) => m - means[j]);
  const xc = new Float64Array(n * p);
  const risk = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let lp = 0;
    for (let j = 0; j < p; j++) {
      const v = xs[k * p + j] / scale[j] + shift[j];
      xc[k * p + j] = v;
      lp += coef[j] * v;
    }
    risk[k] = Math.exp(lp);
  }
  const strata: CoxBaselineStratum[] = [];
  const s1 = new Float64Array(p);
  const xsum2 = new Float64Array(p);
  let lo = 0;
  for (let s = 0; s < strataEnds.length; s++) {
    const hi = strataEnds[s];
    let ntime = 0;
    for (let k = lo; k < hi; k++) if (k === lo || stop[k] !== stop[k - 1]) ntime++;
    const time = new Float64Array(ntime);
    const nRisk = new Float64Array(ntime);
    const nEvent = new Float64Array(ntime);
    const nCensor = new Float64Array(ntime);
    const hazard = new Float64Array(ntime);
    const hazardDying = new Float64Array(ntime);
    const cumhaz = new Float64Array(ntime);
    const varhaz = new Float64Array(ntime);
    const xbar = new Float64Array(ntime * p);
    const kmFactor = survtype === 1 ? new Float64Array(ntime) : null;
    let s0 = 0;
    let irisk = 0;
    s1.fill(0);
    let pos = lo;
    let q = lo;
    let idx = ntime;
    // From the largest time down: rows join at their stop time; counting-process rows leave once the sweep
    // reaches their start (start ≥ t: not at risk at t), as agsurv's esum / xout.
    while (pos < hi) {
      const t = stop[pos];
      if (start !== null && startOrder !== null) {
        while (q < hi && start[startOrder[q]] >= t) {
          const k = startOrder[q++];
          const wr = weight[k] * risk[k];
          s0 -= wr;
          irisk -= weight[k];
          for (let j = 0; j < p; j++) s1[j] -= wr * xc[k * p + j];
        }
      }
      let wDeaths = 0;
      let wCens = 0;
      let ndeath = 0;
      let erisk = 0;
      xsum2.fill(0);
      const first = pos;
      while (pos < hi && stop[pos] === t) {
        const k = pos++;
        const w = weight[k];
        const wr = w * risk[k];
        s0 += wr;
        irisk += w;
        for (let j = 0; j < p; j++) s1[j] += wr * xc[k * p + j];
        if (event[k] === 1) {
          wDeaths += w;
          ndeath++;
          erisk += wr;
          for (let j = 0; j < p; j++) xsum2[j] += wr * xc[k * p + j];
        } else wCens += w;
      }
      const i = --idx;
      time[i] = t;
      nRisk[i] = irisk;
      nEvent[i] = wDeaths;
      nCensor[i] = wCens;
      if (survtype === 3) {
        // agsurv5: Efron's d tied deaths leave the denominator one at a time.
        let sum1 = 0;
        let sum2 = 0;
        let sumDying = 0;
        if (ndeath === 1) {
          sum1 = 1 / s0;
          sum2 = sum1 * sum1;
          sumDying = sum1;
          for (let j = 0; j < p; j++) xbar[i * p + j] = s1[j] * sum2;
        } else {
          for (let m = 0; m < ndeath; m++) {
            const temp = 1 / (s0 - (erisk * m) / ndeath);
            sum1 += temp / ndeath;
            sum2 += (temp * temp) / ndeath;
            sumDying += ((1 - m / ndeath) * temp) / ndeath;
            for (let j = 0; j < p; j++) xbar[i * p + j] += ((s1[j] - (xsum2[j] * m) / ndeath) * temp * temp) / ndeath;
          }
        }
        hazard[i] = wDeaths * sum1;
        hazardDying[i] = wDeaths * sumDying;
        varhaz[i] = wDeaths * sum2;
        for (let j = 0; j < p; j++) xbar[i * p + j] *= wDeaths;
      } else {
        const haz = wDeaths / s0;
        hazard[i] = haz;
        hazardDying[i] = haz;
        varhaz[i] = survtype === 2 ? wDeaths / (s0 * s0) : wDeaths / (s0 * (wDeaths >= s0 ? s0 : s0 - wDeaths));
        for (let j = 0; j < p; j++) xbar[i * p + j] = (s1[j] / s0) * haz;
        if (kmFactor) kmFactor[i] = kalbfleischPrentice(first, pos, event, weight, risk, s0, ndeath);
      }
    }
    let h = 0;
    for (let i = 0; i < ntime; i++) {
      h += hazard[i];
      cumhaz[i] = h;
      if (i > 0) for (let j = 0; j < p; j++) xbar[i * p + j] += xbar[(i - 1) * p + j];
    }
    const label = internals.strataLabels ? internals.strataLabels[d.stratum[lo]] : null;
    strata.push({
      stratum: d.stratum[lo],
      label,
      time,
      nRisk,
      nEvent,
      nCensor,
      hazard,
      hazardDying,
      cumhaz,
      varhaz,
      xbar,
      kmFactor,
    });
    lo = hi;
  }
  return { p, coef, means, variance, strata, xc, risk };
}

/**
 * agsurv4: the Kalbfleisch–Prentice factor α at one time, solving Σ_deaths w r / (1 − α^r) = Σ_{at risk} w r by
 * 35 bisection steps (closed form for a single death). Deaths in input-row order, as R's `which(status == 1)`.
 */
function kalbfleischPrentice(
  from: number,
  to: number,
  event: Uint8Array,
  weight: Float64Array,
  risk: Float64Array,
  denom: number,
  ndeath: number,
): number {
  if (ndeath === 0) return 1;
  if (ndeath === 1) {
    for (let k = from; k < to; k++) if (event[k] === 1) return (1 - (weight[k] * risk[k]) / denom) ** (1 / risk[k]);
  }
  let guess = 0.5;
  let inc = 0.25;
  for (let l = 0; l < 35; l++) {
    let sumt = 0;
    for (let k = from; k < to; k++) if (event[k] === 1) sumt += (weight[k] * risk[k]) / (1 - guess ** risk[k]);
    if (sumt < denom) guess += inc;
    else guess -= inc;
    inc /= 2;
  }
  return guess;
}
