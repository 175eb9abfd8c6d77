import { checkOptions } from "../core/check-options";
import { checkInit } from "../core/check-init";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { statResult, type StatResult } from "../core/result";
import { waldSummary } from "./wald-summary";
import { chisqUpperTail as chisqUpper } from "../distributions/chi-square-tail";
import { coxConcordance, type CoxConcordance } from "./cox-concordance";
import { buildCoxDesign } from "./cox-design";
import { cholesky2, chsolve2, coxNewton, coxWork, type CoxDesign } from "./cox-kernel";
import { coxRowResiduals, dfbetaRows, unscaleVariance } from "./cox-residual-kernel";
import type { Surv } from "./surv";
import { validateCoxInput } from "./cox-validate";
import { hasFractionalWeights } from "./case-weights";

/** Covariate matrix by named columns: `columns[j][i]` is covariate `names[j]` of row i. */
export interface CoxCovariates {
  readonly names: readonly string[];
  readonly columns: ReadonlyArray<ArrayLike<number>>;
}

export interface CoxOptions {
  /** Tie handling: "efron" (R's default) or "breslow" (SPSS COXREG's). */
  readonly ties?: "efron" | "breslow";
  /** Stratum label per row: separate baseline hazards (R `strata()`, SPSS `/STRATA`). */
  readonly strata?: ArrayLike<string | number>;
  /** Case weights > 0 (R `weights =`). */
  readonly weights?: ArrayLike<number>;
  /**
   * Sandwich (robust) variance, R `robust = TRUE`. Default as R survival 3.5's coxph: true when `cluster` is
   * given or any case weight is not a whole number (R: `any(weights != floor(weights))`), else false.
   * `robust: false` keeps the model-based variance (with a `cluster`, R then warns that it ignores the cluster).
   */
  readonly robust?: boolean;
  /** Cluster label per row for the grouped sandwich variance (R `cluster(id)`). */
  readonly cluster?: ArrayLike<string | number>;
  /** Confidence level of the hazard-ratio intervals (default 0.95). */
  readonly confLevel?: number;
  /** Starting coefficients (default 0); the null log-likelihood and score test are at this value. */
  readonly init?: ArrayLike<number>;
  /** R coxph.control: eps 1e-9, iter.max 20, toler.chol .Machine$double.eps^0.75, toler.inf sqrt(eps). */
  readonly control?: {
    readonly eps?: number;
    readonly iterMax?: number;
    readonly tolerChol?: number;
    readonly tolerInf?: number;
  };
}

/** One row of the coefficient table (null where R reports NA: a redundant / constant covariate). */
export interface CoxTerm {
  readonly name: string;
  readonly coef: number | null;
  /** Standard error used for z, p and the CI (robust when robust/cluster was requested). */
  readonly se: number | null;
  /** Model-based (naive) standard error. */
  readonly naiveSe: number | null;
  /** Wald chi-square (z²), SPSS's "Wald" column. */
  readonly wald: number | null;
  readonly z: number | null;
  readonly pValue: number | null;
  readonly hazardRatio: number | null;
  readonly ciLower: number | null;
  readonly ciUpper: number | null;
}

/** Result of {@link coxPH}: plain, deeply frozen, JSON-serializable. */
export interface CoxResult {
  readonly kind: "coxph";
  readonly ties: "efron" | "breslow";
  readonly convention: string;
  readonly terms: readonly CoxTerm[];
  /** Variance matrix of the coefficients (robust when requested); NA rows/columns as null. */
  readonly variance: readonly (readonly (number | null)[])[];
  readonly naiveVariance: readonly (readonly (number | null)[])[];
  readonly robust: boolean;
  /** Partial log-likelihood at the initial value (null model) and at the estimate. */
  readonly loglikNull: number;
  readonly loglik: number;
  readonly likelihoodRatioTest: StatResult;
  readonly waldTest: StatResult;
  readonly scoreTest: StatResult;
  /**
   * Robust score test of β = 0 (R's "Robust = … p = …" line, fit$rscore) when robust or cluster variance
   * was requested, else null: U(0)ᵀ (Σ_c s_c s_cᵀ)⁻¹ U(0) with s_c the weighted score residuals at β = 0
   * summed within clusters.
   */
  readonly robustScoreTest: StatResult | null;
  /** Newton iterations done (at most control.iterMax; R's fit$iter reads iterMax + 1 when it runs out). */
  readonly iterations: number;
  /**
   * False when |1 − ℓ_old/ℓ_new| ≤ eps was not reached within iterMax (warning "Ran out of iterations…" when iterMax >
   * 1, as R).
   */
  readonly converged: boolean;
  readonly concordance: CoxConcordance;
  readonly n: number;
  readonly nEvents: number;
  readonly nStrata: number;
  readonly confLevel: number;
  /**
   * R's `fit$means`, the covariate values the linear predictor, `predict` and the default `survfit` curve are
   * centred on: 0 for columns coded in {−1, 0, 1} (R's nocenter), otherwise the case-weighted mean for
   * right-censored data (coxph.fit) and the unweighted column mean for counting-process data (agreg.fit uses
   * `colMeans(x)`, so weights do not enter).
   */
  readonly means: readonly number[];
  /**
   * True when a coefficient may be infinite (monotone likelihood, or a linear predictor that exploded
   * before the iterations ran out) — the condition behind R's "coefficient may be infinite" warnings,
   * which `warnings` also carries in words.
   */
  readonly possiblyInfinite: boolean;
  readonly warnings: readonly string[];
}

