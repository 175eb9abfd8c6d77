import { checkOptions } from "../core/check-options";
import { deepFreeze } from "../core/freeze";
import { InputError } from "../core/errors";
import { quantile } from "../hypothesis/quantile";
import { coxPH, coxPHTerms, type CoxCovariates } from "./cox-ph";
import type { Surv } from "./surv";
import { resamplesFor } from "./bootstrap-resamples";
import { checkRightCensored, resampleRows } from "./internal/resample";

/** Options of {@link coxBootstrap}. */
export interface CoxBootstrapOptions {
  /**
   * Number of resamples (default 999, so that (B + 1)·α/2 is an integer and the percentile limits are order
   * statistics).
   */
  readonly replicates?: number;
  /** Seed of the resampling (default 1). */
  readonly seed?: number;
  /** Your own resamples (index vectors of length n) instead of seeded ones, e.g. R's. */
  readonly resamples?: ReadonlyArray<ArrayLike<number>>;
  readonly ties?: "efron" | "breslow";
  readonly confLevel?: number;
}

/** One coefficient: the original estimate, its bootstrap distribution's summaries and percentile CI. */
export interface CoxBootstrapTerm {
  readonly name: string;
  /** Coefficient of the fit to the original data. */
  readonly estimate: number;
  readonly bootstrapMean: number;
  /** bootstrapMean − estimate. */
  readonly bias: number;
  readonly bootstrapSe: number;
  /** Model-based (Wald) SE of the original fit, for comparison. */
  readonly modelSe: number;
  readonly percentileLower: number;
  readonly percentileUpper: number;
  readonly hazardRatio: number;
  readonly hazardRatioLower: number;
  readonly hazardRatioUpper: number;
}

/** Result of {@link coxBootstrap}: frozen, JSON-serializable. */
export interface CoxBootstrapResult {
  readonly kind: "cox-bootstrap";
  readonly method: string;
  readonly terms: readonly CoxBootstrapTerm[];
  readonly replicates: number;
  readonly seed: number | null;
  readonly confLevel: number;
  /** Replicates whose fit did not converge. */
  readonly nonConverged: number;
  /** Replicates in which a coefficient ran off to infinity (monotone likelihood: e.g. no deaths among the treated). */
  readonly monotone: number;
  /** Coefficients per replicate (replicate × term), for histograms. */
  readonly coefficients: readonly (readonly number[])[];
  readonly warnings: readonly string[];
}

/**
 * Nonparametric (case-resampling) bootstrap of a Cox model: refits coxPH on `replicates` resamples of
 * the patients and reports, per coefficient, the bootstrap mean, bias, SE and the percentile confidence
 * interval (type-6 quantiles, i.e. the (B + 1)·α/2-th order statistic, which is boot.ci's "perc" when
 * (B + 1)·α/2 is an integer), exponentiated for the hazard ratio. With few events and binary covariates
 * some resamples separate (every death in one group): the coefficient runs off to infinity and coxPH
 * warns. Those replicates are kept at the value where the fit stopped (as R's boot would) and counted
 * in `monotone`; when they exceed the tail share α/2 the percentile limit on that side is not a number
 * one can trust, and a warning says so.
 *
 * Reference: Efron & Tibshirani (1993) ch. 13; Davison & Hinkley (1997) §5.2. R:
 * `boot::boot(data, function(d, i) coef(coxph(Surv(t, e) ~ x, data = d[i, ])), R = 999)` then
 * `boot.ci(type = "perc")`. SPSS: COXREG has no bootstrap (the BOOTSTRAP command does not support it).
 * Cost: O(replicates × Newton iterations × n p²).
 *
 * @example
 * const y = surv([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1]);
 * const fit = coxBootstrap(y, { names: ["x"], columns: [[1, 0, 1, 1, 0, 0, 1, 0, 1, 0]] }, { replicates: 99, seed: 1
 * });
 * fit.terms[0].estimate // 0.31559 (R coxph, Efron: 0.3155884)
 */
export function coxBootstrap(y: Surv, x: CoxCovariates, options: CoxBootstrapOptions = {}): CoxBootstrapResult {
  checkOptions(options);
  checkRightCensored(y);
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1))
    throw new InputError("must be in (0, 1)", { field: "options.confLevel", value: confLevel });
  const ties = options.ties ?? "efron";
  const original = coxPH(y, x, { ties });
  const estimates = original.terms.map((t, j) => {
    if (t.coef === null)
      throw new InputError("coefficient is not estimable in the original data (constant or redundant covariate)", {
        field: "x.names",
        index: j,
        value: t.name,
      });
    return t.coef;
  });
  const resamples = resamplesFor(y.n, {
    replicates: options.replicates ?? 999,
    seed: options.seed,
    resamples: options.resamples,
  });
  const coefficients: number[][] = [];
  let nonConverged = 0;
  let monotone = 0;
  for (const idx of resamples) {
    const r = resampleRows(y, x, idx);
    const fit = coxPHTerms(r.y, r.x, { ties }); // coxPH's terms and flags, without what is not read here
    if (!fit.converged) nonConverged++;
    if (fit.possiblyInfinite) monotone++;
    // A covariate constant in the resample has no estimate (R: NA); 0 is not right either, so NaN
    // marks it and it is excluded from that term's summaries (counted in the warnings).
    coefficients.push(fit.terms.map((t) => (t.coef === null ? NaN : t.coef)));
  }
  const alpha = 1 - confLevel;
  const warnings: string[] = [];
  const terms = x.names.map((name, j): CoxBootstrapTerm => {
    const values = coefficients.map((c) => c[j]).filter((v) => !Number.isNaN(v));
    const dropped = coefficients.length - values.length;
    if (dropped > 0)
      warnings.push(
        `${name}: constant in ${dropped} resample(s), not estimable there; summaries use the other ${values.length}`,
      );
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
    const [lower, upper] = quantile(values, [alpha / 2, 1 - alpha / 2], { type: 6 });
    return {
      name,
      estimate: estimates[j],
      bootstrapMean: mean,
      bias: mean - estimates[j],
      bootstrapSe: sd,
      modelSe: original.terms[j].se!,
      percentileLower: lower,
      percentileUpper: upper,
      hazardRatio: Math.exp(estimates[j]),
      hazardRatioLower: Math.exp(lower),
      hazardRatioUpper: Math.exp(upper),
    };
  });
  if (monotone > (alpha / 2) * resamples.length) {
    warnings.push(
      `${monotone} of ${resamples.length} resamples had monotone likelihood (a coefficient running off to ` +
        `infinity): more than the α/2 tail, so a percentile limit sits on a divergent fit`,
    );
  }
  if (nonConverged > 0) warnings.push(`${nonConverged} resample fit(s) did not converge`);
  return deepFreeze({
    kind: "cox-bootstrap",
    method: `case-resampling bootstrap, ${resamples.length} replicates, percentile CI (type-6 quantiles), ${ties} ties`,
    terms,
    replicates: resamples.length,
    seed: options.resamples ? null : (options.seed ?? 1),
    confLevel,
    nonConverged,
    monotone,
    coefficients,
    warnings,
  });
}
