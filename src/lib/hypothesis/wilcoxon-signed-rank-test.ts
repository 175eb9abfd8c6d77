import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import type { Alternative } from "../core/result";
import { statResult, type StatResult } from "../core/result";
import { normalPValue, normalQuantile } from "../distributions";
import {
  conditionalPValue,
  lowerTail,
  nullQuantile,
  signedRankNull,
  tiedSignedRankNull,
  upperTail,
} from "./internal/exact-rank-distributions";
import { midRanks } from "./mid-ranks";
import { invertNormalStatistic } from "./internal/root";
import { checkAlternative, checkChoice, checkConfLevel, checkSameLength, checkSample } from "./internal/validate";

/** Options of {@link wilcoxonSignedRankTest}. */
export interface SignedRankOptions {
  /**
   * "spss" (default): SPSS 27 NPAR TESTS /WILCOXON — zero differences are excluded (they appear as
   * "Ties" in SPSS's Ranks table), Z = (min(T+, T−) − n(n+1)/4) / σ with the tie correction
   * Σ(t³ − t)/48 and no continuity correction, "Asymp. Sig. (2-tailed)".
   * "r": stats::wilcox.test(paired = TRUE) — V = T+, exact when n < 50 with no ties and no zeros,
   * otherwise normal with continuity correction.
   */
  readonly convention?: "spss" | "r";
  /**
   * "wilcoxon" (default; SPSS and R): drop zero differences, then rank. "pratt": rank |d| including
   * the zeros, then drop the zeros' ranks (Pratt 1959; coin::wilcoxsign_test(zero.method = "Pratt")),
   * normal approximation with variance Σ r_i²/4 over non-zero differences.
   */
  readonly zeroMethod?: "wilcoxon" | "pratt";
  /**
   * Force the exact (true) or normal (false) p-value; default per convention. With ties or zeros,
   * exact: true uses the conditional permutation distribution of the mid-rank sum of the non-zero
   * differences (exactRankTests::wilcox.exact; two-sided P(|T − E| ≥ |t − E|)); the estimate and
   * interval are then the asymptotic ones.
   */
  readonly exact?: boolean;
  readonly correct?: boolean;
  readonly alternative?: Alternative;
  readonly confLevel?: number;
  /** Location under the null (R's mu). Default 0. */
  readonly mu?: number;
}

/** Details of {@link wilcoxonSignedRankTest}; the optional fields are absent under zeroMethod "pratt". */
export interface SignedRankDetails {
  /** Sum of the ranks of the positive differences (= the statistic, R's V). */
  readonly Tplus: number;
  readonly Tminus?: number;
  readonly positive?: number;
  readonly negative?: number;
  /** Zero differences (dropped, or under Pratt ranked then dropped). */
  readonly zeros: number;
  readonly nonZero: number;
  /** Pratt: mean and variance of T+ under the null. */
  readonly expected?: number;
  readonly variance?: number;
  /** Σ(t³ − t) over tie groups of |d|. */
  readonly tieCorrection?: number;
  /** Standardized T+ behind the normal p-value (continuity-corrected when the correction is applied). */
  readonly z: number;
  /** SPSS's "Z" = (min(T+, T−) − n(n + 1)/4) / σ, tie-corrected, no continuity correction (≤ 0). */
  readonly zSpss?: number;
  readonly exact?: boolean;
  readonly exactWithTies?: boolean;
  readonly continuityCorrection?: boolean;
}

/**
 * Wilcoxon signed-rank test of the paired differences x − y (or of x alone when y is omitted), with
 * the Hodges–Lehmann pseudomedian and its interval as R wilcox.test(conf.int = TRUE).
 *
 * Reference: Wilcoxon F (1945) Biometrics Bull 1:80; Pratt JW (1959) JASA 54:655; Hollander, Wolfe &
 * Chicken (2014) ch. 3. R: stats::wilcox.test(x, y, paired = TRUE, exact = NULL, correct = TRUE).
 * SPSS 27: NPAR TESTS /WILCOXON = a WITH b (PAIRED) — IBM's NPAR TESTS docs: the Ranks table lists
 * positive and negative differences with their rank sums and, separately, the number of ties (zero
 * differences), i.e. zeros are not ranked; Z from the rank sums, asymptotic only (no continuity correction).
 * Cost: O(n log n) for the test; O(n² log n) for the interval; O(n³) for the exact null.
 *
 * `statistic` is R's V = T+, the rank sum of the positive differences, whatever the convention; SPSS's Z
 * is `details.zSpss`, and the Z behind a normal p-value `details.z`.
 *
 * @example
 * const r = wilcoxonSignedRankTest([5, 6, 7, 3, 8], [1, 2, 0, 3, 1]);
 * r.details.nonZero // 4 (one zero dropped)
 * r.statistic // 10 (V = T+: the non-zero differences 4, 4, 7, 7 are all positive, ranks 1.5 + 1.5 + 3.5 + 3.5)
 */
