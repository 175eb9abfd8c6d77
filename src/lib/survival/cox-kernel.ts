/**
 * Pure kernels of the Cox model: the sorted design, one sweep over the risk sets that gives the
 * partial log-likelihood, score and information (Breslow or Efron ties), R's LDL' Cholesky
 * (cholesky2 / chsolve2 / chinv2 of survival) and the Newton–Raphson driver of survival's coxfit6.
 * Nothing here validates: src/lib/survival/cox-ph.ts does that. Internal to the survival area.
 */

import { MAX_UNROLLED_P, unrolledSweep } from "./cox-sweep-unrolled";

/** The data of one fit, sorted by (stratum, stop time descending), covariates centred and scaled as coxfit6 does. */
export interface CoxDesign {
  readonly n: number;
  readonly p: number;
  /** Sorted position → original row. */
  readonly rowOf: Int32Array;
  /** Row-major n × p, sorted, centred and scaled: xs[k * p + j]. */
  readonly xs: Float64Array;
  readonly stop: Float64Array;
  /** Entry times (counting process) or null for right-censored data. */
  readonly start: Float64Array | null;
  readonly event: Uint8Array;
  readonly weight: Float64Array;
  /** Stratum code of each sorted position (0-based, strata in label order). */
  readonly stratum: Int32Array;
  /** End (exclusive) of each stratum in sorted positions. */
  readonly strataEnds: Int32Array;
  /** Counting process: sorted positions ordered by (stratum, start descending); else null. */
  readonly startOrder: Int32Array | null;
  /** Column means subtracted (0 for columns coded in {−1, 0, 1}, as R's coxph nocenter). */
  readonly means: Float64Array;
  /** Multipliers applied after centring (R coxfit6: total weight / Σ w|x − mean|). */
  readonly scale: Float64Array;
  readonly efron: boolean;
}

/** Per death-time summaries a sweep can report (for residuals, cox.zph and concordance). */
export interface DeathGroup {
  stratum: number;
  time: number;
  /** Sorted positions of the group's rows with an event. */
  deaths: number[];
  /** Efron/Breslow hazard increment for subjects at risk and not dying here: Σ_k meanwt / D_k. */
  hazard: number;
  /** Same for the dying subjects: Σ_k meanwt (1 − f_k) / D_k. */
  hazardDying: number;
  /** Σ_k meanwt x̄_k / D_k (p) and its dying version. */
  hazardX: Float64Array;
  hazardXDying: Float64Array;
  /** Average over the k Efron steps of the weighted risk-set mean x̄_k (p): the Schoenfeld centre. */
  meanX: Float64Array;
  /** The group's contribution to the information (p × p, row-major). */
  info: Float64Array;
}

/** Work buffers allocated once per fit so the Newton loop allocates nothing. */
export interface CoxWork {
  readonly eta: Float64Array;
  readonly risk: Float64Array;
  readonly s1: Float64Array;
  readonly s2: Float64Array;
  readonly a1: Float64Array;
  readonly a2: Float64Array;
  readonly xbar: Float64Array;
  readonly u: Float64Array;
  readonly imat: Float64Array;
  loglik: number;
}

export function coxWork(n: number, p: number): CoxWork {
  return {
    eta: new Float64Array(n),
    risk: new Float64Array(n),
    s1: new Float64Array(p),
    s2: new Float64Array(p * p),
    a1: new Float64Array(p),
    a2: new Float64Array(p * p),
    xbar: new Float64Array(p),
    u: new Float64Array(p),
    imat: new Float64Array(p * p),
    loglik: 0,
  };
}

/** η = X β on the design's (centred, scaled) covariates, into work.eta; risk = w·exp(η). */
export function linearPredictor(d: CoxDesign, beta: Float64Array, work: CoxWork): void {
  const { n, p, xs, weight } = d;
  const { eta, risk } = work;
  for (let k = 0; k < n; k++) {
    let e = 0;
    const base = k * p;
    for (let j = 0; j < p; j++) e += xs[base + j] * beta[j];
    eta[k] = e;
    risk[k] = weight[k] * Math.exp(e);
  }
}

/**
 * One pass over all risk sets at β: partial log-likelihood, score u and information imat (lower
 * triangle filled, then mirrored) into `work`. Risk sets are cumulated from the largest time down;
 * counting-process rows leave the sums when the sweep passes their entry time. Cost O(n p²).
 * `collect`, when given, receives each death time's summaries (residuals, cox.zph).
 */