/** What residuals and cox.zph need from a fit; kept off the JSON as a non-enumerable property. */
export interface CoxFitInternals {
  readonly design: CoxDesign;
  /** Coefficients on the scaled design covariates, 0 for NA terms. */
  readonly betaScaled: Float64Array;
  /** Naive variance on the original scale (p × p, zero rows for NA terms). */
  readonly naiveVariance: Float64Array;
  readonly names: readonly string[];
  readonly strataLabels: readonly string[] | null;
  readonly aliased: readonly boolean[];
}

const INTERNALS = Symbol.for("lung-spine-mets-repro.CoxFit");

/** The hidden fit data of a {@link CoxResult} (throws InputError for anything else). */
export function coxInternals(fit: CoxResult): CoxFitInternals {
  const internals = (fit as unknown as Record<symbol, CoxFitInternals | undefined>)[INTERNALS];
  if (!internals) throw new InputError("not a fit returned by coxPH", { field: "fit", value: fit });
  return internals;
}

/**
 * A copy of a fit with extra fields that keeps the hidden fit data, so coxResiduals and coxZph work on it: how
 * the formula front end (src/lib/frontend) adds its call, terms and missing-value report to a coxPH fit. The
 * copy is not frozen yet (the caller may attach more hidden data); freeze it with deepFreeze. Cost: O(fields).
 */
export function extendCoxResult<T extends object>(fit: CoxResult, extra: T): CoxResult & T {
  const internals = coxInternals(fit);
  const out = { ...fit, ...extra };
  Object.defineProperty(out, INTERNALS, { value: internals, enumerable: false });
  return out;
}

/**
 * Cox proportional-hazards regression by maximum partial likelihood: coefficients, SEs, Wald z,
 * hazard ratios with CIs, the likelihood-ratio, Wald and score tests, Harrell's concordance with
 * its SE; right-censored or counting-process (start, stop] data, strata, case weights and the
 * sandwich variance. Newton–Raphson with step-halving and R's convergence rule
 * (|1 − ℓ_old/ℓ_new| ≤ 1e-9, at most 20 iterations). A coefficient whose score does not vanish when the
 * log-likelihood has converged is reported as possibly infinite (monotone likelihood), as R warns;
 * a constant or redundant covariate gets null coefficients (R's NA) and a warning.
 *
 * References: Cox (1972); Efron (1977) JASA 72:557 for ties; Therneau & Grambsch (2000) Modeling
 * Survival Data, ch. 3 and 6 (counting process, robust variance, concordance in survival ≥ 3).
 * R: `survival::coxph(Surv(...) ~ x + strata(s), ties = "efron")` (defaults: Efron, eps 1e-9, iter.max 20).
 * Variance as R 3.5's default: robust (sandwich) when a cluster is given or any case weight is not a whole
 * number (R coxph.R: `has.rwt <- any(weights != floor(weights))`; `robust <- has.cluster || has.rwt`), then
 * also R's robust score test; pass `robust: false` for the model-based variance. `means` follow coxph.fit
 * (weighted) for right-censored and agreg.fit (`colMeans(x)`, unweighted) for counting-process data.
 * SPSS: `COXREG ... /STRATA /CRITERIA = PIN(.05) POUT(.10) ITERATE(20)`,
 * which uses Breslow ties — pass `ties: "breslow"` to match SPSS's "Variables in the Equation".
 * Cost: O(n log n) to sort once, then O(n p²) per Newton iteration; concordance O(n log n).
 *
 * @example
 * const y = surv([5, 8, 8, 12, 15, 20], [1, 1, 0, 1, 0, 1]);
 * const fit = coxPH(y, { names: ["x"], columns: [[1, 0, 1, 1, 0, 0]] });
 * fit.terms[0].coef // 1.07307 (R coxph: 1.0730678)
 */
