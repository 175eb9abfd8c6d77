import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { normal } from "../distributions/stdlib-normal";
import { chisqUpperTail } from "../distributions/chi-square-tail";
import { cholesky2, chsolve2 } from "../survival/cox-kernel";
import { checkGroupLabels, groupLevels } from "../survival/group-labels";
import { isSurv, type Surv } from "../survival/surv";
import { initialValues, SURVREG_DISTRIBUTIONS, type SurvregDistribution } from "./internal/survreg-distributions";
import { derivativesAtZero, interceptStart, type SurvregData, survregNewton } from "./internal/survreg-kernel";

export type { SurvregDistribution } from "./internal/survreg-distributions";

/** Covariates by named columns: `columns[j][i]` is covariate `names[j]` of subject i (no intercept column). */
export interface SurvregCovariates {
  readonly names: readonly string[];
  readonly columns: ReadonlyArray<ArrayLike<number>>;
}

export interface SurvregOptions {
  /** Default "weibull" (R's default). */
  readonly dist?: SurvregDistribution;
  /** Case weights > 0 (R `weights =`). */
  readonly weights?: ArrayLike<number>;
  /** One scale per stratum (R `+ strata(s)` in a survreg formula); labels in R's factor-level order. */
  readonly strata?: ArrayLike<string | number>;
  /** Fix the scale at this value (R `scale =`); exponential (1) and Rayleigh (0.5) fix it themselves. */
  readonly scale?: number;
  /** Starting values: the coefficients (intercept first), optionally followed by the log scale(s). */
  readonly init?: ArrayLike<number>;
  /** R survreg.control: maxiter 30, rel.tolerance 1e-9, toler.chol 1e-10. */
  readonly control?: { readonly maxiter?: number; readonly relTolerance?: number; readonly tolerChol?: number };
  /** Level for the coefficient intervals (default 0.95). */
  readonly confLevel?: number;
}

/** One row of R's summary(survreg) table (Value, Std. Error, z, p), with a Wald interval. */
export interface SurvregTerm {
  readonly name: string;
  /** R "Value". */
  readonly coef: number;
  /** R "Std. Error". */
  readonly se: number;
  readonly z: number;
  readonly pValue: number;
  readonly ciLower: number;
  readonly ciUpper: number;
}

/** Result of {@link survreg}: plain, frozen, JSON-serializable. */
export interface SurvregResult {
  readonly kind: "survreg";
  readonly dist: SurvregDistribution;
  /** R's name of the distribution ("Weibull", "Log Normal", …). */
  readonly distName: string;
  /** Location coefficients, "(Intercept)" first (R `coefficients`, on the log-time scale for the log families). */
  readonly terms: readonly SurvregTerm[];
  /** R's "Log(scale)" rows, one per stratum; empty when the scale is fixed. */
  readonly logScale: readonly SurvregTerm[];
  /** R `scale`: σ, one per stratum (the fixed value when fixed). */
  readonly scale: readonly number[];
  readonly scaleFixed: boolean;
  /** Stratum labels of the scales (null without strata). */
  readonly strata: readonly string[] | null;
  /**
   * Weibull/exponential/Rayleigh only (else null): shape k = 1/σ per stratum, as R's dweibull(shape = 1/σ,
   * scale = exp(lp)); exp(−β/σ) is then the hazard ratio of a covariate (one scale only).
   */
  readonly weibullShape: readonly number[] | null;
  /** R `var`: variance of (coefficients, log scales), names in `varianceNames`. */
  readonly variance: readonly (readonly number[])[];
  readonly varianceNames: readonly string[];
  /** R `loglik`: the intercept-only model's and this model's log-likelihood (on the time scale, Jacobian included). */
  readonly loglik: readonly [number, number];
  /** Likelihood-ratio χ² against the intercept-only model (R print's "Chisq"), df = covariates. */
  readonly chisq: number;
  readonly df: number;
  readonly pValue: number | null;
  /** R `iter`. */
  readonly iterations: number;
  readonly converged: boolean;
  readonly n: number;
  readonly nEvents: number;
  /** R `linear.predictors`: x′β for each subject (log-time scale for the log families). */
  readonly linearPredictors: readonly number[];
  readonly confLevel: number;
  readonly convention: string;
  readonly warnings: readonly string[];
}