export function coxSweep(d: CoxDesign, beta: Float64Array, work: CoxWork, collect?: (g: DeathGroup) => void): void {
  if (!collect && d.p <= MAX_UNROLLED_P) {
    // The same sweep with the covariate loops unrolled, η computed as rows enter and the Efron steps
    // summed in closed form (same log-likelihood bit for bit, score and information to rounding).
    unrolledSweep(d.p)(d, beta, work);
    return;
  }
  linearPredictor(d, beta, work);
  const { p, xs, stop, start, event, weight, strataEnds, startOrder, efron } = d;
  const { eta, risk, s1, s2, a1, a2, xbar, u, imat } = work;
  let loglik = 0;
  u.fill(0);
  imat.fill(0);
  let lo = 0;
  for (let s = 0; s < strataEnds.length; s++) {
    const hi = strataEnds[s];
    let s0 = 0;
    s1.fill(0);
    s2.fill(0);
    let pos = lo;
    let q = lo;
    while (pos < hi) {
      const t = stop[pos];
      if (start !== null && startOrder !== null) {
        // Rows whose interval starts at or after t are no longer at risk.
        while (q < hi && start[startOrder[q]] >= t) {
          const k = startOrder[q++];
          const r = risk[k];
          s0 -= r;
          const base = k * p;
          for (let j = 0; j < p; j++) {
            const rx = r * xs[base + j];
            s1[j] -= rx;
            for (let l = 0; l <= j; l++) s2[j * p + l] -= rx * xs[base + l];
          }
        }
      }
      let nd = 0;
      let wd = 0;
      let a0 = 0;
      a1.fill(0);
      a2.fill(0);
      const groupStart = pos;
      while (pos < hi && stop[pos] === t) {
        const k = pos++;
        const r = risk[k];
        const base = k * p;
        s0 += r;
        for (let j = 0; j < p; j++) {
          const rx = r * xs[base + j];
          s1[j] += rx;
          for (let l = 0; l <= j; l++) s2[j * p + l] += rx * xs[base + l];
        }
        if (event[k] === 1) {
          const w = weight[k];
          nd++;
          wd += w;
          a0 += r;
          loglik += w * eta[k];
          for (let j = 0; j < p; j++) {
            const rx = r * xs[base + j];
            u[j] += w * xs[base + j];
            a1[j] += rx;
            for (let l = 0; l <= j; l++) a2[j * p + l] += rx * xs[base + l];
          }
        }
      }
      if (nd === 0) continue;
      const steps = efron ? nd : 1;
      const meanwt = efron ? wd / nd : wd;
      let g: DeathGroup | null = null;
      if (collect) {
        g = {
          stratum: s,
          time: t,
          deaths: [],
          hazard: 0,
          hazardDying: 0,
          hazardX: new Float64Array(p),
          hazardXDying: new Float64Array(p),
          meanX: new Float64Array(p),
          info: new Float64Array(p * p),
        };
        for (let k = groupStart; k < pos; k++) if (event[k] === 1) g.deaths.push(k);
        g.info.set(imat); // the group's information is imat after the group minus imat before it
      }
      for (let k = 0; k < steps; k++) {
        const f = efron ? k / nd : 0;
        const d0 = s0 - f * a0;
        loglik -= meanwt * Math.log(d0);
        for (let j = 0; j < p; j++) {
          xbar[j] = (s1[j] - f * a1[j]) / d0;
          u[j] -= meanwt * xbar[j];
        }
        for (let j = 0; j < p; j++) {
          for (let l = 0; l <= j; l++) {
            imat[j * p + l] += meanwt * ((s2[j * p + l] - f * a2[j * p + l]) / d0 - xbar[j] * xbar[l]);
          }
        }
        if (g) {
          const h = meanwt / d0;
          g.hazard += h;
          g.hazardDying += h * (1 - f);
          for (let j = 0; j < p; j++) {
            g.hazardX[j] += h * xbar[j];
            g.hazardXDying[j] += h * (1 - f) * xbar[j];
            g.meanX[j] += xbar[j] / steps;
          }
        }
      }
      if (g && collect) {
        for (let i = 0; i < p * p; i++) g.info[i] = imat[i] - g.info[i];
        mirrorLower(g.info, p);
        collect(g);
      }
    }
    lo = hi;
  }
  mirrorLower(imat, p);
  work.loglik = loglik;
}

function mirrorLower(m: Float64Array, p: number): void {
  for (let j = 0; j < p; j++) for (let l = 0; l < j; l++) m[l * p + j] = m[j * p + l];
}

/**
 * survival's cholesky2: in-place LDL' of a symmetric p × p matrix (row-major). Pivots below
 * toler × (largest diagonal) are set to 0 (the column is treated as redundant). Returns the rank
 * (negated when the matrix is clearly not non-negative definite).
 */
export function cholesky2(m: Float64Array, p: number, toler: number): number {
  let eps = 0;
  let nonneg = 1;
  for (let i = 0; i < p; i++) {
    if (m[i * p + i] > eps) eps = m[i * p + i];
    for (let j = i + 1; j < p; j++) m[j * p + i] = m[i * p + j];
  }
  eps = eps === 0 ? toler : eps * toler;
  let rank = 0;
  for (let i = 0; i < p; i++) {
    const pivot = m[i * p + i];
    if (!Number.isFinite(pivot) || pivot < eps) {
      m[i * p + i] = 0;
      if (pivot < -8 * eps) nonneg = -1;
    } else {
      rank++;
      for (let j = i + 1; j < p; j++) {
        const temp = m[j * p + i] / pivot;
        m[j * p + i] = temp;
        m[j * p + j] -= temp * temp * pivot;
        for (let k = j + 1; k < p; k++) m[k * p + j] -= temp * m[k * p + i];
      }
    }
  }
  return rank * nonneg;
}

