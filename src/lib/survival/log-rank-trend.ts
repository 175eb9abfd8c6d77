import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { statResult, type StatResult } from "../core/result";
import { chisqUpperTail } from "../distributions/chi-square-tail";
import { logRank, type LogRankDetails, type LogRankOptions } from "./log-rank";
import type { Surv } from "./surv";

/** Options of {@link logRankTrend}. */
export interface LogRankTrendOptions extends LogRankOptions {
  /** Score per group label (e.g. the ECOG grade); default 1, 2, …, k in logRank's group order. */
  readonly scores?: Readonly<Record<string, number>>;
}

/** Details of {@link logRankTrend}: logRank's, plus the scores and the variance of U. */
export interface LogRankTrendDetails extends LogRankDetails {
  /** Score per group, in the order of `groups`. */
  readonly scores: readonly number[];
  /** wᵀVw, the variance of U = Σ w (O − E). */
  readonly varianceOfU: number;
}

/**
 * Log-rank test for trend across ordered groups: with scores w_k, U = Σ w_k (O_k − E_k) and
 * χ² = U² / (wᵀ V w) on 1 df, from the same observed, expected and variance matrix as {@link logRank}
 * (G-rho weights and strata honoured). More powerful than the k − 1 df test when risk changes
 * monotonically with the group order. The estimate reported is U (negative: higher scores, fewer deaths
 * than expected).
 *
 * Reference: Collett D (2015) Modelling Survival Data in Medical Research, 3rd ed., §2.7; Peto R et al.
 * (1977) Br J Cancer 35:1. R: from survdiff's obs, exp and var (no built-in option; written out in
 * tests/fixtures/survival-km/make-fixtures.R). SPSS 27: KM /TEST LOGRANK /TREND (with the group codes as
 * scores). Cost: O(n log n).
 *
 * @example
 * logRankTrend(surv([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 0]), [1, 1, 2, 2, 3, 3]).df // 1
 */
export function logRankTrend(
  y: Surv,
  groups: ArrayLike<string | number>,
  options: LogRankTrendOptions = {},
): StatResult<LogRankTrendDetails> {
  checkOptions(options);
  const base = logRank(y, groups, options);
  const d = base.details;
  const k = d.groups.length;
  if (k < 3)
    throw new InputError(`a trend needs at least 3 ordered groups, got ${k} (${d.groups.join(", ")}); use logRank`, {
      field: "groups",
      value: d.groups,
    });
  const w = d.groups.map((g, i) => {
    if (options.scores === undefined) return i + 1;
    const v = options.scores[g];
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new InputError(`no finite score for group "${g}"`, { field: "options.scores", value: options.scores });
    return v;
  });
  let u = 0;
  let vw = 0;
  for (let a = 0; a < k; a++) {
    u += w[a] * (d.observed[a] - d.expected[a]);
    for (let b = 0; b < k; b++) vw += w[a] * d.variance[a][b] * w[b];
  }
  const statistic = vw > 0 ? (u * u) / vw : NaN;
  return statResult({
    test: "logrank-trend",
    method: "Log-rank test for trend",
    convention: `scores ${d.groups.map((g, i) => `${g} = ${w[i]}`).join(", ")}; ${base.convention}`,
    statisticName: "Chisq",
    statistic,
    df: 1,
    pValue: Number.isFinite(statistic) ? chisqUpperTail(statistic, 1) : null,
    estimateName: "U = Σ w (O − E)",
    estimate: u,
    n: base.n,
    warnings: vw > 0 ? base.warnings : [...base.warnings, "wᵀVw = 0: no information on a trend"],
    details: { ...base.details, scores: w, varianceOfU: vw },
  });
}
