/**
 * Fine–Gray regression as cmprsk::crr computes it (Fortran crrfsv, crrf, crrvv, crrfit), rewritten
 * from O(n²) nested loops to sorted sweeps: O(n p²) per evaluation of the pseudo log-likelihood and
 * O(n p² + failure times × censoring groups × p) for the sandwich variance. Same quantities, same
 * Newton iteration (step, backtracking, convergence rule) as crr, so the results agree with R to rounding.
 */

/** The data crr works on, sorted by time ascending. */
export interface CrrData {
  readonly n: number;
  readonly p: number;
  readonly time: Float64Array;
  /** 1 = failure of the cause of interest, 2 = another cause, 0 = censored (crr's ici). */
  readonly ici: Uint8Array;
  /** Censoring group 0..ncg−1 (crr's cengroup). */
  readonly cengroup: Int32Array;
  readonly ncg: number;
  /** Covariates row-major, x[i * p + j]. */
  readonly x: Float64Array;
  /** Ĝ of the row's own censoring group just before its time (crr's wt(icg(i), i)). */
  readonly gOwn: Float64Array;
  /** Distinct failure times of the cause of interest, ascending, with the rows [start, end) of each. */
  readonly failTime: Float64Array;
  readonly failStart: Int32Array;
  readonly failEnd: Int32Array;
  /** Number of failures of interest at each distinct failure time. */
  readonly failCount: Float64Array;
  /** Ĝ_g just before each failure time: gAtFail[f * ncg + g] (crr's wt(g, iuc)). */
  readonly gAtFail: Float64Array;
}

/**
 * Builds CrrData: sorts, and evaluates each censoring group's Kaplan–Meier of the censoring times as
 * crr does (survfit on (time, censored) within the group, read with approx(..., method = "constant")
 * at time·(1 − 100ε), i.e. just before each time). Cost: O(n log n + n · ncg).
 */
export function buildCrrData(
  order: Int32Array,
  time: Float64Array,
  ici: Uint8Array,
  cengroup: Int32Array,
  ncg: number,
  columns: ReadonlyArray<ArrayLike<number>>,
): CrrData {
  const n = order.length;
  const p = columns.length;
  const t = new Float64Array(n);
  const ic = new Uint8Array(n);
  const cg = new Int32Array(n);
  const x = new Float64Array(n * p);
  for (let r = 0; r < n; r++) {
    const i = order[r];
    t[r] = time[i];
    ic[r] = ici[i];
    cg[r] = cengroup[i];
    for (let j = 0; j < p; j++) x[r * p + j] = columns[j][i];
  }
  // Censoring Kaplan–Meier per group: knots (distinct times of the group) and the curve after each.
  const knots: number[][] = Array.from({ length: ncg }, () => []);
  const surv: number[][] = Array.from({ length: ncg }, () => []);
  const atRisk = new Float64Array(ncg);
  for (let r = 0; r < n; r++) atRisk[cg[r]]++;
  const s = new Float64Array(ncg).fill(1);
  for (let r = 0; r < n; ) {
    const tt = t[r];
    let e = r;
    const cens = new Float64Array(ncg);
    const leaving = new Float64Array(ncg);
    const seen = new Uint8Array(ncg);
    while (e < n && t[e] === tt) {
      if (ic[e] === 0) cens[cg[e]]++;
      leaving[cg[e]]++;
      seen[cg[e]] = 1;
      e++;
    }
    for (let g = 0; g < ncg; g++) {
      if (!seen[g]) continue;
      s[g] *= 1 - cens[g] / atRisk[g];
      knots[g].push(tt);
      surv[g].push(s[g]);
      atRisk[g] -= leaving[g];
    }
    r = e;
  }
  // Ĝ_g read just before t: the curve after the last knot ≤ t·(1 − 100ε) (1 before the first knot).
  const eps = 2.220446049250313e-16;
  const gBefore = (g: number, tt: number): number => {
    const k = knots[g];
    const xout = tt * (1 - 100 * eps);
    let lo = 0;
    let hi = k.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (k[mid] <= xout) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 1 : surv[g][lo - 1];
  };
  const gOwn = new Float64Array(n);
  for (let r = 0; r < n; r++) gOwn[r] = gBefore(cg[r], t[r]);
  const fT: number[] = [];
  const fS: number[] = [];
  const fE: number[] = [];
  const fC: number[] = [];
  for (let r = 0; r < n; ) {
    let e = r;
    let d = 0;
    while (e < n && t[e] === t[r]) {
      if (ic[e] === 1) d++;
      e++;
    }
    if (d > 0) {
      fT.push(t[r]);
      fS.push(r);
      fE.push(e);
      fC.push(d);
    }
    r = e;
  }
  const ndf = fT.length;
  const gAtFail = new Float64Array(ndf * ncg);
  for (let f = 0; f < ndf; f++) for (let g = 0; g < ncg; g++) gAtFail[f * ncg + g] = gBefore(g, fT[f]);
  return {
    n,
    p,
    time: t,
    ici: ic,
    cengroup: cg,
    ncg,
    x,
    gOwn,
    failTime: Float64Array.from(fT),
    failStart: Int32Array.from(fS),
    failEnd: Int32Array.from(fE),
    failCount: Float64Array.from(fC),
    gAtFail,
  };
}

