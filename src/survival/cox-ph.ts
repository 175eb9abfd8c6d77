import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { statResult, type StatResult } from "../core/result";
import { normalQuantile, normalUpper } from "../hypothesis/internal/dist";
import { chisqUpperTail as chisqUpper } from "./cox-chisq";
import { coxConcordance, type CoxConcordance } from "./cox-concordance";
import { buildCoxDesign } from "./cox-design";
import { cholesky2, chsolve2, coxNewton, coxWork, type CoxDesign } from "./cox-kernel";
import { coxRowResiduals, dfbetaRows, unscaleVariance } from "./cox-residual-kernel";
import { isSurv, type Surv } from "./surv";

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
  /** Sandwich (robust) variance, R `robust = TRUE`; implied by `cluster`. */
  readonly robust?: boolean;
  /** Cluster label per row for the grouped sandwich variance (R `cluster(id)`). */
  readonly cluster?: ArrayLike<string | number>;
  /** Confidence level of the hazard-ratio intervals (default 0.95). */
  readonly confLevel?: number;
  /** Starting coefficients (default 0); the null log-likelihood and score test are at this value. */
  readonly init?: ArrayLike<number>;
  /** R coxph.control: eps 1e-9, iter.max 20, toler.chol .Machine$double.eps^0.75, toler.inf sqrt(eps). */
  readonly control?: { readonly eps?: number; readonly iterMax?: number; readonly tolerChol?: number; readonly tolerInf?: number };
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
  readonly iterations: number;
  readonly converged: boolean;
  readonly concordance: CoxConcordance;
  readonly n: number;
  readonly nEvents: number;
  readonly nStrata: number;
  readonly confLevel: number;
  /** Covariate means the linear predictor is centred on (0 for columns coded in {−1, 0, 1}, as R). */
  readonly means: readonly number[];
  readonly warnings: readonly string[];
}