export function coxPH(y: Surv, x: CoxCovariates, options: CoxOptions = {}): CoxResult {
  checkOptions(options);
  const estimate = estimateCox(y, x, options);
  const { n, names, columns, ties, confLevel, control, strata, cluster, p, design, init, nr, work } = estimate;
  const { vNaive, aliased, coef, possiblyInfinite, warnings, betaScaled, robust, variance, terms } = estimate;
  const df = aliased.filter((a) => !a).length;
  const initOrig = Array.from(init, (b, j) => b * design.scale[j]);
  const lr = 2 * (nr.loglik - nr.loglikInit);
  const wald = waldStatistic(coef, initOrig, variance, aliased, control.tolerChol);
  const common = { n, df, alternative: null, warnings, convention: `R survival::coxph(ties = "${ties}")` } as const;
  const result = {
    kind: "coxph" as const,
    ties,
    convention: `R survival 3.5 coxph(ties = "${ties}"${robust ? ", robust = TRUE" : ""})`,
    terms,
    variance: matrixRows(variance, p, aliased),
    naiveVariance: matrixRows(vNaive, p, aliased),
    robust,
    loglikNull: nr.loglikInit,
    loglik: nr.loglik,
    likelihoodRatioTest: statResult({
      ...common,
      test: "cox-likelihood-ratio",
      method: "Likelihood ratio test (Cox model)",
      statisticName: "LR",
      statistic: lr,
      pValue: chisqUpper(lr, df),
    }),
    waldTest: statResult({
      ...common,
      test: "cox-wald",
      method: robust ? "Wald test (Cox model, robust variance)" : "Wald test (Cox model)",
      statisticName: "Wald",
      statistic: wald,
      pValue: chisqUpper(wald, df),
    }),
    scoreTest: statResult({
      ...common,
      test: "cox-score",
      method: "Score (log-rank) test (Cox model)",
      statisticName: "Score",
      statistic: nr.scoreTest,
      pValue: chisqUpper(nr.scoreTest, df),
    }),
    robustScoreTest: robust
      ? robustScore(design, aliased, cluster?.codes ?? null, control.tolerChol, common, df)
      : null,
    iterations: nr.iterations,
    converged: nr.converged,
    // The Newton driver's last sweep left η = X β̂ in work.eta (same arithmetic); recompute only when terms were
    // zeroed.
    concordance: coxConcordance(
      design,
      aliased.some((a) => a) ? linearPredictorAt(design, betaScaled) : work.eta,
      cluster?.codes ?? null,
    ),
    n,
    nEvents: y.nEvents,
    nStrata: design.strataEnds.length,
    confLevel,
    means: y.start === null ? Array.from(design.means) : unweightedMeans(columns, design.means),
    possiblyInfinite,
    warnings,
  };
  const internals: CoxFitInternals = {
    design,
    betaScaled,
    naiveVariance: vNaive,
    names: [...names],
    strataLabels: strata?.labels ?? null,
    aliased,
  };
  Object.defineProperty(result, INTERNALS, { value: internals, enumerable: false });
  return deepFreeze(result);
}

/** The coefficient table of a Cox fit, as {@link coxPHTerms} returns it. */
export interface CoxTermsFit {
  readonly terms: readonly CoxTerm[];
  readonly converged: boolean;
  readonly possiblyInfinite: boolean;
  readonly warnings: readonly string[];
}

/**
 * The coefficient table of `coxPH(y, x, options)` — the same numbers, convergence flags and warnings, from
 * the same code — without the model tests, the concordance and the frozen result object. Internal (not
 * exported by the library): for simulations and resampling that fit thousands of small models and read
 * only the terms, where the concordance's sort and the result's construction cost more than the fit.
 */
export function coxPHTerms(y: Surv, x: CoxCovariates, options: CoxOptions = {}): CoxTermsFit {
  checkOptions(options);
  const { terms, nr, possiblyInfinite, warnings } = estimateCox(y, x, options);
  return { terms, converged: nr.converged, possiblyInfinite, warnings };
}

