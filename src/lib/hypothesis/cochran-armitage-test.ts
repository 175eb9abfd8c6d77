import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import type { Alternative } from "../core/result";
import { statResult, type StatResult } from "../core/result";
import { normalPValue } from "../distributions";
import { checkAlternative, checkChoice, checkSample } from "./internal/validate";

/** Options of {@link cochranArmitageTest}. */
export interface CochranArmitageOptions {
  /** Scores of the ordered groups; default 1, 2, …, k. */
  readonly scores?: ArrayLike<number>;
  /**
   * "r": variance p(1 − p)·Σ n_i (s_i − s̄)², statistic N·r² (stats::prop.trend.test);
   * "spss": conditional variance with N − 1, statistic (N − 1)·r², SPSS CROSSTABS "Linear-by-Linear
   * Association" (also coin::lbl_test). Default "spss".
   */
  readonly convention?: "spss" | "r";
  readonly alternative?: Alternative;
}

/** Details of {@link cochranArmitageTest}. */
export interface CochranArmitageDetails {
  /** Signed Z = T / sqrt(Var T) (statistic = Z²). */
  readonly z: number;
  /** T = Σ x_i (s_i − s̄). */
  readonly trendStatistic: number;
  readonly variance: number;
  readonly scores: readonly number[];
  readonly meanScore: number;
  readonly overallProportion: number;
}

/**
 * Cochran–Armitage test for a linear trend in proportions events[i] / totals[i] across ordered
 * groups with scores s_i. T = Σ x_i (s_i − s̄), s̄ = Σ n_i s_i / N; Z = T / sqrt(Var T); X² = Z².
 *
 * Reference: Armitage P (1955) Biometrics 11:375; Agresti (2013) §3.4.6.
 * R: stats::prop.trend.test(x, n, score) (= N·r²); coin::lbl_test (= (N − 1)·r²).
 * SPSS 27: CROSSTABS /STATISTICS=CHISQ "Linear-by-Linear Association" (= (N − 1)·r²).
 * Cost: O(k).
 *
 * @example
 * cochranArmitageTest([5, 8, 12], [20, 20, 20], { convention: "r" }).statistic // 5.04
 */
export function cochranArmitageTest(
  events: ArrayLike<number>,
  totals: ArrayLike<number>,
  options: CochranArmitageOptions = {},
): StatResult<CochranArmitageDetails> {
  checkOptions(options);
  const convention = checkChoice(options.convention, ["spss", "r"] as const, "spss", "options.convention");
  const alternative = checkAlternative(options.alternative, "options.alternative");
  const x = checkSample(events, "events", 2);
  const n = checkSample(totals, "totals", 2);
  if (n.length !== x.length)
    throw new InputError(`must have one total per group (${x.length})`, { field: "totals", value: totals });
  const k = x.length;
  for (let i = 0; i < k; i++) {
    if (!Number.isInteger(x[i]) || x[i] < 0)
      throw new InputError("a count must be a non-negative integer", { field: "events", index: i, value: x[i] });
    if (!Number.isInteger(n[i]) || n[i] <= 0)
      throw new InputError("a group total must be a positive integer", { field: "totals", index: i, value: n[i] });
    if (x[i] > n[i])
      throw new InputError(`events exceed the group total ${n[i]}`, { field: "events", index: i, value: x[i] });
  }
  const s =
    options.scores === undefined
      ? Float64Array.from({ length: k }, (_, i) => i + 1)
      : checkSample(options.scores, "options.scores", k);
  if (s.length !== k)
    throw new InputError(`needs one score per group (${k})`, { field: "options.scores", value: options.scores });
  let bigN = 0;
  let events_ = 0;
  let sBar = 0;
  for (let i = 0; i < k; i++) {
    bigN += n[i];
    events_ += x[i];
    sBar += n[i] * s[i];
  }
  sBar /= bigN;
  const p = events_ / bigN;
  let tStat = 0;
  let ss = 0;
  for (let i = 0; i < k; i++) {
    tStat += x[i] * (s[i] - sBar);
    ss += n[i] * (s[i] - sBar) * (s[i] - sBar);
  }
  const factor = convention === "spss" ? bigN / (bigN - 1) : 1;
  const variance = p * (1 - p) * ss * factor;
  const z = tStat / Math.sqrt(variance);
  const warnings: string[] = [];
  if (!(variance > 0)) warnings.push("zero variance (all or no events, or a single score): the test is undefined");
  return statResult({
    test: "cochran-armitage",
    method: "Cochran–Armitage test for trend in proportions",
    convention:
      convention === "r"
        ? "R stats::prop.trend.test (N·r²)"
        : "SPSS 27 CROSSTABS Linear-by-Linear Association ((N − 1)·r²; = coin::lbl_test)",
    statisticName: "X-squared",
    statistic: z * z,
    df: 1,
    pValue: normalPValue(z, alternative),
    alternative,
    n: bigN,
    warnings,
    details: { z, trendStatistic: tStat, variance, scores: Array.from(s), meanScore: sBar, overallProportion: p },
  });
}