/** Minus the pseudo log-likelihood, its gradient and Hessian (crrfsv's lik, s, v) — or only lik (crrf). */
export interface CrrEvaluation {
  lik: number;
  score: Float64Array;
  hessian: Float64Array;
  /** Risk-set sums at each distinct failure time: S0 and the weighted mean x̄ (row-major ndf × p). */
  s0: Float64Array;
  xbar: Float64Array;
}

/**
 * One evaluation at β. Risk set at failure time t: everyone with time ≥ t, plus those who failed of
 * another cause earlier, weighted by Ĝ(t−)/Ĝ(tⱼ−) of their censoring group. Sweeps the failure times
 * from the last to the first, adding rows as t falls; the earlier other-cause failures are the group
 * totals minus those already passed. Cost O(n p²).
 */
export function crrEvaluate(data: CrrData, beta: Float64Array, derivatives: boolean): CrrEvaluation {
  const { n, p, x, ici, cengroup: cg, ncg, gOwn } = data;
  const ndf = data.failTime.length;
  const pp = p * p;
  const ex = new Float64Array(n);
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += x[i * p + j] * beta[j];
    eta[i] = s;
    ex[i] = Math.exp(s);
  }
  const width = derivatives ? 1 + p + pp : 1;
  // Totals over each group's other-cause failures of e^η/Ĝ(tⱼ−) (and × x, × x xᵀ).
  const bTot = new Float64Array(ncg * width);
  const bPassed = new Float64Array(ncg * width);
  const tSum = new Float64Array(width);
  const add = (target: Float64Array, offset: number, i: number, w: number): void => {
    target[offset] += w;
    if (!derivatives) return;
    for (let j = 0; j < p; j++) {
      const xj = x[i * p + j] * w;
      target[offset + 1 + j] += xj;
      for (let k = 0; k < p; k++) target[offset + 1 + p + j * p + k] += xj * x[i * p + k];
    }
  };
  for (let i = 0; i < n; i++) if (ici[i] === 2) add(bTot, cg[i] * width, i, ex[i] / gOwn[i]);
  let lik = 0;
  const score = new Float64Array(p);
  const hessian = new Float64Array(pp);
  const s0 = new Float64Array(ndf);
  const xbar = new Float64Array(derivatives ? ndf * p : 0);
  const S = new Float64Array(width);
  let r = n - 1;
  for (let f = ndf - 1; f >= 0; f--) {
    const start = data.failStart[f];
    while (r >= start) {
      add(tSum, 0, r, ex[r]);
      if (ici[r] === 2) add(bPassed, cg[r] * width, r, ex[r] / gOwn[r]);
      r--;
    }
    S.set(tSum);
    for (let g = 0; g < ncg; g++) {
      const gw = data.gAtFail[f * ncg + g];
      if (gw === 0) continue;
      for (let k = 0; k < width; k++) S[k] += gw * (bTot[g * width + k] - bPassed[g * width + k]);
    }
    const d = data.failCount[f];
    let etaSum = 0;
    for (let i = start; i < data.failEnd[f]; i++) if (ici[i] === 1) etaSum += eta[i];
    lik += -etaSum + d * Math.log(S[0]);
    s0[f] = S[0];
    if (!derivatives) continue;
    for (let i = start; i < data.failEnd[f]; i++) {
      if (ici[i] !== 1) continue;
      for (let j = 0; j < p; j++) score[j] -= x[i * p + j];
    }
    for (let j = 0; j < p; j++) {
      const mj = S[1 + j] / S[0];
      xbar[f * p + j] = mj;
      score[j] += d * mj;
    }
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < p; k++) {
        hessian[j * p + k] += d * (S[1 + p + j * p + k] / S[0] - xbar[f * p + j] * xbar[f * p + k]);
      }
    }
  }
  return { lik, score, hessian, s0, xbar };
}