/** coxPH's estimation step: validated input, design, Newton–Raphson, variance (naive or robust) and terms. */
function estimateCox(y: Surv, x: CoxCovariates, options: CoxOptions) {
  const { n, names, columns, ties, confLevel, control, strata, cluster, weights } = validateCoxInput(y, x, options);
  const p = names.length;
  const design = buildCoxDesign({ y, columns, strata: strata?.codes ?? null, weights, efron: ties === "efron" });
  // The kernel works on centred and scaled columns, so the starting values are scaled with them.
  const init = checkInit(options.init, p);
  for (let j = 0; j < p; j++) init[j] /= design.scale[j];
  const warnings: string[] = [];
  const work = coxWork(n, p);
  const nr = coxNewton(design, init, control, work);
  const vNaive = unscaleVariance(nr.variance, design.scale);
  const aliased = names.map((_, j) => vNaive[j * p + j] === 0);
  aliased.forEach((a, j) => {
    if (a)
      warnings.push(
        `covariate ${names[j]} is constant or a linear combination of the others: coefficient not estimable (R ` +
          `reports NA)`,
      );
  });
  const coef = Array.from(nr.beta, (b, j) => (aliased[j] ? 0 : b * design.scale[j]));
  let possiblyInfinite = false;
  if (!nr.converged && control.iterMax > 1) {
    warnings.push("Ran out of iterations and did not converge");
    // R coxph.fit adds this when the linear predictor has exploded.
    const eta = linearPredictorAt(
      design,
      Float64Array.from(nr.beta, (b, j) => (aliased[j] ? 0 : b)),
    );
    let maxEta = -Infinity;
    for (let k = 0; k < n; k++) if (eta[k] > maxEta) maxEta = eta[k];
    if (maxEta > 500 || !nr.u.every(Number.isFinite)) {
      possiblyInfinite = true;
      warnings.push("one or more coefficients may be infinite");
    }
  } else if (control.iterMax > 1) {
    // R coxph.fit: |u V| still large relative to |β| after convergence ⇒ the coefficient is running off.
    const uOrig = Array.from(nr.u, (u, j) => u / design.scale[j]);
    const infinite: number[] = [];
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let l = 0; l < p; l++) s += uOrig[l] * vNaive[l * p + j];
      const inf = Math.abs(s);
      if (!Number.isFinite(uOrig[j]) || (inf > control.eps && inf > control.tolerInf * Math.abs(coef[j])))
        infinite.push(j);
    }
    if (infinite.length > 0) {
      possiblyInfinite = true;
      warnings.push(
        `Loglik converged before variable ${infinite.map((j) => `${j + 1} (${names[j]})`).join(", ")}; ` +
          `coefficient may be infinite (monotone likelihood)`,
      );
    }
  }
  const betaScaled = Float64Array.from(nr.beta, (b, j) => (aliased[j] ? 0 : b));
  const robust = options.robust ?? (cluster !== null || hasFractionalWeights(weights));
  if (!robust && cluster !== null) warnings.push("cluster specified with robust = false: cluster ignored (as R)");
  let variance = vNaive;
  if (robust) variance = sandwich(design, betaScaled, vNaive, cluster?.codes ?? null);
  const terms: CoxTerm[] = names.map((name, j) => {
    if (aliased[j])
      return {
        name,
        coef: null,
        se: null,
        naiveSe: null,
        wald: null,
        z: null,
        pValue: null,
        hazardRatio: null,
        ciLower: null,
        ciUpper: null,
      };
    const se = Math.sqrt(variance[j * p + j]);
    const w = waldSummary(coef[j], se, confLevel);
    return {
      name,
      coef: coef[j],
      se,
      naiveSe: Math.sqrt(vNaive[j * p + j]),
      wald: w.z * w.z,
      z: w.z,
      pValue: w.pValue,
      hazardRatio: w.hazardRatio,
      ciLower: w.ciLower,
      ciUpper: w.ciUpper,
    };
  });
  return {
    n,
    names,
    columns,
    ties,
    confLevel,
    control,
    strata,
    cluster,
    p,
    design,
    init,
    nr,
    work,
    vNaive,
    aliased,
    coef,
    possiblyInfinite,
    warnings,
    betaScaled,
    robust,
    variance,
    terms,
  };
}

/** agreg.fit's `ifelse(zero.one, 0, colMeans(x))`: the design centred zero-one columns at 0 already. */
function unweightedMeans(columns: readonly ArrayLike<number>[], centred: Float64Array): number[] {
  return columns.map((col, j) => {
    if (centred[j] === 0 && isZeroOne(col)) return 0;
    let s = 0;
    for (let i = 0; i < col.length; i++) s += col[i];
    return s / col.length;
  });
}

function isZeroOne(col: ArrayLike<number>): boolean {
  for (let i = 0; i < col.length; i++) if (col[i] !== 0 && col[i] !== 1 && col[i] !== -1) return false;
  return true;
}

