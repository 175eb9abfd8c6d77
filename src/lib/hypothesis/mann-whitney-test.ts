import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import type { Alternative } from "../core/result";
import { statResult, type StatResult } from "../core/result";
import { normalPValue, normalQuantile } from "../distributions";
import {
  conditionalPValue,
  lowerTail,
  mannWhitneyNull,
  nullQuantile,
  tiedRankSumNull,
  upperTail,
} from "./internal/exact-rank-distributions";
import { midRanks } from "./mid-ranks";
import { pairwiseDifferenceQuantiles } from "./internal/pairwise-differences";
import { invertNormalStatistic } from "./internal/root";
import { checkAlternative, checkChoice, checkConfLevel, checkSample } from "./internal/validate";

/** Options of {@link mannWhitneyTest}. */
export interface MannWhitneyOptions {
  /**
   * Which software's p-value: "spss" (default): SPSS 27 NPAR TESTS /M-W — Z with tie correction and no
   * continuity correction, "Asymp. Sig. (2-tailed)", plus "Exact Sig. [2*(1-tailed Sig.)]" in details
   * when N ≤ 40 (tie-free null distribution, "not corrected for ties"). "r": stats::wilcox.test — exact p
   * when both n < 50 and no ties, otherwise normal with continuity correction. The statistic is W under
   * both (see {@link mannWhitneyTest}).
   */
  readonly convention?: "spss" | "r";
  /**
   * Force the exact (true) or normal (false) p-value; default per convention. With ties, exact: true
   * uses the conditional permutation distribution of the mid-rank sum (exactRankTests::wilcox.exact,
   * two-sided P(|T − E| ≥ |t − E|)); the estimate and interval are then the asymptotic ones.
   */
  readonly exact?: boolean;
  /** Continuity correction of the normal approximation; default false under "spss", true under "r". */
  readonly correct?: boolean;
  readonly alternative?: Alternative;
  readonly confLevel?: number;
  /**
   * Compute the Hodges–Lehmann estimate and its confidence interval (R's `conf.int`, default true). With
   * false, `estimate` and `ci` are null and `details.ciMethod` is "not computed": for screens and
   * resampling that need only the p-value, where the interval's root search costs most of the time.
   */
  readonly confInt?: boolean;
}

/**
/** Details of {@link mannWhitneyTest}: every statistic SPSS and R print. */
export interface MannWhitneyDetails {
  /** SPSS's "Mann-Whitney U" = min(U1, U2). */
  readonly U: number;
  /** U of x (= the statistic, R's W) and U of y; U1 + U2 = m·n. */
  readonly U1: number;
  readonly U2: number;
  /** SPSS's "Wilcoxon W": the rank sum of the smaller group (with equal sizes, the smaller rank sum). */
  readonly wilcoxonW: number;
  readonly rankSums: readonly [number, number];
  readonly meanRanks: readonly [number, number];
  readonly sizes: readonly [number, number];
  /** Σ(t³ − t) over tie groups. */
  readonly tieCorrection: number;
  /** Standardized U1 behind the normal p-value (with the continuity correction when it is applied). */
  readonly z: number;
  /** SPSS's "Z": (min(U1, U2) − mn/2) / σ, tie-corrected, no continuity correction (≤ 0). */
  readonly zSpss: number;
  /** SPSS's "Exact Sig. [2*(1-tailed Sig.)]" (tie-free), printed for N ≤ 40; else null. */
  readonly exactSig2x1Tailed: number | null;
  readonly exact: boolean;
  readonly exactWithTies: boolean;
  readonly continuityCorrection: boolean;
  /** How the shift estimate and interval were obtained: "exact", "asymptotic", or "not computed" (confInt false). */
  readonly ciMethod: string;
}

