import { cholesky2, chinv, chsolve2 } from "../../survival/cox-kernel";
import { normal } from "../../distributions/stdlib-normal";
import { MAX_UNROLLED_NVAR, survregAccumulate } from "./survreg-accumulate";
import { type BaseDistribution, densityRow, initialValues } from "./survreg-distributions";

/** What the likelihood needs: y on the model's scale (log time for the log families), 0/1 status. */
export interface SurvregData {
  readonly n: number;
  /** Number of columns of X (the intercept included). */
  readonly nvar: number;
  /** X row-major, x[i * nvar + j]. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly status: Uint8Array;
  readonly weight: Float64Array;
  /** Stratum 0..nstrat−1 per row (all 0 with one scale). */
  readonly strata: Int32Array;
  readonly base: BaseDistribution;
}

const SMALL = -200;
const EXP_SMALL = Math.exp(SMALL);
const EXP_MINUS_SMALL = Math.exp(-SMALL);

/**
 * survregc1: log-likelihood at beta = (coefficients, log scale(s)), and unless `loglikOnly`, the score u,
 * the information imat (minus the Hessian) and J′J (the outer-product approximation survreg6 falls
 * back on), full symmetric nvar2 × nvar2 row-major. nstrat = 0 means a fixed scale, whose log is
 * beta[nvar]. Cost O(n nvar²).
 */