/**
 * crrvv's second matrix: Σᵢ ηᵢ ηᵢᵀ with ηᵢ the score residual of row i plus ψᵢ, the term for the
 * estimated censoring distribution (Fine & Gray 1999, eq. for Σ̂). Closed forms of crrvv's loops:
 *  - score residual: δᵢ(xᵢ − x̄(tᵢ)) − e^{ηᵢ}(xᵢ A₀(tᵢ) − A₁(tᵢ))
 *      − [other cause] e^{ηᵢ}/Ĝ(tᵢ−) (xᵢ B₀(>tᵢ) − B₁(>tᵢ)),
 *    with A over failure rows at or before tᵢ of 1/S₀ and x̄/S₀, B over failures after tᵢ of Ĝ(t−)/S₀, Ĝ x̄/S₀;
 *  - ψ: at each time u with censored rows, q_g(u) = E₁H₀ − E₀H₁ (E over the group's earlier other-cause
 *    failures of e^η/Ĝ(tⱼ−) and × x, H over the group's failures at or after u of Ĝ(t−)/S₀ and × x̄),
 *    accumulated as crr does (−q/R² per censored row, + q/R for the censored row itself; R = number
 *    of the group still at risk). As in crr, only failures of the same censoring group enter q_g.
 * Cost: O(n p² + ndf · ncg · p).
 */