export function wilcoxonSignedRankTest(
  x: ArrayLike<number>,
  y?: ArrayLike<number>,
  options: SignedRankOptions = {},
): StatResult<SignedRankDetails> {
  checkOptions(options);
  const convention = checkChoice(options.convention, ["spss", "r"] as const, "spss", "options.convention");
  const zeroMethod = checkChoice(options.zeroMethod, ["wilcoxon", "pratt"] as const, "wilcoxon", "options.zeroMethod");
  const alternative = checkAlternative(options.alternative, "options.alternative");
  const confLevel = checkConfLevel(options.confLevel, "options.confLevel");
  const mu = options.mu ?? 0;
  if (!Number.isFinite(mu)) throw new InputError("must be a finite number", { field: "options.mu", value: mu });
  const correct = options.correct ?? convention === "r";
  const xs = checkSample(x, "x", 1);
  let d: Float64Array;
  if (y !== undefined) {
    const ys = checkSample(y, "y", 1);
    checkSameLength(x, y, "x", "y");
    d = xs.map((v, i) => v - ys[i] - mu);
  } else d = xs.map((v) => v - mu);
  const nAll = d.length;
  const nonZero = d.filter((v) => v !== 0);
  const nZero = nAll - nonZero.length;
  const n = nonZero.length;
  const warnings: string[] = [];
  if (n === 0)
    throw new InputError("all differences are zero: the signed-rank test is undefined", {
      field: y === undefined ? "x" : "x − y",
    });

  if (zeroMethod === "pratt") {
    const { ranks } = midRanks(d.map(Math.abs));
    let tPlus = 0;
    let mean = 0;
    let variance = 0;
    for (let i = 0; i < nAll; i++) {
      if (d[i] === 0) continue;
      if (d[i] > 0) tPlus += ranks[i];
      mean += ranks[i] / 2;
      variance += (ranks[i] * ranks[i]) / 4;
    }
    const z = (tPlus - mean) / Math.sqrt(variance);
    if (nZero > 0) warnings.push(`${nZero} zero differences ranked, then their ranks dropped (Pratt)`);
    return statResult({
      test: "wilcoxon-signed-rank",
      method: "Wilcoxon signed-rank test, Pratt treatment of zeros",
      convention: 'Pratt (1959) = R coin::wilcoxsign_test(zero.method = "Pratt") (asymptotic)',
      statisticName: "V",
      statistic: tPlus,
      pValue: normalPValue(z, alternative),
      alternative,
      n: nAll,
      warnings,
      details: { Tplus: tPlus, expected: mean, variance, zeros: nZero, nonZero: n, z },
    });
  }

  const { ranks, tieSum } = midRanks(nonZero.map(Math.abs));
  let tPlus = 0;
  for (let i = 0; i < n; i++) if (nonZero[i] > 0) tPlus += ranks[i];
  const tMinus = (n * (n + 1)) / 2 - tPlus;
  const hasTies = tieSum > 0;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  const exactDefault = convention === "r" ? n < 50 && !hasTies && nZero === 0 : false;
  const useExact = options.exact ?? exactDefault;
  const tiedExact = useExact && (hasTies || nZero > 0);
  let nullDist: Float64Array | null = null;
  const getNull = (): Float64Array => (nullDist ??= signedRankNull(n));
  const half = (n * (n + 1)) / 4;
  const zFor = (cc: boolean): number => {
    const dz = tPlus - half;
    const corr = !cc ? 0 : alternative === "two-sided" ? Math.sign(dz) * 0.5 : alternative === "greater" ? 0.5 : -0.5;
    return (dz - corr) / sigma;
  };
  let pValue: number;
  if (tiedExact) {
    const scores = Int32Array.from(ranks, (r) => Math.round(2 * r));
    pValue = conditionalPValue(tiedSignedRankNull(scores), Math.round(2 * tPlus), alternative);
  } else if (useExact) {
    const probs = getNull();
    if (alternative === "two-sided")
      pValue = Math.min(1, 2 * (tPlus > half ? upperTail(probs, tPlus - 1) : lowerTail(probs, tPlus)));
    else pValue = alternative === "greater" ? upperTail(probs, tPlus - 1) : lowerTail(probs, tPlus);
  } else {
    pValue = sigma > 0 ? normalPValue(zFor(correct), alternative) : NaN;
  }
  if (nZero > 0) warnings.push(`${nZero} zero difference${nZero === 1 ? "" : "s"} dropped before ranking`);
  const est = pseudomedian(nonZero, mu, useExact && !tiedExact, correct, alternative, confLevel, getNull);
  const zSpss = (Math.min(tPlus, tMinus) - half) / sigma;
  const details: SignedRankDetails = {
    Tplus: tPlus,
    Tminus: tMinus,
    positive: nonZero.filter((v) => v > 0).length,
    negative: nonZero.filter((v) => v < 0).length,
    zeros: nZero,
    nonZero: n,
    tieCorrection: tieSum,
    z: zFor(correct),
    zSpss,
    exact: useExact,
    exactWithTies: tiedExact,
    continuityCorrection: useExact ? false : correct,
  };
  return statResult({
    test: "wilcoxon-signed-rank",
    method: tiedExact
      ? "Exact Wilcoxon signed rank test (conditional, with ties)"
      : useExact
        ? "Wilcoxon signed rank exact test"
        : correct
          ? "Wilcoxon signed rank test with continuity correction"
          : "Wilcoxon signed rank test",
    convention: tiedExact
      ? "R exactRankTests::wilcox.exact(paired = TRUE) (conditional exact distribution of mid-ranks, zeros dropped)"
      : convention === "spss"
        ? "SPSS 27 NPAR TESTS /WILCOXON (zeros excluded, Z tie-corrected, no continuity correction)"
        : `R stats::wilcox.test(paired = TRUE, exact = ${useExact ? "TRUE" : "FALSE"}, correct = ` +
          `${correct ? "TRUE" : "FALSE"})`,
    statisticName: "V",
    statistic: tPlus,
    pValue,
    alternative,
    estimateName: "(pseudo)median",
    estimate: est.estimate,
    ci: est.ci,
    confLevel,
    n: nAll,
    warnings,
    details,
  });
}