/**
 * Parametric accelerated-failure-time regression for right-censored data, as R's survreg fits it:
 * g(T) = x′β + σ W with g = log for the Weibull (W extreme value), exponential (σ = 1), Rayleigh (σ = ½),
 * log-normal (W normal) and log-logistic (W logistic) models, g = identity for the extreme, logistic and
 * Gaussian ones. Maximum likelihood by survival's Newton–Raphson (survreg6: its starting values from an
 * intercept-only fit and a weighted least-squares step, step-halving, |1 − ℓ_old/ℓ_new| ≤ 1e-9, at most 30
 * iterations, covariates other than 0/1 centred and scaled during the iterations), so estimates, SEs
 * and log-likelihoods agree with R to rounding. The log-likelihood includes the Jacobian of the time
 * transformation (R adds Σ log(1/tᵢ) over the events), so it compares across distributions.
 *
 * Parameterisation, as R's: coefficients act on log time (exp(β) is a time ratio, >1 longer survival);
 * "Log(scale)" is log σ. For the Weibull, R's rweibull(shape = 1/σ, scale = exp(x′β)): shape k = 1/σ,
 * Weibull scale λ = exp(x′β), hazard h(t) = (k/λ)(t/λ)^(k−1), and the proportional-hazards coefficient is
 * −β/σ (hazard ratio exp(−β/σ)); lifelines' WeibullAFTFitter uses the same AFT form (its rho_ = 1/σ).
 * SPSS has no parametric survival regression (no survreg equivalent; its Cox and KM procedures only);
 * Stata's streg and SAS's PROC LIFEREG fit the same models (LIFEREG's "Scale" is σ, its Weibull shape 1/σ).
 * References: Kalbfleisch & Prentice (2002) ch. 2–3; Therneau, survreg technical report (Mayo TR 53).
 * Cost: O(iterations · n p²).
 *
 * @example
 * const y = surv([2, 3, 3, 5, 6, 8, 9, 12, 15, 20], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1]);
 * const fit = survreg(y, { names: ["x"], columns: [[0, 1, 0, 1, 1, 0, 0, 1, 0, 1]] });
 * fit.terms.map((t) => t.coef.toFixed(4)) // ["2.7127", "-0.3990"] (R survreg: 2.71267597, -0.39898216)
 * fit.scale[0].toFixed(4) // "0.6798" (R: 0.67979245)
 */