/** survival's chsolve2: solves (LDL') b = y in place, 0 for redundant columns. */
export function chsolve2(m: Float64Array, p: number, y: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let temp = y[i];
    for (let j = 0; j < i; j++) temp -= y[j] * m[i * p + j];
    y[i] = temp;
  }
  for (let i = p - 1; i >= 0; i--) {
    if (m[i * p + i] === 0) y[i] = 0;
    else {
      let temp = y[i] / m[i * p + i];
      for (let j = i + 1; j < p; j++) temp -= y[j] * m[j * p + i];
      y[i] = temp;
    }
  }
}

/** Generalized inverse from an LDL' factor (survival's chinv2): rows/columns of redundant columns are 0. */
export function chinv(m: Float64Array, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let c = 0; c < p; c++) {
    e.fill(0);
    e[c] = 1;
    chsolve2(m, p, e);
    for (let r = 0; r < p; r++) inv[r * p + c] = e[r];
  }
  for (let i = 0; i < p; i++) {
    if (m[i * p + i] === 0) {
      for (let j = 0; j < p; j++) {
        inv[i * p + j] = 0;
        inv[j * p + i] = 0;
      }
    }
  }
  return inv;
}

export interface NewtonOptions {
  readonly iterMax: number;
  readonly eps: number;
  readonly tolerChol: number;
}

export interface NewtonResult {
  /** Coefficients on the design's scaled covariates. */
  readonly beta: Float64Array;
  readonly loglikInit: number;
  readonly loglik: number;
  /** Score test at the initial value, u' I⁻¹ u. */
  readonly scoreTest: number;
  /** Score at the final β (scaled covariates). */
  readonly u: Float64Array;
  /** Generalized inverse of the information at the final β (scaled covariates). */
  readonly variance: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  readonly rank: number;
}

/**
 * Newton–Raphson with step-halving exactly as survival's coxfit6: stop when
 * |1 − loglik_old / loglik_new| ≤ eps after a full (not halved) step; when the log-likelihood falls,
 * halve the step towards the last accepted β. Cost O(iterations × n p²).
 * On return work.eta holds X β for the returned β (its last sweep was there), for callers to reuse.
 */
export function coxNewton(d: CoxDesign, init: Float64Array, opts: NewtonOptions, work: CoxWork): NewtonResult {
  const p = d.p;
  const beta = Float64Array.from(init);
  const newbeta = Float64Array.from(init);
  const step = new Float64Array(p);
  coxSweep(d, beta, work);
  const loglikInit = work.loglik;
  let loglik = work.loglik;
  let rank = cholesky2(work.imat, p, opts.tolerChol);
  step.set(work.u);
  chsolve2(work.imat, p, step);
  let scoreTest = 0;
  for (let j = 0; j < p; j++) scoreTest += step[j] * work.u[j];
  if (opts.iterMax === 0) {
    return finish(beta, loglikInit, loglik, scoreTest, work, p, 0, true, rank);
  }
  for (let j = 0; j < p; j++) newbeta[j] = beta[j] + step[j];
  let halving = false;
  let newlk = loglik;
  for (let iter = 1; iter <= opts.iterMax; iter++) {
    coxSweep(d, newbeta, work);
    newlk = work.loglik;
    rank = cholesky2(work.imat, p, opts.tolerChol);
    if (Math.abs(1 - loglik / newlk) <= opts.eps && !halving) {
      return finish(newbeta, loglikInit, newlk, scoreTest, work, p, iter, true, rank);
    }
    if (iter === opts.iterMax) break;
    if (!(newlk >= loglik)) {
      // Not improving (or not finite): halve the step back towards the last accepted β.
      halving = true;
      for (let j = 0; j < p; j++) newbeta[j] = (newbeta[j] + beta[j]) / 2;
    } else {
      halving = false;
      loglik = newlk;
      step.set(work.u);
      chsolve2(work.imat, p, step);
      for (let j = 0; j < p; j++) {
        beta[j] = newbeta[j];
        newbeta[j] = newbeta[j] + step[j];
      }
    }
  }
  return finish(newbeta, loglikInit, newlk, scoreTest, work, p, opts.iterMax, false, rank);
}

function finish(
  beta: Float64Array,
  loglikInit: number,
  loglik: number,
  scoreTest: number,
  work: CoxWork,
  p: number,
  iterations: number,
  converged: boolean,
  rank: number,
): NewtonResult {
  return {
    beta: Float64Array.from(beta),
    loglikInit,
    loglik,
    scoreTest,
    u: Float64Array.from(work.u),
    variance: chinv(work.imat, p),
    iterations,
    converged,
    rank,
  };
}