/**
 * Mann–Whitney U / Wilcoxon rank-sum test of x versus y, with the Hodges–Lehmann shift estimate
 * (location of x − y) and its confidence interval as R wilcox.test(conf.int = TRUE): exact
 * (order statistics of the m·n pairwise differences, selected without forming them) or asymptotic
 * (inverting the normal statistic with R's uniroot path and tolerance, the statistic at each shift
 * evaluated by one merge of the sorted samples).
 *
 * `statistic` is R's W = U1, the Mann–Whitney U of x (the rank sum of x minus m(m + 1)/2), under both
 * conventions; the convention chooses the p-value. SPSS's U (= min(U1, U2)), its Wilcoxon W (the rank
 * sum of the smaller group — a different number from R's W) and its Z are in `details` (`U`,
 * `wilcoxonW`, `zSpss`).
 *
 * Reference: Mann HB, Whitney DR (1947) Ann Math Stat 18:50; Hollander M, Wolfe DA, Chicken E.
 * Nonparametric Statistical Methods, 3rd ed. (2014) ch. 4; Bauer DF (1972) JASA 67:687 (CI); Monahan JF
 * (1984) ACM TOMS 10:265 (selecting among the pairwise differences).
 * R: stats::wilcox.test(x, y, exact = NULL, correct = TRUE, conf.int = TRUE). SPSS 27: NPAR TESTS
 * /M-W = v BY g (Z tie-corrected, no continuity correction; exact for N ≤ 40, IBM NPAR TESTS docs).
 * Cost: O((m + n) log(m + n)) for the test; for the interval O((m + n) log(m + n)) per root-finding step
 * (asymptotic) or expected O((m + n) log(mn)) per order statistic (exact); O(m²n²) for the exact null.
 *
 * @example
 * const r = mannWhitneyTest([5, 3, 7, 7, 2, 8, 5, 9, 6, 5], [1, 3, 2, 4, 5, 3, 2, 6]);
 * r.statistic // 65 (R's W = U of x)
 * r.details.U // 15 (SPSS's U = min(U1, U2))
 * r.details.zSpss // -2.244593
 * r.pValue // 0.024794
 */