export function survreg(y: Surv, covariates: SurvregCovariates, options: SurvregOptions = {}): SurvregResult {
  checkOptions(options);
  if (!isSurv(y)) throw new InputError("must be a Surv built by surv()", { field: "y", value: y });
  if (y.kind !== "right")
    throw new InputError("survreg takes right-censored data (R survreg has no (start, stop] form)", {
      field: "y",
      value: y.kind,
    });
  const dist = options.dist ?? "weibull";
  const spec = SURVREG_DISTRIBUTIONS[dist as SurvregDistribution];
  if (spec === undefined)
    throw new InputError(`must be one of ${Object.keys(SURVREG_DISTRIBUTIONS).join(", ")}`, {
      field: "dist",
      value: dist,
    });
  const n = y.n;
  const names = validateNames(covariates, n);
  const p = names.length;
  const nvar = p + 1;
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1))
    throw new InputError("must be in (0, 1)", { field: "confLevel", value: confLevel });
  const control = { maxiter: 30, relTolerance: 1e-9, tolerChol: 1e-10, ...options.control };
  if (!Number.isInteger(control.maxiter) || control.maxiter < 0)
    throw new InputError("must be an integer ≥ 0", { field: "control.maxiter", value: control.maxiter });
  const warnings: string[] = [];
  const weight = new Float64Array(n).fill(1);
  if (options.weights !== undefined) {
    if (options.weights === null || options.weights.length !== n)
      throw new InputError(`must be an array of length ${n}`, { field: "weights", value: options.weights });
    for (let i = 0; i < n; i++) {
      const v = options.weights[i];
      if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
        throw new InputError("weights must be finite numbers > 0", { field: "weights", index: i, value: v });
      weight[i] = v;
    }
  }
  let fixedScale = spec.fixedScale;
  if (options.scale !== undefined) {
    if (typeof options.scale !== "number" || !(options.scale > 0) || !Number.isFinite(options.scale))
      throw new InputError("must be a finite number > 0", { field: "scale", value: options.scale });
    if (fixedScale !== null)
      warnings.push(`${spec.rName} has a fixed scale, user specified value ignored (as R warns)`);
    else fixedScale = options.scale;
  }
  const strataCodes = new Int32Array(n);
  let strataLabels: string[] | null = null;
  if (options.strata !== undefined) {
    const labels = checkGroupLabels(options.strata, "strata", n).map(String);
    strataLabels = groupLevels(labels) as string[];
    const index = new Map(strataLabels.map((l, k) => [l, k]));
    for (let i = 0; i < n; i++) strataCodes[i] = index.get(labels[i])!;
    if (strataLabels.length === 1) strataLabels = null;
  }
  const nstrat = strataLabels?.length ?? 1;
  if (fixedScale !== null && nstrat > 1)
    throw new InputError("a fixed scale is not valid with several strata (R: scale argument not valid)", {
      field: "strata",
      value: strataLabels,
    });
  const nstrat2 = fixedScale !== null ? 0 : nstrat;
  // The response on the model's scale.
  const yy = new Float64Array(n);
  let logcorrect = 0;
  for (let i = 0; i < n; i++) {
    const t = y.time[i];
    if (spec.logTime) {
      if (!(t > 0))
        throw new InputError(`${spec.rName} models log time: times must be > 0 (R: invalid survival times)`, {
          field: "y.time",
          index: i,
          value: t,
        });
      yy[i] = Math.log(t);
      if (y.event[i] === 1) logcorrect -= weight[i] * Math.log(t);
    } else yy[i] = t;
  }
  // X with the intercept; covariates other than 0/1 centred and scaled while iterating (survreg.fit does).
  const x = new Float64Array(n * nvar);
  const center = new Float64Array(nvar);
  const stdev = new Float64Array(nvar).fill(1);
  const binary = names.map((_, j) => {
    const col = covariates.columns[j];
    for (let i = 0; i < n; i++) if (col[i] !== 0 && col[i] !== 1) return false;
    return true;
  });
  const rescale = options.init === undefined && p > 0 && binary.some((b) => !b);
  for (let j = 0; j < p; j++) {
    const col = covariates.columns[j];
    if (rescale && !binary[j]) {
      let m = 0;
      for (let i = 0; i < n; i++) m += col[i];
      m /= n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (col[i] - m) ** 2;
      center[j + 1] = m;
      stdev[j + 1] = Math.sqrt(ss / (n - 1));
    }
  }
  for (let i = 0; i < n; i++) {
    x[i * nvar] = 1;
    for (let j = 0; j < p; j++) x[i * nvar + j + 1] = (covariates.columns[j][i] - center[j + 1]) / stdev[j + 1];
  }
  const data: SurvregData = { n, nvar, x, y: yy, status: y.event, weight, strata: strataCodes, base: spec.base };
  const fixedLog = fixedScale === null ? null : Math.log(fixedScale);
  const eps = control.relTolerance;
  const tol = control.tolerChol;
  let fit0: ReturnType<typeof survregNewton> | null = null;
  if (nvar > 1) {
    // The intercept-only fit depends on the rows only through (y, status, stratum): fitted on the
    // distinct combinations with summed weights it is the same fit (sums in another order), and with
    // times on a grid it costs nothing. Its start uses every row, as R's does.
    fit0 = survregNewton(collapseRows(data), interceptStart(data, fixedLog, nstrat2), nstrat2, 20, eps, tol);
  }
  let init: Float64Array;
  if (options.init !== undefined) {
    const given = Array.from(options.init as ArrayLike<number>);
    given.forEach((v, j) => {
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new InputError("must be a finite number", { field: "init", index: j, value: v });
    });
    let full = given;
    if (given.length === nvar && nstrat2 > 0) full = [...given, ...Array.from(fit0?.beta.subarray(1) ?? [])];
    if (full.length !== nvar + nstrat2)
      throw new InputError(`needs ${nvar} coefficients (intercept first) or ${nvar + nstrat2} values`, {
        field: "init",
        value: options.init,
      });
    init = Float64Array.from(fixedLog === null ? full : [...full, fixedLog]);
  } else {
    let vars: number[];
    if (fit0 === null) {
      const [, variance] = initialValues(spec.base, yy, weight);
      vars = new Array(Math.max(nstrat2, 1)).fill(fixedLog ?? Math.log(4 * variance) / 2);
    } else vars = Array.from(fit0.beta.subarray(1));
    const sigmaOf = (i: number): number => Math.exp(nstrat2 > 1 ? vars[strataCodes[i]] : vars[0]);
    const { dg, ddg } = derivativesAtZero(data, sigmaOf);
    // Weighted least squares: (X′WX) b = X′(W y + w dg), W = −ddg · w (coxph.wtest's solve).
    const xtwx = new Float64Array(nvar * nvar);
    const rhs = new Float64Array(nvar);
    for (let i = 0; i < n; i++) {
      const wt = -ddg[i] * weight[i];
      const r = wt * yy[i] + weight[i] * dg[i];
      for (let a = 0; a < nvar; a++) {
        const xa = x[i * nvar + a];
        rhs[a] += r * xa;
        const wxa = wt * xa;
        for (let b = 0; b <= a; b++) xtwx[a * nvar + b] += wxa * x[i * nvar + b];
      }
    }
    for (let a = 0; a < nvar; a++) for (let b = 0; b < a; b++) xtwx[b * nvar + a] = xtwx[a * nvar + b];
    cholesky2(xtwx, nvar, tol);
    chsolve2(xtwx, nvar, rhs);
    init = Float64Array.from([...rhs, ...vars]);
  }
  const fit = survregNewton(data, init, nstrat2, control.maxiter, eps, tol);
  if (!fit.converged && control.maxiter > 1) warnings.push("Ran out of iterations and did not converge");
  // Back to the covariates' own scale: β₀ − Σ β_j c_j/s_j, β_j/s_j, and V likewise (R's vtemp).
  const nPar = nvar + nstrat2;
  const T = new Float64Array(nPar * nPar);
  for (let a = 0; a < nPar; a++) T[a * nPar + a] = a < nvar ? 1 / stdev[a] : 1;
  for (let j = 1; j < nvar; j++) T[j] = -center[j] / stdev[j];
  const coefAll = new Float64Array(nPar);
  for (let a = 0; a < nPar; a++) {
    let s = 0;
    for (let b = 0; b < nPar; b++) s += T[a * nPar + b] * fit.beta[b];
    coefAll[a] = s;
  }
  const V: number[][] = Array.from({ length: nPar }, (_, a) =>
    Array.from({ length: nPar }, (_, b) => {
      let s = 0;
      for (let k = 0; k < nPar; k++) {
        if (T[a * nPar + k] === 0) continue;
        for (let l = 0; l < nPar; l++) s += T[a * nPar + k] * fit.variance[k * nPar + l] * T[b * nPar + l];
      }
      return s;
    }),
  );
  const zq = normal.quantile(1 - (1 - confLevel) / 2, 0, 1);
  const term = (name: string, k: number): SurvregTerm => {
    const se = Math.sqrt(V[k][k]);
    const z = coefAll[k] / se;
    return {
      name,
      coef: coefAll[k],
      se,
      z,
      pValue: 2 * normal.cdf(-Math.abs(z), 0, 1),
      ciLower: coefAll[k] - zq * se,
      ciUpper: coefAll[k] + zq * se,
    };
  };
  const coefNames = ["(Intercept)", ...names];
  const scaleNames =
    nstrat2 === 0 ? [] : strataLabels === null ? ["Log(scale)"] : strataLabels.map((l) => `Log(scale) ${l}`);
  const scale =
    nstrat2 === 0 ? [fixedScale as number] : Array.from({ length: nstrat2 }, (_, s) => Math.exp(coefAll[nvar + s]));
  const loglikModel = fit.loglik + logcorrect;
  const loglikNull = (fit0 === null ? fit.loglik : fit0.loglik) + logcorrect;
  const chisq = 2 * (loglikModel - loglikNull);
  const lp = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < nvar; j++) s += x[i * nvar + j] * fit.beta[j];
    lp[i] = s;
  }
  let nEvents = 0;
  for (let i = 0; i < n; i++) nEvents += y.event[i];
  const weibullType = spec.base === "extreme" && spec.logTime;
  return deepFreeze({
    kind: "survreg" as const,
    dist,
    distName: spec.rName,
    terms: coefNames.map((nm, k) => term(nm, k)),
    logScale: scaleNames.map((nm, s) => term(nm, nvar + s)),
    scale,
    scaleFixed: nstrat2 === 0,
    strata: strataLabels,
    weibullShape: weibullType ? scale.map((s) => 1 / s) : null,
    variance: V,
    varianceNames: [...coefNames, ...scaleNames],
    loglik: [loglikNull, loglikModel] as [number, number],
    chisq,
    df: p,
    pValue: p > 0 ? chisqUpperTail(Math.max(0, chisq), p) : null,
    iterations: fit.iterations,
    converged: fit.converged,
    n,
    nEvents,
    linearPredictors: Object.freeze(lp), // frozen here: deepFreeze would list 10⁶ keys
    confLevel,
    convention: `R survival::survreg(dist = "${dist}")${strataLabels ? " with strata" : ""}`,
    warnings,
  });
}