export function survregLoglik(
  d: SurvregData,
  beta: Float64Array,
  nstrat: number,
  loglikOnly: boolean,
  u: Float64Array,
  imat: Float64Array,
  jj: Float64Array,
  wantJJ = false,
): number {
  const { n, nvar, x, y, status, weight, strata, base } = d;
  const nvar2 = nvar + nstrat;
  if (!loglikOnly) {
    u.fill(0);
    imat.fill(0);
    if (wantJJ) jj.fill(0);
  }
  const ext = base === "extreme";
  const logi = base === "logistic";
  let loglik = 0;
  let sigma = Math.exp(beta[nvar]);
  let sig2 = 1 / (sigma * sigma);
  let logSigma = Math.log(sigma);
  // The score, information and (when asked) J′J contributions of row i (survregc1's second half).
  const accumulate = (
    i: number,
    st: number,
    w: number,
    dg: number,
    ddg: number,
    dsig: number,
    ddsig: number,
    dsg: number,
  ): void => {
    const row = i * nvar;
    const ddgw = ddg * w;
    for (let a = 0; a < nvar; a++) {
      const xa = x[row + a];
      const temp = dg * xa * w;
      u[a] += temp;
      const ia = a * nvar2;
      const xaddg = xa * ddgw;
      for (let b = 0; b <= a; b++) imat[ia + b] -= xaddg * x[row + b];
      if (wantJJ) for (let b = 0; b <= a; b++) jj[ia + b] += temp * x[row + b] * dg;
    }
    if (nstrat !== 0) {
      const k = st + nvar;
      const ik = k * nvar2;
      u[k] += w * dsig;
      const dsgw = dsg * w;
      for (let a = 0; a < nvar; a++) imat[ik + a] -= dsgw * x[row + a];
      imat[ik + k] -= ddsig * w;
      if (wantJJ) {
        for (let a = 0; a < nvar; a++) jj[ik + a] += dsig * x[row + a] * dg * w;
        jj[ik + k] += dsig * dsig * w;
      }
    }
  };
  // With one (or a fixed) scale the sums go through a generated, unrolled accumulator after the row
  // pass; the row pass only records each row's factors.
  const fast = !loglikOnly && !wantJJ && nstrat <= 1 && nvar <= MAX_UNROLLED_NVAR;
  const c = fast ? scratch(d) : null;
  const record = (
    i: number,
    st: number,
    w: number,
    dg: number,
    ddg: number,
    dsig: number,
    ddsig: number,
    dsg: number,
  ): void => {
    if (c === null) {
      accumulate(i, st, w, dg, ddg, dsig, ddsig, dsg);
      return;
    }
    c.c1[i] = dg * w;
    c.c2[i] = -ddg * w;
    c.c3[i] = dsig * w;
    c.c4[i] = -dsg * w;
    c.c5[i] = -ddsig * w;
  };
  for (let i = 0; i < n; i++) {
    const st = nstrat > 1 ? strata[i] : 0;
    if (nstrat > 1) {
      sigma = Math.exp(beta[nvar + st]);
      sig2 = 1 / (sigma * sigma);
      logSigma = Math.log(sigma);
    }
    const row = i * nvar;
    let eta = 0;
    for (let j = 0; j < nvar; j++) eta += beta[j] * x[row + j];
    const sz = y[i] - eta;
    const z = sz / sigma;
    // survregc1's funs, inlined (see densityTerms for the same formulas with comments).
    let f1: number; // exact: f; censored: 1 − F
    let f2: number; // exact: f′/f; censored: f
    let f3: number; // exact: f″/f; censored: f′
    const exact = status[i] === 1;
    if (ext && z > SMALL && z < -SMALL && z < 6) {
      // Extreme value away from the clamps and from underflow of e^{−w} (w = e^z < 404): with
      // f = w e^{−w}, f′/f = 1 − w, 1 − F = e^{−w}, log f = z − w and log(1 − F) = −w, so one exp per row
      // gives what survregc1 computes with three transcendental calls (equal to rounding).
      const w = Math.exp(z);
      const g = exact ? z - w - logSigma : -w;
      const wi = weight[i];
      loglik += g * wi;
      if (loglikOnly) continue;
      let dg: number;
      let ddg: number;
      let dsig: number;
      let ddsig: number;
      let dsg: number;
      if (exact) {
        const temp = (1 - w) / sigma;
        const temp2 = (w * (w - 3) + 1) * sig2;
        dg = -temp;
        dsig = -temp * sz;
        ddg = temp2 - dg * dg;
        dsg = sz * temp2 - dg * (dsig + 1);
        ddsig = sz * sz * temp2 - dsig * (1 + dsig);
        dsig -= 1;
      } else {
        const temp = -w / sigma;
        const temp2 = -w * (1 - w) * sig2;
        dg = -temp;
        dsig = -temp * sz;
        ddg = temp2 - dg * dg;
        dsg = sz * temp2 - dg * (dsig + 1);
        ddsig = sz * sz * temp2 - dsig * (1 + dsig);
      }
      record(i, st, wi, dg, ddg, dsig, ddsig, dsg);
      continue;
    }
    if (ext) {
      const w = z < SMALL ? EXP_SMALL : -z < SMALL ? EXP_MINUS_SMALL : Math.exp(z);
      const temp = Math.exp(-w);
      if (exact) {
        f1 = w * temp;
        f2 = 1 - w;
        f3 = w * (w - 3) + 1;
      } else {
        f1 = temp;
        f2 = w * temp;
        f3 = w * temp * (1 - w);
      }
    } else if (logi) {
      const pos = z > 0;
      const w = Math.exp(pos ? -z : z);
      const sign = pos ? -1 : 1;
      const temp = 1 + w;
      if (exact) {
        f1 = w / (temp * temp);
        f2 = (sign * (1 - w)) / temp;
        f3 = (w * w - 4 * w + 1) / (temp * temp);
      } else {
        f1 = pos ? w / temp : 1 / temp;
        f2 = w / (temp * temp);
        f3 = (sign * f2 * (1 - w)) / temp;
      }
    } else {
      const f = Math.exp((-z * z) / 2) / 2.506628274631001;
      if (exact) {
        f1 = f;
        f2 = -z;
        f3 = z * z - 1;
      } else {
        f1 = normal.cdf(-z, 0, 1);
        f2 = f;
        f3 = -z * f;
      }
    }
    let g: number;
    let dg: number;
    let ddg: number;
    let dsig: number;
    let ddsig: number;
    let dsg: number;
    if (exact) {
      if (f1 <= 0) {
        g = SMALL;
        dg = -z / sigma;
        ddg = -1 / sigma;
        dsig = 0;
        ddsig = 0;
        dsg = 0;
      } else {
        g = Math.log(f1) - logSigma;
        if (loglikOnly) {
          loglik += g * weight[i];
          continue;
        }
        const temp = f2 / sigma;
        const temp2 = f3 * sig2;
        dg = -temp;
        dsig = -temp * sz;
        ddg = temp2 - dg * dg;
        dsg = sz * temp2 - dg * (dsig + 1);
        ddsig = sz * sz * temp2 - dsig * (1 + dsig);
        dsig -= 1;
      }
    } else {
      if (f1 <= 0) {
        g = SMALL;
        dg = z / sigma;
        ddg = 0;
        dsig = 0;
        ddsig = 0;
        dsg = 0;
      } else {
        g = Math.log(f1);
        if (loglikOnly) {
          loglik += g * weight[i];
          continue;
        }
        const temp = -f2 / (f1 * sigma);
        const temp2 = (-f3 * sig2) / f1;
        dg = -temp;
        dsig = -temp * sz;
        ddg = temp2 - dg * dg;
        dsg = sz * temp2 - dg * (dsig + 1);
        ddsig = sz * sz * temp2 - dsig * (1 + dsig);
      }
    }
    const w = weight[i];
    loglik += g * w;
    if (loglikOnly) continue;
    record(i, st, w, dg, ddg, dsig, ddsig, dsg);
  }
  if (c !== null) survregAccumulate(nvar, nstrat === 1)(x, n, c.c1, c.c2, c.c3, c.c4, c.c5, u, imat);
  if (!loglikOnly) {
    // survregc1 fills the lower triangle; cholesky2 reads the upper one.
    for (let a = 0; a < nvar2; a++) {
      for (let b = 0; b < a; b++) {
        imat[b * nvar2 + a] = imat[a * nvar2 + b];
        if (wantJJ) jj[b * nvar2 + a] = jj[a * nvar2 + b];
      }
    }
  }
  return loglik;
}

