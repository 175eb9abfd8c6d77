import { checkOptions } from "../core/check-options";
import { deepFreeze } from "../core/freeze";
import { coxPH, type CoxCovariates, type CoxResult } from "./cox-ph";
import type { Surv } from "./surv";
import { heuristicShrinkage } from "./heuristic-shrinkage";
import { resamplesFor } from "./bootstrap-resamples";
import { checkRightCensored, resampleRows } from "./internal/resample";

/** Options of {@link coxOptimism}. */
export interface CoxOptimismOptions {
  /** Number of resamples (default 200, as rms::validate's B = 200 is a common choice). */
  readonly replicates?: number;
  readonly seed?: number;
  readonly resamples?: ReadonlyArray<ArrayLike<number>>;
  readonly ties?: "efron" | "breslow";
}

/** Apparent, optimism and optimism-corrected value of one performance index. */
export interface OptimismIndex {
  readonly apparent: number;
  readonly optimism: number;
  readonly corrected: number;
}

/** Result of {@link coxOptimism}: frozen, JSON-serializable. */
export interface CoxOptimismResult {
  readonly kind: "cox-optimism";
  readonly method: string;
  /** Harrell's concordance (R's coxph concordance: ties in the predictor count ½). */
  readonly concordance: OptimismIndex;
  /** Somers' Dxy = 2(C − ½), the scale rms::validate reports. */
  readonly dxy: OptimismIndex;
  /** Calibration slope of the linear predictor: apparent 1; corrected = the bootstrap shrinkage factor. */
  readonly slope: OptimismIndex;
  /** Van Houwelingen–le Cessie heuristic shrinkage of the original fit, for comparison. */
  readonly heuristicShrinkage: number;
  readonly replicates: number;
  readonly seed: number | null;
  readonly monotone: number;
  readonly nonConverged: number;
  /** Per replicate: C in the resample, C of its coefficients in the original data, and the slope there. */
  readonly perReplicate: {
    readonly apparentC: readonly number[];
    readonly testC: readonly number[];
    readonly slope: readonly (number | null)[];
  };
  readonly warnings: readonly string[];
}

/**
 * Harrell's bootstrap estimate of a Cox model's optimism: in each resample, refit the model and measure
 * its performance there (apparent) and, with the same coefficients, in the original patients (test);
 * the mean difference is the optimism, subtracted from the original model's apparent performance.
 * Indices: Harrell's concordance C (and Dxy = 2C − 1), and the calibration slope — the coefficient of
 * the resample's linear predictor refitted on the original data (apparent 1 by definition; its
 * corrected value is the factor by which the hazard ratios' logs should shrink). Only the model fit is
 * repeated: if the covariates were chosen by a screen, the screen must be repeated too for an honest
 * estimate (Steyerberg 2019, §17.3), so this understates the optimism of a screened model.
 *
 * Reference: Harrell FE, Lee KL, Mark DB (1996) Stat Med 15:361–387; Harrell (2015) Regression Modeling
 * Strategies, 2nd ed., §5.3. R: `rms::validate(cph(..., x = TRUE, y = TRUE), B = 200)` (Dxy and Slope rows;
 * rms resamples with its own stream). SPSS: none. Cost: O(replicates × (Newton fit + 2 fits) × n p²).
 *
 * @example
 * const y = surv([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1]);
 * const x = { names: ["x"], columns: [[1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1]] };
 * coxOptimism(y, x, { replicates: 50, seed: 2 }).concordance.apparent // 0.47917
 */
export function coxOptimism(y: Surv, x: CoxCovariates, options: CoxOptimismOptions = {}): CoxOptimismResult {
  checkOptions(options);
  checkRightCensored(y);
  const ties = options.ties ?? "efron";
  const original = coxPH(y, x, { ties });
  const resamples = resamplesFor(y.n, {
    replicates: options.replicates ?? 200,
    seed: options.seed,
    resamples: options.resamples,
  });
  const apparentC: number[] = [];
  const testC: number[] = [];
  const slope: number[] = [];
  let monotone = 0;
  let nonConverged = 0;
  for (const idx of resamples) {
    const r = resampleRows(y, x, idx);
    const fit = coxPH(r.y, r.x, { ties });
    if (fit.possiblyInfinite) monotone++;
    if (!fit.converged) nonConverged++;
    // R's NA (a covariate constant in the resample) contributes nothing to the linear predictor.
    const beta = fit.terms.map((t) => t.coef ?? 0);
    apparentC.push(fit.concordance.concordance);
    testC.push(concordanceAt(y, x, beta, ties));
    slope.push(calibrationSlope(y, x, beta, ties));
  }
  const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const cApparent = original.concordance.concordance;
  const cOptimism = mean(apparentC) - mean(testC);
  // A resample in which every covariate is constant has no linear predictor to calibrate.
  const slopes = slope.filter((v) => !Number.isNaN(v));
  const slopeOptimism = 1 - mean(slopes);
  const index = (apparent: number, optimism: number): OptimismIndex => ({
    apparent,
    optimism,
    corrected: apparent - optimism,
  });
  const warnings: string[] = [];
  if (monotone > 0)
    warnings.push(
      `${monotone} of ${resamples.length} resamples had monotone likelihood (a coefficient running off to ` +
        `infinity); their coefficients are where the fit stopped`,
    );
  if (nonConverged > 0) warnings.push(`${nonConverged} resample fit(s) did not converge`);
  if (slopes.length < slope.length)
    warnings.push(
      `${slope.length - slopes.length} resample(s) with every covariate constant: no calibration slope, left ` +
        `out of its mean`,
    );
  return deepFreeze({
    kind: "cox-optimism",
    method:
      `Harrell's bootstrap optimism, ${resamples.length} replicates, ${ties} ties (model refitted; no variable ` +
      `selection repeated)`,
    concordance: index(cApparent, cOptimism),
    dxy: index(2 * cApparent - 1, 2 * cOptimism),
    slope: index(1, slopeOptimism),
    heuristicShrinkage: heuristicShrinkage(original),
    replicates: resamples.length,
    seed: options.resamples ? null : (options.seed ?? 1),
    monotone,
    nonConverged,
    perReplicate: { apparentC, testC, slope: slope.map((v) => (Number.isNaN(v) ? null : v)) },
    warnings,
  });
}

/** Harrell's C of fixed coefficients in the data: coxPH evaluated at init = β without iterating (R: iter.max = 0). */
function concordanceAt(y: Surv, x: CoxCovariates, beta: readonly number[], ties: "efron" | "breslow"): number {
  return coxPH(y, x, { ties, init: beta, control: { iterMax: 0 } }).concordance.concordance;
}

/** Coefficient of the linear predictor Xβ refitted as the only covariate (calibration slope). */
function calibrationSlope(y: Surv, x: CoxCovariates, beta: readonly number[], ties: "efron" | "breslow"): number {
  const n = y.n;
  const lp = new Float64Array(n);
  for (let j = 0; j < beta.length; j++) {
    const col = x.columns[j];
    for (let i = 0; i < n; i++) lp[i] += beta[j] * col[i];
  }
  const fit: CoxResult = coxPH(y, { names: ["linear predictor"], columns: [lp] }, { ties });
  // A constant linear predictor (all β = 0) has no slope (R: NA).
  return fit.terms[0].coef ?? NaN;
}