function linearPredictorAt(d: CoxDesign, beta: Float64Array): Float64Array {
  const eta = new Float64Array(d.n);
  for (let k = 0; k < d.n; k++) {
    let e = 0;
    for (let j = 0; j < d.p; j++) e += d.xs[k * d.p + j] * beta[j];
    eta[k] = e;
  }
  return eta;
}

/** Sandwich variance D'D from dfbeta residuals summed within clusters (R coxph robust / cluster). */
function sandwich(
  d: CoxDesign,
  betaScaled: Float64Array,
  vNaive: Float64Array,
  cluster: Int32Array | null,
): Float64Array {
  const p = d.p;
  const res = coxRowResiduals(d, betaScaled);
  const dfb = dfbetaRows(d, res.score, vNaive);
  let rows = dfb;
  if (cluster) {
    let nc = 0;
    for (let i = 0; i < cluster.length; i++) nc = Math.max(nc, cluster[i] + 1);
    rows = new Float64Array(nc * p);
    for (let k = 0; k < d.n; k++) {
      const c = cluster[d.rowOf[k]];
      for (let j = 0; j < p; j++) rows[c * p + j] += dfb[k * p + j];
    }
  }
  const m = rows.length / p;
  const v = new Float64Array(p * p);
  for (let r = 0; r < m; r++)
    for (let j = 0; j < p; j++) for (let l = 0; l < p; l++) v[j * p + l] += rows[r * p + j] * rows[r * p + l];
  return v;
}

/**
 * R coxph's robust score test (fit$rscore): score residuals at β = 0, weighted, summed within clusters
 * (rows s_c); u = Σ s_c; statistic uᵀ (Σ s_c s_cᵀ)⁻ u on the estimable terms. Scaling of the covariates
 * cancels in the quadratic form.
 */
function robustScore(
  d: CoxDesign,
  aliased: readonly boolean[],
  cluster: Int32Array | null,
  toler: number,
  common: { n: number; df: number; alternative: null; warnings: string[]; convention: string },
  df: number,
): StatResult {
  const p = d.p;
  const res = coxRowResiduals(d, new Float64Array(p));
  const groupOf = (k: number) => (cluster ? cluster[d.rowOf[k]] : k);
  let groups = d.n;
  if (cluster) {
    groups = 0;
    for (let i = 0; i < cluster.length; i++) groups = Math.max(groups, cluster[i] + 1);
  }
  const s = new Float64Array(groups * p);
  for (let k = 0; k < d.n; k++) {
    const g = groupOf(k);
    for (let j = 0; j < p; j++) s[g * p + j] += d.weight[k] * res.score[k * p + j];
  }
  const u = new Array<number>(p).fill(0);
  const v = new Float64Array(p * p);
  for (let g = 0; g < groups; g++) {
    for (let j = 0; j < p; j++) {
      u[j] += s[g * p + j];
      for (let l = 0; l < p; l++) v[j * p + l] += s[g * p + j] * s[g * p + l];
    }
  }
  const statistic = waldStatistic(u, new Array<number>(p).fill(0), v, aliased, toler);
  return statResult({
    ...common,
    test: "cox-robust-score",
    method: "Robust score test (Cox model, sandwich variance of the score at β = 0)",
    statisticName: "Robust",
    statistic,
    pValue: chisqUpper(statistic, df),
  });
}

/** R coxph.wtest: b' V⁻ b over the estimable terms, V factored with toler.chol. */
function waldStatistic(
  coef: number[],
  init: number[],
  v: Float64Array,
  aliased: readonly boolean[],
  toler: number,
): number {
  const keep = coef.map((_, j) => j).filter((j) => !aliased[j]);
  const q = keep.length;
  if (q === 0) return 0;
  const m = new Float64Array(q * q);
  keep.forEach((j, a) => {
    keep.forEach((l, b) => {
      m[a * q + b] = v[j * coef.length + l];
    });
  });
  const b = Float64Array.from(keep, (j) => coef[j] - init[j]);
  const sol = Float64Array.from(b);
  cholesky2(m, q, toler);
  chsolve2(m, q, sol);
  let s = 0;
  for (let a = 0; a < q; a++) s += sol[a] * b[a];
  return s;
}

function matrixRows(v: Float64Array, p: number, aliased: readonly boolean[]): (number | null)[][] {
  return Array.from({ length: p }, (_, j) =>
    Array.from({ length: p }, (_, l) => (aliased[j] || aliased[l] ? null : v[j * p + l])),
  );
}