/** What residuals and cox.zph need from a fit; kept off the JSON as a non-enumerable property. */
export interface CoxFitInternals {
  readonly design: CoxDesign;
  /** Coefficients on the scaled design covariates, 0 for NA terms. */
  readonly betaScaled: Float64Array;
  /** Naive variance on the original scale (p × p, zero rows for NA terms). */
  readonly naiveVariance: Float64Array;
  /** Original row → cluster code (robust), or null. */
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

const DEFAULT_CONTROL = { eps: 1e-9, iterMax: 20, tolerChol: 2.220446049250313e-16 ** 0.75, tolerInf: Math.sqrt(1e-9) };

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
 * R: `survival::coxph(Surv(...) ~ x + strata(s), ties = "efron", robust = FALSE)` (defaults: Efron,
 * eps 1e-9, iter.max 20). SPSS: `COXREG ... /STRATA /CRITERIA = PIN(.05) POUT(.10) ITERATE(20)`,
 * which uses Breslow ties — pass `ties: "breslow"` to match SPSS's "Variables in the Equation".
 * Cost: O(n log n) to sort once, then O(n p²) per Newton iteration; concordance O(n log n).
 *
 * @example
 * const y = surv([5, 8, 8, 12, 15, 20], [1, 1, 0, 1, 0, 1]);
 * const fit = coxPH(y, { names: ["x"], columns: [[1, 0, 1, 1, 0, 0]] });
 * fit.terms[0].coef // 1.07307 (R coxph: 1.0730678)
 */
export function coxPH(y: Surv, x: CoxCovariates, options: CoxOptions = {}): CoxResult {
  if (!isSurv(y)) throw new InputError("must be a Surv from surv() or survCounting()", { field: "y", value: y });
  const n = y.n;
  const { names, columns } = validateCovariates(x, n);
  const p = names.length;
  const ties = options.ties ?? "efron";
  if (ties !== "efron" && ties !== "breslow") throw new InputError('must be "efron" or "breslow"', { field: "ties", value: ties });
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new InputError("must be in (0, 1)", { field: "confLevel", value: confLevel });
  const control = { ...DEFAULT_CONTROL, ...options.control };
  if (!(Number.isInteger(control.iterMax) && control.iterMax >= 0)) throw new InputError("must be an integer ≥ 0", { field: "control.iterMax", value: control.iterMax });
  if (n < 2) throw new InputError("a Cox model needs at least 2 rows", { field: "y", value: n });
  if (y.nEvents === 0) throw new InputError("no events: the partial likelihood is constant and no coefficient is estimable", { field: "y.event", value: 0 });
  const strata = options.strata === undefined ? null : labelCodes(options.strata, n, "strata");
  const cluster = options.cluster === undefined ? null : labelCodes(options.cluster, n, "cluster");
  const weights = options.weights === undefined ? null : validateWeights(options.weights, n);
  const design = buildCoxDesign({ y, columns, strata: strata?.codes ?? null, weights, efron: ties === "efron" });
  const init = new Float64Array(p);
  if (options.init !== undefined) {
    if (options.init.length !== p) throw new InputError(`length ${options.init.length} differs from the ${p} covariates`, { field: "init", value: options.init });
    for (let j = 0; j < p; j++) {
      const v = options.init[j];
      if (typeof v !== "number" || !Number.isFinite(v)) throw new InputError("must be a finite number", { field: "init", index: j, value: v });
      init[j] = v / design.scale[j];
    }
  }
  const warnings: string[] = [];
  const work = coxWork(n, p);
  const nr = coxNewton(design, init, control, work);
  const vNaive = unscaleVariance(nr.variance, design.scale);
  const aliased = names.map((_, j) => vNaive[j * p + j] === 0);
  aliased.forEach((a, j) => {
    if (a) warnings.push(`covariate ${names[j]} is constant or a linear combination of the others: coefficient not estimable (R reports NA)`);
  });
  const coef = Array.from(nr.beta, (b, j) => (aliased[j] ? 0 : b * design.scale[j]));
  if (!nr.converged && control.iterMax > 1) warnings.push("Ran out of iterations and did not converge");
  else if (control.iterMax > 1) {
    // R coxph.fit: |u V| still large relative to |β| after convergence ⇒ the coefficient is running off.
    const uOrig = Array.from(nr.u, (u, j) => u / design.scale[j]);
    const infinite: number[] = [];
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let l = 0; l < p; l++) s += uOrig[l] * vNaive[l * p + j];
      const inf = Math.abs(s);
      if (!Number.isFinite(uOrig[j]) || (inf > control.eps && inf > control.tolerInf * Math.abs(coef[j]))) infinite.push(j);
    }
    if (infinite.length > 0) {
      warnings.push(
        `Loglik converged before variable ${infinite.map((j) => `${j + 1} (${names[j]})`).join(", ")}; coefficient may be infinite (monotone likelihood)`,
      );
    }
  }
  const betaScaled = Float64Array.from(nr.beta, (b, j) => (aliased[j] ? 0 : b));
  const robust = options.robust === true || cluster !== null;
  let variance = vNaive;
  if (robust) variance = sandwich(design, betaScaled, vNaive, cluster?.codes ?? null);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const terms: CoxTerm[] = names.map((name, j) => {
    if (aliased[j]) return { name, coef: null, se: null, naiveSe: null, wald: null, z: null, pValue: null, hazardRatio: null, ciLower: null, ciUpper: null };
    const se = Math.sqrt(variance[j * p + j]);
    const zj = coef[j] / se;
    return {
      name,
      coef: coef[j],
      se,
      naiveSe: Math.sqrt(vNaive[j * p + j]),
      wald: zj * zj,
      z: zj,
      pValue: Math.min(1, 2 * normalUpper(Math.abs(zj))),
      hazardRatio: Math.exp(coef[j]),
      ciLower: Math.exp(coef[j] - z * se),
      ciUpper: Math.exp(coef[j] + z * se),
    };
  });
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
    likelihoodRatioTest: statResult({ ...common, test: "cox-likelihood-ratio", method: "Likelihood ratio test (Cox model)", statisticName: "LR", statistic: lr, pValue: chisqUpper(lr, df) }),
    waldTest: statResult({ ...common, test: "cox-wald", method: robust ? "Wald test (Cox model, robust variance)" : "Wald test (Cox model)", statisticName: "Wald", statistic: wald, pValue: chisqUpper(wald, df) }),
    scoreTest: statResult({ ...common, test: "cox-score", method: "Score (log-rank) test (Cox model)", statisticName: "Score", statistic: nr.scoreTest, pValue: chisqUpper(nr.scoreTest, df) }),
    iterations: nr.iterations,
    converged: nr.converged,
    concordance: coxConcordance(design, linearPredictorAt(design, betaScaled), cluster?.codes ?? null),
    n,
    nEvents: y.nEvents,
    nStrata: design.strataEnds.length,
    confLevel,
    means: Array.from(design.means),
    warnings,
  };
  const internals: CoxFitInternals = { design, betaScaled, naiveVariance: vNaive, names: [...names], strataLabels: strata?.labels ?? null, aliased };
  Object.defineProperty(result, INTERNALS, { value: internals, enumerable: false });
  return deepFreeze(result);
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
function sandwich(d: CoxDesign, betaScaled: Float64Array, vNaive: Float64Array, cluster: Int32Array | null): Float64Array {
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
  for (let r = 0; r < m; r++) for (let j = 0; j < p; j++) for (let l = 0; l < p; l++) v[j * p + l] += rows[r * p + j] * rows[r * p + l];
  return v;
}