export function crrMeat(data: CrrData, beta: Float64Array, ev: CrrEvaluation): Float64Array {
  const { n, p, x, ici, cengroup: cg, ncg, gOwn } = data;
  const ndf = data.failTime.length;
  const ex = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += x[i * p + j] * beta[j];
    ex[i] = Math.exp(s);
  }
  // Totals of B over all failure times, per group g (Ĝ_g(t−) d/S₀ and × x̄).
  const tb0 = new Float64Array(ncg);
  const tb1 = new Float64Array(ncg * p);
  // Totals of H per group (only failures of that group).
  const th0 = new Float64Array(ncg);
  const th1 = new Float64Array(ncg * p);
  for (let f = 0; f < ndf; f++) {
    const d = data.failCount[f];
    const inv = 1 / ev.s0[f];
    for (let g = 0; g < ncg; g++) {
      const gw = data.gAtFail[f * ncg + g];
      tb0[g] += d * gw * inv;
      for (let j = 0; j < p; j++) tb1[g * p + j] += d * gw * ev.xbar[f * p + j] * inv;
    }
    for (let i = data.failStart[f]; i < data.failEnd[f]; i++) {
      if (ici[i] !== 1) continue;
      const g = cg[i];
      const gw = data.gAtFail[f * ncg + g];
      th0[g] += gw * inv;
      for (let j = 0; j < p; j++) th1[g * p + j] += gw * ev.xbar[f * p + j] * inv;
    }
  }
  const a0 = { v: 0 };
  const a1 = new Float64Array(p);
  const pb0 = new Float64Array(ncg);
  const pb1 = new Float64Array(ncg * p);
  const ph0 = new Float64Array(ncg);
  const ph1 = new Float64Array(ncg * p);
  const e0 = new Float64Array(ncg);
  const e1 = new Float64Array(ncg * p);
  const ss2 = new Float64Array(ncg * p);
  const qu = new Float64Array(ncg * p);
  const atRisk = new Float64Array(ncg);
  for (let i = 0; i < n; i++) atRisk[cg[i]]++;
  const meat = new Float64Array(p * p);
  const etaRow = new Float64Array(p);
  let f = 0;
  let lastFail = -1; // index of the last failure time ≤ the current time
  for (let r = 0; r < n; ) {
    const u = data.time[r];
    let end = r;
    let hasCensored = false;
    while (end < n && data.time[end] === u) {
      if (ici[end] === 0) hasCensored = true;
      end++;
    }
    // H sums over the group's failures at or after u: totals minus failures before u (already passed).
    if (hasCensored) {
      for (let g = 0; g < ncg; g++) {
        const h0 = th0[g] - ph0[g];
        for (let j = 0; j < p; j++) qu[g * p + j] = e1[g * p + j] * h0 - e0[g] * (th1[g * p + j] - ph1[g * p + j]);
      }
      for (let i = r; i < end; i++) {
        if (ici[i] !== 0) continue;
        const g = cg[i];
        for (let j = 0; j < p; j++) ss2[g * p + j] -= qu[g * p + j] / (atRisk[g] * atRisk[g]);
      }
    }
    // Failure times ≤ u enter A and the B prefix.
    while (f < ndf && data.failTime[f] <= u) {
      const d = data.failCount[f];
      const inv = 1 / ev.s0[f];
      a0.v += d * inv;
      for (let j = 0; j < p; j++) a1[j] += d * ev.xbar[f * p + j] * inv;
      for (let g = 0; g < ncg; g++) {
        const gw = data.gAtFail[f * ncg + g];
        pb0[g] += d * gw * inv;
        for (let j = 0; j < p; j++) pb1[g * p + j] += d * gw * ev.xbar[f * p + j] * inv;
      }
      lastFail = f;
      f++;
    }
    for (let i = r; i < end; i++) {
      const g = cg[i];
      for (let j = 0; j < p; j++) {
        const xi = x[i * p + j];
        let v = -ex[i] * (xi * a0.v - a1[j]);
        if (ici[i] === 1) v += xi - ev.xbar[lastFail * p + j];
        if (ici[i] === 2) {
          const w = ex[i] / gOwn[i];
          v -= w * (xi * (tb0[g] - pb0[g]) - (tb1[g * p + j] - pb1[g * p + j]));
        }
        v += ss2[g * p + j];
        if (ici[i] === 0) v += qu[g * p + j] / atRisk[g];
        etaRow[j] = v;
      }
      for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) meat[j * p + k] += etaRow[j] * etaRow[k];
    }
    // Leaving the block: its failures of interest leave H, its other-cause failures join E, its rows the risk count.
    for (let i = r; i < end; i++) {
      const g = cg[i];
      if (ici[i] === 1) {
        const gw = data.gAtFail[lastFail * ncg + g];
        const inv = 1 / ev.s0[lastFail];
        ph0[g] += gw * inv;
        for (let j = 0; j < p; j++) ph1[g * p + j] += gw * ev.xbar[lastFail * p + j] * inv;
      } else if (ici[i] === 2) {
        const w = ex[i] / gOwn[i];
        e0[g] += w;
        for (let j = 0; j < p; j++) e1[g * p + j] += w * x[i * p + j];
      }
      atRisk[g]--;
    }
    r = end;
  }
  return meat;
}