/** R's signed-rank Hodges–Lehmann estimate and interval (on the non-zero differences, shifted back by mu). */
function pseudomedian(
  dNonZero: Float64Array,
  mu: number,
  exact: boolean,
  correct: boolean,
  alternative: Alternative,
  confLevel: number,
  getNull: () => Float64Array,
): { estimate: number; ci: [number, number] } {
  const n = dNonZero.length;
  const x = dNonZero.map((v) => v + mu);
  const alpha = 1 - confLevel;
  if (exact) {
    const walsh = new Float64Array((n * (n + 1)) / 2);
    let k = 0;
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh[k++] = (x[i] + x[j]) / 2;
    walsh.sort();
    const len = walsh.length;
    const med = len % 2 === 1 ? walsh[(len - 1) / 2] : (walsh[len / 2 - 1] + walsh[len / 2]) / 2;
    const probs = getNull();
    let qu = nullQuantile(probs, alternative === "two-sided" ? alpha / 2 : alpha);
    if (qu === 0) qu = 1;
    const ql = len - qu;
    const ci: [number, number] =
      alternative === "two-sided"
        ? [walsh[qu - 1], walsh[ql]]
        : alternative === "greater"
          ? [walsh[qu - 1], Infinity]
          : [-Infinity, walsh[ql]];
    return { estimate: med, ci };
  }
  const buf = new Float64Array(n);
  const wdiff = (dd: number, zq: number, cc: boolean): number => {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i] - dd;
      if (v !== 0) buf[m++] = v;
    }
    const xd = buf.subarray(0, m);
    const { ranks, tieSum } = midRanks(xd.map(Math.abs));
    let pos = 0;
    for (let i = 0; i < m; i++) if (xd[i] > 0) pos += ranks[i];
    const zd = pos - (m * (m + 1)) / 4;
    const sigma = Math.sqrt((m * (m + 1) * (2 * m + 1)) / 24 - tieSum / 48);
    const corr = !cc ? 0 : alternative === "two-sided" ? Math.sign(zd) * 0.5 : alternative === "greater" ? 0.5 : -0.5;
    return (zd - corr) / sigma - zq;
  };
  let muMin = Infinity;
  let muMax = -Infinity;
  for (const v of x) {
    muMin = Math.min(muMin, v);
    muMax = Math.max(muMax, v);
  }
  return invertNormalStatistic(wdiff, correct, muMin, muMax, alternative, alpha, normalQuantile);
}