/** R coxph.wtest: b' V⁻ b over the estimable terms, V factored with toler.chol. */
function waldStatistic(coef: number[], init: number[], v: Float64Array, aliased: readonly boolean[], toler: number): number {
  const keep = coef.map((_, j) => j).filter((j) => !aliased[j]);
  const q = keep.length;
  if (q === 0) return 0;
  const m = new Float64Array(q * q);
  keep.forEach((j, a) => keep.forEach((l, b) => (m[a * q + b] = v[j * coef.length + l])));
  const b = Float64Array.from(keep, (j) => coef[j] - init[j]);
  const sol = Float64Array.from(b);
  cholesky2(m, q, toler);
  chsolve2(m, q, sol);
  let s = 0;
  for (let a = 0; a < q; a++) s += sol[a] * b[a];
  return s;
}

function matrixRows(v: Float64Array, p: number, aliased: readonly boolean[]): (number | null)[][] {
  return Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, l) => (aliased[j] || aliased[l] ? null : v[j * p + l])));
}

function validateCovariates(x: CoxCovariates, n: number): { names: string[]; columns: ArrayLike<number>[] } {
  if (x === null || typeof x !== "object" || !Array.isArray(x.names) || !Array.isArray(x.columns)) {
    throw new InputError("must be { names: string[], columns: number[][] }", { field: "x", value: x });
  }
  if (x.names.length === 0) throw new InputError("at least one covariate is needed", { field: "x.names", value: x.names });
  if (x.names.length !== x.columns.length) {
    throw new InputError(`${x.names.length} names but ${x.columns.length} columns`, { field: "x.columns", value: x.columns });
  }
  const seen = new Set<string>();
  x.names.forEach((name, j) => {
    if (typeof name !== "string" || name === "" || seen.has(name)) throw new InputError("names must be distinct non-empty strings", { field: "x.names", index: j, value: name });
    seen.add(name);
  });
  x.columns.forEach((col, j) => {
    const name = x.names[j];
    if (col === null || typeof col !== "object" || typeof col.length !== "number") throw new InputError("must be an array of numbers", { field: name, value: col });
    if (col.length !== n) throw new InputError(`length ${col.length} differs from the ${n} rows of y`, { field: name, value: col });
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (typeof v !== "number" || !Number.isFinite(v)) throw new InputError("covariates must be finite numbers", { field: name, index: i, value: v });
    }
  });
  return { names: [...x.names], columns: [...x.columns] };
}

function validateWeights(w: ArrayLike<number>, n: number): Float64Array {
  if (w === null || typeof w !== "object" || w.length !== n) throw new InputError(`must be an array of length ${n}`, { field: "weights", value: w });
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = w[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) throw new InputError("weights must be finite numbers > 0", { field: "weights", index: i, value: v });
    out[i] = v;
  }
  return out;
}

/** Codes 0..k−1 for labels in sorted label order (numbers numerically, else as strings), like R factor levels. */
function labelCodes(labels: ArrayLike<string | number>, n: number, field: string): { codes: Int32Array; labels: string[] } {
  if (labels === null || typeof labels !== "object" || labels.length !== n) throw new InputError(`must be an array of length ${n}`, { field, value: labels });
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (!((typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v !== ""))) {
      throw new InputError("labels must be finite numbers or non-empty strings", { field, index: i, value: v });
    }
  }
  const distinct = Array.from(new Set(Array.from(labels)));
  const allNumbers = distinct.every((v) => typeof v === "number");
  distinct.sort((a, b) => (allNumbers ? (a as number) - (b as number) : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  const index = new Map(distinct.map((v, k) => [v, k]));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = index.get(labels[i])!;
  return { codes, labels: distinct.map(String) };
}