export function mannWhitneyTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: MannWhitneyOptions = {},
): StatResult<MannWhitneyDetails> {
  checkOptions(options);
  const convention = checkChoice(options.convention, ["spss", "r"] as const, "spss", "options.convention");
  const alternative = checkAlternative(options.alternative, "options.alternative");
  const confLevel = checkConfLevel(options.confLevel, "options.confLevel");
  const xs = checkSample(x, "x", 1);
  const ys = checkSample(y, "y", 1);
  const correct = options.correct ?? convention === "r";
  if (typeof correct !== "boolean")
    throw new InputError("must be true or false", { field: "options.correct", value: correct });
  const confInt = options.confInt ?? true;
  if (typeof confInt !== "boolean")
    throw new InputError("must be true or false", { field: "options.confInt", value: confInt });
  const m = xs.length;
  const n = ys.length;
  const all = new Float64Array(m + n);
  all.set(xs, 0);
  all.set(ys, m);
  const { ranks, tieSum } = midRanks(all);
  let r1 = 0;
  for (let i = 0; i < m; i++) r1 += ranks[i];
  const r2 = ((m + n) * (m + n + 1)) / 2 - r1;
  const u1 = r1 - (m * (m + 1)) / 2;
  const u2 = m * n - u1;
  const hasTies = tieSum > 0;
  const big = m + n;
  const sigma = Math.sqrt(((m * n) / 12) * (big + 1 - tieSum / (big * (big - 1))));
  const zFor = (cc: boolean, alt: Alternative): number => {
    const dz = u1 - (m * n) / 2;
    const corr = !cc ? 0 : alt === "two-sided" ? Math.sign(dz) * 0.5 : alt === "greater" ? 0.5 : -0.5;
    return (dz - corr) / sigma;
  };
  const exactDefault = convention === "r" ? m < 50 && n < 50 && !hasTies : false;
  const useExact = options.exact ?? exactDefault;
  const tiedExact = useExact && hasTies;
  let nullDist: Float64Array | null = null;
  const getNull = (): Float64Array => (nullDist ??= mannWhitneyNull(m, n));

  const warnings: string[] = [];
  let pValue: number;
  if (tiedExact) {
    const scores = Int32Array.from(ranks, (r) => Math.round(2 * r));
    pValue = conditionalPValue(tiedRankSumNull(scores, m), Math.round(2 * r1), alternative);
  } else if (useExact) {
    const probs = getNull();
    if (alternative === "two-sided") {
      const p = u1 > (m * n) / 2 ? upperTail(probs, u1 - 1) : lowerTail(probs, u1);
      pValue = Math.min(1, 2 * p);
    } else pValue = alternative === "greater" ? upperTail(probs, u1 - 1) : lowerTail(probs, u1);
  } else {
    pValue = sigma > 0 ? normalPValue(zFor(correct, alternative), alternative) : NaN;
    if (sigma === 0) warnings.push("all values are tied: the normal approximation is undefined");
  }

  // SPSS's "Exact Sig. [2*(1-tailed Sig.)]": tie-free distribution at U = min(U1, U2), printed for N ≤ 40.
  const uMin = Math.min(u1, u2);
  const spssExact = big <= 40 ? Math.min(1, 2 * lowerTail(getNull(), uMin)) : null;
  if (hasTies && spssExact !== null && convention === "spss")
    warnings.push("Exact Sig. [2*(1-tailed Sig.)] is not corrected for ties (as SPSS)");
  // SPSS: Wilcoxon W is the rank sum of the smaller group (IBM NPAR TESTS M-W); with equal sizes the smaller rank sum.
  const wilcoxonW = m < n ? r1 : n < m ? r2 : Math.min(r1, r2);

  const est = confInt
    ? hodgesLehmann(xs, ys, useExact && !tiedExact, correct, alternative, confLevel, getNull, sigma > 0)
    : { estimate: null, ci: null, method: "not computed" };
  const zSpss = (uMin - (m * n) / 2) / sigma;
  const details: MannWhitneyDetails = {
    U: uMin,
    U1: u1,
    U2: u2,
    wilcoxonW,
    rankSums: [r1, r2],
    meanRanks: [r1 / m, r2 / n],
    sizes: [m, n],
    tieCorrection: tieSum,
    z: zFor(correct, alternative),
    zSpss,
    exactSig2x1Tailed: spssExact,
    exact: useExact,
    exactWithTies: tiedExact,
    continuityCorrection: useExact ? false : correct,
    ciMethod: est.method,
  };
  const spss = convention === "spss";
  return statResult({
    test: "mann-whitney",
    method: spss
      ? "Mann–Whitney U test"
      : tiedExact
        ? "Exact Wilcoxon rank sum test (conditional, with ties)"
        : useExact
          ? "Wilcoxon rank sum exact test"
          : correct
            ? "Wilcoxon rank sum test with continuity correction"
            : "Wilcoxon rank sum test",
    convention: tiedExact
      ? "R exactRankTests::wilcox.exact (conditional exact distribution of mid-ranks)"
      : spss
        ? "SPSS 27 NPAR TESTS /M-W (Z tie-corrected, no continuity correction; Asymp. Sig. (2-tailed))"
        : `R stats::wilcox.test(exact = ${useExact ? "TRUE" : "FALSE"}, correct = ${correct ? "TRUE" : "FALSE"}, ` +
          `conf.int = ${confInt ? "TRUE" : "FALSE"})`,
    statisticName: "W",
    statistic: u1,
    pValue,
    alternative,
    estimateName: !confInt ? null : spss ? "Hodges–Lehmann shift (x − y)" : "difference in location",
    estimate: est.estimate,
    ci: est.ci,
    confLevel,
    n: big,
    warnings,
    details,
  });
}