function validateNames(x: SurvregCovariates, n: number): string[] {
  if (x === null || typeof x !== "object" || !Array.isArray(x.names) || !Array.isArray(x.columns))
    throw new InputError("must be { names: string[], columns: number[][] } (names may be empty)", {
      field: "covariates",
      value: x,
    });
  if (x.names.length !== x.columns.length)
    throw new InputError(`${x.names.length} names but ${x.columns.length} columns`, {
      field: "covariates.columns",
      value: x.columns,
    });
  const seen = new Set<string>(["(Intercept)"]);
  x.names.forEach((name, j) => {
    if (typeof name !== "string" || name === "" || seen.has(name))
      throw new InputError("names must be distinct non-empty strings other than (Intercept)", {
        field: "covariates.names",
        index: j,
        value: name,
      });
    seen.add(name);
    const col = x.columns[j];
    if (col === null || typeof col !== "object" || typeof col.length !== "number")
      throw new InputError("must be an array of numbers", { field: name, value: col });
    if (col.length !== n)
      throw new InputError(`length ${col.length} differs from the ${n} rows of y`, { field: name, value: col });
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new InputError("covariates must be finite numbers", { field: name, index: i, value: v });
    }
  });
  return [...x.names];
}

/** The rows as distinct (y, status, stratum) with summed weights and an intercept column only. */
function collapseRows(d: SurvregData): SurvregData {
  // One numeric-keyed map per (stratum, status): Map lookups on numbers avoid a string per row.
  const maps = new Map<number, Map<number, number>>();
  const y: number[] = [];
  const status: number[] = [];
  const strata: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < d.n; i++) {
    const group = d.strata[i] * 2 + d.status[i];
    let index = maps.get(group);
    if (index === undefined) {
      index = new Map();
      maps.set(group, index);
    }
    const k = index.get(d.y[i]);
    if (k === undefined) {
      index.set(d.y[i], y.length);
      y.push(d.y[i]);
      status.push(d.status[i]);
      strata.push(d.strata[i]);
      weight.push(d.weight[i]);
    } else weight[k] += d.weight[i];
  }
  const m = y.length;
  return {
    n: m,
    nvar: 1,
    x: new Float64Array(m).fill(1),
    y: Float64Array.from(y),
    status: Uint8Array.from(status),
    weight: Float64Array.from(weight),
    strata: Int32Array.from(strata),
    base: d.base,
  };
}
