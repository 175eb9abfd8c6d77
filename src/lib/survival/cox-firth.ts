import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { statResult, type StatResult } from "../core/result";
import { normalQuantile } from "../distributions";
import { chisqUpperTail } from "../distributions/chi-square-tail";
import { buildCoxDesign } from "./cox-design";
import { coxSweep, coxWork, type CoxDesign, type CoxWork } from "./cox-kernel";
import type { CoxCovariates, CoxOptions } from "./cox-ph";
import type { Surv } from "./surv";
import { validateCoxInput } from "./cox-validate";

/** One coefficient of a Firth-penalized Cox fit. */
export interface CoxFirthTerm {
  readonly name: string;
  readonly coef: number;
  /** sqrt of the diagonal of I(β̂)⁻¹ (as coxphf reports). */
  readonly se: number;
  readonly hazardRatio: number;
  /** Profile penalized-likelihood confidence limits for exp(β). */
  readonly ciLower: number;
  readonly ciUpper: number;
  /** Penalized likelihood-ratio test of β_j = 0 (coxphf's per-coefficient test). */
  readonly test: StatResult;
}

export interface CoxFirthResult {
  readonly kind: "coxph-firth";
  readonly ties: "efron" | "breslow";
  readonly terms: readonly CoxFirthTerm[];
  /** Penalized log-likelihood l(β̂) + ½ log det I(β̂), at β = 0 and at the estimate. */
  readonly penalizedLoglikNull: number;
  readonly penalizedLoglik: number;
  /** Unpenalized partial log-likelihood at the estimate. */
  readonly loglik: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly confLevel: number;
  readonly n: number;
  readonly nEvents: number;
  readonly warnings: readonly string[];
}

/**
 * Cox regression with Firth's penalty (Heinze & Schemper 2001): maximizes
 * l(β) + ½ log det I(β), which keeps estimates finite under monotone likelihood (a covariate that
 * separates the events) and reduces small-sample bias. Newton–Raphson on the penalized score
 * U(β) + ½ tr(I⁻¹ ∂I/∂β_j) (∂I/∂β_j by central differences of the exact information), with step-halving;
 * confidence limits from the profile penalized likelihood (2[l*(β̂) − l*_prof(b)] = χ²₁,1−α), tests by the
 * penalized likelihood ratio. Strata and weights are honoured; robust variance is not offered.
 *
 * Reference: Heinze G, Schemper M (2001) Biometrics 57:114–119; Firth D (1993) Biometrika 80:27–38.
 * R: `coxphf::coxphf(Surv(t, d) ~ x)` (not installed here; validated against an independent R
 * implementation in tests/fixtures/survival-cox/make-fixtures.R). SPSS: none built in.
 * Cost: O(iterations × (2p + 1) × n p²); each profile limit adds a root search of inner fits.
 *
 * @example
 * // Every death up to t = 4 has x = 1: plain coxPH warns of an infinite coefficient, Firth stays finite.
 * const y = surv([1, 2, 3, 4, 5, 6, 7, 8], [1, 0, 1, 1, 1, 0, 1, 1]);
 * coxFirth(y, { names: ["x"], columns: [[1, 1, 1, 1, 0, 0, 0, 0]] }).terms[0].coef
 * // 2.81291 (R, penalized loglik by optimize: 2.812911)
 */