/** Hodges–Lehmann estimate and interval exactly as R's wilcox.test computes them. */
function hodgesLehmann(
  xs: Float64Array,
  ys: Float64Array,
  exact: boolean,
  correct: boolean,
  alternative: Alternative,
  confLevel: number,
  getNull: () => Float64Array,
  normalOk: boolean,
): { estimate: number; ci: [number, number]; method: string } {
  const m = xs.length;
  const n = ys.length;
  const alpha = 1 - confLevel;
  const xSorted = Float64Array.from(xs).sort();
  const ySorted = Float64Array.from(ys).sort();
  if (exact) {
    // R sorts all m·n differences and indexes them; the same order statistics, selected directly.
    const mn = m * n;
    const diff = (k: number): number => pairwiseDifferenceQuantiles(xSorted, ySorted, [k])[0];
    const med = mn % 2 === 1 ? diff((mn - 1) / 2) : (diff(mn / 2 - 1) + diff(mn / 2)) / 2;
    const probs = getNull();
    let ci: [number, number];
    if (alternative === "two-sided") {
      let qu = nullQuantile(probs, alpha / 2);
      if (qu === 0) qu = 1;
      const ql = mn - qu;
      ci = [diff(qu - 1), diff(ql)];
    } else {
      let qu = nullQuantile(probs, alpha);
      if (qu === 0) qu = 1;
      ci = alternative === "greater" ? [diff(qu - 1), Infinity] : [-Infinity, diff(mn - qu)];
    }
    return { estimate: med, ci, method: "exact" };
  }
  if (!normalOk) return { estimate: NaN, ci: [NaN, NaN], method: "asymptotic" };
  const big = m + n;
  // R's wdiff(d, zq): standardized rank-sum statistic of (x − d, y) minus zq; a decreasing step function of d.
  const wdiff = (d: number, zq: number, cc: boolean): number => {
    const { rankSumX, tieSum } = shiftedRankSum(xSorted, ySorted, d);
    const dz = rankSumX - (m * (m + 1)) / 2 - (m * n) / 2;
    const corr = !cc ? 0 : alternative === "two-sided" ? Math.sign(dz) * 0.5 : alternative === "greater" ? 0.5 : -0.5;
    const sigma = Math.sqrt(((m * n) / 12) * (big + 1 - tieSum / (big * (big - 1))));
    return (dz - corr) / sigma - zq;
  };
  // The extreme pairwise differences (rounding is monotone, so these are the extremes of x[i] − y[j]).
  const muMin = xSorted[0] - ySorted[n - 1];
  const muMax = xSorted[m - 1] - ySorted[0];
  return {
    ...invertNormalStatistic(wdiff, correct, muMin, muMax, alternative, alpha, normalQuantile),
    method: "asymptotic",
  };
}

/**
 * Mid-rank sum of x − d in the pooled sample (x − d, y) and the tie sum Σ(t³ − t), as midRanks would
 * give them, by one merge of the sorted samples: O(m + n) instead of a sort. Tie groups are visited in
 * ascending order, so the tie sum accumulates in midRanks's order.
 */
function shiftedRankSum(xs: Float64Array, ys: Float64Array, d: number): { rankSumX: number; tieSum: number } {
  const m = xs.length;
  const n = ys.length;
  let i = 0;
  let j = 0;
  let rank = 0; // ranks used so far
  let rankSumX = 0;
  let tieSum = 0;
  while (i < m || j < n) {
    const v = i < m && (j >= n || xs[i] - d <= ys[j]) ? xs[i] - d : ys[j];
    let tx = 0;
    while (i < m && xs[i] - d === v) {
      tx++;
      i++;
    }
    let ty = 0;
    while (j < n && ys[j] === v) {
      ty++;
      j++;
    }
    const t = tx + ty;
    const avg = (rank + 1 + rank + t) / 2;
    rankSumX += tx * avg;
    if (t > 1) tieSum += t * t * t - t;
    rank += t;
  }
  return { rankSumX, tieSum };
}