export interface SurvregFit {
  /** Final coefficients (and log scales; a fixed log scale stays appended at the end). */
  readonly beta: Float64Array;
  readonly loglik: number;
  /** Inverse information, nvar2 × nvar2. */
  readonly variance: Float64Array;
  readonly u: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * survreg6 as in survival 3.5-3 (the R validated against): Newton–Raphson; when ℓ falls, up to five
 * halvings towards the last good β (log scales backed off by at most 1.1 on the first); converged when
 * |1 − ℓ_old/ℓ_new| ≤ eps after a full step; J′J replaces the information when that is not positive
 * definite. (survival ≥ 3.7-x steps back by thirds instead and also stops when |ℓ_old − ℓ_new| ≤ eps.)
 * Cost O(iterations · n nvar²).
 */
export function survregNewton(
  d: SurvregData,
  init: Float64Array,
  nstrat: number,
  maxiter: number,
  eps: number,
  tolChol: number,
): SurvregFit {
  const nvar = d.nvar;
  const nvar2 = nvar + nstrat;
  const beta = Float64Array.from(init);
  const newbeta = Float64Array.from(init);
  const u = new Float64Array(nvar2);
  const imat = new Float64Array(nvar2 * nvar2);
  const jj = new Float64Array(nvar2 * nvar2);
  const step = (at: Float64Array): void => {
    // u ← I⁻¹ u, or (J′J)⁻¹ u when I is not positive definite (J′J computed only then, at the same β).
    const flag = cholesky2(imat, nvar2, tolChol);
    if (flag < 0) {
      survregLoglik(d, at, nstrat, false, u, new Float64Array(nvar2 * nvar2), jj, true);
      cholesky2(jj, nvar2, tolChol);
      chsolve2(jj, nvar2, u);
    } else chsolve2(imat, nvar2, u);
  };
  const finish = (b: Float64Array, ll: number, iterations: number, converged: boolean): SurvregFit => {
    cholesky2(imat, nvar2, tolChol);
    const variance = chinv(imat, nvar2);
    return { beta: Float64Array.from(b), loglik: ll, variance, u: Float64Array.from(usave), iterations, converged };
  };
  let loglik = survregLoglik(d, beta, nstrat, false, u, imat, jj);
  let usave = Float64Array.from(u);
  step(beta);
  for (let i = 0; i < nvar2; i++) newbeta[i] = beta[i] + u[i];
  if (maxiter === 0) {
    // R: invert the information at the initial value (imat was factored by step()).
    const variance = chinv(imat, nvar2);
    return { beta: Float64Array.from(beta), loglik, variance, u: usave, iterations: 0, converged: false };
  }
  let halving = 0;
  let newlk = survregLoglik(d, newbeta, nstrat, false, u, imat, jj);
  usave = Float64Array.from(u);
  for (let iter = 1; iter <= maxiter; iter++) {
    if (Number.isFinite(newlk) && Math.abs(1 - loglik / newlk) <= eps && halving === 0) {
      return finish(newbeta, newlk, iter, true);
    }
    if (!Number.isFinite(newlk) || newlk < loglik) {
      // Up to 5 halvings towards the last good β; survival 3.5-3 skipped them when ℓ was NaN (its
      // loop tested newlk < loglik only), which 3.7-x fixed: here a non-finite ℓ is halved too.
      for (let j = 0; j < 5 && !(newlk >= loglik); j++) {
        halving++;
        for (let i = 0; i < nvar2; i++) newbeta[i] = (newbeta[i] + beta[i]) / 2;
        if (halving === 1) {
          for (let s = 0; s < nstrat; s++) {
            if (beta[nvar + s] - newbeta[nvar + s] > 1.1) newbeta[nvar + s] = beta[nvar + s] - 1.1;
          }
        }
        newlk = survregLoglik(d, newbeta, nstrat, true, u, imat, jj);
      }
    } else {
      halving = 0;
      loglik = newlk;
      step(newbeta);
      for (let i = 0; i < nvar2; i++) {
        beta[i] = newbeta[i];
        newbeta[i] = newbeta[i] + u[i];
      }
    }
    newlk = survregLoglik(d, newbeta, nstrat, false, u, imat, jj);
    usave = Float64Array.from(u);
  }
  // Out of iterations: survival 3.5-3 keeps the last β tried and its ℓ.
  return finish(newbeta, newlk, maxiter, false);
}

/**
 * survreg.fit's derfun at z = 0 for every row (the starting values evaluate the derivatives at
 * η = y): dg and ddg − dg² per row for scale sigma[i].
 */
export function derivativesAtZero(
  d: SurvregData,
  sigmaOf: (i: number) => number,
): { dg: Float64Array; ddg: Float64Array } {
  const n = d.n;
  const dm = densityRow(d.base, 0);
  const dtemp = dm[2] * dm[3];
  const dg = new Float64Array(n);
  const ddg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sigma = sigmaOf(i);
    const exact = d.status[i] === 1;
    const tdenom = 1 / ((exact ? 1 : dm[1]) * sigma);
    const g = -tdenom * (exact ? dm[3] : 0 - dm[2]);
    const gg = (tdenom / sigma) * (exact ? dm[4] : 0 - dtemp);
    dg[i] = g;
    ddg[i] = gg - g * g;
  }
  return { dg, ddg };
}