export function coxFirth(
  y: Surv,
  x: CoxCovariates,
  options: Omit<CoxOptions, "robust" | "cluster"> = {},
): CoxFirthResult {
  checkOptions(options);
  if ((options as CoxOptions).robust || (options as CoxOptions).cluster) {
    throw new InputError("robust variance is not available with the Firth penalty", { field: "robust", value: true });
  }
  const input = validateCoxInput(y, x, options);
  const { names, columns, ties, confLevel, weights, strata } = input;
  const p = names.length;
  const design = buildCoxDesign({ y, columns, strata: strata?.codes ?? null, weights, efron: ties === "efron" });
  const model = new PenalizedCox(design);
  const warnings: string[] = [];
  const all = Array.from({ length: p }, (_, j) => j);
  const fit = model.maximize(new Float64Array(p), all, 50);
  if (!fit.converged) warnings.push("Firth iterations did not converge in 50 steps");
  const bhat = fit.beta;
  const fmax = model.value(bhat).f;
  const info = model.value(bhat);
  const vinv = invert(info.imat, p);
  const q = chisqQuantile1(confLevel);
  const zc = normalQuantile(1 - (1 - confLevel) / 2);
  const terms = names.map((name, j) => {
    const se = Math.sqrt(vinv[j * p + j]);
    const profileDeviance = (b: number): number => 2 * (fmax - model.profile(bhat, j, b));
    const limit = (dir: -1 | 1): number => {
      // Bracket in steps of the Wald half-width, then bisect to machine-level precision.
      const stepLen = Math.max(zc * se, 1e-3);
      let inner = bhat[j];
      let outer = bhat[j] + dir * stepLen;
      let tries = 0;
      while (profileDeviance(outer) < q) {
        inner = outer;
        outer += dir * stepLen;
        if (++tries > 200) return dir * Infinity;
      }
      for (let it = 0; it < 200 && Math.abs(outer - inner) > 1e-13 * (1 + Math.abs(inner)); it++) {
        const mid = (inner + outer) / 2;
        if (profileDeviance(mid) < q) inner = mid;
        else outer = mid;
      }
      return (inner + outer) / 2;
    };
    const lower = limit(-1);
    const upper = limit(1);
    const lr = Math.max(0, profileDeviance(0));
    const coef = bhat[j] * design.scale[j];
    const test = statResult({
      test: "cox-firth-plr",
      method: `Penalized likelihood-ratio test (Firth Cox model): ${name}`,
      convention: "coxphf (Heinze & Schemper 2001)",
      statisticName: "PLR",
      statistic: lr,
      df: 1,
      pValue: chisqUpperTail(lr, 1),
      estimateName: "hazard ratio",
      estimate: Math.exp(coef),
      ci: [Math.exp(lower * design.scale[j]), Math.exp(upper * design.scale[j])],
      confLevel,
      n: input.n,
    });
    return {
      name,
      coef,
      se: se * design.scale[j],
      hazardRatio: Math.exp(coef),
      ciLower: Math.exp(lower * design.scale[j]),
      ciUpper: Math.exp(upper * design.scale[j]),
      test,
    };
  });
  // Report penalized log-likelihoods on the original covariate scale: log det I_original = log det I_scaled − 2 Σ log
  // s_j.
  const logScale = Array.from(design.scale).reduce((s, v) => s + Math.log(v), 0);
  return deepFreeze({
    kind: "coxph-firth" as const,
    ties,
    terms,
    penalizedLoglikNull: model.value(new Float64Array(p)).f - logScale,
    penalizedLoglik: fmax - logScale,
    loglik: info.loglik,
    iterations: fit.iterations,
    converged: fit.converged,
    confLevel,
    n: input.n,
    nEvents: y.nEvents,
    warnings,
  });
}

/** Penalized log-likelihood, penalized score and information on the design's scaled covariates. */
class PenalizedCox {
  private readonly work: CoxWork;
  constructor(private readonly d: CoxDesign) {
    this.work = coxWork(d.n, d.p);
  }

  value(beta: Float64Array): { f: number; loglik: number; u: Float64Array; imat: Float64Array } {
    coxSweep(this.d, beta, this.work);
    const imat = Float64Array.from(this.work.imat);
    const loglik = this.work.loglik;
    return { f: loglik + 0.5 * logDet(imat, this.d.p), loglik, u: Float64Array.from(this.work.u), imat };
  }

  /** Penalized score U_j + ½ tr(I⁻¹ ∂I/∂β_j) for the listed coordinates. */
  score(beta: Float64Array, at: { u: Float64Array; imat: Float64Array }, coords: readonly number[]): Float64Array {
    const p = this.d.p;
    const inv = invert(at.imat, p);
    const out = new Float64Array(coords.length);
    coords.forEach((j, a) => {
      const h = 1e-5 * (1 + Math.abs(beta[j]));
      const bp = Float64Array.from(beta);
      bp[j] += h;
      coxSweep(this.d, bp, this.work);
      const ip = Float64Array.from(this.work.imat);
      bp[j] -= 2 * h;
      coxSweep(this.d, bp, this.work);
      let tr = 0;
      for (let r = 0; r < p; r++)
        for (let c = 0; c < p; c++) tr += (inv[r * p + c] * (ip[c * p + r] - this.work.imat[c * p + r])) / (2 * h);
      out[a] = at.u[j] + 0.5 * tr;
    });
    return out;
  }

  /** Newton–Raphson (Hessian ≈ −I) with step-halving over `coords`, the other coordinates held fixed. */
  maximize(
    start: Float64Array,
    coords: readonly number[],
    iterMax: number,
  ): { beta: Float64Array; iterations: number; converged: boolean } {
    const q = coords.length;
    let beta = Float64Array.from(start);
    let cur = this.value(beta);
    for (let iter = 1; iter <= iterMax; iter++) {
      const s = this.score(beta, cur, coords);
      const sub = new Float64Array(q * q);
      coords.forEach((j, a) => {
        coords.forEach((l, b) => {
          sub[a * q + b] = cur.imat[j * this.d.p + l];
        });
      });
      const step = solveSym(sub, s, q);
      // Cap the step (coxphf caps steps too) so a runaway direction cannot overflow exp(η).
      let maxAbs = 0;
      for (let a = 0; a < q; a++) maxAbs = Math.max(maxAbs, Math.abs(step[a]));
      const shrink = maxAbs > 5 ? 5 / maxAbs : 1;
      let factor = shrink;
      let next = beta;
      let val = cur;
      for (let half = 0; half < 60; half++) {
        next = Float64Array.from(beta);
        coords.forEach((j, a) => {
          next[j] += factor * step[a];
        });
        val = this.value(next);
        if (val.f >= cur.f - 1e-12 * Math.abs(cur.f)) break;
        factor /= 2;
      }
      const moved = maxAbs * factor;
      beta = next;
      cur = val;
      if (moved < 1e-10) return { beta, iterations: iter, converged: true };
    }
    return { beta, iterations: iterMax, converged: false };
  }

  /** Profile penalized log-likelihood: maximum over the other coordinates with β_j fixed at b. */
  profile(bhat: Float64Array, j: number, b: number): number {
    const p = this.d.p;
    const start = Float64Array.from(bhat);
    start[j] = b;
    if (p === 1) return this.value(start).f;
    const others = Array.from({ length: p }, (_, k) => k).filter((k) => k !== j);
    return this.value(this.maximize(start, others, 50).beta).f;
  }
}

/** log det of a symmetric positive-definite matrix by Cholesky (−∞ when not positive definite). */
function logDet(m: Float64Array, p: number): number {
  const a = Float64Array.from(m);
  let s = 0;
  for (let i = 0; i < p; i++) {
    for (let k = 0; k < i; k++) a[i * p + i] -= a[i * p + k] * a[i * p + k];
    if (!(a[i * p + i] > 0)) return -Infinity;
    const d = Math.sqrt(a[i * p + i]);
    s += 2 * Math.log(d);
    for (let r = i + 1; r < p; r++) {
      for (let k = 0; k < i; k++) a[r * p + i] -= a[r * p + k] * a[i * p + k];
      a[r * p + i] /= d;
    }
  }
  return s;
}

function solveSym(m: Float64Array, b: Float64Array, p: number): Float64Array {
  const inv = invert(m, p);
  const x = new Float64Array(p);
  for (let r = 0; r < p; r++) for (let c = 0; c < p; c++) x[r] += inv[r * p + c] * b[c];
  return x;
}

/** Inverse by Gauss–Jordan with partial pivoting (p is small). */
function invert(m: Float64Array, p: number): Float64Array {
  const a = Float64Array.from(m);
  const inv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) inv[i * p + i] = 1;
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r * p + c]) > Math.abs(a[piv * p + c])) piv = r;
    for (let k = 0; k < p; k++) {
      [a[c * p + k], a[piv * p + k]] = [a[piv * p + k], a[c * p + k]];
      [inv[c * p + k], inv[piv * p + k]] = [inv[piv * p + k], inv[c * p + k]];
    }
    const d = a[c * p + c];
    for (let k = 0; k < p; k++) {
      a[c * p + k] /= d;
      inv[c * p + k] /= d;
    }
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = a[r * p + c];
      if (f === 0) continue;
      for (let k = 0; k < p; k++) {
        a[r * p + k] -= f * a[c * p + k];
        inv[r * p + k] -= f * inv[c * p + k];
      }
    }
  }
  return inv;
}

/** χ²₁ quantile at `level`: the square of the normal quantile. */
function chisqQuantile1(level: number): number {
  const z = normalQuantile(1 - (1 - level) / 2);
  return z * z;
}