/** R survreg.fit's starting values for the location-only model (then refined by survreg6, 20 iterations). */
export function interceptStart(d: SurvregData, fixedLogScale: number | null, nstrat: number): Float64Array {
  const [, variance] = initialValues(d.base, d.y, d.weight);
  const vars = fixedLogScale ?? Math.log(4 * variance) / 2;
  const { dg, ddg } = derivativesAtZero(d, () => Math.exp(vars));
  let num = 0;
  let den = 0;
  for (let i = 0; i < d.n; i++) {
    const wt = -ddg[i] * d.weight[i];
    num += d.weight[i] * dg[i] + wt * d.y[i];
    den += wt;
  }
  const out = new Float64Array(1 + Math.max(nstrat, 1));
  out[0] = num / den;
  for (let s = 1; s < out.length; s++) out[s] = vars;
  return out;
}

type Scratch = { c1: Float64Array; c2: Float64Array; c3: Float64Array; c4: Float64Array; c5: Float64Array };
const scratchOf = new WeakMap<SurvregData, Scratch>();

/** Per-row factor arrays for a data set, reused across its evaluations and freed with it. */
function scratch(d: SurvregData): Scratch {
  let s = scratchOf.get(d);
  if (s === undefined) {
    s = {
      c1: new Float64Array(d.n),
      c2: new Float64Array(d.n),
      c3: new Float64Array(d.n),
      c4: new Float64Array(d.n),
      c5: new Float64Array(d.n),
    };
    scratchOf.set(d, s);
  }
  return s;
}
